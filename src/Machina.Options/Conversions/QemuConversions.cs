using System.Diagnostics.CodeAnalysis;
using Machina.Options.Internal;
using Machina.QObjects.Text;

namespace Machina.Options;

/// <summary>
/// QemuOpts' conversions of option values, with QEMU's error messages: booleans, numbers and sizes
/// (on top of <see cref="QemuBool"/> and <see cref="QemuNumbers"/>), identifiers and help requests.
/// </summary>
/// <remarks>
/// <para>Texts are read as C strings: a U+0000 ends the text, exactly where QEMU's C code would stop.</para>
/// <para>Only ASCII letters and digits count as such, as in QEMU's locale-independent <c>qemu_isalnum</c>.</para>
/// </remarks>
public static partial class QemuConversions
{
    /// <summary>Reads a boolean as QEMU's <c>qapi_bool_parse</c> (<see cref="QemuBool.TryParse"/>), failing as QemuOpts does.</summary>
    /// <param name="name">The parameter's name, for the error message.</param>
    /// <param name="value">The text.</param>
    /// <exception cref="OptionsException"><c>Parameter 'NAME' expects 'on' or 'off'</c>.</exception>
    public static bool ParseBool(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return QemuBool.TryParse(CString.Of(value), out var result) ? result : throw Messages.BoolExpected(name).ToException();
    }

    /// <summary>
    /// Converts an option value to a number as QemuOpts does for <see cref="QemuOptType.Number"/>
    /// (<c>qemu_strtou64</c> in base 0 over the whole value: <c>42</c>, <c>0x2a</c>, <c>052</c>;
    /// <c>-1</c> is 2^64-1).
    /// </summary>
    /// <param name="name">The parameter's name, for the error message.</param>
    /// <param name="value">The text.</param>
    /// <exception cref="OptionsException"><c>Parameter 'NAME' expects a number</c>, or
    /// <c>Value 'VALUE' is too large for parameter 'NAME'</c>.</exception>
    public static ulong ParseOptionNumber(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return TryParseOptionNumber(name, value, out var number, out var error) ? number : throw error.ToException();
    }

    /// <summary>
    /// Converts an option value to a size as QemuOpts does for <see cref="QemuOptType.Size"/>
    /// (<c>qemu_strtosz</c>: <c>4G</c>, <c>1.5k</c>, <c>0x1000</c>).
    /// </summary>
    /// <param name="name">The parameter's name, for the error message.</param>
    /// <param name="value">The text.</param>
    /// <exception cref="OptionsException"><c>Parameter 'NAME' expects a non-negative number below 2^64</c>
    /// (with QEMU's hint about suffixes), or <c>Value 'VALUE' is out of range for parameter 'NAME'</c>.</exception>
    public static ulong ParseOptionSize(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return TryParseOptionSize(name, value, out var size, out _, out var error) ? size : throw error.ToException();
    }

    internal static bool TryParseOptionNumber(string name, string value, out ulong number, [NotNullWhen(false)] out OptionsError? error)
    {
        switch (QemuNumbers.ParseUInt64(CString.Of(value), 0, out number))
        {
            case QemuParseStatus.Ok:
                error = null;
                return true;
            case QemuParseStatus.OutOfRange:
                error = Messages.NumberTooLarge(name, CString.Text(value));
                return false;
            default:
                error = Messages.NumberExpected(name);
                return false;
        }
    }

    internal static bool TryParseOptionSize(string name, string value, out ulong size, out bool hexWithSuffix, [NotNullWhen(false)] out OptionsError? error)
    {
        var text = CString.Of(value);
        var status = QemuNumbers.ParseSize(text, 'B', 1024, out size, out var end, out hexWithSuffix);
        if (status != QemuParseStatus.Invalid && end < text.Length)
        {
            status = QemuParseStatus.Invalid;
        }

        switch (status)
        {
            case QemuParseStatus.Ok:
                error = null;
                return true;
            case QemuParseStatus.OutOfRange:
                size = 0;
                error = Messages.SizeOutOfRange(name, CString.Text(value));
                return false;
            default:
                size = 0;
                error = Messages.SizeExpected(name);
                return false;
        }
    }
}
