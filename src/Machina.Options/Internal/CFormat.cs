using System.Globalization;
using Machina.QObjects;

namespace Machina.Options.Internal;

/// <summary>Number texts as QEMU's C code prints them.</summary>
internal static class CFormat
{
    /// <summary>QEMU's <c>qnum_to_string</c>: integers in decimal, doubles as <c>%.17g</c>.</summary>
    public static string QNumToString(QNum number)
    {
        switch (number.Kind)
        {
            case QNumKind.Int64:
                return number.GetInt64().ToString(CultureInfo.InvariantCulture);
            case QNumKind.UInt64:
                return number.GetUInt64().ToString(CultureInfo.InvariantCulture);
            default:
                return G17(number.ToDouble());
        }
    }

    /// <summary>C's <c>printf("%.17g")</c> in the C locale.</summary>
    public static string G17(double value)
    {
        if (double.IsNaN(value))
        {
            return double.IsNegative(value) ? "-nan" : "nan";
        }

        if (double.IsInfinity(value))
        {
            return value < 0 ? "-inf" : "inf";
        }

        // .NET's G17 picks fixed or scientific notation by C's rule and drops trailing zeros as %g
        // does; only the exponent's spelling differs (E+20 against e+20).
        var text = value.ToString("G17", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var exponent = text[(e + 2)..];
        return string.Concat(text[..e], "e", text.Substring(e + 1, 1), exponent.Length < 2 ? "0" + exponent : exponent);
    }
}
