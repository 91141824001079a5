using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom.Declarations;

/// <summary>
/// Adds the class properties of C# properties marked <see cref="QomPropertyAttribute"/>: the
/// generated class-init code calls <c>klass.AddDeclaredProperty(...)</c> with typed delegates to
/// the C# accessors, and the C# compiler picks the overload for the value type: these for strings
/// and scalars, <see cref="QomDeclaredEnumProperties"/> for QAPI enums and
/// <see cref="QomDeclaredQapiProperties"/> for QAPI structs, unions and alternates.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class QomDeclaredProperties
{
    /// <summary>A <c>string</c> property (or <paramref name="typeName"/>).</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, string?>? getter, Action<TObject, string>? setter)
        where TObject : class
    {
        ArgumentNullException.ThrowIfNull(klass);
        return klass.AddProperty(name, typeName ?? "string", TypedAccessors.StringGetter(getter), TypedAccessors.StringSetter(setter));
    }

    /// <summary>A <c>bool</c> property.</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, bool>? getter, Action<TObject, bool>? setter)
        where TObject : class => AddScalar(klass, name, typeName, size, getter, setter);

    /// <summary>An <c>int8</c> property.</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, sbyte>? getter, Action<TObject, sbyte>? setter)
        where TObject : class => AddScalar(klass, name, typeName, size, getter, setter);

    /// <summary>An <c>int16</c> property.</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, short>? getter, Action<TObject, short>? setter)
        where TObject : class => AddScalar(klass, name, typeName, size, getter, setter);

    /// <summary>An <c>int32</c> property.</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, int>? getter, Action<TObject, int>? setter)
        where TObject : class => AddScalar(klass, name, typeName, size, getter, setter);

    /// <summary>An <c>int64</c> property.</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, long>? getter, Action<TObject, long>? setter)
        where TObject : class => AddScalar(klass, name, typeName, size, getter, setter);

    /// <summary>A <c>uint8</c> property.</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, byte>? getter, Action<TObject, byte>? setter)
        where TObject : class => AddScalar(klass, name, typeName, size, getter, setter);

    /// <summary>A <c>uint16</c> property.</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, ushort>? getter, Action<TObject, ushort>? setter)
        where TObject : class => AddScalar(klass, name, typeName, size, getter, setter);

    /// <summary>A <c>uint32</c> property.</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, uint>? getter, Action<TObject, uint>? setter)
        where TObject : class => AddScalar(klass, name, typeName, size, getter, setter);

    /// <summary>A <c>uint64</c> property, or <c>size</c> when <paramref name="size"/>.</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, ulong>? getter, Action<TObject, ulong>? setter)
        where TObject : class => AddScalar(klass, name, typeName, size, getter, setter);

    /// <summary>A <c>number</c> property.</summary>
    public static ObjectProperty AddDeclaredProperty<TObject>(this ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, double>? getter, Action<TObject, double>? setter)
        where TObject : class => AddScalar(klass, name, typeName, size, getter, setter);

    /// <summary>Sets the description and default the attribute gives.</summary>
    public static ObjectProperty Describe(ObjectProperty property, string? description, QObject? defaultValue)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.Description = description;
        if (defaultValue is not null)
        {
            property.SetDefault(defaultValue);
        }

        return property;
    }

    private static ObjectProperty AddScalar<TObject, T>(ObjectClass klass, string name, string? typeName, bool size,
        Func<TObject, T>? getter, Action<TObject, T>? setter)
        where TObject : class
    {
        ArgumentNullException.ThrowIfNull(klass);
        var (scalarName, visit) = ScalarVisitFor<T>(size);
        return klass.AddProperty(name, typeName ?? scalarName, TypedAccessors.Getter(getter, visit), TypedAccessors.Setter(setter, visit));
    }

    // The typeof(T) tests fold away in each instantiation, under the JIT and Native AOT alike.
    private static (string TypeName, ScalarVisit<T> Visit) ScalarVisitFor<T>(bool size)
    {
        (string Name, Delegate Visit)? scalar = typeof(T) switch
        {
            var t when t == typeof(bool) => ("bool", Visits.Bool),
            var t when t == typeof(sbyte) => ("int8", Visits.Int8),
            var t when t == typeof(short) => ("int16", Visits.Int16),
            var t when t == typeof(int) => ("int32", Visits.Int32),
            var t when t == typeof(long) => ("int64", Visits.Int64),
            var t when t == typeof(byte) => ("uint8", Visits.UInt8),
            var t when t == typeof(ushort) => ("uint16", Visits.UInt16),
            var t when t == typeof(uint) => ("uint32", Visits.UInt32),
            var t when t == typeof(ulong) => size ? ("size", Visits.Size) : ("uint64", Visits.UInt64),
            var t when t == typeof(double) => ("number", Visits.Number),
            _ => null,
        };

        return scalar is { } found
            ? (found.Name, (ScalarVisit<T>)found.Visit)
            : throw new ArgumentException($"a [QomProperty] cannot be a {typeof(T).Name}; use ObjectClass.AddProperty in a class-init method");
    }
}

/// <summary>QAPI enum properties for generated class-init code (see <see cref="QomDeclaredProperties"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class QomDeclaredEnumProperties
{
    /// <summary>A QAPI enum property, typed by the enum's QAPI name (or <paramref name="typeName"/>).</summary>
    public static ObjectProperty AddDeclaredProperty<TObject, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(
        this ObjectClass klass, string name, string? typeName, bool size, Func<TObject, TEnum>? getter, Action<TObject, TEnum>? setter)
        where TObject : class
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(klass);
        return klass.AddEnumProperty(name, getter, setter, typeName);
    }
}

/// <summary>QAPI struct, union and alternate properties for generated class-init code (see <see cref="QomDeclaredProperties"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class QomDeclaredQapiProperties
{
    /// <summary>A property holding a QAPI struct, union or alternate, typed by its QAPI name (or <paramref name="typeName"/>).</summary>
    public static ObjectProperty AddDeclaredProperty<TObject, TValue>(
        this ObjectClass klass, string name, string? typeName, bool size, Func<TObject, TValue>? getter, Action<TObject, TValue>? setter)
        where TObject : class
        where TValue : class, IQapiType<TValue>
    {
        ArgumentNullException.ThrowIfNull(klass);
        return klass.AddProperty(name, typeName ?? QapiTypeNames.Of(typeof(TValue)), TypedAccessors.QapiGetter(getter), TypedAccessors.QapiSetter(setter));
    }
}
