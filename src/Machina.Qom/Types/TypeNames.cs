namespace Machina.Qom;

/// <summary>The names of the types the object model itself defines.</summary>
public static class TypeNames
{
    /// <summary>The root of every type with objects (QEMU's <c>TYPE_OBJECT</c>).</summary>
    public const string Object = "object";

    /// <summary>The root of every interface (QEMU's <c>TYPE_INTERFACE</c>).</summary>
    public const string Interface = "interface";

    /// <summary>A plain object that only holds children (QEMU's <c>container</c>).</summary>
    public const string Container = "container";

    /// <summary>The interface of objects that <c>-object</c> and <c>object-add</c> create (QEMU's <c>TYPE_USER_CREATABLE</c>).</summary>
    public const string UserCreatable = "user-creatable";
}
