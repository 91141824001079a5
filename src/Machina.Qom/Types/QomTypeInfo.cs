using System.Diagnostics.CodeAnalysis;

namespace Machina.Qom;

/// <summary>
/// What a QOM type is made of, handed to <see cref="QomTypeRegistry.Register(QomTypeInfo)"/>: QEMU's
/// <c>TypeInfo</c>. Most types are declared with <see cref="QomTypeAttribute"/> on a class instead;
/// the registry builds one of these from the attributes.
/// </summary>
/// <remarks>
/// <para>Hooks run as in QEMU. When a type's class is first needed, the registry creates it from a
/// copy of the parent's class, creates the interface classes, runs every ancestor's
/// <see cref="ClassBaseInit"/> (nearest first) and then the type's <see cref="ClassInit"/>. When an
/// object is created, the class properties' defaults are applied, then every
/// <see cref="InstanceInit"/> from the root type down, then every <see cref="InstancePostInit"/> from
/// the type up. When its last reference goes, its properties are released and every
/// <see cref="InstanceFinalize"/> runs from the type up.</para>
/// </remarks>
public sealed class QomTypeInfo
{
    // What the registry reaches by reflection: the constructor of an object class without a
    // factory, the constructor of a class type and the class fields a subtype's class copies
    // (from the whole ancestry of the class type, hence All).
    internal const DynamicallyAccessedMemberTypes InstanceMembers =
        DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.NonPublicConstructors;

    internal const DynamicallyAccessedMemberTypes ClassMembers = DynamicallyAccessedMemberTypes.All;

    /// <summary>Describes the type named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public QomTypeInfo(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The type's name, unique in its registry (<c>secret</c>, <c>memory-backend-ram</c>).</summary>
    public string Name { get; }

    /// <summary>
    /// The parent type's name. Every type has one except the two roots the registry defines itself,
    /// <c>object</c> and <c>interface</c>; interfaces name <c>interface</c> or another interface.
    /// </summary>
    public string? Parent { get; init; }

    /// <summary>
    /// True when objects of exactly this type cannot be created. A type without an
    /// <see cref="InstanceType"/> anywhere in its ancestry (every interface) is abstract regardless.
    /// </summary>
    public bool Abstract { get; init; }

    /// <summary>The interfaces the type implements, by name, besides those its parent implements.</summary>
    public IReadOnlyList<string> Interfaces { get; init; } = [];

    /// <summary>
    /// The .NET class of the type's objects, deriving from <see cref="QomObject"/>; null to use the
    /// parent's (QEMU's <c>instance_size</c> of zero).
    /// </summary>
    [DynamicallyAccessedMembers(InstanceMembers)]
    public Type? InstanceType { get; init; }

    /// <summary>
    /// Creates an uninitialised object of <see cref="InstanceType"/>; null to use its parameterless
    /// constructor. The constructor only sets fields: the object joins its class afterwards.
    /// </summary>
    public Func<QomObject>? Factory { get; init; }

    /// <summary>
    /// The .NET class of the type's class object, deriving from <see cref="ObjectClass"/> (or, for an
    /// interface, from <see cref="InterfaceClass"/>); null to use the parent's (QEMU's <c>class_size</c>).
    /// </summary>
    [DynamicallyAccessedMembers(ClassMembers)]
    public Type? ClassType { get; init; }

    /// <summary>Sets up the type's class: adds class properties, fills class fields (QEMU's <c>class_init</c>).</summary>
    public Action<ObjectClass>? ClassInit { get; init; }

    /// <summary>Runs for the class of every descendant type before that type's own <see cref="ClassInit"/> (QEMU's <c>class_base_init</c>).</summary>
    public Action<ObjectClass>? ClassBaseInit { get; init; }

    /// <summary>Anything the hooks want to find again through <see cref="QomType.ClassData"/> (QEMU's <c>class_data</c>).</summary>
    public object? ClassData { get; init; }

    /// <summary>Initialises a new object, after its ancestors' (QEMU's <c>instance_init</c>).</summary>
    public Action<QomObject>? InstanceInit { get; init; }

    /// <summary>Runs after every type's <see cref="InstanceInit"/>, from this type up (QEMU's <c>instance_post_init</c>).</summary>
    public Action<QomObject>? InstancePostInit { get; init; }

    /// <summary>Releases what the object holds when its last reference goes, before its ancestors' (QEMU's <c>instance_finalize</c>).</summary>
    public Action<QomObject>? InstanceFinalize { get; init; }

    /// <summary>
    /// For a user-creatable type: the QAPI struct describing its <c>-object</c> and <c>object-add</c>
    /// members (QEMU's branch of <c>ObjectOptions</c>, <c>SecretProperties</c> for <c>secret</c>),
    /// as <see cref="QomObjectOptions.Of{T}"/> gives it. Null: the members are handed to the
    /// object's properties unchecked.
    /// </summary>
    public QomObjectOptions? Options { get; init; }
}
