namespace Machina.Options;

/// <summary>How a QEMU string-to-number conversion ended.</summary>
public enum QemuParseStatus
{
    /// <summary>Converted.</summary>
    Ok,

    /// <summary>No number, or characters after it where the whole text had to be a number (QEMU's <c>-EINVAL</c>).</summary>
    Invalid,

    /// <summary>The number does not fit (QEMU's <c>-ERANGE</c>).</summary>
    OutOfRange,
}

/// <summary>
/// QEMU's conversions from option text to values: <c>qemu_strtou64</c>, <c>qemu_strtosz</c>,
/// <c>qapi_bool_parse</c>, QAPI names and identifiers, and help requests.
/// </summary>
/// <remarks>
/// <para>Texts are read as C strings: a U+0000 ends the text, exactly where QEMU's C code would stop.</para>
/// <para>Only ASCII letters and digits count as such, as in QEMU's locale-independent <c>qemu_isalnum</c>;
/// white space is C's (space, tab, line feed, vertical tab, form feed, carriage return).</para>
/// </remarks>
public static partial class QemuConversions
{
    /// <summary>
    /// Reads an unsigned 64-bit integer at the start of <paramref name="text"/> as QEMU's
    /// <c>qemu_strtou64</c> with an end pointer does (glibc's <c>strtoull</c>).
    /// </summary>
    /// <remarks>
    /// Leading white space and one sign are allowed; a minus negates modulo 2^64 (so <c>-1</c> is
    /// 2^64-1). Base 0 reads <c>0x</c>/<c>0X</c> as hexadecimal, a leading <c>0</c> as octal and
    /// anything else as decimal; base 16 accepts an optional <c>0x</c>. When the magnitude exceeds
    /// 2^64-1 the status is <see cref="QemuParseStatus.OutOfRange"/>, the value 2^64-1 and
    /// <paramref name="end"/> is past all the digits. Without digits the status is
    /// <see cref="QemuParseStatus.Invalid"/> and <paramref name="end"/> is 0.
    /// </remarks>
    /// <param name="text">The text.</param>
    /// <param name="numberBase">0, or 2 to 36.</param>
    /// <param name="value">The number (0 when invalid).</param>
    /// <param name="end">Offset of the first character not read.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numberBase"/> is 1 or above 36.</exception>
    public static QemuParseStatus StrToU64(ReadOnlySpan<char> text, int numberBase, out ulong value, out int end)
    {
        if (numberBase is < 0 or 1 or > 36)
        {
            throw new ArgumentOutOfRangeException(nameof(numberBase), numberBase, "base must be 0 or 2 to 36");
        }

        text = CString.Of(text);
        var i = 0;
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }

        var negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }

        var hasHexPrefix = i + 2 < text.Length && text[i] == '0' && text[i + 1] is 'x' or 'X' && DigitValue(text[i + 2]) < 16;
        if (numberBase == 0)
        {
            numberBase = hasHexPrefix ? 16 : i < text.Length && text[i] == '0' ? 8 : 10;
        }

        if (numberBase == 16 && hasHexPrefix)
        {
            i += 2;
        }

        var start = i;
        ulong accumulator = 0;
        var overflow = false;
        for (; i < text.Length; i++)
        {
            var digit = DigitValue(text[i]);
            if (digit >= numberBase)
            {
                break;
            }

            if (!overflow)
            {
                var next = unchecked((accumulator * (ulong)numberBase) + (ulong)digit);
                if (accumulator > (ulong.MaxValue - (ulong)digit) / (ulong)numberBase)
                {
                    overflow = true;
                }
                else
                {
                    accumulator = next;
                }
            }
        }

        if (i == start)
        {
            value = 0;
            end = 0;
            return QemuParseStatus.Invalid;
        }

        end = i;
        if (overflow)
        {
            value = ulong.MaxValue;
            return QemuParseStatus.OutOfRange;
        }

        value = negative ? unchecked(0 - accumulator) : accumulator;
        return QemuParseStatus.Ok;
    }

    /// <summary>
    /// Reads all of <paramref name="text"/> as an unsigned 64-bit integer, as QEMU's
    /// <c>qemu_strtou64</c> without an end pointer: trailing characters make it
    /// <see cref="QemuParseStatus.Invalid"/>, even after a number too large.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="numberBase">0 (C prefixes), or 2 to 36.</param>
    /// <param name="value">The number; 2^64-1 when out of range; 0 when invalid.</param>
    public static QemuParseStatus StrToU64(ReadOnlySpan<char> text, int numberBase, out ulong value)
    {
        text = CString.Of(text);
        var status = StrToU64(text, numberBase, out value, out var end);
        if (status != QemuParseStatus.Invalid && end < text.Length)
        {
            value = 0;
            return QemuParseStatus.Invalid;
        }

        return status;
    }

    /// <summary>
    /// Converts an option value to a number as QemuOpts does for <see cref="QemuOptType.Number"/>
    /// (<c>qemu_strtou64</c> in base 0 over the whole value).
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

    internal static bool TryParseOptionNumber(string name, string value, out ulong number, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out OptionsError? error)
    {
        switch (StrToU64(value, 0, out number))
        {
            case QemuParseStatus.Ok:
                error = null;
                return true;
            case QemuParseStatus.OutOfRange:
                error = Internal.Messages.NumberTooLarge(name, CString.Text(value));
                return false;
            default:
                error = Internal.Messages.NumberExpected(name);
                return false;
        }
    }

    /// <summary>C's <c>isspace</c> in the C locale.</summary>
    internal static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    internal static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    internal static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    internal static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => int.MaxValue,
    };
}
