using System.Globalization;
using System.Text;
using Machina.QObjects;

namespace Machina.Options.Internal;

/// <summary>
/// A value as QEMU's compact <c>qobject_to_json</c> writes it, for the <c>(default: ...)</c> part of
/// help listings: <c>", "</c> and <c>": "</c> separators, dictionary keys in QEMU's hash-table
/// order, non-ASCII and control characters as <c>\uXXXX</c>, doubles as <c>%.17g</c>.
/// </summary>
internal static class QemuJsonText
{
    public static string Write(QObject value)
    {
        var output = new StringBuilder();
        Write(output, value);
        return output.ToString();
    }

    private static void Write(StringBuilder output, QObject value)
    {
        switch (value)
        {
            case QNull:
                output.Append("null");
                break;
            case QBool b:
                output.Append(b.Value ? "true" : "false");
                break;
            case QNum n:
                output.Append(CFormat.QNumToString(n));
                break;
            case QString s:
                Quote(output, s.Value);
                break;
            case QDict dict:
                output.Append('{');
                var first = true;
                foreach (var (key, item) in QemuDictOrder.Entries(dict))
                {
                    output.Append(first ? "" : ", ");
                    first = false;
                    Quote(output, key);
                    output.Append(": ");
                    Write(output, item);
                }

                output.Append('}');
                break;
            case QList list:
                output.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    output.Append(i == 0 ? "" : ", ");
                    Write(output, list[i]);
                }

                output.Append(']');
                break;
            default:
                throw new ArgumentException($"unknown QObject kind {value.Type}", nameof(value));
        }
    }

    private static void Quote(StringBuilder output, string text)
    {
        output.Append('"');
        foreach (var rune in EnumerateRunes(CString.Text(text)))
        {
            var cp = rune;
            switch (cp)
            {
                case '"':
                    output.Append("\\\"");
                    continue;
                case '\\':
                    output.Append("\\\\");
                    continue;
                case '\b':
                    output.Append("\\b");
                    continue;
                case '\f':
                    output.Append("\\f");
                    continue;
                case '\n':
                    output.Append("\\n");
                    continue;
                case '\r':
                    output.Append("\\r");
                    continue;
                case '\t':
                    output.Append("\\t");
                    continue;
            }

            if (cp > 0xFFFF)
            {
                output.Append(CultureInfo.InvariantCulture, $"\\u{0xD800 + ((cp - 0x10000) >> 10):X4}\\u{0xDC00 + ((cp - 0x10000) & 0x3FF):X4}");
            }
            else if (cp is < 0x20 or >= 0x7F)
            {
                output.Append(CultureInfo.InvariantCulture, $"\\u{cp:X4}");
            }
            else
            {
                output.Append((char)cp);
            }
        }

        output.Append('"');
    }

    /// <summary>Code points as QEMU's <c>mod_utf8_codepoint</c> sees them: invalid ones and noncharacters become U+FFFD.</summary>
    private static IEnumerable<int> EnumerateRunes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                cp = 0xFFFD;
            }

            if (cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE)
            {
                cp = 0xFFFD;
            }

            yield return cp;
        }
    }
}
