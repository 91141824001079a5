namespace Machina.QObjects.Text;

// qemu_strtosz and friends (do_strtosz), and size_to_str.
public static partial class QemuNumbers
{
    private static readonly string[] SizePrefixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    /// <summary>
    /// <c>qemu_strtosz(text, NULL)</c>: a byte count with an optional suffix B, K, M, G, T, P or E
    /// (either case, powers of 1024); the whole text must be the size.
    /// </summary>
    /// <remarks>
    /// <para>The number is decimal or <c>0x</c> hexadecimal (no octal: <c>010</c> is ten). A decimal
    /// fraction needs a suffix above B (<c>1.5k</c> is 1536; <c>1.5</c> is invalid) and is rounded to
    /// the nearest byte, half up, computed exactly in 64.64 fixed point as QEMU does. Negative numbers,
    /// hexadecimal fractions and exponents are invalid; a result above 2^64-1 is
    /// <see cref="QemuParseStatus.OutOfRange"/>.</para>
    /// <para>A suffix after hexadecimal digits is accepted; QEMU warns that it is deprecated, which
    /// <see cref="ParseSize(ReadOnlySpan{char}, char, int, out ulong, out int, out bool)"/> reports.</para>
    /// </remarks>
    /// <param name="text">The text.</param>
    /// <param name="value">The size; 0 unless the status is <see cref="QemuParseStatus.Ok"/>.</param>
    public static QemuParseStatus ParseSize(ReadOnlySpan<char> text, out ulong value) =>
        WholeText(ParseSize(text, 'B', 1024, out value, out var end, out _), end, text.Length, ref value);

    /// <summary><c>qemu_strtosz</c> with an end pointer: reads a size at the start of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The size; 0 unless the status is <see cref="QemuParseStatus.Ok"/>.</param>
    /// <param name="end">Where reading stopped (see <see cref="ParseSize(ReadOnlySpan{char}, char, int, out ulong, out int, out bool)"/>).</param>
    public static QemuParseStatus ParseSize(ReadOnlySpan<char> text, out ulong value, out int end) =>
        ParseSize(text, 'B', 1024, out value, out end, out _);

    /// <summary><c>qemu_strtosz_MiB(text, NULL)</c>: as <see cref="ParseSize(ReadOnlySpan{char}, out ulong)"/>, mebibytes when there is no suffix.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The size; 0 unless the status is <see cref="QemuParseStatus.Ok"/>.</param>
    public static QemuParseStatus ParseSizeMiB(ReadOnlySpan<char> text, out ulong value) =>
        WholeText(ParseSize(text, 'M', 1024, out value, out var end, out _), end, text.Length, ref value);

    /// <summary><c>qemu_strtosz_metric(text, NULL)</c>: as <see cref="ParseSize(ReadOnlySpan{char}, out ulong)"/> with powers of 1000.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The size; 0 unless the status is <see cref="QemuParseStatus.Ok"/>.</param>
    public static QemuParseStatus ParseSizeMetric(ReadOnlySpan<char> text, out ulong value) =>
        WholeText(ParseSize(text, 'B', 1000, out value, out var end, out _), end, text.Length, ref value);

    /// <summary>
    /// The <c>qemu_strtosz</c> family with an end pointer (QEMU's <c>do_strtosz</c>):
    /// <paramref name="defaultSuffix"/> applies when there is no suffix (<c>'B'</c> for
    /// <c>qemu_strtosz</c>, <c>'M'</c> for <c>qemu_strtosz_MiB</c>) and <paramref name="unit"/> is
    /// 1024, or 1000 for <c>qemu_strtosz_metric</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="defaultSuffix">One of B, K, M, G, T, P, E (either case).</param>
    /// <param name="unit">1024 or 1000.</param>
    /// <param name="value">The size; 0 unless the status is <see cref="QemuParseStatus.Ok"/>.</param>
    /// <param name="end">Where reading stopped: 0 for text QEMU rejects without advancing (a sign,
    /// a fraction without suffix or with an exponent, a hexadecimal fraction). It may be one past the
    /// end: where <c>strtod</c> rejects a fraction at the very end, QEMU steps past the terminating NUL.</param>
    /// <param name="hexWithSuffix">True when a hexadecimal number carried a suffix (QEMU warns
    /// <c>Using a multiplier suffix on hex numbers is deprecated: TEXT</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown default suffix or unit.</exception>
    public static QemuParseStatus ParseSize(
        ReadOnlySpan<char> text, char defaultSuffix, int unit, out ulong value, out int end, out bool hexWithSuffix)
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

        value = 0;
        hexWithSuffix = false;
        var status = ParseUInt64(text, 10, out var integral, out end);
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
        if (integral == 0 && CharAt(text, end) is 'x' or 'X')
        {
            status = ParseUInt64(text, 16, out integral, out end);
            if (status != QemuParseStatus.Ok)
            {
                return status;
            }

            if (CharAt(text, end) == '.')
            {
                end = 0;
                return QemuParseStatus.Invalid;
            }

            hex = true;
        }
        else if (CharAt(text, end) == '.')
        {
            var start = end;
            var fractionStatus = ParseDoubleFinite(text[start..], out var fractionValue, out var fractionEnd);
            if (fractionStatus != QemuParseStatus.Ok)
            {
                // QEMU steps one character past where strtod stopped (the '.' itself when it read
                // nothing) and carries on without the fraction.
                end = start + fractionEnd + 1;
            }
            else if (text.Slice(start, fractionEnd).ContainsAny('e', 'E'))
            {
                end = 0;
                return QemuParseStatus.Invalid;
            }
            else
            {
                end = start + fractionEnd;
                fraction = FractionToFixedPoint(fractionValue);
            }
        }

        var multiplier = SuffixMultiplier(CharAt(text, end), unit);
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
            // 64.64 fixed point times a 64-bit multiplier is 128.64; the fraction rounds half up.
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
    /// <c>size_to_str</c>: a byte count for humans in IEC units with three significant digits
    /// (<c>1 KiB</c>, <c>1.5 MiB</c>, <c>0.977 KiB</c> for 1000), switching unit once the number reaches 1000.
    /// </summary>
    public static string FormatSize(ulong value)
    {
        var exponent = FrexpExponent(value / (1000.0 / 1024.0));
        var prefix = (exponent - 1) / 10;
        return CFormat.FormatG((double)value / (1UL << (prefix * 10)), 3) + " " + SizePrefixes[prefix] + "B";
    }

    /// <summary>The exponent C's frexp reports: <paramref name="x"/> = f × 2^e with 0.5 ≤ f &lt; 1; 0 for 0.</summary>
    private static int FrexpExponent(double x) => x == 0 ? 0 : Math.ILogB(x) + 1;

    /// <summary>The character at <paramref name="index"/>, or C's terminating NUL past the end.</summary>
    private static char CharAt(ReadOnlySpan<char> text, int index) => index < text.Length ? text[index] : '\0';

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
    /// QEMU's <c>(uint64_t)(fraction * 0x1p64)</c> as x86-64 code computes it: exact below 2^64; a
    /// fraction that rounded up to 1.0 gives 2^64, which that conversion turns into 0 (so
    /// <c>1.99999999999999999999G</c> is 1 GiB in QEMU, and here).
    /// </summary>
    private static ulong FractionToFixedPoint(double fraction)
    {
        var scaled = fraction * 18446744073709551616.0;
        return scaled >= 18446744073709551616.0 ? 0 : (ulong)scaled;
    }
}
