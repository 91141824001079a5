using System.Globalization;
using System.Numerics;

namespace Machina.Qapi.Visitors;

/// <summary>How one of QEMU's C-style number conversions ended (its 0, -EINVAL, -ERANGE).</summary>
public enum QemuParseStatus
{
    /// <summary>Converted (QEMU returns 0).</summary>
    Ok,

    /// <summary>Not a number, or text left over where the whole text had to be a number (-EINVAL).</summary>
    Invalid,

    /// <summary>The number does not fit (-ERANGE); the value is clamped as the C library clamps it.</summary>
    OutOfRange,
}

/// <summary>
/// QEMU's number conversions from util/cutils.c and qapi/qapi-util.c, with the exact behaviour of
/// their C library underpinnings (glibc's strtoll, strtoull and strtod in the C locale):
/// <c>qemu_strtoi64</c>, <c>qemu_strtou64</c>, <c>qemu_strtod_finite</c>, <c>qemu_strtosz</c>,
/// <c>qapi_bool_parse</c> and <c>size_to_str</c>.
/// </summary>
/// <remarks>
/// <para>Overloads with an <c>end</c> parameter behave like the C functions given an end pointer:
/// they convert a prefix and report where it ended (0 when nothing was converted). Overloads
/// without it require the whole text to be the number.</para>
/// <para>Only ASCII counts: C's <c>isspace</c> and digits in the C locale. Any other character,
/// U+0000 included (QEMU keeps a JSON "\u0000" inside its strings), ends a number.</para>
/// </remarks>
public static class QemuNumbers
{
    private const double SmallestNormal = 2.2250738585072014e-308;

    /// <summary>
    /// <c>qemu_strtoi64(text, NULL, radix)</c>: <c>strtoll</c> semantics (leading white space, a sign,
    /// radix 0 picks 0x hex, 0 octal or decimal), the whole text must be the number.
    /// </summary>
    public static QemuParseStatus ParseInt64(ReadOnlySpan<char> text, int radix, out long value) =>
        Finish(ParseInt64(text, radix, out value, out var end), end, text.Length);

    /// <summary><c>qemu_strtoi64</c> with an end pointer: converts the longest prefix that is a number.</summary>
    /// <param name="text">The text.</param>
    /// <param name="radix">0 (auto: 0x hex, leading 0 octal, else decimal) or 2 to 36.</param>
    /// <param name="value">The number; on overflow <see cref="long.MinValue"/> or <see cref="long.MaxValue"/>.</param>
    /// <param name="end">Where the number ended; 0 when there was none.</param>
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
    /// modulo 2^64 ("-1" is 18446744073709551615); the whole text must be the number.
    /// </summary>
    public static QemuParseStatus ParseUInt64(ReadOnlySpan<char> text, int radix, out ulong value) =>
        Finish(ParseUInt64(text, radix, out value, out var end), end, text.Length);

    /// <summary><c>qemu_strtou64</c> with an end pointer: converts the longest prefix that is a number.</summary>
    /// <param name="text">The text.</param>
    /// <param name="radix">0 (auto) or 2 to 36.</param>
    /// <param name="value">The number; <see cref="ulong.MaxValue"/> on overflow.</param>
    /// <param name="end">Where the number ended; 0 when there was none.</param>
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
    /// <c>qemu_strtod_finite(text, NULL)</c>: <c>strtod</c> semantics (decimal and hexadecimal
    /// floating point), infinities and NaN rejected; the whole text must be the number.
    /// Overflow and inexact underflow to a subnormal or zero are <see cref="QemuParseStatus.OutOfRange"/>.
    /// </summary>
    public static QemuParseStatus ParseDoubleFinite(ReadOnlySpan<char> text, out double value) =>
        Finish(ParseDoubleFinite(text, out value, out var end), end, text.Length);

    /// <summary><c>qemu_strtod_finite</c> with an end pointer.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number (±infinity on overflow, 0 or a subnormal on underflow); 0 when invalid.</param>
    /// <param name="end">Where the number ended; 0 when there was none or it was not finite.</param>
    public static QemuParseStatus ParseDoubleFinite(ReadOnlySpan<char> text, out double value, out int end)
    {
        var status = ParseDouble(text, out var result, out end);
        if (status == QemuParseStatus.Ok && !double.IsFinite(result))
        {
            end = 0;
            value = 0;
            return QemuParseStatus.Invalid;
        }

        value = status == QemuParseStatus.Invalid ? 0 : result;
        return status;
    }

    /// <summary>
    /// <c>qemu_strtosz(text, NULL)</c>: a byte count with an optional suffix B, K, M, G, T, P or E
    /// (either case, powers of 1024), a decimal fraction when a suffix above B scales it ("1.5k"), or
    /// hexadecimal ("0x7fe"). Negative numbers and exponents are invalid.
    /// </summary>
    public static QemuParseStatus ParseSize(ReadOnlySpan<char> text, out ulong value) =>
        ParseSize(text, 'B', 1024, out value, out _, wholeText: true);

    /// <summary><c>qemu_strtosz</c> with an end pointer.</summary>
    public static QemuParseStatus ParseSize(ReadOnlySpan<char> text, out ulong value, out int end) =>
        ParseSize(text, 'B', 1024, out value, out end, wholeText: false);

    /// <summary><c>qemu_strtosz_MiB(text, NULL)</c>: as <see cref="ParseSize(ReadOnlySpan{char}, out ulong)"/> with mebibytes when there is no suffix.</summary>
    public static QemuParseStatus ParseSizeMiB(ReadOnlySpan<char> text, out ulong value) =>
        ParseSize(text, 'M', 1024, out value, out _, wholeText: true);

    /// <summary><c>qemu_strtosz_metric(text, NULL)</c>: as <see cref="ParseSize(ReadOnlySpan{char}, out ulong)"/> with powers of 1000.</summary>
    public static QemuParseStatus ParseSizeMetric(ReadOnlySpan<char> text, out ulong value) =>
        ParseSize(text, 'B', 1000, out value, out _, wholeText: true);

    /// <summary>
    /// <c>qapi_bool_parse</c>: "on", "yes", "true", "y" are true; "off", "no", "false", "n" are
    /// false (exact, case-sensitive); anything else fails.
    /// </summary>
    public static bool TryParseBool(ReadOnlySpan<char> text, out bool value)
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

    /// <summary>
    /// <c>size_to_str</c>: a byte count for humans in IEC units with three significant digits
    /// ("1 KiB", "1.5 MiB", "0.977 KiB" for 1000), switching unit once the number reaches 1000.
    /// </summary>
    public static string FormatSize(ulong value)
    {
        var exponent = FrexpExponent(value / (1000.0 / 1024.0));
        exponent = (exponent - 1) / 10 * 10;
        var divisor = 1UL << exponent;
        string[] prefixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
        return CFormat.G((double)value / divisor, 3) + " " + prefixes[exponent / 10] + "B";
    }

    /// <summary>The exponent C's frexp reports: <paramref name="x"/> = f × 2^e with 0.5 ≤ f &lt; 1; 0 for 0.</summary>
    private static int FrexpExponent(double x) => x == 0 ? 0 : Math.ILogB(x) + 1;

    private static QemuParseStatus Finish(QemuParseStatus status, int end, int length) =>
        status == QemuParseStatus.Invalid || end == length ? status : QemuParseStatus.Invalid;

    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => int.MaxValue,
    };

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
        var i = 0;
        while (i < s.Length && IsCSpace(s[i]))
        {
            i++;
        }

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
        for (; i < s.Length; i++)
        {
            var digit = DigitValue(s[i]);
            if (digit >= radix)
            {
                break;
            }

            if (!overflow)
            {
                if (magnitude > limit || (magnitude == limit && (ulong)digit > ulong.MaxValue - (limit * (ulong)radix)))
                {
                    overflow = true;
                }
                else
                {
                    magnitude = (magnitude * (ulong)radix) + (ulong)digit;
                }
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

    /// <summary>strtod in the C locale: status Ok, Invalid (no conversion) or OutOfRange.</summary>
    private static QemuParseStatus ParseDouble(ReadOnlySpan<char> s, out double value, out int end)
    {
        value = 0;
        end = 0;
        var i = 0;
        while (i < s.Length && IsCSpace(s[i]))
        {
            i++;
        }

        var negative = false;
        if (i < s.Length && s[i] is '-' or '+')
        {
            negative = s[i] == '-';
            i++;
        }

        if (StartsWithIgnoreCase(s[i..], "inf"))
        {
            i += StartsWithIgnoreCase(s[i..], "infinity") ? 8 : 3;
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            end = i;
            return QemuParseStatus.Ok;
        }

        if (StartsWithIgnoreCase(s[i..], "nan"))
        {
            i += 3;
            if (i < s.Length && s[i] == '(')
            {
                var j = i + 1;
                while (j < s.Length && (char.IsAsciiLetterOrDigit(s[j]) || s[j] == '_'))
                {
                    j++;
                }

                if (j < s.Length && s[j] == ')')
                {
                    i = j + 1;
                }
            }

            value = double.NaN;
            end = i;
            return QemuParseStatus.Ok;
        }

        QemuParseStatus status;
        if (i + 1 < s.Length && s[i] == '0' && s[i + 1] is 'x' or 'X')
        {
            status = ParseHexFloat(s, i, out value, out end);
        }
        else
        {
            status = ParseDecimalFloat(s, i, out value, out end);
        }

        if (status != QemuParseStatus.Invalid && negative)
        {
            value = -value;
        }

        return status;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<char> s, string prefix) =>
        s.Length >= prefix.Length && s[..prefix.Length].Equals(prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads an exponent's digits after its letter at <paramref name="i"/>; saturates far beyond any double.</summary>
    private static bool TryParseExponent(ReadOnlySpan<char> s, ref int i, out long exponent)
    {
        exponent = 0;
        var j = i + 1;
        var negative = false;
        if (j < s.Length && s[j] is '-' or '+')
        {
            negative = s[j] == '-';
            j++;
        }

        if (j >= s.Length || !char.IsAsciiDigit(s[j]))
        {
            return false;
        }

        for (; j < s.Length && char.IsAsciiDigit(s[j]); j++)
        {
            if (exponent < 1_000_000_000)
            {
                exponent = (exponent * 10) + (s[j] - '0');
            }
        }

        exponent = negative ? -exponent : exponent;
        i = j;
        return true;
    }

    private static QemuParseStatus ParseDecimalFloat(ReadOnlySpan<char> s, int start, out double value, out int end)
    {
        value = 0;
        end = 0;

        // Scan: digits, an optional fraction, an optional exponent. Track the significant digits
        // (first and last non-zero) to decide overflow and underflow without parsing.
        var i = start;
        var firstNonZero = -1;
        var lastNonZero = -1;
        var pointAt = -1;
        var sawDigit = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                sawDigit = true;
                if (c != '0')
                {
                    firstNonZero = firstNonZero < 0 ? i : firstNonZero;
                    lastNonZero = i;
                }
            }
            else if (c == '.' && pointAt < 0)
            {
                pointAt = i;
            }
            else
            {
                break;
            }
        }

        if (!sawDigit)
        {
            return QemuParseStatus.Invalid;
        }

        var mantissaEnd = i;
        if (pointAt < 0)
        {
            pointAt = mantissaEnd;
        }

        long exponent = 0;
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            TryParseExponent(s, ref i, out exponent);
        }

        end = i;
        if (firstNonZero < 0)
        {
            return QemuParseStatus.Ok;
        }

        // Decimal exponent of the leading significant digit.
        var leading = exponent + (firstNonZero < pointAt ? pointAt - firstNonZero - 1 : pointAt - firstNonZero);
        if (leading > 400)
        {
            value = double.PositiveInfinity;
            return QemuParseStatus.OutOfRange;
        }

        if (leading < -400)
        {
            return QemuParseStatus.OutOfRange;
        }

        // .NET parses correctly rounded, as glibc does; within these bounds its exponent cannot overflow.
        value = double.Parse(s[start..end], NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            return QemuParseStatus.OutOfRange;
        }

        if (value < SmallestNormal && !IsExactDecimal(s[firstNonZero..(lastNonZero + 1)], exponent - (lastNonZero < pointAt ? lastNonZero - pointAt + 1 : lastNonZero - pointAt), value))
        {
            return QemuParseStatus.OutOfRange;
        }

        return QemuParseStatus.Ok;
    }

    /// <summary>
    /// Whether <paramref name="value"/> (zero or subnormal) is exactly the decimal digits in
    /// <paramref name="span"/> (a '.' among them is skipped) × 10^<paramref name="scale"/>.
    /// </summary>
    private static bool IsExactDecimal(ReadOnlySpan<char> span, long scale, double value)
    {
        if (value == 0)
        {
            return false;
        }

        // value = m × 2^-1074 for a subnormal.
        var m = new BigInteger(BitConverter.DoubleToInt64Bits(value) & 0x000F_FFFF_FFFF_FFFF);
        var d = BigInteger.Parse(span.ToString().Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var left = d << 1074;
        var right = m;
        if (scale >= 0)
        {
            left *= BigInteger.Pow(10, (int)scale);
        }
        else
        {
            right *= BigInteger.Pow(10, (int)-scale);
        }

        return left == right;
    }

    private static QemuParseStatus ParseHexFloat(ReadOnlySpan<char> s, int start, out double value, out int end)
    {
        value = 0;
        var i = start + 2;
        var mantissa = BigInteger.Zero;
        long binaryExponent = 0;
        var sawDigit = false;
        for (; i < s.Length && char.IsAsciiHexDigit(s[i]); i++)
        {
            sawDigit = true;
            mantissa = (mantissa << 4) + DigitValue(s[i]);
        }

        if (i < s.Length && s[i] == '.')
        {
            var j = i + 1;
            var fraction = 0;
            for (; j < s.Length && char.IsAsciiHexDigit(s[j]); j++)
            {
                sawDigit = true;
                mantissa = (mantissa << 4) + DigitValue(s[j]);
                fraction++;
            }

            if (sawDigit)
            {
                i = j;
                binaryExponent = -4L * fraction;
            }
        }

        if (!sawDigit)
        {
            // Only the 0 before the x converts.
            end = start + 1;
            return QemuParseStatus.Ok;
        }

        if (i < s.Length && s[i] is 'p' or 'P' && TryParseExponent(s, ref i, out var exponent))
        {
            binaryExponent += exponent;
        }

        end = i;
        return Compose(mantissa, binaryExponent, out value);
    }

    /// <summary>The double nearest to mantissa × 2^exponent (ties to even), with strtod's range reporting.</summary>
    private static QemuParseStatus Compose(BigInteger mantissa, long exponent, out double value)
    {
        value = 0;
        if (mantissa.IsZero)
        {
            return QemuParseStatus.Ok;
        }

        var top = exponent + (long)mantissa.GetBitLength() - 1;
        if (top > 1023)
        {
            value = double.PositiveInfinity;
            return QemuParseStatus.OutOfRange;
        }

        if (top < -1100)
        {
            return QemuParseStatus.OutOfRange;
        }

        var lsb = Math.Max(top - 52, -1074);
        var shift = lsb - exponent;
        BigInteger kept;
        var inexact = false;
        if (shift <= 0)
        {
            kept = mantissa << (int)-shift;
        }
        else
        {
            kept = mantissa >> (int)shift;
            var rest = mantissa - (kept << (int)shift);
            var half = BigInteger.One << (int)(shift - 1);
            inexact = !rest.IsZero;
            if (rest > half || (rest == half && !kept.IsEven))
            {
                kept += 1;
            }
        }

        var bits = (ulong)kept;
        if (bits == 1UL << 53)
        {
            bits >>= 1;
            lsb++;
        }

        if (lsb + 52 > 1023)
        {
            value = double.PositiveInfinity;
            return QemuParseStatus.OutOfRange;
        }

        value = bits >= 1UL << 52
            ? BitConverter.Int64BitsToDouble((long)(((ulong)(lsb + 52 + 1023) << 52) | (bits & 0x000F_FFFF_FFFF_FFFF)))
            : BitConverter.Int64BitsToDouble((long)bits);
        return inexact && value < SmallestNormal ? QemuParseStatus.OutOfRange : QemuParseStatus.Ok;
    }

    /// <summary>do_strtosz from util/cutils.c; <paramref name="wholeText"/> is C's null end pointer.</summary>
    private static QemuParseStatus ParseSize(
        ReadOnlySpan<char> s, char defaultSuffix, long unit, out ulong value, out int end, bool wholeText)
    {
        value = 0;
        var status = Size(s, defaultSuffix, unit, out var result, out end);
        if (wholeText && CharAt(s, end) != '\0')
        {
            status = QemuParseStatus.Invalid;
        }

        if (status == QemuParseStatus.Ok)
        {
            value = result;
        }

        return status;
    }

    // Reads past the end as C's terminating NUL. QEMU can step one past a fraction it could not
    // parse; reading further is treated as the end too.
    private static char CharAt(ReadOnlySpan<char> s, int index) => index < s.Length ? s[index] : '\0';

    private static long SuffixMultiplier(char suffix, long unit) => char.ToUpperInvariant(suffix) switch
    {
        'B' => 1,
        'K' => unit,
        'M' => unit * unit,
        'G' => unit * unit * unit,
        'T' => unit * unit * unit * unit,
        'P' => unit * unit * unit * unit * unit,
        'E' => unit * unit * unit * unit * unit * unit,
        _ => -1,
    };

    private static QemuParseStatus Size(ReadOnlySpan<char> s, char defaultSuffix, long unit, out ulong value, out int end)
    {
        value = 0;
        var status = ParseUInt64(s, 10, out var integral, out end);
        if (status != QemuParseStatus.Ok)
        {
            return status;
        }

        if (s[..end].Contains('-'))
        {
            end = 0;
            return QemuParseStatus.Invalid;
        }

        ulong fraction = 0;
        if (integral == 0 && CharAt(s, end) is 'x' or 'X')
        {
            status = ParseUInt64(s, 16, out integral, out end);
            if (status != QemuParseStatus.Ok)
            {
                return status;
            }

            if (CharAt(s, end) == '.')
            {
                end = 0;
                return QemuParseStatus.Invalid;
            }
        }
        else if (CharAt(s, end) == '.')
        {
            var start = end;
            var fractionStatus = ParseDoubleFinite(s[start..], out var fractionValue, out var fractionEnd);
            if (fractionStatus != QemuParseStatus.Ok)
            {
                // QEMU skips the '.' it could not read a fraction after (fractionEnd is not used:
                // on an error it still points at the '.').
                end = fractionStatus == QemuParseStatus.Invalid ? start + 1 : start + fractionEnd + 1;
            }
            else if (s.Slice(start, fractionEnd).ContainsAny('e', 'E'))
            {
                end = 0;
                return QemuParseStatus.Invalid;
            }
            else
            {
                end = start + fractionEnd;
                fraction = FractionBits(fractionValue);
            }
        }

        var multiplier = SuffixMultiplier(CharAt(s, end), unit);
        if (multiplier > 0)
        {
            // QEMU accepts a suffix after hex digits with a deprecation warning on stderr.
            end++;
        }
        else
        {
            multiplier = SuffixMultiplier(defaultSuffix, unit);
        }

        if (multiplier == 1)
        {
            if (fraction != 0)
            {
                end = 0;
                return QemuParseStatus.Invalid;
            }
        }
        else
        {
            // Exact 64.64 fixed point: integral × multiplier + fraction × multiplier, rounded.
            var high = Math.BigMul(integral, (ulong)multiplier, out var low);
            var fractionHigh = Math.BigMul(fraction, (ulong)multiplier, out var fractionLow);
            low += fractionHigh;
            high += low < fractionHigh ? 1UL : 0UL;
            var roundUp = fractionLow >> 63;
            low += roundUp;
            high += low < roundUp ? 1UL : 0UL;
            if (high != 0)
            {
                return QemuParseStatus.OutOfRange;
            }

            integral = low;
        }

        value = integral;
        return QemuParseStatus.Ok;
    }

    /// <summary>
    /// C's <c>(uint64_t)(fraction * 0x1p64)</c> on x86-64: exact below 2^64; a fraction that rounded
    /// up to 1.0 wraps to 0 there.
    /// </summary>
    private static ulong FractionBits(double fraction)
    {
        var scaled = fraction * 18446744073709551616.0;
        return scaled >= 18446744073709551616.0 ? 0 : (ulong)scaled;
    }
}
