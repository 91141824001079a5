using Machina.Qapi.Source;
using Machina.QObjects;

namespace Machina.Qapi.Parsing;

/// <summary>
/// One top-level expression of a schema as the parser read it: a definition
/// (<c>{ 'struct': ... }</c>) or an include directive, where it starts, and the documentation
/// comment right above it.
/// </summary>
/// <remarks>
/// <para>For an include directive <see cref="Value"/> is <c>{ 'include': PATH }</c> with the path
/// joined to the including file's folder. Pragma directives take effect while parsing and are not
/// expressions.</para>
/// <para>The expression checker normalizes <see cref="Value"/> in place: member and branch types
/// become <c>{ 'type': T }</c>, features and enum values become <c>{ 'name': N }</c>.</para>
/// </remarks>
public sealed class QapiExpression
{
    internal QapiExpression(QDict value, QapiSourceInfo info, QapiDoc? doc)
    {
        Value = value;
        Info = info;
        Doc = doc;
    }

    /// <summary>The expression's keys and values, in source order.</summary>
    public QDict Value { get; }

    /// <summary>The line the expression starts on.</summary>
    public QapiSourceInfo Info { get; }

    /// <summary>The definition documentation comment right above the expression, if any.</summary>
    public QapiDoc? Doc { get; }

    /// <summary>True for an include directive.</summary>
    public bool IsInclude => Value.ContainsKey("include");
}
