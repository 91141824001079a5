using System.Globalization;
using System.Numerics;

namespace Machina.QObjects.Text;

// strtod in the C locale: decimal and hexadecimal floating point, infinities and NaN, correctly
// rounded (to nearest, ties to even, subnormals included), with glibc's ERANGE rules: overflow, and
// underflow when the result is inexact and tiny. x86 detects tininess after rounding: the exact
// value, rounded to 53 bits as if the exponent were unbounded, is below 2^-1022.
public static partial class QemuNumbers
{
    private const double SmallestNormal = 2.2250738585072014e-308;

    /// <summary>
    /// More significant decimal digits than any double or the tininess threshold has (at most 767
    /// and 770), so digits beyond this many decide only that a value is inexact.
    /// </summary>
    private const int ExactDecimalDigits = 800;

    /// <summary>The tininess threshold 2^-1022 - 2^-1076 = (2^54 - 1) × 2^-1076.</summary>
    private static readonly BigInteger TinyThresholdTimes2To1076 = (BigInteger.One << 54) - 1;

    /// <summary>
    /// <c>qemu_strtod_finite(text, NULL)</c>: <c>strtod</c> semantics (decimal and hexadecimal
    /// floating point), infinities and NaN rejected; the whole text must be the number.
    /// </summary>
    /// <remarks>
    /// Overflow is <see cref="QemuParseStatus.OutOfRange"/> with an infinite value; so is an inexact
    /// result below 2^-1022 (a subnormal or zero), as glibc reports it.
    /// Deviation: glibc before 2.38 (bug 30220, Debian 12's 2.36 among them) rounds some subnormal
    /// results one unit too low when the exact value needs exactly 54 significant bits; Machina
    /// rounds them correctly, as glibc 2.38 and later do.
    /// </remarks>
    /// <param name="text">The text.</param>
    /// <param name="value">The number (±infinity on overflow, 0 or a subnormal on underflow); 0 when invalid.</param>
    public static QemuParseStatus ParseDoubleFinite(ReadOnlySpan<char> text, out double value) =>
        WholeText(ParseDoubleFinite(text, out value, out var end), end, text.Length, ref value);

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

    /// <summary>strtod in the C locale: Ok, Invalid (no conversion) or OutOfRange (errno ERANGE).</summary>
    private static QemuParseStatus ParseDouble(ReadOnlySpan<char> s, out double value, out int end)
    {
        value = 0;
        end = 0;
        var i = SkipSpace(s);
        var negative = false;
        if (i < s.Length && s[i] is '-' or '+')
        {
            negative = s[i] == '-';
            i++;
        }

        QemuParseStatus status;
        if (StartsWithIgnoreCase(s[i..], "inf"))
        {
            end = i + (StartsWithIgnoreCase(s[i..], "infinity") ? 8 : 3);
            value = double.PositiveInfinity;
            status = QemuParseStatus.Ok;
        }
        else if (StartsWithIgnoreCase(s[i..], "nan"))
        {
            end = SkipNanSequence(s, i + 3);

            // glibc's NaN is positive unless a '-' came first (.NET's double.NaN is negative).
            value = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000);
            status = QemuParseStatus.Ok;
        }
        else if (i + 1 < s.Length && s[i] == '0' && s[i + 1] is 'x' or 'X')
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

    /// <summary>Past an optional <c>(n-char-sequence)</c> after "nan"; where it started when there is none.</summary>
    private static int SkipNanSequence(ReadOnlySpan<char> s, int i)
    {
        if (i >= s.Length || s[i] != '(')
        {
            return i;
        }

        var j = i + 1;
        while (j < s.Length && (char.IsAsciiLetterOrDigit(s[j]) || s[j] == '_'))
        {
            j++;
        }

        return j < s.Length && s[j] == ')' ? j + 1 : i;
    }

    /// <summary>Reads an exponent's sign and digits after its letter at <paramref name="i"/>; saturates far beyond any double.</summary>
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

        // Digits, an optional fraction, an optional exponent. The first and last non-zero digits
        // locate the significant ones, which decide overflow and underflow without parsing.
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

        if (value > SmallestNormal)
        {
            return QemuParseStatus.Ok;
        }

        // The significant digits as an integer d, with the value d × 10^scale.
        var digits = s[firstNonZero..(lastNonZero + 1)];
        var scale = exponent - (lastNonZero < pointAt ? lastNonZero - pointAt + 1 : lastNonZero - pointAt);
        var tiny = value < SmallestNormal || IsBelowTinyThreshold(digits, scale);
        return tiny && !IsExactDouble(digits, scale, value) ? QemuParseStatus.OutOfRange : QemuParseStatus.Ok;
    }

    /// <summary>
    /// The significant digits (a '.' among them is skipped), cut to <see cref="ExactDecimalDigits"/>,
    /// as an integer, and the power of ten lost by the cut.
    /// </summary>
    private static BigInteger SignificantDigits(ReadOnlySpan<char> digits, out int dropped, out bool droppedNonZero)
    {
        Span<char> kept = stackalloc char[Math.Min(digits.Length, ExactDecimalDigits)];
        var n = 0;
        dropped = 0;
        droppedNonZero = false;
        foreach (var c in digits)
        {
            if (c == '.')
            {
                continue;
            }

            if (n < kept.Length)
            {
                kept[n++] = c;
            }
            else
            {
                dropped++;
                droppedNonZero |= c != '0';
            }
        }

        return BigInteger.Parse(kept[..n], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Whether digits × 10^scale is below the tininess threshold (2^54 - 1) × 2^-1076. The value is
    /// near 2^-1022 here, so digits past the first 800 cannot change the answer: the threshold has
    /// fewer significant digits, so a cut value below it stays below it by a whole unit of the cut.
    /// </summary>
    private static bool IsBelowTinyThreshold(ReadOnlySpan<char> digits, long scale)
    {
        var d = SignificantDigits(digits, out var dropped, out _);
        return CompareDecimalToBinary(d, scale + dropped, TinyThresholdTimes2To1076, 1076) < 0;
    }

    /// <summary>Whether <paramref name="value"/> (at most 2^-1022) is exactly digits × 10^scale.</summary>
    private static bool IsExactDouble(ReadOnlySpan<char> digits, long scale, double value)
    {
        if (value == 0)
        {
            return false;
        }

        var d = SignificantDigits(digits, out var dropped, out var droppedNonZero);
        if (droppedNonZero)
        {
            // More significant digits than any double has.
            return false;
        }

        scale += dropped;

        // value = m × 2^-1074 (a subnormal, or 2^-1022 itself).
        var m = new BigInteger(BitConverter.DoubleToInt64Bits(value) & 0x000F_FFFF_FFFF_FFFF);
        if (value == SmallestNormal)
        {
            m = BigInteger.One << 52;
        }

        return CompareDecimalToBinary(d, scale, m, 1074) == 0;
    }

    /// <summary>Compares d × 10^scale with m × 2^-<paramref name="binaryShift"/>, exactly.</summary>
    private static int CompareDecimalToBinary(BigInteger d, long scale, BigInteger m, int binaryShift)
    {
        // Multiply both sides by 2^binaryShift and by 10^-scale when scale is negative.
        var left = d << binaryShift;
        var right = m;
        if (scale >= 0)
        {
            left *= BigInteger.Pow(10, (int)scale);
        }
        else
        {
            right *= BigInteger.Pow(10, (int)-scale);
        }

        return left.CompareTo(right);
    }

    private static QemuParseStatus ParseHexFloat(ReadOnlySpan<char> s, int start, out double value, out int end)
    {
        // The first 16 significant hex digits (61 to 64 bits, more than rounding needs) go into
        // mantissa; later digits only shift the exponent or set the sticky bit.
        const int KeptDigits = 16;
        value = 0;
        var i = start + 2;
        ulong mantissa = 0;
        var kept = 0;
        var sticky = false;
        long binaryExponent = 0;
        var sawDigit = false;
        for (; i < s.Length && char.IsAsciiHexDigit(s[i]); i++)
        {
            sawDigit = true;
            var digit = DigitValue(s[i]);
            if (kept == 0 && digit == 0)
            {
                continue;
            }

            if (kept < KeptDigits)
            {
                mantissa = (mantissa << 4) | (uint)digit;
                kept++;
            }
            else
            {
                sticky |= digit != 0;
                binaryExponent += 4;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            var j = i + 1;
            var fractionExponent = 0L;
            var fractionDigit = false;
            for (; j < s.Length && char.IsAsciiHexDigit(s[j]); j++)
            {
                fractionDigit = true;
                var digit = DigitValue(s[j]);
                if (kept == 0 && digit == 0)
                {
                    fractionExponent -= 4;
                }
                else if (kept < KeptDigits)
                {
                    mantissa = (mantissa << 4) | (uint)digit;
                    kept++;
                    fractionExponent -= 4;
                }
                else
                {
                    sticky |= digit != 0;
                }
            }

            // "0x." and "0x.p1" have no digits: only the 0 before the x converts.
            if (sawDigit || fractionDigit)
            {
                sawDigit = true;
                i = j;
                binaryExponent += fractionExponent;
            }
        }

        if (!sawDigit)
        {
            end = start + 1;
            return QemuParseStatus.Ok;
        }

        if (i < s.Length && s[i] is 'p' or 'P' && TryParseExponent(s, ref i, out var exponent))
        {
            binaryExponent += exponent;
        }

        end = i;
        return Compose(mantissa, sticky, binaryExponent, out value);
    }

    /// <summary>
    /// The double nearest to (mantissa + a fraction when <paramref name="sticky"/>) × 2^exponent,
    /// ties to even, rounded once at the final precision (subnormal or normal), with strtod's range
    /// reporting. A sticky fraction only comes with 61 or more mantissa bits, so it lies wholly
    /// below the rounding position.
    /// </summary>
    private static QemuParseStatus Compose(ulong mantissa, bool sticky, long exponent, out double value)
    {
        value = 0;
        if (mantissa == 0)
        {
            return QemuParseStatus.Ok;
        }

        var top = exponent + 63 - BitOperations.LeadingZeroCount(mantissa);
        if (top > 1023)
        {
            value = double.PositiveInfinity;
            return QemuParseStatus.OutOfRange;
        }

        if (top < -1075)
        {
            // Below 2^-1075: rounds to zero.
            return QemuParseStatus.OutOfRange;
        }

        // The unit of the result's last bit, and how far the mantissa lies below it (at most 64 here).
        var lsb = Math.Max(top - 52, -1074);
        var shift = (int)(lsb - exponent);
        ulong bits;
        bool inexact;
        if (shift <= 0)
        {
            bits = mantissa << -shift;
            inexact = sticky;
        }
        else
        {
            var wide = (UInt128)mantissa;
            bits = (ulong)(wide >> shift);
            var rest = wide - ((UInt128)bits << shift);
            var half = UInt128.One << (shift - 1);
            inexact = rest != 0 || sticky;
            if (rest > half || (rest == half && (sticky || (bits & 1) != 0)))
            {
                bits++;
            }
        }

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
        if (!inexact || value > SmallestNormal)
        {
            return QemuParseStatus.Ok;
        }

        // Tiny when the exact value is below (2^54 - 1) × 2^-1076; a sticky fraction cannot move a
        // value that is below it by a whole unit of the mantissa's last bit across it.
        var tiny = value < SmallestNormal || IsHexBelowTinyThreshold(mantissa, exponent);
        return tiny ? QemuParseStatus.OutOfRange : QemuParseStatus.Ok;
    }

    private static bool IsHexBelowTinyThreshold(ulong mantissa, long exponent)
    {
        var shift = exponent + 1076;
        return shift >= 0
            ? (new BigInteger(mantissa) << (int)shift) < TinyThresholdTimes2To1076
            : new BigInteger(mantissa) < (TinyThresholdTimes2To1076 << (int)-shift);
    }
}
