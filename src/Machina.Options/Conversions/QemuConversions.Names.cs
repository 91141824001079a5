namespace Machina.Options;

public static partial class QemuConversions
{
    /// <summary>
    /// Reads a boolean as QEMU's <c>qapi_bool_parse</c>: <c>on</c>, <c>yes</c>, <c>true</c>, <c>y</c>
    /// are true; <c>off</c>, <c>no</c>, <c>false</c>, <c>n</c> are false; case matters.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The boolean.</param>
    /// <returns>False for any other text.</returns>
    public static bool TryParseBool(ReadOnlySpan<char> text, out bool value)
    {
        switch (CString.Of(text))
        {
            case "on" or "yes" or "true" or "y":
                value = true;
                return true;
            case "off" or "no" or "false" or "n":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Reads a boolean as <see cref="TryParseBool"/>, failing as QEMU does.</summary>
    /// <param name="name">The parameter's name, for the error message.</param>
    /// <param name="value">The text.</param>
    /// <exception cref="OptionsException"><c>Parameter 'NAME' expects 'on' or 'off'</c>.</exception>
    public static bool ParseBool(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return TryParseBool(value, out var result) ? result : throw Internal.Messages.BoolExpected(name).ToException();
    }

    /// <summary>
    /// The length of the QAPI name at the start of <paramref name="text"/>, as QEMU's
    /// <c>parse_qapi_name</c>: an optional downstream prefix <c>__RFQDN_</c> (letters, digits,
    /// '-' and '.'), then a letter followed by letters, digits, '-' and '_'.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="complete">When true the name must be all of <paramref name="text"/>.</param>
    /// <returns>The length, or -1 when there is no name (or, with <paramref name="complete"/>, more follows).</returns>
    public static int ParseQapiName(ReadOnlySpan<char> text, bool complete)
    {
        text = CString.Of(text);
        var p = 0;
        if (p < text.Length && text[p] == '_')
        {
            p++;
            if (p >= text.Length || text[p] != '_')
            {
                return -1;
            }

            p++;
            while (p < text.Length && (IsAsciiLetterOrDigit(text[p]) || text[p] is '-' or '.'))
            {
                p++;
            }

            if (p >= text.Length || text[p] != '_')
            {
                return -1;
            }

            p++;
        }

        if (p >= text.Length || !IsAsciiLetter(text[p]))
        {
            return -1;
        }

        p++;
        while (p < text.Length && (IsAsciiLetterOrDigit(text[p]) || text[p] is '-' or '_'))
        {
            p++;
        }

        return complete && p < text.Length ? -1 : p;
    }

    /// <summary>
    /// Whether <paramref name="id"/> is a well-formed identifier (QEMU's <c>id_wellformed</c>):
    /// a letter, then letters, digits, '-', '.' and '_'.
    /// </summary>
    public static bool IsWellFormedId(ReadOnlySpan<char> id)
    {
        id = CString.Of(id);
        if (id.IsEmpty || !IsAsciiLetter(id[0]))
        {
            return false;
        }

        foreach (var c in id[1..])
        {
            if (!IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_'))
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
