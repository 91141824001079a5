namespace Machina.Options;

/// <summary>QEMU handles option text as C strings; these helpers end a .NET text where C's would end.</summary>
internal static class CString
{
    /// <summary><paramref name="text"/> up to (not including) its first U+0000.</summary>
    public static ReadOnlySpan<char> Of(ReadOnlySpan<char> text)
    {
        var nul = text.IndexOf('\0');
        return nul < 0 ? text : text[..nul];
    }

    /// <summary><paramref name="text"/> up to its first U+0000, without copying when there is none.</summary>
    public static string Text(string text)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0 ? text : text[..nul];
    }
}
