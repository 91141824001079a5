namespace Machina.Qom;

/// <summary>
/// Declares a QOM type whose objects are instances of the class it marks; register it with
/// <see cref="QomTypeRegistry.Register(Type)"/>.
/// </summary>
/// <remarks>
/// <para>The parent type is, unless <see cref="Parent"/> says otherwise, the type declared on the
/// nearest base class (<c>object</c> for a class deriving from <see cref="QomObject"/> directly).
/// The interfaces are those named in <see cref="Interfaces"/> and every C# interface the class
/// implements that carries <see cref="QomInterfaceAttribute"/>.</para>
/// <para>The class's hooks are its methods marked <see cref="QomClassInitAttribute"/>,
/// <see cref="QomClassBaseInitAttribute"/>, <see cref="QomInstanceInitAttribute"/>,
/// <see cref="QomInstancePostInitAttribute"/> and <see cref="QomInstanceFinalizeAttribute"/>; its
/// C# properties marked <see cref="QomPropertyAttribute"/> become class properties, added before
/// the class-init method runs.</para>
/// <para>The Machina.Qom source generator (<c>src/Machina.Qom.Generator</c>, referenced as an
/// analyzer by every project that declares types) reads these attributes at build time, so
/// registration needs no reflection: hooks, properties and constructors of any accessibility are
/// called through generated code, which also makes declared types fit for trimming and Native
/// AOT. A property type with no QOM equivalent, or a class the generated code cannot name (private,
/// nested in a private type, or generic), is a build error.</para>
/// </remarks>
/// <param name="name">The type's name.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class QomTypeAttribute(string name) : Attribute
{
    /// <summary>The type's name.</summary>
    public string Name { get; } = name;

    /// <summary>The parent type's name, when it is not the type declared on the base class.</summary>
    public string? Parent { get; set; }

    /// <summary>True when objects of exactly this type cannot be created.</summary>
    public bool Abstract { get; set; }

    /// <summary>The .NET class of the type's class object (see <see cref="QomTypeInfo.ClassType"/>).</summary>
    public Type? ClassType { get; set; }

    /// <summary>The QAPI struct of the type's <c>-object</c> members (see <see cref="QomTypeInfo.Options"/>).</summary>
    public Type? Options { get; set; }

    /// <summary>Interfaces by name, besides the C# interfaces marked <see cref="QomInterfaceAttribute"/>.</summary>
    public string[] Interfaces { get; set; } = [];
}

/// <summary>
/// Declares a C# interface as a QOM interface: a class implementing it implements the QOM
/// interface. Its methods (default implementations included) play the part of the function
/// pointers in QEMU's interface class.
/// </summary>
/// <param name="name">The interface's QOM name.</param>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class QomInterfaceAttribute(string name) : Attribute
{
    /// <summary>The interface's QOM name.</summary>
    public string Name { get; } = name;

    /// <summary>The parent interface's name.</summary>
    public string Parent { get; set; } = TypeNames.Interface;

    /// <summary>The .NET class of the interface's classes, deriving from <see cref="InterfaceClass"/>.</summary>
    public Type? ClassType { get; set; }
}

/// <summary>
/// Marks the static method that sets up the type's class (QEMU's <c>class_init</c>). It takes one
/// parameter: <see cref="ObjectClass"/> or the type's class type.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class QomClassInitAttribute : Attribute;

/// <summary>
/// Marks the static method that runs on the class of every descendant type before that type's own
/// class init (QEMU's <c>class_base_init</c>). It takes one parameter, as <see cref="QomClassInitAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class QomClassBaseInitAttribute : Attribute;

/// <summary>
/// Marks the parameterless instance method that initialises a new object after its ancestors'
/// (QEMU's <c>instance_init</c>). The constructor only sets fields; this method may use the
/// object's properties and class.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class QomInstanceInitAttribute : Attribute;

/// <summary>Marks the parameterless instance method that runs after every instance init, from the type up (QEMU's <c>instance_post_init</c>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class QomInstancePostInitAttribute : Attribute;

/// <summary>Marks the parameterless instance method that runs when the object's last reference goes, before its ancestors' (QEMU's <c>instance_finalize</c>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class QomInstanceFinalizeAttribute : Attribute;

/// <summary>
/// Makes a C# property a class property of the declaring type. The QOM type name and the visit
/// follow the C# type: <c>string</c> → <c>string</c>, <c>bool</c> → <c>bool</c>, a QAPI enum →
/// its QAPI name, <c>sbyte</c>...<c>ulong</c> → <c>int8</c>...<c>uint64</c>, <c>double</c> →
/// <c>number</c>, a QAPI struct, union or alternate → its QAPI name. Without an accessible setter
/// (or with <see cref="ReadOnly"/>) the property is read-only. A setter throws
/// <see cref="Machina.Qapi.QapiException"/> to refuse a value.
/// </summary>
/// <param name="name">The QOM property's name.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class QomPropertyAttribute(string name) : Attribute
{
    /// <summary>The QOM property's name.</summary>
    public string Name { get; } = name;

    /// <summary>The type name introspection shows, when it differs from the one the C# type gives (QEMU shows many 64-bit integers as <c>int</c>).</summary>
    public string? Type { get; set; }

    /// <summary>For a <c>ulong</c>: visit as a byte count (<c>size</c>), which accepts suffixes like <c>1G</c> from strings.</summary>
    public bool Size { get; set; }

    /// <summary>True to omit the setter even when the C# property has one.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>The property's description.</summary>
    public string? Description { get; set; }

    /// <summary>A default applied to every new object (a <c>bool</c>, <c>string</c>, integer or enum wire name).</summary>
    public object? Default { get; set; }
}
