namespace Machina.Qapi.Parsing;

/// <summary>
/// Text rules of QEMU's front end that differ from .NET's defaults: what counts as white space,
/// and how paths are split and joined (POSIX, lexically).
/// </summary>
internal static class PythonText
{
    /// <summary>
    /// White space as QEMU's front end sees it in doc comments and between tokens: .NET's white space
    /// plus the four information separators U+001C..U+001F.
    /// </summary>
    public static bool IsSpace(char c) =>
        c <= '\u007f'
            ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f')
            : char.IsWhiteSpace(c);

    public static int LeadingSpace(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    public static ReadOnlySpan<char> TrimEnd(ReadOnlySpan<char> text)
    {
        var end = text.Length;
        while (end > 0 && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text[..end];
    }

    public static string Trim(string text)
    {
        var start = LeadingSpace(text);
        var trimmed = TrimEnd(text.AsSpan(start));
        return trimmed.Length == text.Length ? text : trimmed.ToString();
    }

    /// <summary>The folder part of a path, as POSIX <c>dirname</c> without the "." for none.</summary>
    public static string DirectoryName(string path)
    {
        var i = path.LastIndexOf('/') + 1;
        var head = path[..i];
        if (head.Length > 0 && head.AsSpan().ContainsAnyExcept('/'))
        {
            head = head.TrimEnd('/');
        }

        return head;
    }

    /// <summary>Appends <paramref name="name"/> to <paramref name="folder"/>; an absolute name stands alone.</summary>
    public static string Join(string folder, string name)
    {
        if (name.StartsWith('/') || folder.Length == 0)
        {
            return name;
        }

        return folder.EndsWith('/') ? folder + name : folder + "/" + name;
    }
}
