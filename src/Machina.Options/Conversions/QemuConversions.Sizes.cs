using System.Globalization;

namespace Machina.Options;

public static partial class QemuConversions
{
    private const double TwoToThe64 = 18446744073709551616.0;

    /// <summary>
    /// Reads all of <paramref name="text"/> as a size in bytes, as QEMU's <c>qemu_strtosz</c>:
    /// a decimal or <c>0x</c> hexadecimal number, an optional decimal fraction, and an optional
    /// suffix B, K, M, G, T, P or E (either case, powers of 1024).
    /// </summary>
    /// <remarks>
    /// <para>A fraction needs a suffix above B (<c>1.5k</c> is 1536; <c>1.5</c> is invalid) and is
    /// rounded to the nearest byte, half up, computed exactly in 128-bit fixed point as QEMU does.
    /// Negative numbers, octal, hexadecimal fractions and exponents are invalid; a result above
    /// 2^64-1 is <see cref="QemuParseStatus.OutOfRange"/>.</para>
    /// <para>A suffix on a hexadecimal number is accepted but deprecated: QEMU then warns
    /// <c>Using a multiplier suffix on hex numbers is deprecated: TEXT</c>, which
    /// <paramref name="hexWithSuffix"/> reports.</para>
    /// </remarks>
    /// <param name="text">The text.</param>
    /// <param name="value">The size (only meaningful when the status is <see cref="QemuParseStatus.Ok"/>).</param>
    /// <param name="hexWithSuffix">True when a hexadecimal number carried a suffix.</param>
    public static QemuParseStatus StrToSize(ReadOnlySpan<char> text, out ulong value, out bool hexWithSuffix) =>
        StrToSize(text, 'B', 1024, out value, out hexWithSuffix);

    /// <summary>
    /// Reads all of <paramref name="text"/> as a size, as QEMU's <c>qemu_strtosz</c> family:
    /// <paramref name="defaultSuffix"/> applies when there is no suffix (<c>'B'</c> for
    /// <c>qemu_strtosz</c>, <c>'M'</c> for <c>qemu_strtosz_MiB</c>) and <paramref name="unit"/> is
    /// 1024, or 1000 for <c>qemu_strtosz_metric</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="defaultSuffix">One of B, K, M, G, T, P, E (either case).</param>
    /// <param name="unit">1024 or 1000.</param>
    /// <param name="value">The size (only meaningful when the status is <see cref="QemuParseStatus.Ok"/>).</param>
    /// <param name="hexWithSuffix">True when a hexadecimal number carried a suffix (QEMU warns).</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown default suffix or unit.</exception>
    public static QemuParseStatus StrToSize(ReadOnlySpan<char> text, char defaultSuffix, int unit, out ulong value, out bool hexWithSuffix)
    {
        var status = StrToSize(text, defaultSuffix, unit, out value, out var end, out hexWithSuffix);
        if (end < CString.Of(text).Length)
        {
            return QemuParseStatus.Invalid;
        }

        return status;
    }

    /// <summary>
    /// Reads a size at the start of <paramref name="text"/>, as QEMU's <c>qemu_strtosz</c> family with
    /// an end pointer. <paramref name="end"/> is where reading stopped; it is 0 when the text is
    /// invalid in a way QEMU reports without advancing.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="defaultSuffix">One of B, K, M, G, T, P, E (either case).</param>
    /// <param name="unit">1024 or 1000.</param>
    /// <param name="value">The size (only meaningful when the status is <see cref="QemuParseStatus.Ok"/>).</param>
    /// <param name="end">Offset of the first character not read; may be one past the end, where QEMU's
    /// reading of an underflowing fraction skips past the terminating NUL.</param>
    /// <param name="hexWithSuffix">True when a hexadecimal number carried a suffix (QEMU warns).</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown default suffix or unit.</exception>
    public static QemuParseStatus StrToSize(ReadOnlySpan<char> text, char defaultSuffix, int unit, out ulong value, out int end, out bool hexWithSuffix)
    {
        if (unit is not (1000 or 1024))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "unit must be 1000 or 1024");
        }

        var defaultMultiplier = SuffixMultiplier(defaultSuffix, unit);
        if (defaultMultiplier < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultSuffix), defaultSuffix, "default suffix must be one of B K M G T P E");
        }

        text = CString.Of(text);
        value = 0;
        hexWithSuffix = false;

        var status = StrToU64(text, 10, out var integral, out end);
        if (status != QemuParseStatus.Ok)
        {
            return status;
        }

        if (text[..end].Contains('-'))
        {
            end = 0;
            return QemuParseStatus.Invalid;
        }

        var hex = false;
        ulong fraction = 0;
        if (integral == 0 && At(text, end) is 'x' or 'X')
        {
            status = StrToU64(text, 16, out integral, out end);
            if (status != QemuParseStatus.Ok)
            {
                return status;
            }

            if (At(text, end) == '.')
            {
                end = 0;
                return QemuParseStatus.Invalid;
            }

            hex = true;
        }
        else if (At(text, end) == '.')
        {
            var fractionStatus = ReadFraction(text[end..], out var fractionValue, out var fractionLength, out var hasExponent);
            if (fractionStatus != QemuParseStatus.Ok)
            {
                // QEMU steps one character past where strtod stopped and carries on without the fraction.
                end += fractionLength + 1;
            }
            else if (hasExponent)
            {
                end = 0;
                return QemuParseStatus.Invalid;
            }
            else
            {
                end += fractionLength;
                fraction = FractionToFixedPoint(fractionValue);
            }
        }

        var multiplier = SuffixMultiplier(At(text, end), unit);
        if (multiplier > 0)
        {
            hexWithSuffix = hex;
            end++;
        }
        else
        {
            multiplier = defaultMultiplier;
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
            // 64.64 fixed point times a 64-bit multiplier gives 128.64; round the fraction half up.
            var whole = (UInt128)integral * (ulong)multiplier;
            var scaledFraction = (UInt128)fraction * (ulong)multiplier;
            whole += (ulong)(scaledFraction >> 64);
            whole += (ulong)scaledFraction >> 63;
            if (whole > ulong.MaxValue)
            {
                return QemuParseStatus.OutOfRange;
            }

            integral = (ulong)whole;
        }

        value = integral;
        return QemuParseStatus.Ok;
    }

    /// <summary>
    /// Converts an option value to a size as QemuOpts does for <see cref="QemuOptType.Size"/>.
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

    internal static bool TryParseOptionSize(string name, string value, out ulong size, out bool hexWithSuffix, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out OptionsError? error)
    {
        switch (StrToSize(value, out size, out hexWithSuffix))
        {
            case QemuParseStatus.Ok:
                error = null;
                return true;
            case QemuParseStatus.OutOfRange:
                error = Internal.Messages.SizeOutOfRange(name, CString.Text(value));
                return false;
            default:
                error = Internal.Messages.SizeExpected(name);
                return false;
        }
    }

    private static char At(ReadOnlySpan<char> text, int index) => index < text.Length ? text[index] : '\0';

    private static long SuffixMultiplier(char suffix, long unit) => suffix switch
    {
        'B' or 'b' => 1,
        'K' or 'k' => unit,
        'M' or 'm' => unit * unit,
        'G' or 'g' => unit * unit * unit,
        'T' or 't' => unit * unit * unit * unit,
        'P' or 'p' => unit * unit * unit * unit * unit,
        'E' or 'e' => unit * unit * unit * unit * unit * unit,
        _ => -1,
    };

    /// <summary>
    /// Reads what glibc's <c>strtod</c> reads from text starting with a '.': digits and an optional
    /// exponent. Invalid when no digit follows the '.', with a length of 0; out of range when the
    /// value overflows or underflows, with the length read.
    /// </summary>
    private static QemuParseStatus ReadFraction(ReadOnlySpan<char> text, out double value, out int length, out bool hasExponent)
    {
        value = 0;
        hasExponent = false;
        var i = 1;
        var nonZeroDigit = false;
        while (i < text.Length && IsAsciiDigit(text[i]))
        {
            nonZeroDigit |= text[i] != '0';
            i++;
        }

        if (i == 1)
        {
            length = 0;
            return QemuParseStatus.Invalid;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }

            if (j < text.Length && IsAsciiDigit(text[j]))
            {
                while (j < text.Length && IsAsciiDigit(text[j]))
                {
                    j++;
                }

                hasExponent = true;
                i = j;
            }
        }

        length = i;
        value = double.Parse(text[..i], NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value) || (nonZeroDigit && !double.IsNormal(value)))
        {
            return QemuParseStatus.OutOfRange;
        }

        return QemuParseStatus.Ok;
    }

    /// <summary>
    /// QEMU's <c>(uint64_t)(fraction * 0x1p64)</c> as x86-64 code computes it: a fraction that
    /// rounds to 1.0 gives 2^64, which that conversion turns into 0 (so <c>1.99999999999999999999G</c>
    /// is 1 GiB in QEMU, and here).
    /// </summary>
    private static ulong FractionToFixedPoint(double fraction)
    {
        var scaled = fraction * TwoToThe64;
        return scaled >= TwoToThe64 ? 0 : (ulong)scaled;
    }
}
