using Machina.Qmp.Client;

namespace Machina.Qmp.Shell;

/// <summary>Completion of command names (first word) and argument names (<c>name=</c>) from the live schema.</summary>
internal sealed class ShellCompleter(QmpSchemaFeatures? schema)
{
    private readonly string[] _commands = schema?.Commands.Order(StringComparer.Ordinal).ToArray() ?? [];

    /// <summary>The completions of the word that ends <paramref name="line"/>, each the whole line completed.</summary>
    public IReadOnlyList<string> Complete(string line)
    {
        if (line.StartsWith('{') || line.StartsWith('!'))
        {
            return [];
        }

        var lastSpace = line.LastIndexOf(' ');
        var word = line[(lastSpace + 1)..];
        var head = line[..(lastSpace + 1)];
        if (lastSpace < 0)
        {
            return _commands.Where(c => c.StartsWith(word, StringComparison.Ordinal)).ToList();
        }

        if (word.Contains('=', StringComparison.Ordinal) || schema is null)
        {
            return [];
        }

        var command = line.TrimStart().Split(' ', 2)[0];
        var given = new HashSet<string>(
            ShellCommandLine.Tokens(head).Skip(1).Select(t => t.Split('=', 2)[0]), StringComparer.Ordinal);
        return schema.ArgumentsOf(command)
            .Where(a => a.StartsWith(word, StringComparison.Ordinal) && !given.Contains(a))
            .Select(a => head + a + "=")
            .ToList();
    }

    /// <summary>The longest text every candidate starts with.</summary>
    public static string CommonPrefix(IReadOnlyList<string> candidates)
    {
        if (candidates.Count == 0)
        {
            return string.Empty;
        }

        var prefix = candidates[0];
        foreach (var candidate in candidates.Skip(1))
        {
            var length = 0;
            while (length < prefix.Length && length < candidate.Length && prefix[length] == candidate[length])
            {
                length++;
            }

            prefix = prefix[..length];
        }

        return prefix;
    }
}
