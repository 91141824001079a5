using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom;

/// <summary>
/// Reads or writes a property through a visitor (QEMU's <c>ObjectPropertyAccessor</c>). A getter
/// visits the current value (<c>v.VisitString(name, ref value)</c>); a setter visits into a local
/// and stores it. Both throw <see cref="Machina.Qapi.QapiException"/> with QEMU's message to refuse.
/// </summary>
/// <param name="obj">The object whose property it is.</param>
/// <param name="visitor">The visitor: an output visitor for gets, an input visitor for sets.</param>
/// <param name="name">The property's name, which the accessor passes on to its visits.</param>
public delegate void PropertyAccessor(QomObject obj, Visitor visitor, string name);

/// <summary>Called when a property goes away, with the object it belonged to (QEMU's <c>ObjectPropertyRelease</c>).</summary>
public delegate void PropertyRelease(QomObject obj, string name);

/// <summary>
/// Follows a property to the object it leads to, for path resolution (QEMU's
/// <c>ObjectPropertyResolve</c>); only child, link and alias properties have one.
/// </summary>
public delegate QomObject? PropertyResolver(QomObject obj, string part);

/// <summary>
/// Vets the new target of a settable link property; throws <see cref="Machina.Qapi.QapiException"/> to refuse it
/// (QEMU's link <c>check</c> callback). <paramref name="target"/> is null when the link is being cleared.
/// </summary>
public delegate void LinkCheck(QomObject obj, string name, QomObject? target);

/// <summary>
/// One property of a class or an object (QEMU's <c>ObjectProperty</c>): a name, a type name for
/// introspection (<c>string</c>, <c>bool</c>, <c>child&lt;secret&gt;</c>, <c>link&lt;memory-backend&gt;</c>,
/// a QAPI type name), and accessors that move the value through a QAPI visitor.
/// </summary>
public sealed class ObjectProperty
{
    private PropertyRelease? _release;

    internal ObjectProperty(string name, string type, PropertyAccessor? getter, PropertyAccessor? setter, PropertyRelease? release)
    {
        Name = name;
        Type = type;
        Getter = getter;
        Setter = setter;
        _release = release;
    }

    /// <summary>The property's name.</summary>
    public string Name { get; }

    /// <summary>The property's type name as introspection shows it.</summary>
    public string Type { get; }

    /// <summary>A sentence for help texts and <c>qom-list-properties</c>; null when there is none.</summary>
    public string? Description { get; set; }

    /// <summary>The default value, when one was declared (shown by help texts; class property defaults are applied to new objects).</summary>
    public QObject? DefaultValue { get; private set; }

    /// <summary>True when the property can be read.</summary>
    public bool IsReadable => Getter is not null;

    /// <summary>True when the property can be written.</summary>
    public bool IsWritable => Setter is not null;

    /// <summary>True for a <c>child&lt;T&gt;</c> property: the object it holds is part of the composition tree below the owner.</summary>
    public bool IsChild => Type.StartsWith("child<", StringComparison.Ordinal);

    /// <summary>True for a <c>link&lt;T&gt;</c> property.</summary>
    public bool IsLink => Type.StartsWith("link<", StringComparison.Ordinal);

    /// <summary>The getter, or null for a write-only property.</summary>
    public PropertyAccessor? Getter { get; }

    /// <summary>The setter, or null for a read-only property.</summary>
    public PropertyAccessor? Setter { get; }

    /// <summary>How the property leads to an object in a path, or null when it does not.</summary>
    public PropertyResolver? Resolver { get; internal set; }

    /// <summary>For an enum property, the enum's wire names by value.</summary>
    internal IReadOnlyList<string>? EnumNames { get; set; }

    /// <summary>For a child property, the child.</summary>
    internal QomObject? Child { get; init; }

    /// <summary>Applies the default to a new object; set with the default.</summary>
    internal Action<QomObject, ObjectProperty>? Init { get; private set; }

    /// <summary>The object the property belongs to, for an object property; null for a class property.</summary>
    internal QomObject? Owner { get; init; }

    internal PropertyRelease? Release => _release;

    /// <summary>Declares the default as a boolean. See <see cref="SetDefault(QObject)"/>.</summary>
    public ObjectProperty SetDefault(bool value) => SetDefault((QObject)QBool.From(value));

    /// <summary>Declares the default as a string. See <see cref="SetDefault(QObject)"/>.</summary>
    public ObjectProperty SetDefault(string value) => SetDefault((QObject)new QString(value));

    /// <summary>Declares the default as a signed integer. See <see cref="SetDefault(QObject)"/>.</summary>
    public ObjectProperty SetDefault(long value) => SetDefault((QObject)new QNum(value));

    /// <summary>Declares the default as an unsigned integer. See <see cref="SetDefault(QObject)"/>.</summary>
    public ObjectProperty SetDefault(ulong value) => SetDefault((QObject)new QNum(value));

    /// <summary>
    /// Declares the property's default (QEMU's <c>object_property_set_default</c>). The setter applies
    /// it through a QObject input visitor: a class property's default to every new object before
    /// its instance hooks run, an object property's default at once.
    /// </summary>
    /// <returns>This property.</returns>
    /// <exception cref="InvalidOperationException">The property already has a default or has no setter.</exception>
    /// <exception cref="Machina.Qapi.QapiException">An object property's setter refused the value.</exception>
    public ObjectProperty SetDefault(QObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (DefaultValue is not null || Init is not null)
        {
            throw new InvalidOperationException($"property '{Name}' already has a default");
        }

        if (Setter is null)
        {
            throw new InvalidOperationException($"property '{Name}' has no setter to apply a default with");
        }

        DefaultValue = value;
        Init = static (obj, property) => property.Setter!(obj, new QObjectInputVisitor(property.DefaultValue!), property.Name);
        if (Owner is { } owner)
        {
            Init(owner, this);
        }

        return this;
    }

    /// <summary>Shows the default without applying it (an alias shows its target's).</summary>
    internal void ShowDefault(QObject? value) => DefaultValue = value;

    /// <summary>Calls the release hook; an object property's runs at most once, a class property's once per object.</summary>
    internal void RunRelease(QomObject obj)
    {
        var release = _release;
        if (Owner is not null)
        {
            _release = null;
        }

        release?.Invoke(obj, Name);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Type})";
}
