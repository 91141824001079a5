namespace Machina.Qapi.Visitors;

/// <summary>
/// The QAPI features that the compatibility policy acts on (QEMU's <c>QapiSpecialFeature</c>, as a
/// bit set like the <c>special_features</c> masks its generated code passes around).
/// </summary>
[Flags]
public enum QapiSpecialFeatures
{
    /// <summary>No special feature.</summary>
    None = 0,

    /// <summary>The feature <c>deprecated</c>: the interface is going away.</summary>
    Deprecated = 1 << 0,

    /// <summary>The feature <c>unstable</c>: the interface may change incompatibly.</summary>
    Unstable = 1 << 1,
}
