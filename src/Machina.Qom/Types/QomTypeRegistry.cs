using System.Diagnostics.CodeAnalysis;

namespace Machina.Qom;

/// <summary>
/// The QOM types of one <see cref="QomRuntime"/>, by name (QEMU's type table): registration,
/// lookup, and the class lists behind <c>qom-list-types</c> and <c>-object help</c>.
/// </summary>
/// <remarks>
/// <para>A type may be registered before its parent: names are resolved when the type's class is
/// first needed. The registry defines the two roots itself: <c>object</c>, with the class property
/// <c>type</c>, and <c>interface</c>.</para>
/// <para>Registration and lookups are safe from any thread; class initialisation runs once, under
/// the registry's lock.</para>
/// </remarks>
public sealed partial class QomTypeRegistry
{
    private readonly Dictionary<string, QomType> _byName = new(StringComparer.Ordinal);
    private readonly List<QomType> _ordered = [];
    private int _enumerating;

    internal QomTypeRegistry(QomRuntime runtime)
    {
        Runtime = runtime;
        InterfaceRoot = Add(new QomTypeInfo(TypeNames.Interface) { Abstract = true, ClassType = typeof(InterfaceClass) });
        ObjectRoot = Add(new QomTypeInfo(TypeNames.Object)
        {
            Abstract = true,
            InstanceType = typeof(QomObject),
            ClassInit = static klass => klass.AddStringProperty<QomObject>("type", static obj => obj.TypeName, null),
        });
    }

    /// <summary>The runtime whose types these are.</summary>
    public QomRuntime Runtime { get; }

    /// <summary>The type <c>interface</c>, root of every interface.</summary>
    public QomType InterfaceRoot { get; }

    /// <summary>The type <c>object</c>, root of every type that has objects.</summary>
    public QomType ObjectRoot { get; }

    /// <summary>The number of registered types.</summary>
    public int Count
    {
        get
        {
            lock (Gate)
            {
                return _ordered.Count;
            }
        }
    }

    /// <summary>Every registered type, in registration order (a snapshot).</summary>
    public IReadOnlyList<QomType> Types
    {
        get
        {
            lock (Gate)
            {
                return [.. _ordered];
            }
        }
    }

    internal Lock Gate { get; } = new();

    /// <summary>Registers a type (QEMU's <c>type_register</c>).</summary>
    /// <returns>The registered type; its class is created when first needed.</returns>
    /// <exception cref="ArgumentException">The description names no parent.</exception>
    /// <exception cref="InvalidOperationException">A type of that name exists ("Registering `NAME' which already exists"), or the registry is being listed.</exception>
    public QomType Register(QomTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Parent is null)
        {
            throw new ArgumentException($"QOM type '{info.Name}' names no parent; every type descends from 'object' or 'interface'", nameof(info));
        }

        return Add(info);
    }

    /// <summary>Registers an interface type (a type whose parent is <c>interface</c> or another interface).</summary>
    /// <param name="name">The interface's name.</param>
    /// <param name="parent">Its parent interface.</param>
    /// <param name="classType">The .NET class of its interface classes, deriving from <see cref="InterfaceClass"/>; null for the parent's.</param>
    /// <exception cref="InvalidOperationException">A type of that name exists.</exception>
    public QomType RegisterInterface(string name, string parent = TypeNames.Interface,
        [DynamicallyAccessedMembers(QomTypeInfo.ClassMembers)] Type? classType = null) =>
        Register(new QomTypeInfo(name) { Parent = parent, ClassType = classType });

    /// <summary>The type named <paramref name="name"/>, or null.</summary>
    public QomType? FindType(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (Gate)
        {
            return _byName.GetValueOrDefault(name);
        }
    }

    /// <summary>The type named <paramref name="name"/>, when registered.</summary>
    public bool TryGetType(string name, [NotNullWhen(true)] out QomType? type) => (type = FindType(name)) is not null;

    /// <summary>The class of the type named <paramref name="name"/>, initialised, or null (QEMU's <c>object_class_by_name</c>).</summary>
    public ObjectClass? FindClass(string name) => FindType(name)?.Class;

    /// <summary>
    /// The classes of every type that implements <paramref name="implements"/> (descends from it, or
    /// implements it as an interface), abstract ones only when <paramref name="includeAbstract"/>,
    /// in registration order (QEMU's <c>object_class_foreach</c>; QEMU's own order is its hash table's).
    /// </summary>
    /// <param name="implements">A type name, or null for every type. An unknown name matches nothing.</param>
    /// <param name="includeAbstract">Whether to include abstract types (interfaces among them).</param>
    public IReadOnlyList<ObjectClass> ListClasses(string? implements, bool includeAbstract)
    {
        var result = new List<ObjectClass>();
        Interlocked.Increment(ref _enumerating);
        try
        {
            foreach (var type in Types)
            {
                var klass = type.Class;
                if (!includeAbstract && type.IsAbstract)
                {
                    continue;
                }

                if (implements is not null && klass.DynamicCast(implements) is null)
                {
                    continue;
                }

                result.Add(klass);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _enumerating);
        }

        return result;
    }

    /// <summary>
    /// <see cref="ListClasses"/> sorted by name ignoring ASCII case (QEMU's <c>object_class_get_list_sorted</c>).
    /// </summary>
    public IReadOnlyList<ObjectClass> ListClassesSorted(string? implements, bool includeAbstract)
    {
        var list = ListClasses(implements, includeAbstract).ToList();
        list.Sort(static (a, b) => CompareIgnoringAsciiCase(a.Name, b.Name));
        return list;
    }

    // C's strcasecmp on the names, which are ASCII in practice: ASCII letters compare without case.
    internal static int CompareIgnoringAsciiCase(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            int x = LowerAscii(a[i]), y = LowerAscii(b[i]);
            if (x != y)
            {
                return x - y;
            }
        }

        return a.Length - b.Length;

        static int LowerAscii(char c) => c is >= 'A' and <= 'Z' ? c + 32 : c;
    }

    private QomType Add(QomTypeInfo info)
    {
        lock (Gate)
        {
            if (Volatile.Read(ref _enumerating) != 0)
            {
                throw new InvalidOperationException($"cannot register '{info.Name}' while the types are being listed");
            }

            if (_byName.ContainsKey(info.Name))
            {
                throw new InvalidOperationException($"Registering `{info.Name}' which already exists");
            }

            var type = new QomType(this, info);
            _byName.Add(info.Name, type);
            _ordered.Add(type);
            return type;
        }
    }
}
