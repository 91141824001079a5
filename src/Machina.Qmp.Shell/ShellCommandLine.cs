using System.Globalization;
using System.Text.RegularExpressions;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Qmp.Shell;

/// <summary>
/// qmp-shell's input syntax: <c>command key=value key.sub=value ...</c>, or a whole JSON request.
/// </summary>
/// <remarks>
/// Values are read as qmp-shell reads them: an integer, <c>true</c>/<c>false</c> (any case), JSON
/// when it starts with <c>{</c> or <c>[</c> and parses, else the text as a string. Dotted keys
/// build nested objects (<c>file.driver=file</c>). Tokens may be quoted with <c>"</c> or <c>'</c>;
/// a value quoted whole is the string inside the quotes (qmp-shell would keep the quotes).
/// </remarks>
internal static partial class ShellCommandLine
{
    /// <summary>Builds the request for <paramref name="line"/>; null for a blank line.</summary>
    /// <exception cref="FormatException">The line is not <c>command key=value...</c> or valid JSON (qmp-shell's messages).</exception>
    public static QDict? Parse(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed[0] == '{')
        {
            if (!QJson.TryParse(trimmed, out var value, out var error))
            {
                throw new FormatException($"invalid JSON: {error.Message}");
            }

            return value as QDict ?? throw new FormatException("a JSON request must be an object");
        }

        var tokens = Tokens(trimmed);
        var arguments = new QDict();
        Arguments(tokens.Skip(1), arguments);
        return new QDict { ["execute"] = tokens[0], ["arguments"] = arguments };
    }

    /// <summary>The line split as qmp-shell splits it: at white space outside quotes.</summary>
    public static List<string> Tokens(string line) => TokenPattern().Matches(line).Select(m => m.Value).ToList();

    private static void Arguments(IEnumerable<string> tokens, QDict arguments)
    {
        foreach (var token in tokens)
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new FormatException($"Expected a key=value pair, got '{token}'");
            }

            var key = token[..equals];
            var value = Value(token[(equals + 1)..]);
            var path = key.Split('.');
            var parent = arguments;
            for (var i = 0; i < path.Length - 1; i++)
            {
                var existing = parent.GetValueOrDefault(path[i]);
                if (existing is null)
                {
                    existing = new QDict();
                    parent[path[i]] = existing;
                }
                else if (existing is not QDict)
                {
                    throw new FormatException($"Cannot use \"{string.Join('.', path[..(i + 1)])}\" as both leaf and non-leaf key");
                }

                parent = (QDict)existing;
            }

            var leaf = path[^1];
            if (parent.GetValueOrDefault(leaf) is { } already)
            {
                throw new FormatException(already is QDict
                    ? $"Cannot use \"{string.Join('.', path[..^1])}\" as both leaf and non-leaf key"
                    : $"Cannot set \"{key}\" multiple times");
            }

            parent[leaf] = value;
        }
    }

    private static QObject Value(string text)
    {
        // Unlike qmp-shell, which passes quotes on, a value quoted whole loses its quotes, so
        // command-line="info status" means what it looks like.
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0])
        {
            return new QString(text[1..^1]);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new QNum(integer);
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return QBool.True;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return QBool.False;
        }

        if (text.StartsWith('{') || text.StartsWith('['))
        {
            if (QJson.TryParse(text, out var json, out _))
            {
                return json;
            }

            // qmp-shell's second try, "fuzzy JSON": single quotes and Python's True/False/None.
            var fuzzy = text.Replace('\'', '"').Replace("True", "true", StringComparison.Ordinal)
                .Replace("False", "false", StringComparison.Ordinal).Replace("None", "null", StringComparison.Ordinal);
            if (QJson.TryParse(fuzzy, out json, out _))
            {
                return json;
            }
        }

        return new QString(text);
    }

    [GeneratedRegex("""(?:[^\s"']|"(?:\\.|[^"])*"|'(?:\\.|[^'])*')+""")]
    private static partial Regex TokenPattern();
}
