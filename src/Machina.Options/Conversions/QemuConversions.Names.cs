namespace Machina.Options;

public static partial class QemuConversions
{
    /// <summary>
    /// Whether <paramref name="id"/> is a well-formed identifier (QEMU's <c>id_wellformed</c>):
    /// a letter, then letters, digits, '-', '.' and '_'.
    /// </summary>
    public static bool IsWellFormedId(ReadOnlySpan<char> id)
    {
        id = CString.Of(id);
        if (id.IsEmpty || !char.IsAsciiLetter(id[0]))
        {
            return false;
        }

        foreach (var c in id[1..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> asks for help: exactly <c>help</c> or <c>?</c> (QEMU's <c>is_help_option</c>).</summary>
    public static bool IsHelpOption(ReadOnlySpan<char> text) => CString.Of(text) is "help" or "?";

    /// <summary>
    /// The length of a help request at the start of <paramref name="text"/> (QEMU's
    /// <c>starts_with_help_option</c>): 1 for '?', 4 for <c>help</c>, else 0.
    /// </summary>
    public static int StartsWithHelpOption(ReadOnlySpan<char> text)
    {
        text = CString.Of(text);
        return text.StartsWith("?") ? 1 : text.StartsWith("help") ? 4 : 0;
    }
}
