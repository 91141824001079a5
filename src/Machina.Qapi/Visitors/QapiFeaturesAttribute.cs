namespace Machina.Qapi.Visitors;

/// <summary>
/// The QAPI features (<c>'features': [...]</c>) of a generated element, in schema order.
/// </summary>
/// <remarks>
/// On enum values the special features <c>deprecated</c> and <c>unstable</c> are what the
/// compatibility policy checks when an input visitor reads the value. Elsewhere the attribute
/// documents the schema; member visits receive their special features from the visit functions.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Enum,
    AllowMultiple = false,
    Inherited = false)]
public sealed class QapiFeaturesAttribute : Attribute
{
    /// <summary>Lists the element's features.</summary>
    public QapiFeaturesAttribute(params string[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Features = features;
    }

    /// <summary>The feature names.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The special features among <see cref="Features"/>.</summary>
    public QapiSpecialFeatures SpecialFeatures
    {
        get
        {
            var special = QapiSpecialFeatures.None;
            foreach (var feature in Features)
            {
                special |= feature switch
                {
                    "deprecated" => QapiSpecialFeatures.Deprecated,
                    "unstable" => QapiSpecialFeatures.Unstable,
                    _ => QapiSpecialFeatures.None,
                };
            }

            return special;
        }
    }
}
