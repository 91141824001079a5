namespace Machina.QObjects.Text;

/// <summary>
/// QEMU's conversions between text and numbers (util/cutils.c), with the exact behaviour of the C
/// library underneath them (glibc's <c>strtoll</c>, <c>strtoull</c> and <c>strtod</c> in the C
/// locale): <c>qemu_strtoi64</c>, <c>qemu_strtou64</c>, <c>qemu_strtod_finite</c>, the
/// <c>qemu_strtosz</c> family and <c>size_to_str</c>.
/// </summary>
/// <remarks>
/// <para>Overloads with an <c>end</c> parameter behave like the C functions given an end pointer:
/// they convert the longest prefix that is a number and report where it ended (0 when nothing was
/// converted). Overloads without it require the whole text to be the number, as the C functions
/// do when the end pointer is null.</para>
/// <para>Only ASCII counts: C's <c>isspace</c> (space, tab, line feed, vertical tab, form feed,
/// carriage return) and the digits and letters of the C locale. Every other character ends a
/// number, U+0000 included: a U+0000 in a QEMU string is the two bytes C0 80 of modified UTF-8,
/// not a terminator. Callers holding C strings (command-line text) cut them at U+0000 first.</para>
/// <para>Long inputs cost linear time: digits beyond those that can matter are only scanned.</para>
/// </remarks>
public static partial class QemuNumbers
{
    /// <summary>
    /// <c>qemu_strtoi64(text, NULL, radix)</c>: <c>strtoll</c> semantics (leading white space, a sign,
    /// radix 0 picks <c>0x</c> hexadecimal, <c>0</c> octal or decimal); the whole text must be the number.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="radix">0 (automatic) or 2 to 36.</param>
    /// <param name="value">The number; on overflow <see cref="long.MinValue"/> or <see cref="long.MaxValue"/>; 0 when invalid.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radix"/> is 1, negative or above 36.</exception>
    public static QemuParseStatus ParseInt64(ReadOnlySpan<char> text, int radix, out long value) =>
        WholeText(ParseInt64(text, radix, out value, out var end), end, text.Length, ref value);

    /// <summary><c>qemu_strtoi64</c> with an end pointer: converts the longest prefix that is a number.</summary>
    /// <param name="text">The text.</param>
    /// <param name="radix">0 (automatic: <c>0x</c> hexadecimal, leading <c>0</c> octal, else decimal) or 2 to 36.</param>
    /// <param name="value">The number; on overflow <see cref="long.MinValue"/> or <see cref="long.MaxValue"/>; 0 when invalid.</param>
    /// <param name="end">Where the number ended; 0 when there was none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radix"/> is 1, negative or above 36.</exception>
    public static QemuParseStatus ParseInt64(ReadOnlySpan<char> text, int radix, out long value, out int end)
    {
        var status = ParseInteger(text, radix, out var magnitude, out var negative, out var overflow, out end);
        if (status != QemuParseStatus.Ok)
        {
            value = 0;
            return status;
        }

        var limit = negative ? 1UL << 63 : long.MaxValue;
        if (overflow || magnitude > limit)
        {
            value = negative ? long.MinValue : long.MaxValue;
            return QemuParseStatus.OutOfRange;
        }

        value = negative ? unchecked((long)(0 - magnitude)) : (long)magnitude;
        return QemuParseStatus.Ok;
    }

    /// <summary>
    /// <c>qemu_strtou64(text, NULL, radix)</c>: <c>strtoull</c> semantics, where a minus sign negates
    /// modulo 2^64 (<c>-1</c> is 18446744073709551615); the whole text must be the number.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="radix">0 (automatic) or 2 to 36.</param>
    /// <param name="value">The number; <see cref="ulong.MaxValue"/> on overflow; 0 when invalid.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radix"/> is 1, negative or above 36.</exception>
    public static QemuParseStatus ParseUInt64(ReadOnlySpan<char> text, int radix, out ulong value) =>
        WholeText(ParseUInt64(text, radix, out value, out var end), end, text.Length, ref value);

    /// <summary><c>qemu_strtou64</c> with an end pointer: converts the longest prefix that is a number.</summary>
    /// <param name="text">The text.</param>
    /// <param name="radix">0 (automatic) or 2 to 36.</param>
    /// <param name="value">The number; <see cref="ulong.MaxValue"/> on overflow (with <paramref name="end"/>
    /// past all the digits); 0 when invalid.</param>
    /// <param name="end">Where the number ended; 0 when there was none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radix"/> is 1, negative or above 36.</exception>
    public static QemuParseStatus ParseUInt64(ReadOnlySpan<char> text, int radix, out ulong value, out int end)
    {
        var status = ParseInteger(text, radix, out var magnitude, out var negative, out var overflow, out end);
        if (status != QemuParseStatus.Ok)
        {
            value = 0;
            return status;
        }

        if (overflow)
        {
            value = ulong.MaxValue;
            return QemuParseStatus.OutOfRange;
        }

        value = negative ? unchecked(0 - magnitude) : magnitude;
        return QemuParseStatus.Ok;
    }

    /// <summary>
    /// QEMU's check without an end pointer: anything left over makes the text invalid. (A size can
    /// end one past the text, where QEMU reads past the terminating NUL; that counts as the end.)
    /// </summary>
    private static QemuParseStatus WholeText<T>(QemuParseStatus status, int end, int length, ref T value)
        where T : struct
    {
        if (status == QemuParseStatus.Invalid || end >= length)
        {
            return status;
        }

        value = default;
        return QemuParseStatus.Invalid;
    }

    /// <summary>C's <c>isspace</c> in the C locale.</summary>
    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => int.MaxValue,
    };

    private static int SkipSpace(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && IsCSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The common part of strtoll and strtoull: the magnitude, its sign and where it ended.</summary>
    private static QemuParseStatus ParseInteger(
        ReadOnlySpan<char> s, int radix, out ulong magnitude, out bool negative, out bool overflow, out int end)
    {
        if (radix is < 0 or 1 or > 36)
        {
            throw new ArgumentOutOfRangeException(nameof(radix), radix, "radix must be 0 or 2 to 36");
        }

        magnitude = 0;
        negative = false;
        overflow = false;
        var i = SkipSpace(s);
        if (i < s.Length && s[i] is '-' or '+')
        {
            negative = s[i] == '-';
            i++;
        }

        var hexPrefix = false;
        if (i < s.Length && s[i] == '0')
        {
            if (radix is 0 or 16 && i + 1 < s.Length && s[i + 1] is 'x' or 'X')
            {
                i += 2;
                radix = 16;
                hexPrefix = true;
            }
            else if (radix == 0)
            {
                radix = 8;
            }
        }
        else if (radix == 0)
        {
            radix = 10;
        }

        var digitsStart = i;
        var limit = ulong.MaxValue / (ulong)radix;
        var lastDigitLimit = ulong.MaxValue - (limit * (ulong)radix);
        for (; i < s.Length; i++)
        {
            var digit = DigitValue(s[i]);
            if (digit >= radix)
            {
                break;
            }

            if (overflow)
            {
                continue;
            }

            if (magnitude > limit || (magnitude == limit && (ulong)digit > lastDigitLimit))
            {
                overflow = true;
            }
            else
            {
                magnitude = (magnitude * (ulong)radix) + (ulong)digit;
            }
        }

        if (i == digitsStart)
        {
            // "0x" without hex digits converts the 0 and ends at the x, as glibc does.
            end = hexPrefix ? digitsStart - 1 : 0;
            negative = false;
            return hexPrefix ? QemuParseStatus.Ok : QemuParseStatus.Invalid;
        }

        end = i;
        return QemuParseStatus.Ok;
    }
}
