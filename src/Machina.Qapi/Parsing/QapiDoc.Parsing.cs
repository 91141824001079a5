using Machina.Qapi.Source;

namespace Machina.Qapi.Parsing;

/// <summary>Building a documentation block line by line.</summary>
public sealed partial class QapiDoc
{
    private static readonly HashSet<string> SectionTags =
        new(["Returns:", "Since:", "Note:", "Notes:", "Example:", "Examples:", "TODO:"], StringComparer.Ordinal);

    // The parser positions errors at its current line; dropped once the block is complete.
    private QapiSchemaParser? _parser;
    private QapiDocSection? _section;
    private Part _part = Part.Body;

    internal QapiDoc(QapiSchemaParser parser, QapiSourceInfo info)
    {
        _parser = parser;
        Info = info;
        Body = new QapiDocSection(null, 0);
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
    internal void Append(string comment)
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
    }

    private static string FirstWord(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? line : line[..space];
    }

    private static bool IsSymbolTag(string word) => word.StartsWith('@') && word.EndsWith(':');

    private void AppendBodyLine(string line)
    {
        var name = FirstWord(line);
        if (Symbol is null && !Body.HasPendingText && line.StartsWith('@'))
        {
            if (!line.EndsWith(':'))
            {
                throw ParseError("line should end with ':'");
            }

            Symbol = line[1..^1];
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
            else if (line == "Features:")
            {
                _part = Part.Features;
            }
            else if (SectionTags.Contains(name))
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

    private void AppendArgumentLine(string line)
    {
        var name = FirstWord(line);
        if (IsSymbolTag(name))
        {
            line = StartSymbolSection(_args, name, line);
        }
        else if (SectionTags.Contains(name))
        {
            _part = Part.Other;
            AppendOtherLine(line);
            return;
        }
        else if (StartsParagraphAfterBlankLine(line))
        {
            if (line == "Features:")
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

    private void AppendFeatureLine(string line)
    {
        var name = FirstWord(line);
        if (IsSymbolTag(name))
        {
            line = StartSymbolSection(_features, name, line);
        }
        else if (SectionTags.Contains(name))
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

    private bool StartsParagraphAfterBlankLine(string line) =>
        _section!.PendingEndsWithBlankLine && line.Length > 0 && !PythonText.IsSpace(line[0]);

    private void AppendOtherLine(string line)
    {
        var name = FirstWord(line);
        if (IsSymbolTag(name))
        {
            throw ParseError($"'{name}' can't follow '{_sections[0].Name ?? "None"}' section");
        }

        if (SectionTags.Contains(name))
        {
            var indent = HeaderLength(line, 0);
            line = BlankHeader(line, ref indent);
            StartSection(name[..^1], indent);
        }

        AppendFreeform(line);
    }

    /// <summary>
    /// Starts the section of member or feature <c>@NAME:</c> and returns the line with that header
    /// blanked out, so its text keeps the column continuation lines must align with.
    /// </summary>
    private string StartSymbolSection(OrderedDictionary<string, QapiDocArgSection> sections, string tag, string line)
    {
        var indent = HeaderLength(line, 1);
        line = BlankHeader(line, ref indent);
        var name = tag[1..^1];
        if (name.Length == 0)
        {
            throw ParseError("invalid parameter name");
        }

        if (sections.ContainsKey(name))
        {
            throw ParseError($"'{name}' parameter name duplicated");
        }

        var section = new QapiDocArgSection(name, indent);
        SwitchSection(section);
        sections.Add(name, section);
        return line;
    }

    /// <summary>
    /// The length of a <c>WORD:</c> header and the white space after it: the word is the run of
    /// non-space characters from <paramref name="wordStart"/>, cut after its last colon.
    /// </summary>
    private static int HeaderLength(string line, int wordStart)
    {
        var runEnd = wordStart;
        while (runEnd < line.Length && !PythonText.IsSpace(line[runEnd]))
        {
            runEnd++;
        }

        var colon = runEnd > wordStart ? line.LastIndexOf(':', runEnd - 1, runEnd - wordStart) : -1;

        // A tag whose run of non-space characters ends before its colon ("@a\tb:") makes QEMU's
        // parser fail outright; take the whole first word as the header instead.
        var end = colon >= 0 ? colon + 1 : FirstWord(line).Length;
        while (end < line.Length && PythonText.IsSpace(line[end]))
        {
            end++;
        }

        return end;
    }

    private static string BlankHeader(string line, ref int indent)
    {
        var rest = line[indent..];
        if (rest.Length == 0)
        {
            indent = 0;
            return rest;
        }

        return new string(' ', indent) + rest;
    }

    private void StartSection(string? name, int indent)
    {
        if (name is "Returns" or "Since" && HasSection(name))
        {
            throw ParseError($"duplicated '{name}' section");
        }

        var section = new QapiDocSection(name, indent);
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

    private void AppendFreeform(string line)
    {
        if (line.StartsWith('@'))
        {
            var runEnd = 1;
            while (runEnd < line.Length && !PythonText.IsSpace(line[runEnd]))
            {
                runEnd++;
            }

            var colon = runEnd > 2 ? line.LastIndexOf(':', runEnd - 1, runEnd - 2) : -1;
            if (colon >= 2)
            {
                throw ParseError($"'{line[..(colon + 1)]}' not allowed in free-form documentation");
            }
        }

        _section!.Append(this, line);
    }
}
