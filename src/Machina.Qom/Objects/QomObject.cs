using System.Diagnostics;

namespace Machina.Qom;

/// <summary>
/// A QOM object (QEMU's <c>Object</c>): an instance of a registered type, with the class
/// properties of its type, properties of its own, a place in the composition tree, and a
/// reference count that decides when it is finalised.
/// </summary>
/// <remarks>
/// <para><b>Creating.</b> Objects come from <see cref="QomRuntime.New(string)"/> and its siblings,
/// never from <c>new</c> directly: the runtime constructs the .NET object, joins it to its class,
/// applies the class properties' defaults and runs the instance hooks. A constructor should only
/// set fields; work that needs properties belongs in a <see cref="QomInstanceInitAttribute"/> method.</para>
/// <para><b>Lifetime.</b> As in QEMU, an object is finalised (its properties released, its
/// finalize hooks run) when its reference count drops to zero. <c>New</c> returns one reference,
/// which the caller owns; a child property holds another; strong links hold one each.
/// <see cref="Unref"/> gives a reference back. Memory itself is the garbage collector's.</para>
/// <para><b>Threads.</b> Like QEMU's object model under its big lock, objects are not safe for
/// concurrent use: callers serialise access (see <see cref="QomRuntime.Gate"/>). Only the reference
/// count may change from any thread.</para>
/// </remarks>
public partial class QomObject
{
    private ObjectClass? _class;
    private int _references;
    private PropertyTable? _properties;

    /// <summary>Constructs the .NET object; the runtime then joins it to its class.</summary>
    protected internal QomObject()
    {
    }

    /// <summary>The object's class (QEMU's <c>object_get_class</c>).</summary>
    /// <exception cref="InvalidOperationException">The object was constructed directly rather than by the runtime, or is still being constructed.</exception>
    public ObjectClass Class => _class ?? throw NotBound();

    /// <summary>The object's type.</summary>
    public QomType QomType => Class.Type;

    /// <summary>The object's type name (QEMU's <c>object_get_typename</c>).</summary>
    public string TypeName => Class.Type.Name;

    /// <summary>The runtime the object belongs to.</summary>
    public QomRuntime Runtime => Class.Type.Registry.Runtime;

    /// <summary>The object holding this one as a child, or null when it is not in a tree.</summary>
    public QomObject? Parent { get; private set; }

    /// <summary>The current number of references.</summary>
    public int ReferenceCount => Volatile.Read(ref _references);

    /// <summary>True once the last reference went and the object was finalised.</summary>
    public bool IsFinalized { get; private set; }

    private PropertyTable ObjectProperties => _properties ?? throw NotBound();

    /// <summary>Takes a reference (QEMU's <c>object_ref</c>).</summary>
    /// <returns>This object.</returns>
    /// <exception cref="InvalidOperationException">The object is finalised.</exception>
    public QomObject Ref()
    {
        var previous = Interlocked.Increment(ref _references) - 1;
        if (previous <= 0)
        {
            Interlocked.Decrement(ref _references);
            throw new InvalidOperationException($"cannot take a reference to {Describe()}: it is finalised");
        }

        return this;
    }

    /// <summary>Gives a reference back (QEMU's <c>object_unref</c>); the last one finalises the object.</summary>
    /// <exception cref="InvalidOperationException">No reference was left to give back.</exception>
    public void Unref()
    {
        var remaining = Interlocked.Decrement(ref _references);
        if (remaining < 0)
        {
            Interlocked.Increment(ref _references);
            throw new InvalidOperationException($"{Describe()} has no reference left to give back");
        }

        if (remaining == 0)
        {
            FinalizeObject();
        }
    }

    /// <summary>
    /// This object when its type is <paramref name="typeName"/>, descends from it or implements it;
    /// otherwise null (QEMU's <c>object_dynamic_cast</c>).
    /// </summary>
    public QomObject? DynamicCast(string typeName) => Class.DynamicCast(typeName) is null ? null : this;

    /// <summary>True when the object is a <paramref name="typeName"/> (its type, an ancestor or an interface it implements).</summary>
    public bool IsInstanceOf(string typeName) => Class.DynamicCast(typeName) is not null;

    /// <summary>This object, checked to be a <paramref name="typeName"/> (QEMU's <c>OBJECT_CHECK</c>).</summary>
    /// <exception cref="InvalidCastException">It is not.</exception>
    public QomObject CastTo(string typeName) =>
        DynamicCast(typeName) ?? throw new InvalidCastException($"{Describe()} is not an instance of type '{typeName}'");

    /// <summary>
    /// This object as <typeparamref name="T"/>: a class or C# interface declared with
    /// <see cref="QomTypeAttribute"/> or <see cref="QomInterfaceAttribute"/> is checked by its QOM
    /// name first, then the .NET cast is made.
    /// </summary>
    /// <exception cref="InvalidCastException">The object is not a <typeparamref name="T"/>.</exception>
    public T CastTo<T>()
        where T : class
    {
        if (QomDeclaration.Find(typeof(T)) is { } declared)
        {
            CastTo(declared.Name);
        }

        return this as T ?? throw new InvalidCastException($"{Describe()} is a {GetType().Name}, not a {typeof(T).Name}");
    }

    /// <summary>
    /// Called on a child when its parent lets go of it, before the parent's reference is given back
    /// (QEMU's class <c>unparent</c> hook). The default does nothing.
    /// </summary>
    protected internal virtual void OnUnparent()
    {
    }

    /// <inheritdoc/>
    public override string ToString() => _class is null ? GetType().Name : Describe();

    /// <summary>The object for messages: its path when it has one, and its type.</summary>
    internal string Describe() =>
        CanonicalPath is { } path ? $"object '{path}' ({TypeName})" : $"an object of type '{TypeName}'";

    /// <summary>QEMU's object_initialize_with_type, after the .NET construction.</summary>
    internal void Bind(ObjectClass klass)
    {
        Debug.Assert(_class is null, "an object joins its class once");
        _class = klass;
        _references = 1;
        _properties = new PropertyTable();

        foreach (var property in klass.Properties)
        {
            property.Init?.Invoke(this, property);
        }

        var chain = new List<QomType>();
        for (var type = klass.Type; type is not null; type = type.Parent)
        {
            chain.Add(type);
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            chain[i].Info.InstanceInit?.Invoke(this);
        }

        foreach (var type in chain)
        {
            type.Info.InstancePostInit?.Invoke(this);
        }
    }

    // QEMU's object_finalize.
    private void FinalizeObject()
    {
        ReleaseAllProperties();
        for (var type = Class.Type; type is not null; type = type.Parent)
        {
            type.Info.InstanceFinalize?.Invoke(this);
        }

        IsFinalized = true;
        Debug.Assert(Parent is null, "a parent always holds a reference to its children");
    }

    // QEMU's object_property_del_all: a release may add or remove other properties, so after each
    // release the walk starts again, skipping what it has seen.
    private void ReleaseAllProperties()
    {
        var done = new HashSet<ObjectProperty>(ReferenceEqualityComparer.Instance);
        bool released;
        do
        {
            released = false;
            foreach (var property in EnumerateForIteration())
            {
                if (done.Add(property) && property.Release is not null)
                {
                    property.RunRelease(this);
                    released = true;
                    break;
                }
            }
        }
        while (released);

        ObjectProperties.Clear();
    }

    private InvalidOperationException NotBound() =>
        new($"this {GetType().Name} is not a QOM object yet: create objects with QomRuntime.New, and use properties from an instance-init hook, not the constructor");
}
