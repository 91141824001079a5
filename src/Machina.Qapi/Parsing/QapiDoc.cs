using System.Text;
using Machina.Qapi.Schema;
using Machina.Qapi.Source;

namespace Machina.Qapi.Parsing;

/// <summary>
/// A documentation comment: the lines between a <c>##</c> line and the next <c>##</c> line.
/// </summary>
/// <remarks>
/// <para>A <em>definition</em> block starts with <c>@NAME:</c> and documents the definition that
/// follows it: a body, one section per member or argument (<c>@member: text</c>), a
/// <c>Features:</c> part with one section per feature, then tagged sections (<c>Returns:</c>,
/// <c>Since:</c>, <c>Note:</c>, <c>Example:</c>, ...) and untagged ones.</para>
/// <para>A <em>free-form</em> block has only a body; a heading line (<c># = Title</c>) starts a new
/// free-form block.</para>
/// <para>Section texts have their common indentation removed and outer blank space trimmed.
/// After the schema is checked, every member of the documented definition has an argument
/// section (empty when undocumented) connected to it.</para>
/// </remarks>
public sealed partial class QapiDoc
{
    private readonly OrderedDictionary<string, QapiDocArgSection> _args = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, QapiDocArgSection> _features = new(StringComparer.Ordinal);
    private readonly List<QapiDocSection> _sections = [];

    /// <summary>The line of the block's opening <c>##</c>.</summary>
    public QapiSourceInfo Info { get; }

    /// <summary>The documented definition's name; null for a free-form block.</summary>
    public string? Symbol { get; private set; }

    /// <summary>The text before the first member, feature or tagged section.</summary>
    public QapiDocSection Body { get; }

    /// <summary>The member (or argument) sections, documented ones in source order, then undocumented ones.</summary>
    public IReadOnlyList<QapiDocArgSection> Arguments => _args.Values;

    /// <summary>The feature sections in source order.</summary>
    public IReadOnlyList<QapiDocArgSection> Features => _features.Values;

    /// <summary>The sections after members and features: tagged ones (<c>Returns</c>, ...) and untagged ones (name null).</summary>
    public IReadOnlyList<QapiDocSection> Sections => _sections;

    /// <summary>The section documenting member <paramref name="name"/>, if any.</summary>
    public QapiDocArgSection? FindArgument(string name) => _args.GetValueOrDefault(name);

    /// <summary>The section documenting feature <paramref name="name"/>, if any.</summary>
    public QapiDocArgSection? FindFeature(string name) => _features.GetValueOrDefault(name);

    /// <summary>Whether a section with this tag (without the colon, e.g. <c>Returns</c>) exists.</summary>
    public bool HasSection(string name) => _sections.Exists(s => s.Name == name);

    internal void ConnectMember(QapiMember member)
    {
        if (!_args.TryGetValue(member.Name, out var section))
        {
            section = new QapiDocArgSection(member.Name, 0, null);
            _args.Add(member.Name, section);
        }

        section.Member = member;
    }

    internal void ConnectFeature(QapiFeature feature)
    {
        if (!_features.TryGetValue(feature.Name, out var section))
        {
            throw new QapiSemanticException(feature.Info!, $"feature '{feature.Name}' lacks documentation");
        }

        section.Member = feature;
    }

    internal void CheckExpression(bool isCommand)
    {
        if (HasSection("Returns") && !isCommand)
        {
            throw new QapiSemanticException(Info, "'Returns:' is only valid for commands");
        }
    }

    internal void Check()
    {
        CheckDocumented(_args, "member");
        CheckDocumented(_features, "feature");
    }

    private void CheckDocumented(OrderedDictionary<string, QapiDocArgSection> sections, string what)
    {
        var bogus = new List<string>();
        foreach (var (name, section) in sections)
        {
            if (section.Member is null)
            {
                bogus.Add(name);
            }
        }

        if (bogus.Count > 0)
        {
            var plural = bogus.Count > 1;
            throw new QapiSemanticException(
                Info,
                $"documented {what}{(plural ? "s" : "")} '{string.Join("', '", bogus)}' {(plural ? "do" : "does")} not exist");
        }
    }
}

/// <summary>A part of a documentation comment.</summary>
public class QapiDocSection
{
    // The text so far, while this is the section being read. One builder serves every section of
    // a file in turn, as only one section is open at a time.
    private StringBuilder? _pending;

    internal QapiDocSection(string? name, int indent, StringBuilder? pending)
    {
        Name = name;
        Indent = indent;
        _pending = pending;
    }

    /// <summary>The tag without its colon (<c>Returns</c>), the member or feature name, or null for the body and untagged sections.</summary>
    public string? Name { get; }

    /// <summary>The text, lines joined with <c>\n</c>, indentation removed, outer white space trimmed.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>How many leading columns every continuation line must have (and loses).</summary>
    internal int Indent { get; }

    internal bool HasPendingText => _pending is { Length: > 0 };

    internal bool PendingEndsWithBlankLine =>
        _pending is { Length: >= 2 } p && p[^1] == '\n' && p[^2] == '\n';

    internal void Append(QapiDoc doc, ReadOnlySpan<char> line)
    {
        if (line.Length > 0)
        {
            if (PythonText.LeadingSpace(line) < Indent)
            {
                throw doc.ParseError($"unexpected de-indent (expected at least {Indent} spaces)");
            }

            line = line[Indent..];
        }

        AppendUnindented(line);
    }

    internal void AppendUnindented(ReadOnlySpan<char> line) =>
        _pending!.Append(PythonText.TrimEnd(line)).Append('\n');

    /// <summary>Ends the section and returns its trimmed text.</summary>
    internal string Finish()
    {
        if (_pending is { } pending)
        {
            var end = pending.Length;
            while (end > 0 && PythonText.IsSpace(pending[end - 1]))
            {
                end--;
            }

            var start = 0;
            while (start < end && PythonText.IsSpace(pending[start]))
            {
                start++;
            }

            Text = pending.ToString(start, end - start);
            pending.Clear();
            _pending = null;
        }

        return Text;
    }
}

/// <summary>The documentation of one member, argument, branch, enum value or feature.</summary>
public sealed class QapiDocArgSection : QapiDocSection
{
    internal QapiDocArgSection(string name, int indent, StringBuilder? pending)
        : base(name, indent, pending)
    {
    }

    /// <summary>The member or feature documented here, once the schema is checked.</summary>
    public QapiMember? Member { get; internal set; }
}
