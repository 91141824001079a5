namespace Machina.Qapi.Visitors;

/// <summary>
/// The name a generated C# element has in the QAPI schema and on the wire: an enum value's
/// wire name, a member's key, a type's schema name.
/// </summary>
/// <remarks>
/// On enum values the name is required and is what visitors read and write. Elsewhere it
/// documents the mapping from schema to C#; visitors use the names compiled into the visit functions.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Enum,
    AllowMultiple = false,
    Inherited = false)]
public sealed class QapiNameAttribute : Attribute
{
    /// <summary>Names the element <paramref name="name"/> in the schema.</summary>
    public QapiNameAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The schema (wire) name.</summary>
    public string Name { get; }
}
