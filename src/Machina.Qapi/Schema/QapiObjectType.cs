using System.Diagnostics;
using Machina.Qapi.Parsing;
using Machina.Qapi.Source;

namespace Machina.Qapi.Schema;

/// <summary>
/// An object type: a struct (members, optionally a base struct whose members come first) or a
/// union (a base with a discriminator member, plus the members of the branch that the
/// discriminator's value selects).
/// </summary>
/// <remarks>
/// Implicit object types carry a command's or event's inline arguments (<c>q_obj_NAME-arg</c>) or
/// a union's inline base (<c>q_obj_NAME-base</c>); <c>q_empty</c> is the predefined empty object.
/// </remarks>
public sealed class QapiObjectType : QapiType
{
    private readonly string? _baseName;
    private List<QapiObjectTypeMember>? _members;

    internal QapiObjectType(string name, QapiSourceInfo? info, QapiDoc? doc, QapiIfCond? ifCond, IReadOnlyList<QapiFeature>? features, string? baseName, IReadOnlyList<QapiObjectTypeMember> localMembers, QapiVariants? variants)
        : base(name, info, doc, ifCond, features)
    {
        _baseName = baseName;
        LocalMembers = localMembers;
        Variants = variants;
        foreach (var member in localMembers)
        {
            member.SetDefinedIn(name);
        }

        variants?.SetDefinedIn(name);
    }

    /// <summary><c>union</c> when the type has variants, else <c>struct</c>.</summary>
    public override string Meta => Variants is null ? "struct" : "union";

    /// <summary>The base type, once the schema is checked; null when there is none.</summary>
    public QapiObjectType? Base { get; private set; }

    /// <summary>The members declared by this type itself (a union has none).</summary>
    public IReadOnlyList<QapiObjectTypeMember> LocalMembers { get; }

    /// <summary>The union's branches; null for a struct.</summary>
    public QapiVariants? Variants { get; }

    /// <summary>All members: the base's, then the local ones, once the schema is checked.</summary>
    public IReadOnlyList<QapiObjectTypeMember> Members => _members ?? throw new InvalidOperationException("the schema is not checked yet");

    /// <summary>True for types whose name starts with <c>q_</c>: argument objects, inline bases and <c>q_empty</c>.</summary>
    public override bool IsImplicit => Name.StartsWith("q_", StringComparison.Ordinal);

    /// <summary>True when the type has neither members nor branches.</summary>
    public bool IsEmpty => Members.Count == 0 && Variants is null;

    /// <inheritdoc/>
    public override string JsonType => "object";

    /// <summary>Calls <see cref="QapiSchemaVisitor.VisitObjectType"/>, then <see cref="QapiSchemaVisitor.VisitObjectTypeFlat"/>.</summary>
    public override void Accept(QapiSchemaVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitObjectType(this);
        visitor.VisitObjectTypeFlat(this);
    }

    /// <remarks>
    /// Checking a type first checks the types whose members it takes in (its base, a union's branch
    /// types); meeting the type itself again on that path means it contains itself. Such chains are
    /// at most <see cref="QapiSchema.MaxObjectNesting"/> long (QEMU itself fails well before).
    /// </remarks>
    internal override void Check(QapiSchema schema)
    {
        if (_members is not null)
        {
            return;
        }

        if (IsChecked)
        {
            throw new QapiSemanticException(Info!, $"object {Name} contains itself");
        }

        if (schema.ObjectNesting == QapiSchema.MaxObjectNesting)
        {
            throw new QapiSemanticException(Info!, $"object {Name} nests more than {QapiSchema.MaxObjectNesting} base and branch types");
        }

        schema.ObjectNesting++;
        try
        {
            CheckMembers(schema);
        }
        finally
        {
            schema.ObjectNesting--;
        }
    }

    private void CheckMembers(QapiSchema schema)
    {
        base.Check(schema);
        var seen = new Dictionary<string, QapiMember>(StringComparer.Ordinal);
        var members = new List<QapiObjectTypeMember>();
        if (!string.IsNullOrEmpty(_baseName))
        {
            var baseType = schema.ResolveType(_baseName, Info, "'base'");
            if (baseType is not QapiObjectType { Variants: null } baseObject)
            {
                throw new QapiSemanticException(Info!, $"'base' requires a struct type, {baseType.Describe()} isn't");
            }

            Base = baseObject;
            baseObject.Check(schema);
            baseObject.CheckClash(Info, seen);
            members.AddRange(baseObject.Members);
        }

        foreach (var member in LocalMembers)
        {
            member.Check(schema);
            member.CheckClash(Info, seen);
            members.Add(member);
        }

        if (Variants is not null)
        {
            Variants.Check(schema, seen);
            Variants.CheckClash(Info, seen);
        }

        _members = members;
    }

    /// <summary>
    /// Reports a member of this type clashing with one in <paramref name="seen"/>, on behalf of the
    /// definition at <paramref name="info"/>, and records this type's members.
    /// </summary>
    internal void CheckClash(QapiSourceInfo? info, Dictionary<string, QapiMember> seen, Dictionary<string, QapiMember>? outer = null)
    {
        Debug.Assert(IsChecked && Variants is null, "only checked structs are merged into other types");
        foreach (var member in Members)
        {
            member.CheckClash(info, seen, outer);
        }
    }

    internal override void ConnectDoc(QapiDoc? doc)
    {
        base.ConnectDoc(doc);
        doc ??= Doc;
        if (Base is { IsImplicit: true })
        {
            Base.ConnectDoc(doc);
        }

        foreach (var member in LocalMembers)
        {
            member.ConnectDoc(doc);
        }
    }
}

/// <summary>
/// The branches of a union or an alternate, and the member that tells which branch a value takes:
/// a union's discriminator (an enum member of its base), an alternate's implicit <c>type</c> member
/// of enum type <c>QType</c>.
/// </summary>
public sealed class QapiVariants
{
    private readonly string? _tagName;
    private readonly List<QapiVariant> _variants;

    internal QapiVariants(string? tagName, QapiSourceInfo info, QapiObjectTypeMember? tagMember, List<QapiVariant> variants)
    {
        Debug.Assert((tagName is null) != (tagMember is null), "a union names its tag, an alternate brings it");
        _tagName = tagName;
        Info = info;
        TagMember = tagMember!;
        _variants = variants;
    }

    /// <summary>The definition the branches belong to.</summary>
    public QapiSourceInfo Info { get; }

    /// <summary>The member whose value selects the branch (set for unions once the schema is checked).</summary>
    public QapiObjectTypeMember TagMember { get; private set; }

    /// <summary>
    /// The branches: for a union, the written ones in source order, then one of type <c>q_empty</c> for
    /// each discriminator value without a branch, in enum order.
    /// </summary>
    public IReadOnlyList<QapiVariant> Variants => _variants;

    internal void SetDefinedIn(string name)
    {
        foreach (var variant in _variants)
        {
            variant.SetDefinedIn(name);
        }
    }

    /// <param name="schema">The schema.</param>
    /// <param name="seen">A union's members by C name; empty for an alternate.</param>
    internal void Check(QapiSchema schema, Dictionary<string, QapiMember> seen)
    {
        if (_tagName is not null)
        {
            CheckDiscriminator(schema, seen);
            var tagEnum = (QapiEnumType)TagMember.Type;
            var covered = _variants.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var value in tagEnum.Members)
            {
                if (!covered.Contains(value.Name))
                {
                    var empty = new QapiVariant(value.Name, Info, "q_empty", value.IfCond);
                    empty.SetDefinedIn(TagMember.DefinedIn);
                    _variants.Add(empty);
                }
            }
        }

        if (_variants.Count == 0)
        {
            throw new QapiSemanticException(Info, "union has no branches");
        }

        HashSet<string>? values = null;
        foreach (var variant in _variants)
        {
            variant.Check(schema);
            if (seen.Count > 0)
            {
                var tagEnum = (QapiEnumType)TagMember.Type;
                values ??= tagEnum.MemberNames.ToHashSet(StringComparer.Ordinal);
                if (!values.Contains(variant.Name))
                {
                    throw new QapiSemanticException(Info, $"branch '{variant.Name}' is not a value of {tagEnum.Describe()}");
                }

                if (variant.Type is not QapiObjectType { Variants: null } branchType)
                {
                    throw new QapiSemanticException(Info, $"{variant.Describe(Info)} cannot use {variant.Type.Describe()}");
                }

                branchType.Check(schema);
            }
        }
    }

    private void CheckDiscriminator(QapiSchema schema, Dictionary<string, QapiMember> seen)
    {
        var tagName = _tagName!;
        var tag = seen.GetValueOrDefault(QapiNames.CName(tagName)) as QapiObjectTypeMember;
        if (tag is null || tag.Name != tagName)
        {
            throw new QapiSemanticException(Info, $"discriminator '{tagName}' is not a member of 'base'");
        }

        TagMember = tag;
        var owner = schema.LookupType(tag.DefinedIn)!;
        var where = owner.IsImplicit ? "'base'" : $"base type '{tag.DefinedIn}'";
        if (tag.Type is not QapiEnumType)
        {
            throw new QapiSemanticException(Info, $"discriminator member '{tagName}' of {where} must be of enum type");
        }

        if (tag.Optional)
        {
            throw new QapiSemanticException(Info, $"discriminator member '{tagName}' of {where} must not be optional");
        }

        if (tag.IfCond.IsPresent)
        {
            throw new QapiSemanticException(Info, $"discriminator member '{tagName}' of {where} must not be conditional");
        }
    }

    internal void CheckClash(QapiSourceInfo? info, Dictionary<string, QapiMember> seen)
    {
        // Each branch adds its members to the union's own; branches never clash with each other.
        var branchSeen = new Dictionary<string, QapiMember>(StringComparer.Ordinal);
        foreach (var variant in _variants)
        {
            branchSeen.Clear();
            ((QapiObjectType)variant.Type).CheckClash(info, branchSeen, seen);
        }
    }
}

/// <summary>
/// An alternate: a value of one of several types, told apart by the JSON type of the value
/// (an alternate of <c>int</c> and <c>str</c> takes <c>1</c> or <c>"x"</c>).
/// </summary>
public sealed class QapiAlternateType : QapiType
{
    internal QapiAlternateType(string name, QapiSourceInfo info, QapiDoc? doc, QapiIfCond? ifCond, IReadOnlyList<QapiFeature>? features, QapiVariants variants)
        : base(name, info, doc, ifCond, features)
    {
        Variants = variants;
        variants.SetDefinedIn(name);
        variants.TagMember.SetDefinedIn(name);
    }

    /// <inheritdoc/>
    public override string Meta => "alternate";

    /// <summary>The branches; the tag is the implicit member <c>type</c> of enum type <c>QType</c>.</summary>
    public QapiVariants Variants { get; }

    /// <inheritdoc/>
    public override string JsonType => "value";

    /// <inheritdoc/>
    public override void Accept(QapiSchemaVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitAlternateType(this);
    }

    internal override void Check(QapiSchema schema)
    {
        base.Check(schema);
        Variants.TagMember.Check(schema);
        Variants.Check(schema, new Dictionary<string, QapiMember>(StringComparer.Ordinal));

        // Branch names are not enum values here, so their clashes are checked directly.
        var seen = new Dictionary<string, QapiMember>(StringComparer.Ordinal);
        var qtypesSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variant in Variants.Variants)
        {
            variant.CheckClash(Info, seen);
            var qtype = variant.Type.AlternateQType
                ?? throw new QapiSemanticException(Info!, $"{variant.Describe(Info)} cannot use {variant.Type.Describe()}");

            // A string branch would also take what looks like a number or a boolean on the command
            // line, so it conflicts with those kinds too (an enum only when its values could look so).
            var conflicting = new List<string>(3) { qtype };
            if (qtype == "QTYPE_QSTRING")
            {
                if (variant.Type is QapiEnumType enumType)
                {
                    foreach (var value in enumType.Members)
                    {
                        if (value.Name is "on" or "off")
                        {
                            AddOnce(conflicting, "QTYPE_QBOOL");
                        }

                        if (value.Name.Length > 0 && value.Name[0] is '-' or '+' or '.' or (>= '0' and <= '9'))
                        {
                            AddOnce(conflicting, "QTYPE_QNUM");
                        }
                    }
                }
                else
                {
                    conflicting.Add("QTYPE_QNUM");
                    conflicting.Add("QTYPE_QBOOL");
                }
            }

            foreach (var kind in conflicting)
            {
                if (qtypesSeen.TryGetValue(kind, out var other))
                {
                    throw new QapiSemanticException(Info!, $"{variant.Describe(Info)} can't be distinguished from '{other}'");
                }

                qtypesSeen[kind] = variant.Name;
            }
        }
    }

    private static void AddOnce(List<string> kinds, string kind)
    {
        if (!kinds.Contains(kind))
        {
            kinds.Add(kind);
        }
    }

    internal override void ConnectDoc(QapiDoc? doc)
    {
        base.ConnectDoc(doc);
        doc ??= Doc;
        foreach (var variant in Variants.Variants)
        {
            variant.ConnectDoc(doc);
        }
    }
}
