using Machina.Qapi.Parsing;
using Machina.Qapi.Source;

namespace Machina.Qapi.Schema;

/// <summary>A type: built-in, enum, array, object (struct or union) or alternate.</summary>
public abstract class QapiType : QapiDefinition
{
    private protected QapiType(string name, QapiSourceInfo? info, QapiDoc? doc, QapiIfCond? ifCond, IReadOnlyList<QapiFeature>? features)
        : base(name, info, doc, ifCond, features)
    {
    }

    /// <summary>
    /// The JSON type of the type's values: <c>string</c>, <c>number</c>, <c>int</c>, <c>boolean</c>,
    /// <c>null</c>, <c>array</c>, <c>object</c>, or <c>value</c> (any JSON value).
    /// </summary>
    public abstract string JsonType { get; }

    /// <summary>
    /// Which QObject kind a value of this type arrives as, when an alternate tells its branches apart
    /// (<c>QTYPE_QSTRING</c>, ...); null when the type cannot be an alternate branch.
    /// </summary>
    public string? AlternateQType => JsonType switch
    {
        "null" => "QTYPE_QNULL",
        "string" => "QTYPE_QSTRING",
        "number" or "int" => "QTYPE_QNUM",
        "boolean" => "QTYPE_QBOOL",
        "array" => "QTYPE_QLIST",
        "object" => "QTYPE_QDICT",
        _ => null,
    };

    /// <summary>The type's name for documentation, or null for types documentation does not name (implicit ones).</summary>
    public virtual string? DocType => IsImplicit ? null : Name;

    /// <inheritdoc/>
    public override string Describe() => $"{Meta} type '{Name}'";

    internal override void Check(QapiSchema schema)
    {
        base.Check(schema);
        foreach (var feature in Features)
        {
            if (feature.IsSpecial)
            {
                throw new QapiSemanticException(Info!, $"feature '{feature.Name}' is not supported for types");
            }
        }
    }
}

/// <summary>A predefined scalar type: <c>str</c>, <c>int</c>, <c>uint8</c>, <c>bool</c>, <c>any</c>, <c>null</c>, ...</summary>
public sealed class QapiBuiltinType : QapiType
{
    internal QapiBuiltinType(string name, string jsonType)
        : base(name, null, null, null, null) => JsonType = jsonType;

    /// <inheritdoc/>
    public override string Meta => "built-in";

    /// <inheritdoc/>
    public override string JsonType { get; }

    /// <inheritdoc/>
    public override string? DocType => JsonType;

    /// <inheritdoc/>
    public override void Accept(QapiSchemaVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitBuiltinType(this);
    }
}

/// <summary>An enumeration: a set of string values.</summary>
public sealed class QapiEnumType : QapiType
{
    internal QapiEnumType(string name, QapiSourceInfo? info, QapiDoc? doc, QapiIfCond? ifCond, IReadOnlyList<QapiFeature>? features, IReadOnlyList<QapiEnumMember> members, string? prefix)
        : base(name, info, doc, ifCond, features)
    {
        Members = members;
        Prefix = prefix;
        foreach (var member in members)
        {
            member.SetDefinedIn(name);
        }
    }

    /// <inheritdoc/>
    public override string Meta => "enum";

    /// <summary>The values in source order.</summary>
    public IReadOnlyList<QapiEnumMember> Members { get; }

    /// <summary>The prefix that replaces the type name in C constants (<c>'prefix'</c>), if given.</summary>
    public string? Prefix { get; }

    /// <inheritdoc/>
    public override string JsonType => "string";

    /// <summary>True only for the predefined <c>QType</c>.</summary>
    public override bool IsImplicit => Name == "QType";

    /// <summary>The value names in order.</summary>
    public IEnumerable<string> MemberNames => Members.Select(m => m.Name);

    /// <inheritdoc/>
    public override void Accept(QapiSchemaVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitEnumType(this);
    }

    internal override void Check(QapiSchema schema)
    {
        base.Check(schema);
        QapiMember.CheckClashes(Info, Members);
    }

    internal override void ConnectDoc(QapiDoc? doc)
    {
        base.ConnectDoc(doc);
        doc ??= Doc;
        foreach (var member in Members)
        {
            member.ConnectDoc(doc);
        }
    }
}

/// <summary>
/// An array type <c>TList</c>, made for every built-in type and for each type used as <c>['T']</c>.
/// It lives in its element type's module and exists when its element type does.
/// </summary>
public sealed class QapiArrayType : QapiType
{
    internal QapiArrayType(string name, QapiSourceInfo? info, string elementTypeName)
        : base(name, info, null, null, null) => ElementTypeName = elementTypeName;

    /// <inheritdoc/>
    public override string Meta => "array";

    /// <summary>The element type's name.</summary>
    public string ElementTypeName { get; }

    /// <summary>The element type, once the schema is checked.</summary>
    public QapiType ElementType { get; private set; } = null!;

    /// <summary>The element type's condition.</summary>
    public override QapiIfCond IfCond => ElementType.IfCond;

    /// <summary>Always true: arrays are never written out as definitions.</summary>
    public override bool IsImplicit => true;

    /// <inheritdoc/>
    public override string JsonType => "array";

    /// <inheritdoc/>
    public override string? DocType => ElementType.DocType is { } element ? "array of " + element : null;

    /// <inheritdoc/>
    public override string Describe() => $"{Meta} type ['{ElementTypeName}']";

    /// <inheritdoc/>
    public override void Accept(QapiSchemaVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitArrayType(this);
    }

    internal override void Check(QapiSchema schema)
    {
        base.Check(schema);
        ElementType = schema.ResolveType(ElementTypeName, Info, Info?.DefinitionMeta);
    }

    internal override void SetModule(QapiSchema schema) => SetModule(schema, ElementType.Info);
}
