using System.Globalization;

namespace Machina.QObjects.Json;

// Numbers: an integer token becomes a signed integer when it fits, else an unsigned one, else a
// double (QEMU tries strtoll, then strtoull for non-negative tokens, then strtod). A float token
// is a double. The lexer has already checked the syntax.
internal sealed partial class JsonParser
{
    private const int SmallIntMin = -128;
    private const int SmallIntMax = 1023;

    // Numbers are immutable, so the common small ones are shared.
    private static readonly QNum[] SmallInts = CreateSmallInts();

    private static QNum[] CreateSmallInts()
    {
        var ints = new QNum[SmallIntMax - SmallIntMin + 1];
        for (var i = 0; i < ints.Length; i++)
        {
            ints[i] = new QNum((long)(i + SmallIntMin));
        }

        return ints;
    }

    private QNum ParseInteger(in JsonToken token) => ParseInteger(_text.AsSpan(token.Start, token.Length));

    internal static QNum ParseInteger(ReadOnlySpan<byte> text)
    {
        var negative = text[0] == '-';
        var digits = negative ? text[1..] : text;

        // 19 digits always fit in a ulong; 20 may; more never do.
        if (digits.Length <= 20)
        {
            ulong magnitude = 0;
            var overflow = false;
            foreach (var d in digits)
            {
                var next = (magnitude * 10) + (uint)(d - '0');
                if (magnitude > ulong.MaxValue / 10 || next < magnitude * 10)
                {
                    overflow = true;
                    break;
                }

                magnitude = next;
            }

            if (!overflow)
            {
                if (negative)
                {
                    if (magnitude <= (ulong)long.MaxValue + 1)
                    {
                        return FromInt64(unchecked(-(long)magnitude));
                    }
                }
                else if (magnitude <= long.MaxValue)
                {
                    return FromInt64((long)magnitude);
                }
                else
                {
                    return new QNum(magnitude);
                }
            }
        }

        return new QNum(ParseDouble(text));
    }

    private static QNum FromInt64(long value) =>
        value is >= SmallIntMin and <= SmallIntMax ? SmallInts[value - SmallIntMin] : new QNum(value);

    private QNum ParseFloat(in JsonToken token) => new(ParseDouble(_text.AsSpan(token.Start, token.Length)));

    // Correctly rounded like glibc's strtod; out of range gives an infinity or zero, as strtod does.
    internal static double ParseDouble(ReadOnlySpan<byte> text) =>
        double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
}
