using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom;

// Types declared with attributes: QomTypeAttribute on a class, QomInterfaceAttribute on a C#
// interface. The registry reads them once into a QomTypeInfo.
public sealed partial class QomTypeRegistry
{
    private const BindingFlags DeclaredMembers =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly MethodInfo AddDeclaredPropertyMethod =
        typeof(QomTypeRegistry).GetMethod(nameof(AddDeclaredProperty), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Dictionary<Type, QomType> _declared = [];

    /// <summary>Registers the type declared on <typeparamref name="T"/> with <see cref="QomTypeAttribute"/>.</summary>
    /// <exception cref="ArgumentException">The class carries no <see cref="QomTypeAttribute"/>, or a hook or property is declared wrongly.</exception>
    /// <exception cref="InvalidOperationException">A type of that name exists.</exception>
    public QomType Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>()
        where T : QomObject => Register(typeof(T));

    /// <summary>
    /// Registers the type declared on the class <paramref name="declaration"/> with
    /// <see cref="QomTypeAttribute"/>, or the interface declared on the C# interface
    /// <paramref name="declaration"/> with <see cref="QomInterfaceAttribute"/>. C# interfaces the
    /// class implements that are QOM interfaces are registered too when they are not yet.
    /// </summary>
    /// <returns>The registered type.</returns>
    /// <exception cref="ArgumentException">The type carries no declaration, or a hook or property is declared wrongly.</exception>
    /// <exception cref="InvalidOperationException">A type of that name exists.</exception>
    public QomType Register([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        lock (Gate)
        {
            if (_declared.TryGetValue(declaration, out var existing))
            {
                throw new InvalidOperationException($"Registering `{existing.Name}' which already exists");
            }
        }

        if (declaration.IsInterface)
        {
            var attribute = declaration.GetCustomAttribute<QomInterfaceAttribute>(inherit: false)
                ?? throw new ArgumentException($"{declaration.Name} has no [QomInterface] attribute", nameof(declaration));
            return Remember(declaration, Register(new QomTypeInfo(attribute.Name) { Parent = attribute.Parent, ClassType = attribute.ClassType }));
        }

        return Remember(declaration, Register(DescribeClass(declaration)));
    }

    /// <summary>The type registered from the declaration on <paramref name="declaration"/>, or null.</summary>
    public QomType? FindDeclaredType(Type declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        lock (Gate)
        {
            return _declared.GetValueOrDefault(declaration);
        }
    }

    private QomType Remember(Type declaration, QomType type)
    {
        lock (Gate)
        {
            _declared[declaration] = type;
        }

        return type;
    }

    private QomTypeInfo DescribeClass([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type type)
    {
        var attribute = type.GetCustomAttribute<QomTypeAttribute>(inherit: false)
            ?? throw new ArgumentException($"{type.Name} has no [QomType] attribute", nameof(type));
        if (!typeof(QomObject).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type.Name}: a [QomType] class must derive from QomObject", nameof(type));
        }

        var parent = attribute.Parent ?? ParentDeclaredOn(type.BaseType);

        var interfaces = new List<string>(attribute.Interfaces);
        foreach (var implemented in type.GetInterfaces())
        {
            if (implemented.GetCustomAttribute<QomInterfaceAttribute>(inherit: false) is { } declared)
            {
                if (FindType(declared.Name) is null)
                {
                    Register(implemented);
                }

                if (!interfaces.Contains(declared.Name))
                {
                    interfaces.Add(declared.Name);
                }
            }
        }

        var classInit = FindHook(type, typeof(QomClassInitAttribute), isStatic: true);
        var classBaseInit = FindHook(type, typeof(QomClassBaseInitAttribute), isStatic: true);
        var instanceInit = FindHook(type, typeof(QomInstanceInitAttribute), isStatic: false);
        var postInit = FindHook(type, typeof(QomInstancePostInitAttribute), isStatic: false);
        var finalize = FindHook(type, typeof(QomInstanceFinalizeAttribute), isStatic: false);
        var properties = type.GetProperties(DeclaredMembers)
            .Where(p => p.IsDefined(typeof(QomPropertyAttribute), inherit: false))
            .OrderBy(p => p.MetadataToken)
            .ToArray();

        return new QomTypeInfo(attribute.Name)
        {
            Parent = parent,
            Abstract = attribute.Abstract,
            Interfaces = interfaces,
            InstanceType = type,
            ClassType = attribute.ClassType,
            OptionsType = attribute.Options,
            ClassInit = properties.Length == 0 && classInit is null ? null : klass =>
            {
                foreach (var property in properties)
                {
                    AddDeclaredPropertyMethod.MakeGenericMethod(type, property.PropertyType)
                        .Invoke(null, BindingFlags.DoNotWrapExceptions, null, [klass, property], null);
                }

                InvokeStatic(classInit, klass);
            },
            ClassBaseInit = classBaseInit is null ? null : klass => InvokeStatic(classBaseInit, klass),
            InstanceInit = InstanceHook(instanceInit),
            InstancePostInit = InstanceHook(postInit),
            InstanceFinalize = InstanceHook(finalize),
        };
    }

    private static string ParentDeclaredOn(Type? baseType)
    {
        for (var t = baseType; t is not null && t != typeof(QomObject); t = t.BaseType)
        {
            if (t.GetCustomAttribute<QomTypeAttribute>(inherit: false) is { } declared)
            {
                return declared.Name;
            }
        }

        return TypeNames.Object;
    }

    private static MethodInfo? FindHook(Type type, Type attribute, bool isStatic)
    {
        var hooks = type.GetMethods(DeclaredMembers).Where(m => m.IsDefined(attribute, inherit: false)).ToArray();
        var what = attribute.Name[..^"Attribute".Length];
        if (hooks.Length > 1)
        {
            throw new ArgumentException($"{type.Name} has more than one [{what}] method", nameof(type));
        }

        if (hooks.Length == 0)
        {
            return null;
        }

        var hook = hooks[0];
        var parameters = hook.GetParameters();
        var shapeOk = isStatic
            ? hook.IsStatic && parameters.Length == 1 && typeof(ObjectClass).IsAssignableFrom(parameters[0].ParameterType)
            : !hook.IsStatic && parameters.Length == 0;
        if (!shapeOk || hook.ReturnType != typeof(void))
        {
            var expected = isStatic ? "static void M(ObjectClass or a class type)" : "void M() on the instance";
            throw new ArgumentException($"{type.Name}.{hook.Name}: a [{what}] method must be {expected}", nameof(type));
        }

        return hook;
    }

    private static void InvokeStatic(MethodInfo? method, ObjectClass klass)
    {
        if (method is null)
        {
            return;
        }

        var parameterType = method.GetParameters()[0].ParameterType;
        if (!parameterType.IsInstanceOfType(klass))
        {
            throw new InvalidOperationException(
                $"{method.DeclaringType!.Name}.{method.Name} takes a {parameterType.Name}, but the class of '{klass.Name}' is a {klass.GetType().Name}");
        }

        method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [klass], null);
    }

    private static Action<QomObject>? InstanceHook(MethodInfo? method) =>
        method is null ? null : obj => method.Invoke(obj, BindingFlags.DoNotWrapExceptions, null, null, null);

    // One [QomProperty] as a class property, with typed delegates to the C# accessors.
    private static void AddDeclaredProperty<TObject, TValue>(ObjectClass klass, PropertyInfo property)
        where TObject : class
    {
        var attribute = property.GetCustomAttribute<QomPropertyAttribute>(inherit: false)!;
        var getter = property.GetMethod is { IsStatic: false } get ? get.CreateDelegate<Func<TObject, TValue>>() : null;
        var setter = !attribute.ReadOnly && property.SetMethod is { IsStatic: false } set ? set.CreateDelegate<Action<TObject, TValue>>() : null;
        var valueType = typeof(TValue);
        var name = attribute.Name;

        ObjectProperty added;
        if (valueType == typeof(string))
        {
            added = klass.AddProperty(name, attribute.Type ?? "string",
                TypedAccessors.StringGetter((Func<TObject, string?>?)(object?)getter),
                TypedAccessors.StringSetter((Action<TObject, string>?)(object?)setter));
        }
        else if (valueType.IsEnum)
        {
            added = AddEnumDeclared(klass, name, attribute.Type, getter, setter);
        }
        else if (ScalarVisitFor(valueType, attribute.Size) is { } scalar)
        {
            added = klass.AddProperty(name, attribute.Type ?? scalar.TypeName,
                TypedAccessors.Getter(getter, (ScalarVisit<TValue>)scalar.Visit),
                TypedAccessors.Setter(setter, (ScalarVisit<TValue>)scalar.Visit));
        }
        else if (valueType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQapiType<>)))
        {
            added = (ObjectProperty)typeof(QomTypeRegistry).GetMethod(nameof(AddDeclaredQapi), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(typeof(TObject), valueType)
                .Invoke(null, BindingFlags.DoNotWrapExceptions, null, [klass, name, attribute.Type, getter, setter], null)!;
        }
        else
        {
            throw new ArgumentException(
                $"{typeof(TObject).Name}.{property.Name}: a [QomProperty] cannot be a {valueType.Name}; use ObjectClass.AddProperty in a class-init method");
        }

        added.Description = attribute.Description;
        if (attribute.Default is { } value)
        {
            added.SetDefault(value switch
            {
                bool b => (QObject)QBool.From(b),
                string s => new QString(s),
                ulong u => new QNum(u),
                double d => new QNum(d),
                IConvertible c => new QNum(c.ToInt64(System.Globalization.CultureInfo.InvariantCulture)),
                _ => throw new ArgumentException($"{typeof(TObject).Name}.{property.Name}: unsupported default {value}"),
            });
        }
    }

    private static ObjectProperty AddEnumDeclared<TObject, TValue>(ObjectClass klass, string name, string? typeName,
        Func<TObject, TValue>? getter, Action<TObject, TValue>? setter)
        where TObject : class =>
        (ObjectProperty)typeof(QomTypeRegistry).GetMethod(nameof(AddDeclaredEnum), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeof(TObject), typeof(TValue))
            .Invoke(null, BindingFlags.DoNotWrapExceptions, null, [klass, name, typeName, getter, setter], null)!;

    private static ObjectProperty AddDeclaredEnum<TObject, TEnum>(ObjectClass klass, string name, string? typeName,
        Func<TObject, TEnum>? getter, Action<TObject, TEnum>? setter)
        where TObject : class
        where TEnum : struct, Enum => klass.AddEnumProperty(name, getter, setter, typeName);

    private static ObjectProperty AddDeclaredQapi<TObject, TValue>(ObjectClass klass, string name, string? typeName,
        Func<TObject, TValue>? getter, Action<TObject, TValue>? setter)
        where TObject : class
        where TValue : class, IQapiType<TValue> =>
        klass.AddProperty(name, typeName ?? QapiTypeNames.Of(typeof(TValue)), TypedAccessors.QapiGetter(getter), TypedAccessors.QapiSetter(setter));

    private static (string TypeName, Delegate Visit)? ScalarVisitFor(Type type, bool size) => type switch
    {
        _ when type == typeof(bool) => ("bool", Visits.Bool),
        _ when type == typeof(sbyte) => ("int8", Visits.Int8),
        _ when type == typeof(short) => ("int16", Visits.Int16),
        _ when type == typeof(int) => ("int32", Visits.Int32),
        _ when type == typeof(long) => ("int64", Visits.Int64),
        _ when type == typeof(byte) => ("uint8", Visits.UInt8),
        _ when type == typeof(ushort) => ("uint16", Visits.UInt16),
        _ when type == typeof(uint) => ("uint32", Visits.UInt32),
        _ when type == typeof(ulong) => size ? ("size", Visits.Size) : ("uint64", Visits.UInt64),
        _ when type == typeof(double) => ("number", Visits.Number),
        _ => null,
    };
}
