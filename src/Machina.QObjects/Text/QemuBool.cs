namespace Machina.QObjects.Text;

/// <summary>QEMU's boolean words (<c>qapi_bool_parse</c> in qapi/qapi-util.c).</summary>
public static class QemuBool
{
    /// <summary>
    /// Reads <paramref name="text"/> as a boolean: <c>on</c>, <c>yes</c>, <c>true</c>, <c>y</c> are
    /// true; <c>off</c>, <c>no</c>, <c>false</c>, <c>n</c> are false. Exact and case-sensitive.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The boolean; false when the text is none of these words.</param>
    /// <returns>False for any other text.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out bool value)
    {
        switch (text)
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
}
