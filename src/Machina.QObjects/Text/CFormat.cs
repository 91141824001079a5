using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Machina.QObjects.Text;

/// <summary>
/// C's <c>printf</c> conversion <c>%.Ng</c> of a double, digit for digit as glibc prints it in the
/// C locale: how QEMU writes doubles (<c>%.17g</c> in JSON, the string output visitor and
/// <c>qnum_to_string</c>; <c>%.3g</c> in <c>size_to_str</c>).
/// </summary>
/// <remarks>
/// <para>The digits are those of the exact binary value, rounded to nearest with ties to even.
/// Notation follows C's rule: with P the precision (0 counts as 1) and X the decimal exponent of
/// the rounded value, fixed notation when -4 &lt;= X &lt; P, else <c>d.ddde±XX</c> (at least two
/// exponent digits); trailing zeros and a bare decimal point are dropped, as <c>%g</c> without
/// <c>#</c> does. Infinities print as <c>inf</c> and <c>-inf</c>, NaN as <c>nan</c> or, with the
/// sign bit set, <c>-nan</c> (.NET's <see cref="double.NaN"/> has its sign bit set).</para>
/// <para>.NET's own <c>"E"</c> formatting produces the same correctly rounded digits (checked
/// against glibc on random values and on every kind of tie), so it supplies them; this class only
/// lays them out the C way.</para>
/// </remarks>
public static class CFormat
{
    /// <summary>The largest precision supported.</summary>
    public const int MaxPrecision = 100;

    /// <summary>The longest text <c>%.17g</c> produces: sign, 17 digits, point, <c>e-308</c>.</summary>
    public const int MaxG17Length = 24;

    /// <summary>The longest text <c>%.<paramref name="precision"/>g</c> can produce, in bytes or characters.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is negative or above <see cref="MaxPrecision"/>.</exception>
    public static int MaxLength(int precision)
    {
        CheckPrecision(precision);

        // "-0.0001" then the digits, or "-d." then the digits and "e-308".
        return Math.Max(precision, 1) + 7;
    }

    /// <summary>C's <c>%.<paramref name="precision"/>g</c> of <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="precision">Significant digits, 0 to <see cref="MaxPrecision"/> (C's default is 6).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is out of range.</exception>
    public static string FormatG(double value, int precision = 6)
    {
        Span<byte> text = stackalloc byte[MaxLength(precision)];
        var length = WriteG(value, precision, text);
        return Encoding.ASCII.GetString(text[..length]);
    }

    /// <summary>C's <c>%.17g</c> of <paramref name="value"/>: the shortest way C prints every double so it reads back exactly.</summary>
    public static string FormatG17(double value) => FormatG(value, 17);

    /// <summary>Writes C's <c>%.<paramref name="precision"/>g</c> of <paramref name="value"/> as ASCII bytes.</summary>
    /// <param name="value">The value.</param>
    /// <param name="precision">Significant digits, 0 to <see cref="MaxPrecision"/>.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 when <paramref name="destination"/> is too small.</param>
    /// <returns>False when <paramref name="destination"/> is too small (nothing useful is written then).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is out of range.</exception>
    public static bool TryFormatG(double value, int precision, Span<byte> destination, out int bytesWritten)
    {
        var needed = MaxLength(precision);
        if (destination.Length >= needed)
        {
            bytesWritten = WriteG(value, precision, destination);
            return true;
        }

        Span<byte> text = stackalloc byte[needed];
        var length = WriteG(value, precision, text);
        if (length > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        text[..length].CopyTo(destination);
        bytesWritten = length;
        return true;
    }

    /// <summary>
    /// Writes <c>%.<paramref name="precision"/>g</c> into <paramref name="destination"/>, which holds
    /// at least <see cref="MaxLength"/> bytes; returns the length. The JSON writer's path.
    /// </summary>
    internal static int WriteG(double value, int precision, Span<byte> destination)
    {
        CheckPrecision(precision);
        if (precision == 0)
        {
            precision = 1;
        }

        var n = 0;
        if (double.IsNegative(value))
        {
            destination[n++] = (byte)'-';
            value = -value;
        }

        if (!double.IsFinite(value))
        {
            var word = double.IsNaN(value) ? "nan"u8 : "inf"u8;
            word.CopyTo(destination[n..]);
            return n + word.Length;
        }

        if (value == 0)
        {
            destination[n] = (byte)'0';
            return n + 1;
        }

        // "d.dddE+xxx" with precision digits: glibc's digits, correctly rounded.
        Span<byte> scientific = stackalloc byte[MaxPrecision + 8];
        value.TryFormat(scientific, out var written, EFormat(precision - 1, stackalloc char[4]), CultureInfo.InvariantCulture);
        Span<byte> digits = stackalloc byte[precision];
        digits[0] = scientific[0];
        if (precision > 1)
        {
            scientific.Slice(2, precision - 1).CopyTo(digits[1..]);
        }

        var e = precision > 1 ? precision + 1 : 1;
        var exponent = ParseExponent(scientific[(e + 1)..written]);

        // %g without '#': trailing zeros go, and the point with them.
        var significant = precision;
        while (significant > 1 && digits[significant - 1] == '0')
        {
            significant--;
        }

        if (exponent >= -4 && exponent < precision)
        {
            if (exponent >= 0)
            {
                digits[..(exponent + 1)].CopyTo(destination[n..]);
                n += exponent + 1;
                if (significant > exponent + 1)
                {
                    n += WriteFraction(digits[(exponent + 1)..significant], destination[n..]);
                }
            }
            else
            {
                destination[n++] = (byte)'0';
                destination[n++] = (byte)'.';
                destination.Slice(n, -exponent - 1).Fill((byte)'0');
                n += -exponent - 1;
                digits[..significant].CopyTo(destination[n..]);
                n += significant;
            }

            return n;
        }

        destination[n++] = digits[0];
        n += WriteFraction(digits[1..significant], destination[n..]);
        destination[n++] = (byte)'e';
        destination[n++] = exponent < 0 ? (byte)'-' : (byte)'+';
        var magnitude = Math.Abs(exponent);
        if (magnitude >= 100)
        {
            destination[n++] = (byte)('0' + (magnitude / 100));
        }

        destination[n++] = (byte)('0' + (magnitude / 10 % 10));
        destination[n++] = (byte)('0' + (magnitude % 10));
        return n;
    }

    private static void CheckPrecision(int precision)
    {
        if ((uint)precision > MaxPrecision)
        {
            ThrowPrecision(precision);
        }
    }

    private static void ThrowPrecision(int precision) =>
        throw new ArgumentOutOfRangeException(nameof(precision), precision, $"precision must be 0 to {MaxPrecision}");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<char> EFormat(int decimals, Span<char> buffer)
    {
        buffer[0] = 'E';
        decimals.TryFormat(buffer[1..], out var length, default, CultureInfo.InvariantCulture);
        return buffer[..(length + 1)];
    }

    private static int ParseExponent(ReadOnlySpan<byte> text)
    {
        var negative = text[0] == '-';
        var magnitude = 0;
        foreach (var c in text[1..])
        {
            magnitude = (magnitude * 10) + (c - '0');
        }

        return negative ? -magnitude : magnitude;
    }

    /// <summary>Writes ".digits", or nothing when there are none.</summary>
    private static int WriteFraction(ReadOnlySpan<byte> digits, Span<byte> destination)
    {
        if (digits.IsEmpty)
        {
            return 0;
        }

        destination[0] = (byte)'.';
        digits.CopyTo(destination[1..]);
        return digits.Length + 1;
    }
}
