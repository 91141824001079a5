using Machina.Qapi;

namespace Machina.Qom;

/// <summary>
/// The class of a QOM type (QEMU's <c>ObjectClass</c>): one object per type, holding the class
/// properties every object of the type has and the type's interface classes. Types that need
/// class-wide fields derive from this class and name it in <see cref="QomTypeInfo.ClassType"/>.
/// </summary>
/// <remarks>
/// A subtype's class starts as a copy of its parent's: every field declared by a class deriving
/// from <see cref="ObjectClass"/> is copied (as QEMU copies the parent's class struct), then the
/// ancestors' class-base-init hooks and the type's class-init hook run on it.
/// </remarks>
public partial class ObjectClass
{
    private readonly PropertyTable _properties = new();

    /// <summary>Creates an empty class; the registry sets it up.</summary>
    protected internal ObjectClass()
    {
    }

    /// <summary>The type this class belongs to.</summary>
    public QomType Type { get; internal set; } = null!;

    /// <summary>The type's name (QEMU's <c>object_class_get_name</c>).</summary>
    public string Name => Type.Name;

    /// <summary>The parent type's class; null for <c>object</c> and <c>interface</c> (QEMU's <c>object_class_get_parent</c>).</summary>
    public ObjectClass? Parent => Type.Parent?.Class;

    /// <summary>True when objects of exactly this type cannot be created.</summary>
    public bool IsAbstract => Type.IsAbstract;

    /// <summary>The classes of the interfaces this type implements, its parent's first.</summary>
    public IReadOnlyList<InterfaceClass> Interfaces => InterfaceList;

    internal List<InterfaceClass> InterfaceList { get; } = [];

    internal PropertyTable OwnProperties => _properties;

    /// <summary>
    /// This class seen as <paramref name="typeName"/> (QEMU's <c>object_class_dynamic_cast</c>): the
    /// class itself when the type is <paramref name="typeName"/> or descends from it; for an
    /// interface, the class of this type's implementation of it; otherwise, or when two of the
    /// type's interfaces both descend from <paramref name="typeName"/> (an ambiguous cast), null.
    /// </summary>
    public ObjectClass? DynamicCast(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (string.Equals(typeName, Name, StringComparison.Ordinal))
        {
            return this;
        }

        var target = Type.Registry.FindType(typeName);
        if (target is null)
        {
            return null;
        }

        if (InterfaceList.Count != 0 && target.IsSubtypeOf(Type.Registry.InterfaceRoot))
        {
            ObjectClass? found = null;
            var matches = 0;
            foreach (var interfaceClass in InterfaceList)
            {
                if (interfaceClass.Type.IsSubtypeOf(target))
                {
                    found = interfaceClass;
                    matches++;
                }
            }

            return matches == 1 ? found : null;
        }

        return Type.IsSubtypeOf(target) ? this : null;
    }

    /// <summary>
    /// This class seen as <paramref name="typeName"/> and as the .NET class
    /// <typeparamref name="TClass"/> (QEMU's checked class casts, <c>FOO_CLASS(klass)</c>).
    /// </summary>
    /// <exception cref="InvalidCastException">The class is not a <paramref name="typeName"/>, or its class object is not a <typeparamref name="TClass"/>.</exception>
    public TClass CastTo<TClass>(string typeName)
        where TClass : ObjectClass
    {
        var cast = DynamicCast(typeName)
            ?? throw new InvalidCastException($"Class '{Name}' is not an instance of type '{typeName}'");
        return cast as TClass
            ?? throw new InvalidCastException($"Class '{cast.Name}' (seen as '{typeName}') is a {cast.GetType().Name}, not a {typeof(TClass).Name}");
    }

    /// <summary>True when <see cref="DynamicCast"/> succeeds.</summary>
    public bool Implements(string typeName) => DynamicCast(typeName) is not null;

    /// <inheritdoc/>
    public override string ToString() => Name;

    // ---- Class properties ----------------------------------------------------------------------

    /// <summary>
    /// Adds a class property: every object of this type and its subtypes has it (QEMU's
    /// <c>object_class_property_add</c>). The typed helpers (<see cref="AddStringProperty{TObject}"/>
    /// and its siblings) build the accessors for common cases.
    /// </summary>
    /// <exception cref="InvalidOperationException">This class or an ancestor already has a property of that name.</exception>
    public ObjectProperty AddProperty(string name, string type, PropertyAccessor? getter, PropertyAccessor? setter,
        PropertyRelease? release = null, PropertyResolver? resolver = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(type);
        if (FindProperty(name) is not null)
        {
            throw new InvalidOperationException($"attempt to add duplicate property '{name}' to class (type '{Name}')");
        }

        var property = new ObjectProperty(name, type, getter, setter, release) { Resolver = resolver };
        _properties.Add(property);
        return property;
    }

    /// <summary>The class property <paramref name="name"/> of this class or an ancestor (QEMU's <c>object_class_property_find</c>).</summary>
    public ObjectProperty? FindProperty(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var klass = this; klass is not null; klass = klass.Parent)
        {
            if (klass._properties.TryGet(name, out var property))
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>The class property <paramref name="name"/>, or QEMU's error.</summary>
    /// <exception cref="QapiException">No such property: "Property '.NAME' not found".</exception>
    public ObjectProperty GetProperty(string name) =>
        FindProperty(name) ?? throw new QapiException($"Property '.{name}' not found");

    /// <summary>Sets the description of this class's own property <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">This class has no property of that name of its own.</exception>
    public void SetPropertyDescription(string name, string? description)
    {
        if (!_properties.TryGet(name, out var property))
        {
            throw new InvalidOperationException($"class '{Name}' has no property '{name}' of its own");
        }

        property.Description = description;
    }

    /// <summary>
    /// Every class property, from the root type's down to this type's, each class's in the order
    /// they were added.
    /// </summary>
    public IEnumerable<ObjectProperty> Properties
    {
        get
        {
            var chain = new List<ObjectClass>();
            for (var klass = this; klass is not null; klass = klass.Parent)
            {
                chain.Add(klass);
            }

            for (var i = chain.Count - 1; i >= 0; i--)
            {
                foreach (var property in chain[i]._properties.Snapshot())
                {
                    yield return property;
                }
            }
        }
    }
}

/// <summary>
/// The class of an interface as one type implements it (QEMU's <c>InterfaceClass</c>). Interfaces
/// have no objects and no object state; their classes carry what the implementing type sets in
/// them. Interfaces that need class fields derive from this class and name it in
/// <see cref="QomTypeInfo.ClassType"/>.
/// </summary>
public class InterfaceClass : ObjectClass
{
    /// <summary>Creates an empty interface class; the registry sets it up.</summary>
    protected internal InterfaceClass()
    {
    }

    /// <summary>The class of the type that implements the interface.</summary>
    public ObjectClass ConcreteClass { get; internal set; } = null!;

    /// <summary>The interface type.</summary>
    public QomType InterfaceType { get; internal set; } = null!;
}
