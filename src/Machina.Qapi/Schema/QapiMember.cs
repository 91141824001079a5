using System.Diagnostics;
using Machina.Qapi.Parsing;
using Machina.Qapi.Source;

namespace Machina.Qapi.Schema;

/// <summary>
/// A named part of a definition: an object member, a union or alternate branch, an enum value,
/// or a feature.
/// </summary>
public abstract class QapiMember
{
    private protected QapiMember(string name, QapiSourceInfo? info, QapiIfCond? ifCond)
    {
        Name = name;
        Info = info;
        IfCond = ifCond ?? QapiIfCond.Always;
    }

    /// <summary>The name as the schema spells it (without the <c>*</c> of an optional member).</summary>
    public string Name { get; }

    /// <summary>The definition that declares the member; null for built-in ones.</summary>
    public QapiSourceInfo? Info { get; }

    /// <summary>When the member exists.</summary>
    public QapiIfCond IfCond { get; }

    /// <summary>
    /// The name of what declares the member: the type for members, branches and values (an
    /// implicit type's name for the members of a command's argument object or a union's inline
    /// base), the owner's name for features.
    /// </summary>
    public string DefinedIn { get; private set; } = string.Empty;

    /// <summary>What the member is called in messages: <c>member</c>, <c>branch</c>, <c>value</c> or <c>feature</c>.</summary>
    public abstract string Role { get; }

    internal void SetDefinedIn(string name)
    {
        Debug.Assert(DefinedIn.Length == 0, "a member belongs to one definition");
        DefinedIn = name;
    }

    /// <summary>
    /// Reports a clash when another member already maps to the same C name, and records this one.
    /// <paramref name="info"/> is the definition being checked, which words the report.
    /// </summary>
    /// <param name="info">The definition being checked.</param>
    /// <param name="seen">Members so far by C name; this one is added.</param>
    /// <param name="outer">More members this one must not clash with, left unchanged.</param>
    internal void CheckClash(QapiSourceInfo? info, Dictionary<string, QapiMember> seen, Dictionary<string, QapiMember>? outer = null)
    {
        var cName = QapiNames.CName(Name);
        if (seen.TryGetValue(cName, out var other) || (outer is not null && outer.TryGetValue(cName, out other)))
        {
            throw new QapiSemanticException(info!, $"{Describe(info)} collides with {other.Describe(info)}");
        }

        seen[cName] = this;
    }

    /// <summary>Reports the first two of <paramref name="members"/> that map to the same C name.</summary>
    internal static void CheckClashes<T>(QapiSourceInfo? info, IReadOnlyList<T> members)
        where T : QapiMember
    {
        if (members.Count < 2)
        {
            return;
        }

        var seen = new Dictionary<string, QapiMember>(members.Count, StringComparer.Ordinal);
        foreach (var member in members)
        {
            member.CheckClash(info, seen);
        }
    }

    internal virtual void ConnectDoc(QapiDoc? doc) => doc?.ConnectMember(this);

    /// <summary>
    /// The member as messages name it, seen from the definition at <paramref name="info"/>:
    /// <c>member 'x'</c>, <c>parameter 'x'</c> (a command's argument), <c>base member 'x'</c>
    /// (a union's inline base), or <c>member 'x' of type 'T'</c> when declared elsewhere.
    /// </summary>
    public string Describe(QapiSourceInfo? info)
    {
        var role = Role;
        var definedIn = DefinedIn;
        if (definedIn.StartsWith("q_obj_", StringComparison.Ordinal))
        {
            if (definedIn.EndsWith("-arg", StringComparison.Ordinal))
            {
                role = "parameter";
            }
            else if (definedIn.EndsWith("-base", StringComparison.Ordinal))
            {
                role = "base " + role;
            }
        }
        else if (definedIn != info?.DefinitionName)
        {
            return $"{role} '{Name}' of type '{definedIn}'";
        }

        return $"{role} '{Name}'";
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Role} '{Name}'";
}

/// <summary>A feature: a flag on a definition or member, e.g. <c>deprecated</c> or <c>unstable</c>.</summary>
public sealed class QapiFeature : QapiMember
{
    internal QapiFeature(string name, QapiSourceInfo? info, QapiIfCond ifCond)
        : base(name, info, ifCond)
    {
    }

    /// <inheritdoc/>
    public override string Role => "feature";

    /// <summary>True for the features with a meaning of their own: <c>deprecated</c> and <c>unstable</c>.</summary>
    public bool IsSpecial => Name is "deprecated" or "unstable";

    internal override void ConnectDoc(QapiDoc? doc) => doc?.ConnectFeature(this);
}

/// <summary>A value of an enumeration.</summary>
public sealed class QapiEnumMember : QapiMember
{
    internal QapiEnumMember(string name, QapiSourceInfo? info, QapiIfCond ifCond, IReadOnlyList<QapiFeature> features)
        : base(name, info, ifCond)
    {
        Features = features;
        foreach (var feature in features)
        {
            feature.SetDefinedIn(name);
        }
    }

    /// <inheritdoc/>
    public override string Role => "value";

    /// <summary>The value's features.</summary>
    public IReadOnlyList<QapiFeature> Features { get; }

    internal override void ConnectDoc(QapiDoc? doc)
    {
        base.ConnectDoc(doc);
        foreach (var feature in Features)
        {
            feature.ConnectDoc(doc);
        }
    }
}

/// <summary>A member of an object type: a name, a type, and whether it may be absent.</summary>
public class QapiObjectTypeMember : QapiMember
{
    internal QapiObjectTypeMember(string name, QapiSourceInfo? info, string typeName, bool optional, QapiIfCond? ifCond, IReadOnlyList<QapiFeature> features)
        : base(name, info, ifCond)
    {
        TypeName = typeName;
        Optional = optional;
        Features = features;
        foreach (var feature in features)
        {
            feature.SetDefinedIn(name);
        }
    }

    /// <inheritdoc/>
    public override string Role => "member";

    /// <summary>The type's name as written (an array type's generated name for <c>['T']</c>).</summary>
    public string TypeName { get; }

    /// <summary>The member's type, once the schema is checked.</summary>
    public QapiType Type { get; private set; } = null!;

    /// <summary>True for a member written <c>'*name'</c>: it may be absent.</summary>
    public bool Optional { get; }

    /// <summary>The member's features.</summary>
    public IReadOnlyList<QapiFeature> Features { get; }

    internal void Check(QapiSchema schema)
    {
        Debug.Assert(DefinedIn.Length > 0, "checked members belong to a definition");
        Type = schema.LookupType(TypeName)
            ?? throw new QapiSemanticException(Info!, $"{Describe(Info)} uses unknown type '{TypeName}'");
        CheckClashes(Info, Features);
    }

    internal override void ConnectDoc(QapiDoc? doc)
    {
        base.ConnectDoc(doc);
        foreach (var feature in Features)
        {
            feature.ConnectDoc(doc);
        }
    }
}

/// <summary>
/// A branch of a union (selected by a value of the discriminator enum) or of an alternate
/// (selected by the JSON type of the value).
/// </summary>
public sealed class QapiVariant : QapiObjectTypeMember
{
    internal QapiVariant(string name, QapiSourceInfo? info, string typeName, QapiIfCond ifCond)
        : base(name, info, typeName, optional: false, ifCond, [])
    {
    }

    /// <inheritdoc/>
    public override string Role => "branch";
}
