using System.Globalization;
using System.Numerics;
using System.Text;

namespace Machina.Qapi.Visitors;

/// <summary>
/// C's printf conversions that QEMU's visitors use on doubles, digit for digit as glibc prints
/// them: the exact binary value rounded to nearest with ties to even (.NET's formatting rounds
/// ties away from zero, so it cannot be used for <c>%g</c>).
/// </summary>
internal static class CFormat
{
    /// <summary>C's <c>%.{precision}g</c>.</summary>
    public static string G(double value, int precision)
    {
        if (precision == 0)
        {
            precision = 1;
        }

        var negative = double.IsNegative(value);
        if (double.IsNaN(value))
        {
            return negative ? "-nan" : "nan";
        }

        if (double.IsInfinity(value))
        {
            return negative ? "-inf" : "inf";
        }

        var (digits, exponent) = SignificantDigits(Math.Abs(value), precision);
        var text = new StringBuilder(precision + 8);
        if (negative)
        {
            text.Append('-');
        }

        if (exponent < -4 || exponent >= precision)
        {
            text.Append(digits[0]);
            AppendFraction(text, digits.AsSpan(1));
            text.Append('e').Append(exponent < 0 ? '-' : '+');
            var magnitude = Math.Abs(exponent);
            if (magnitude < 10)
            {
                text.Append('0');
            }

            text.Append(magnitude.ToString(CultureInfo.InvariantCulture));
        }
        else if (exponent >= 0)
        {
            text.Append(digits.AsSpan(0, exponent + 1));
            AppendFraction(text, digits.AsSpan(exponent + 1));
        }
        else
        {
            text.Append('0');
            var fraction = new string('0', -exponent - 1) + digits;
            AppendFraction(text, fraction);
        }

        return text.ToString();
    }

    /// <summary>Appends ".digits" without trailing zeros, or nothing when no digit is left (%g without #).</summary>
    private static void AppendFraction(StringBuilder text, ReadOnlySpan<char> fraction)
    {
        fraction = fraction.TrimEnd('0');
        if (!fraction.IsEmpty)
        {
            text.Append('.').Append(fraction);
        }
    }

    /// <summary>
    /// The first <paramref name="count"/> significant decimal digits of <paramref name="value"/>
    /// (finite, non-negative), correctly rounded, and the decimal exponent of the first one.
    /// </summary>
    private static (string Digits, int Exponent) SignificantDigits(double value, int count)
    {
        if (value == 0)
        {
            return (new string('0', count), 0);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0x000F_FFFF_FFFF_FFFF;
        int binaryExponent;
        if (biased == 0)
        {
            binaryExponent = -1074;
        }
        else
        {
            mantissa |= 1L << 52;
            binaryExponent = biased - 1075;
        }

        // value = mantissa × 2^binaryExponent = exact × 10^decimalShift.
        BigInteger exact;
        int decimalShift;
        if (binaryExponent >= 0)
        {
            exact = new BigInteger(mantissa) << binaryExponent;
            decimalShift = 0;
        }
        else
        {
            exact = new BigInteger(mantissa) * BigInteger.Pow(5, -binaryExponent);
            decimalShift = binaryExponent;
        }

        var all = exact.ToString(CultureInfo.InvariantCulture);
        var exponent = all.Length - 1 + decimalShift;
        if (all.Length <= count)
        {
            return (all + new string('0', count - all.Length), exponent);
        }

        var kept = all.AsSpan(0, count);
        var first = all[count];
        var roundUp = first > '5'
            || (first == '5' && (all.AsSpan(count + 1).IndexOfAnyExcept('0') >= 0 || (kept[^1] - '0') % 2 == 1));
        if (!roundUp)
        {
            return (kept.ToString(), exponent);
        }

        var rounded = kept.ToArray();
        var i = rounded.Length - 1;
        while (i >= 0 && rounded[i] == '9')
        {
            rounded[i] = '0';
            i--;
        }

        if (i < 0)
        {
            // 99...9 became 100...0: one more digit before the point.
            return ("1" + new string('0', count - 1), exponent + 1);
        }

        rounded[i]++;
        return (new string(rounded), exponent);
    }
}
