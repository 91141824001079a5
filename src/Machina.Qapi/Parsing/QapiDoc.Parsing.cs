using System.Text;
using Machina.Qapi.Source;

namespace Machina.Qapi.Parsing;

/// <summary>Building a documentation block line by line.</summary>
public sealed partial class QapiDoc
{
    // The parser positions errors at its current line; dropped once the block is complete.
    private QapiSchemaParser? _parser;
    private StringBuilder? _text;
    private QapiDocSection? _section;
    private Part _part = Part.Body;

    internal QapiDoc(QapiSchemaParser parser, QapiSourceInfo info, StringBuilder text)
    {
        _parser = parser;
        _text = text;
        Info = info;
        Body = new QapiDocSection(null, 0, text);
        _section = Body;
    }

    /// <summary>Which part of a definition block the next line continues.</summary>
    private enum Part : byte
    {
        Body,
        Arguments,
        Features,
        Other,
    }

    internal QapiParseException ParseError(string reason) => _parser!.Error(reason);

    /// <summary>Adds a comment line, <c>#</c> included.</summary>
    internal void Append(ReadOnlySpan<char> comment)
    {
        var line = comment[1..];
        if (line.Length == 0)
        {
            AppendFreeform(line);
            return;
        }

        if (line[0] != ' ')
        {
            throw ParseError("missing space after #");
        }

        line = line[1..];
        switch (_part)
        {
            case Part.Body:
                AppendBodyLine(line);
                break;
            case Part.Arguments:
                AppendArgumentLine(line);
                break;
            case Part.Features:
                AppendFeatureLine(line);
                break;
            default:
                AppendOtherLine(line);
                break;
        }
    }

    internal void EndComment()
    {
        SwitchSection(null);
        _parser = null;
        _text = null;
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> line)
    {
        var space = line.IndexOf(' ');
        return space < 0 ? line : line[..space];
    }

    private static bool IsSymbolTag(ReadOnlySpan<char> word) => word.StartsWith('@') && word.EndsWith(':');

    private static bool IsSectionTag(ReadOnlySpan<char> word) =>
        word is "Returns:" or "Since:" or "Note:" or "Notes:" or "Example:" or "Examples:" or "TODO:";

    private void AppendBodyLine(ReadOnlySpan<char> line)
    {
        var name = FirstWord(line);
        if (Symbol is null && !Body.HasPendingText && line.StartsWith('@'))
        {
            if (!line.EndsWith(':'))
            {
                throw ParseError("line should end with ':'");
            }

            Symbol = line[1..^1].ToString();
            if (Symbol.Length == 0)
            {
                throw ParseError("name required after '@'");
            }
        }
        else if (Symbol is not null)
        {
            if (IsSymbolTag(name))
            {
                _part = Part.Arguments;
                AppendArgumentLine(line);
            }
            else if (line is "Features:")
            {
                _part = Part.Features;
            }
            else if (IsSectionTag(name))
            {
                _part = Part.Other;
                AppendOtherLine(line);
            }
            else
            {
                AppendFreeform(line);
            }
        }
        else
        {
            AppendFreeform(line);
        }
    }

    private void AppendArgumentLine(ReadOnlySpan<char> line)
    {
        var name = FirstWord(line);
        if (IsSymbolTag(name))
        {
            StartSymbolSection(_args, name, line);
            return;
        }
        else if (IsSectionTag(name))
        {
            _part = Part.Other;
            AppendOtherLine(line);
            return;
        }
        else if (StartsParagraphAfterBlankLine(line))
        {
            if (line is "Features:")
            {
                _part = Part.Features;
            }
            else
            {
                StartSection(null, 0);
                _part = Part.Other;
                AppendOtherLine(line);
            }

            return;
        }

        AppendFreeform(line);
    }

    private void AppendFeatureLine(ReadOnlySpan<char> line)
    {
        var name = FirstWord(line);
        if (IsSymbolTag(name))
        {
            StartSymbolSection(_features, name, line);
            return;
        }
        else if (IsSectionTag(name))
        {
            _part = Part.Other;
            AppendOtherLine(line);
            return;
        }
        else if (StartsParagraphAfterBlankLine(line))
        {
            StartSection(null, 0);
            _part = Part.Other;
            AppendOtherLine(line);
            return;
        }

        AppendFreeform(line);
    }

    private bool StartsParagraphAfterBlankLine(ReadOnlySpan<char> line) =>
        _section!.PendingEndsWithBlankLine && line.Length > 0 && !PythonText.IsSpace(line[0]);

    private void AppendOtherLine(ReadOnlySpan<char> line)
    {
        var name = FirstWord(line);
        if (IsSymbolTag(name))
        {
            throw ParseError($"'{name}' can't follow '{_sections[0].Name ?? "None"}' section");
        }

        if (IsSectionTag(name))
        {
            var header = HeaderLength(line, 0);
            StartSection(name[..^1].ToString(), line.Length > header ? header : 0);
            AppendFirstLine(line[header..]);
            return;
        }

        AppendFreeform(line);
    }

    /// <summary>
    /// Starts the section of member or feature <c>@NAME:</c>. Continuation lines must be indented
    /// to where the text after the header starts (or not at all when the header stands alone).
    /// </summary>
    private void StartSymbolSection(OrderedDictionary<string, QapiDocArgSection> sections, ReadOnlySpan<char> tag, ReadOnlySpan<char> line)
    {
        var header = HeaderLength(line, 1);
        var name = tag[1..^1].ToString();
        if (name.Length == 0)
        {
            throw ParseError("invalid parameter name");
        }

        if (sections.ContainsKey(name))
        {
            throw ParseError($"'{name}' parameter name duplicated");
        }

        var section = new QapiDocArgSection(name, line.Length > header ? header : 0, _text);
        SwitchSection(section);
        sections.Add(name, section);
        AppendFirstLine(line[header..]);
    }

    /// <summary>
    /// Appends the text after a section's header. It starts at the section's indentation by
    /// construction, so it is neither checked for indentation nor for free-form markup.
    /// </summary>
    private void AppendFirstLine(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            AppendFreeform(rest);
        }
        else
        {
            _section!.AppendUnindented(rest);
        }
    }

    /// <summary>
    /// The length of a <c>WORD:</c> header and the white space after it: the word is the run of
    /// non-space characters from <paramref name="wordStart"/>, cut after its last colon.
    /// </summary>
    private static int HeaderLength(ReadOnlySpan<char> line, int wordStart)
    {
        var runEnd = wordStart;
        while (runEnd < line.Length && !PythonText.IsSpace(line[runEnd]))
        {
            runEnd++;
        }

        var colon = line[wordStart..runEnd].LastIndexOf(':');

        // A tag whose run of non-space characters ends before its colon ("@a\tb:") makes QEMU's
        // parser fail outright; take the whole first word as the header instead.
        var end = colon >= 0 ? wordStart + colon + 1 : FirstWord(line).Length;
        while (end < line.Length && PythonText.IsSpace(line[end]))
        {
            end++;
        }

        return end;
    }

    private void StartSection(string? name, int indent)
    {
        if (name is "Returns" or "Since" && HasSection(name))
        {
            throw ParseError($"duplicated '{name}' section");
        }

        var section = new QapiDocSection(name, indent, _text);
        SwitchSection(section);
        _sections.Add(section);
    }

    private void SwitchSection(QapiDocSection? next)
    {
        var current = _section!;
        var text = current.Finish();
        if (current != Body && text.Length == 0)
        {
            throw ParseError($"empty doc section '{current.Name}'");
        }

        _section = next;
    }

    private void AppendFreeform(ReadOnlySpan<char> line)
    {
        if (line.StartsWith('@'))
        {
            // "@word:" at the start of a line is markup for a member, not text.
            var runEnd = 1;
            while (runEnd < line.Length && !PythonText.IsSpace(line[runEnd]))
            {
                runEnd++;
            }

            var colon = runEnd > 2 ? line[2..runEnd].LastIndexOf(':') : -1;
            if (colon >= 0)
            {
                throw ParseError($"'{line[..(colon + 3)]}' not allowed in free-form documentation");
            }
        }

        _section!.Append(this, line);
    }
}
