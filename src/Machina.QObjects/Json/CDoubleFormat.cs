using System.Globalization;

namespace Machina.QObjects.Json;

/// <summary>
/// C's <c>printf("%.17g")</c> as glibc prints it, which is how QEMU writes a double: 17
/// significant digits, correctly rounded; fixed notation for decimal exponents -4..16, else
/// <c>d.ddde±XX</c>; trailing zeros and a bare decimal point dropped.
/// </summary>
internal static class CDoubleFormat
{
    /// <summary>The longest output: sign, 17 digits, point, "e-308".</summary>
    public const int MaxLength = 32;

    /// <summary>Writes <paramref name="value"/> to <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes).</summary>
    public static int Format(double value, Span<byte> destination)
    {
        var n = 0;
        if (double.IsNegative(value))
        {
            destination[n++] = (byte)'-';
            value = -value;
        }

        if (double.IsNaN(value))
        {
            return n + Copy("nan"u8, destination[n..]);
        }

        if (double.IsInfinity(value))
        {
            return n + Copy("inf"u8, destination[n..]);
        }

        if (value == 0)
        {
            destination[n++] = (byte)'0';
            return n;
        }

        // .NET's "E16" yields glibc's 17 correctly rounded digits (ties to even included): d.dddE+xxx.
        Span<byte> e = stackalloc byte[32];
        value.TryFormat(e, out var written, "E16", CultureInfo.InvariantCulture);
        Span<byte> digits = stackalloc byte[17];
        digits[0] = e[0];
        e.Slice(2, 16).CopyTo(digits[1..]);
        var exponent = int.Parse(e[19..written], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        // Significant digits after trailing zeros are dropped (%g without '#').
        var significant = 17;
        while (significant > 1 && digits[significant - 1] == '0')
        {
            significant--;
        }

        if (exponent is >= -4 and < 17)
        {
            if (exponent >= 0)
            {
                // Integer part: exponent + 1 digits (all within the 17).
                for (var i = 0; i <= exponent; i++)
                {
                    destination[n++] = digits[i];
                }

                if (significant > exponent + 1)
                {
                    destination[n++] = (byte)'.';
                    for (var i = exponent + 1; i < significant; i++)
                    {
                        destination[n++] = digits[i];
                    }
                }
            }
            else
            {
                destination[n++] = (byte)'0';
                destination[n++] = (byte)'.';
                for (var i = exponent; i < -1; i++)
                {
                    destination[n++] = (byte)'0';
                }

                for (var i = 0; i < significant; i++)
                {
                    destination[n++] = digits[i];
                }
            }

            return n;
        }

        destination[n++] = digits[0];
        if (significant > 1)
        {
            destination[n++] = (byte)'.';
            for (var i = 1; i < significant; i++)
            {
                destination[n++] = digits[i];
            }
        }

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

    private static int Copy(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
