using System.Text;
using Machina.Qapi.Parsing;

namespace Machina.Qapi.Generation;

/// <summary>
/// The schema's documentation comments as XML documentation: the first paragraph is the summary,
/// the rest (and the definition's tagged sections, such as <c>Since:</c>) the remarks.
/// </summary>
internal static class CSharpDocs
{
    /// <summary>Writes <c>&lt;summary&gt;</c> (and <c>&lt;remarks&gt;</c>) from <paramref name="text"/>, or the fallback summary.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="text">Documentation text from the schema, or null/empty for none.</param>
    /// <param name="fallback">The summary (already XML) when the schema says nothing.</param>
    /// <param name="sections">Tagged sections of a definition's documentation, shown in the remarks.</param>
    public static void Write(CSharpWriter writer, string? text, string fallback, IEnumerable<QapiDocSection>? sections = null)
    {
        var paragraphs = Paragraphs(text);
        if (paragraphs.Count == 0)
        {
            writer.Line("/// <summary>" + fallback + "</summary>");
        }
        else
        {
            Element(writer, "summary", paragraphs[0]);
        }

        var remarks = new List<string>(paragraphs.Skip(1));
        if (sections is not null)
        {
            foreach (var section in sections)
            {
                if (section.Text.Length > 0)
                {
                    var body = Paragraphs(section.Text);
                    var tag = section.Name is null ? string.Empty : Xml(section.Name) + ": ";
                    remarks.Add(tag + string.Join("\n", body));
                }
            }
        }

        if (remarks.Count == 1)
        {
            Element(writer, "remarks", remarks[0]);
        }
        else if (remarks.Count > 1)
        {
            writer.Line("/// <remarks>");
            foreach (var paragraph in remarks)
            {
                Element(writer, "para", paragraph);
            }

            writer.Line("/// </remarks>");
        }
    }

    /// <summary>Writes a one-paragraph element such as <c>&lt;param name="x"&gt;</c> from schema text or a fallback.</summary>
    public static void Param(CSharpWriter writer, string name, string? text, string fallback)
    {
        var paragraphs = Paragraphs(text);
        var content = paragraphs.Count == 0 ? fallback : string.Join("\n", paragraphs);
        Element(writer, "param", content, $" name=\"{name.TrimStart('@')}\"");
    }

    private static void Element(CSharpWriter writer, string element, string content, string attributes = "")
    {
        var lines = content.Split('\n');
        if (lines.Length == 1)
        {
            writer.Line($"/// <{element}{attributes}>{lines[0]}</{element}>");
            return;
        }

        writer.Line($"/// <{element}{attributes}>");
        foreach (var line in lines)
        {
            writer.Line(line.Length == 0 ? "///" : "/// " + line);
        }

        writer.Line($"/// </{element}>");
    }

    /// <summary>The text's paragraphs (split at blank lines), XML-escaped, <c>@name</c> references as <c>&lt;c&gt;name&lt;/c&gt;</c>.</summary>
    private static List<string> Paragraphs(string? text)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var current = new StringBuilder();
        foreach (var rawLine in text!.Replace("\r", string.Empty).Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(References(Xml(line)));
        }

        Flush();
        return result;

        void Flush()
        {
            if (current.Length > 0)
            {
                result.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>Escapes XML's special characters.</summary>
    public static string Xml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    // '@name' in QAPI documentation refers to a member or definition.
    private static string References(string line)
    {
        if (line.IndexOf('@') < 0)
        {
            return line;
        }

        var result = new StringBuilder(line.Length + 16);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var end = i + 1;
            while (c == '@' && end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] is '-' or '_' or '.'))
            {
                end++;
            }

            // A trailing '.' ends the sentence, not the name.
            while (end > i + 1 && line[end - 1] == '.')
            {
                end--;
            }

            if (c == '@' && end > i + 1 && (i == 0 || !char.IsLetterOrDigit(line[i - 1])))
            {
                result.Append("<c>").Append(line, i + 1, end - i - 1).Append("</c>");
                i = end - 1;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
