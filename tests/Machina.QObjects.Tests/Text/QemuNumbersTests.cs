using System.Globalization;
using System.Numerics;
using CsCheck;
using Machina.QObjects.Text;
using Machina.TestSupport;

namespace Machina.QObjects.Tests.Text;

/// <summary>
/// QEMU's qemu_strto* conversions: against glibc itself on random input, against exact arithmetic,
/// and on fixed cases (those of QEMU's <c>tests/unit/test-cutils.c</c> among them).
/// </summary>
public class QemuNumbersTests
{
    private const int ERange = 34;

    // Characters that matter to the parsers, weighted towards digits; ASCII only, no NUL.
    private static readonly Gen<string> NumberLike =
        Gen.OneOf(
            Gen.Char[" \t\n+-0123456789"],
            Gen.Char["0123456789xXabcdefABCDEF.eEpP"],
            Gen.Char["infatyINFATYN()_,kKmMgGtTbB"],
            Gen.Char[(char)1, (char)127]).Array[0, 30].Select(chars => new string(chars));

    private static readonly Gen<string> Digits =
        Gen.OneOf(
            Gen.Char["0123456789"].Array[1, 25].Select(c => new string(c)),
            Gen.Char["0123456789"].Array[1, 25].Select(c => "-" + new string(c)),
            Gen.Char["0123456789abcdef"].Array[1, 18].Select(c => "0x" + new string(c)),
            Gen.Char["01234567"].Array[1, 23].Select(c => "0" + new string(c)));

    /// <summary>Mirrors QEMU's check_strtox_error on a C result (endptr NULL or not).</summary>
    private static QemuParseStatus QemuStatus(int errno, int end, int length, bool wholeText) =>
        errno == 0 && end == 0 ? QemuParseStatus.Invalid
        : wholeText && end != length ? QemuParseStatus.Invalid
        : errno == ERange ? QemuParseStatus.OutOfRange
        : QemuParseStatus.Ok;

    // ---- Integers ---------------------------------------------------------------------------------

    [Fact]
    public void Int64_matches_glibc_strtoll()
    {
        Gen.Select(Gen.OneOf(NumberLike, Digits), Gen.Int[0, 3]).Sample((text, r) =>
        {
            var radix = new[] { 0, 10, 16, 8 }[r];
            var (expected, errno, cEnd) = GlibcOracle.StrToLL(text, radix);
            var status = QemuNumbers.ParseInt64(text, radix, out var value, out var end);
            Assert.Equal(QemuStatus(errno, cEnd, text.Length, wholeText: false), status);
            if (status != QemuParseStatus.Invalid)
            {
                Assert.Equal(expected, value);
                Assert.Equal(cEnd, end);
            }

            Assert.Equal(QemuStatus(errno, cEnd, text.Length, wholeText: true), QemuNumbers.ParseInt64(text, radix, out _));
        }, iter: PropertyRuns.Iterations(5000));
    }

    [Fact]
    public void UInt64_matches_glibc_strtoull()
    {
        Gen.Select(Gen.OneOf(NumberLike, Digits), Gen.Int[0, 3]).Sample((text, r) =>
        {
            var radix = new[] { 0, 10, 16, 8 }[r];
            var (expected, errno, cEnd) = GlibcOracle.StrToULL(text, radix);
            var status = QemuNumbers.ParseUInt64(text, radix, out var value, out var end);
            Assert.Equal(QemuStatus(errno, cEnd, text.Length, wholeText: false), status);
            if (status != QemuParseStatus.Invalid)
            {
                Assert.Equal(expected, value);
                Assert.Equal(cEnd, end);
            }

            Assert.Equal(QemuStatus(errno, cEnd, text.Length, wholeText: true), QemuNumbers.ParseUInt64(text, radix, out _));
        }, iter: PropertyRuns.Iterations(5000));
    }

    // text, radix, status, value, end (qemu_strtou64 with an end pointer)
    [Theory]
    [InlineData("12345 foo", 0, QemuParseStatus.Ok, 12345UL, 5)]
    [InlineData("", 0, QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("  \t  ", 0, QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("   xxxx  \t abc", 0, QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("123xxx", 0, QemuParseStatus.Ok, 123UL, 3)]
    [InlineData("0123", 8, QemuParseStatus.Ok, 83UL, 4)]
    [InlineData("0123", 0, QemuParseStatus.Ok, 83UL, 4)]
    [InlineData("0123", 10, QemuParseStatus.Ok, 123UL, 4)]
    [InlineData("123", 0, QemuParseStatus.Ok, 123UL, 3)]
    [InlineData("0123", 16, QemuParseStatus.Ok, 0x123UL, 4)]
    [InlineData("0x123", 0, QemuParseStatus.Ok, 0x123UL, 5)]
    [InlineData("0x", 16, QemuParseStatus.Ok, 0UL, 1)]
    [InlineData("0x", 0, QemuParseStatus.Ok, 0UL, 1)]
    [InlineData("0xg", 0, QemuParseStatus.Ok, 0UL, 1)]
    [InlineData("18446744073709551615", 0, QemuParseStatus.Ok, ulong.MaxValue, 20)]
    [InlineData("99999999999999999999999999999999999999999999", 0, QemuParseStatus.OutOfRange, ulong.MaxValue, 44)]
    [InlineData("-99999999999999999999999999999999999999999999", 0, QemuParseStatus.OutOfRange, ulong.MaxValue, 45)]
    [InlineData("  \t -321", 0, QemuParseStatus.Ok, 18446744073709551295UL, 8)]
    [InlineData("+7", 0, QemuParseStatus.Ok, 7UL, 2)]
    [InlineData("-", 0, QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("zz", 36, QemuParseStatus.Ok, 1295UL, 2)]
    [InlineData("1\02", 0, QemuParseStatus.Ok, 1UL, 1)]
    public void UInt64_with_end(string text, int radix, QemuParseStatus status, ulong value, int end)
    {
        Assert.Equal(status, QemuNumbers.ParseUInt64(text, radix, out var actual, out var actualEnd));
        Assert.Equal(value, actual);
        Assert.Equal(end, actualEnd);
    }

    [Theory]
    [InlineData("18446744073709551614", QemuParseStatus.Ok, 18446744073709551614UL)]
    [InlineData("", QemuParseStatus.Invalid, 0UL)]
    [InlineData(" \t -321", QemuParseStatus.Ok, 18446744073709551295UL)]
    [InlineData("18446744073709551614xxxxxx", QemuParseStatus.Invalid, 0UL)]
    [InlineData("-1", QemuParseStatus.Ok, ulong.MaxValue)]
    [InlineData("99999999999999999999", QemuParseStatus.OutOfRange, ulong.MaxValue)]
    [InlineData("99999999999999999999x", QemuParseStatus.Invalid, 0UL)]
    public void UInt64_whole_text(string text, QemuParseStatus status, ulong value)
    {
        Assert.Equal(status, QemuNumbers.ParseUInt64(text, 0, out var actual));
        Assert.Equal(value, actual);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(-1)]
    public void Radix_must_be_0_or_2_to_36(int radix)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuNumbers.ParseInt64("1", radix, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuNumbers.ParseUInt64("1", radix, out _, out _));
    }

    [Fact]
    public void Radix_36_reads_letters()
    {
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseInt64("zz", 36, out var value));
        Assert.Equal(35 * 36 + 35, value);
    }

    [Fact]
    public void Non_ASCII_digits_and_spaces_and_U0000_end_a_number()
    {
        Assert.Equal(QemuParseStatus.Invalid, QemuNumbers.ParseInt64("\u0661", 0, out _));
        Assert.Equal(QemuParseStatus.Invalid, QemuNumbers.ParseInt64("\u00a01", 0, out _));

        // QEMU holds U+0000 as C0 80 inside a string: an ordinary character, not the end.
        Assert.Equal(QemuParseStatus.Invalid, QemuNumbers.ParseInt64("1\u0000", 0, out _));
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseInt64("1\u0000", 0, out var value, out var end));
        Assert.Equal((1, 1), (value, end));
    }

    // ---- Doubles ----------------------------------------------------------------------------------

    private static readonly Gen<string> HexFloat =
        Gen.Select(Gen.Char["0123456789abcdef"].Array[1, 20], Gen.Int[-1100, 1100])
            .Select((m, e) => "0x" + new string(m, 0, 1) + "." + new string(m, 1, m.Length - 1) + "p" + e.ToString(CultureInfo.InvariantCulture));

    // Hex floats near and below 2^-1022, where rounding to subnormal precision happens.
    private static readonly Gen<string> SubnormalHexFloat =
        Gen.Select(Gen.Char["0123456789abcdef"].Array[13, 18], Gen.Int[-1100, -1015])
            .Select((m, e) => "0x" + new string(m, 0, 1) + "." + new string(m, 1, m.Length - 1) + "p" + e.ToString(CultureInfo.InvariantCulture));

    // Decimals around 2^-1022, where rounding, tininess and exactness meet, and around the smallest subnormal.
    private static readonly Gen<string> NearSmallestNormal =
        Gen.Select(Gen.OneOf(Gen.Const("2.2250738585072"), Gen.Const("2.225073858507201"), Gen.Const("4.940656458412465"), Gen.Const("2.4703282292062327")),
                Gen.Char["0123456789"].Array[0, 25])
            .Select((head, tail) => head + new string(tail) + (head[0] == '2' && head[2] == '2' ? "e-308" : "e-324"));

    private static readonly Gen<string> FloatLike =
        Gen.OneOf(
            NumberLike,
            NearSmallestNormal,
            Gen.Select(Gen.Double, Gen.Int[0, 3]).Select((d, style) => d.ToString(
                new[] { "R", "E30", "G3", "F2" }[style], CultureInfo.InvariantCulture).Replace("∞", "inf", StringComparison.Ordinal)),
            HexFloat,
            SubnormalHexFloat,
            Gen.Select(Gen.Char["0123456789"].Array[1, 30], Gen.Int[-340, 320])
                .Select((m, e) => new string(m) + "e" + e.ToString(CultureInfo.InvariantCulture)));

    [Fact]
    public void Double_matches_glibc_strtod_with_QEMUs_finite_check()
    {
        FloatLike.Sample(CheckAgainstGlibc, iter: PropertyRuns.Iterations(5000));
    }

    [Fact]
    public void Hex_float_rounds_once_as_exact_arithmetic_says()
    {
        Gen.OneOf(HexFloat, SubnormalHexFloat).Sample(text =>
        {
            var (mantissa, exponent) = ExactHex(text);
            var (expected, status) = Exact(mantissa, exponent);
            Assert.Equal(status, QemuNumbers.ParseDoubleFinite(text, out var value));
            if (status != QemuParseStatus.Invalid)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
            }
        }, iter: PropertyRuns.Iterations(5000));
    }

    /// <summary>Subnormal, halfway and overflow cases, each value worked out exactly and checked against glibc.</summary>
    [Theory]
    [InlineData("0xd.6d8f2c01ebc94p-1027", 1889818191656421L, QemuParseStatus.OutOfRange)] // glibc 2.36: ...420 (bug 30220)
    [InlineData("0xd.6d8f2c01ebc9p-1027", 1889818191656420L, QemuParseStatus.OutOfRange)] // exact half: to even
    [InlineData("0xd.6d8f2c01ebc95p-1027", 1889818191656421L, QemuParseStatus.OutOfRange)]
    [InlineData("0xd.6d8f2c01ebc98p-1027", 1889818191656421L, QemuParseStatus.OutOfRange)]
    [InlineData("0xd.6d8f2c01ebc9000000000000001p-1027", 1889818191656421L, QemuParseStatus.OutOfRange)] // just above half, far down
    [InlineData("0x1.ffffffffffffe8p-1023", 4503599627370495L, QemuParseStatus.OutOfRange)] // glibc 2.36: no ERANGE (bug 30220)
    [InlineData("0x1p-1074", 1L, QemuParseStatus.Ok)]
    [InlineData("0x1p-1075", 0L, QemuParseStatus.OutOfRange)] // half of the smallest: to even, zero
    [InlineData("0x1.0000000000001p-1075", 1L, QemuParseStatus.OutOfRange)]
    [InlineData("0x3p-1076", 1L, QemuParseStatus.OutOfRange)] // 0.75 of the smallest
    [InlineData("0x3p-1075", 2L, QemuParseStatus.OutOfRange)] // 1.5: to even
    [InlineData("0x5p-1075", 2L, QemuParseStatus.OutOfRange)] // 2.5: to even
    [InlineData("0x1.fffffffffffffp-1023", 4503599627370496L, QemuParseStatus.OutOfRange)] // rounds up to 2^-1022, tiny before
    [InlineData("0x1.fffffffffffff8p-1023", 4503599627370496L, QemuParseStatus.Ok)] // not tiny after rounding to 53 bits
    [InlineData("0x1.fffffffffffff7p-1023", 4503599627370496L, QemuParseStatus.OutOfRange)]
    [InlineData("0x0.fffffffffffffp-1022", 4503599627370495L, QemuParseStatus.Ok)] // the largest subnormal, exact
    [InlineData("0x1p-1022", 4503599627370496L, QemuParseStatus.Ok)]
    [InlineData("0x1.fffffffffffff7ffp1023", 9218868437227405311L, QemuParseStatus.Ok)] // below the halfway point: the largest double
    [InlineData("0x1.fffffffffffff8p1023", 9218868437227405312L, QemuParseStatus.OutOfRange)] // halfway to 2^1024: infinity
    [InlineData("0x1.00000000000008p0", 4607182418800017408L, QemuParseStatus.Ok)] // half: to even (down)
    [InlineData("0x1.00000000000018p0", 4607182418800017410L, QemuParseStatus.Ok)] // half: to even (up)
    [InlineData("2.2250738585072011e-308", 4503599627370495L, QemuParseStatus.OutOfRange)]
    [InlineData("2.2250738585072012e-308", 4503599627370496L, QemuParseStatus.OutOfRange)] // rounds to 2^-1022 but tiny
    [InlineData("2.2250738585072013e-308", 4503599627370496L, QemuParseStatus.Ok)]
    [InlineData("2.47032822920623272e-324", 0L, QemuParseStatus.OutOfRange)]
    [InlineData("2.47032822920623273e-324", 1L, QemuParseStatus.OutOfRange)]
    [InlineData("4.9406564584124654e-324", 1L, QemuParseStatus.OutOfRange)]
    public void Subnormal_halfway_and_overflow_cases(string text, long bits, QemuParseStatus status)
    {
        Assert.Equal(status, QemuNumbers.ParseDoubleFinite(text, out var value));
        Assert.Equal(bits, BitConverter.DoubleToInt64Bits(value));
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            var (mantissa, exponent) = ExactHex(text);
            var (expected, expectedStatus) = Exact(mantissa, exponent);
            Assert.Equal((bits, status), (BitConverter.DoubleToInt64Bits(expected), expectedStatus));
        }

        CheckAgainstGlibc(text);
    }

    [Fact]
    public void Exact_decimal_subnormal_is_not_out_of_range()
    {
        // 2^-1074 written out in full is exact: no underflow.
        var smallest = ExactDecimal(BigInteger.One, -1074);
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseDoubleFinite(smallest, out var value));
        Assert.Equal(double.Epsilon, value);
        CheckAgainstGlibc(smallest);

        // One more digit far down makes it inexact.
        var above = smallest + "1";
        Assert.Equal(QemuParseStatus.OutOfRange, QemuNumbers.ParseDoubleFinite(above, out value));
        Assert.Equal(double.Epsilon, value);
        CheckAgainstGlibc(above);
    }

    [Fact]
    public void Decimal_at_the_tininess_threshold()
    {
        // (2^54 - 1) × 2^-1076 is the last value that rounds to 2^-1022 without being tiny.
        var threshold = ExactDecimal((BigInteger.One << 54) - 1, -1076);
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseDoubleFinite(threshold, out var value));
        Assert.Equal(2.2250738585072014e-308, value);
        CheckAgainstGlibc(threshold);

        var below = ExactDecimal((BigInteger.One << 55) - 3, -1077);
        Assert.Equal(QemuParseStatus.OutOfRange, QemuNumbers.ParseDoubleFinite(below, out value));
        Assert.Equal(2.2250738585072014e-308, value);
        CheckAgainstGlibc(below);
    }

    [Fact]
    public void Very_long_numbers_take_linear_time()
    {
        // A megabyte of digits in both notations; exact arithmetic on all of them would take minutes.
        var hex = "0x1." + new string('f', 1_000_000) + "p-1030";
        Assert.Equal(QemuParseStatus.OutOfRange, QemuNumbers.ParseDoubleFinite(hex, out var value));
        Assert.Equal(Math.ScaleB(1.0, -1029), value);
        var tiny = "0." + new string('0', 307) + "1" + new string('3', 1_000_000);
        Assert.Equal(QemuParseStatus.OutOfRange, QemuNumbers.ParseDoubleFinite(tiny, out _));
    }

    [Theory]
    [InlineData("5.")]
    [InlineData("5.e3")]
    [InlineData(".5")]
    [InlineData("-.5e-3x")]
    [InlineData("0.000000000000000000000000000000000000000000000000000000001e-260")]
    [InlineData("1000000000000000000000000000000000000000000000000000000000000e250")]
    [InlineData("1.7976931348623158e308")]
    [InlineData("1.7976931348623159e308")]
    [InlineData("0x.8p-1073")]
    [InlineData("0x1.0000000000000fffffp0")]
    [InlineData("0X1P+3")]
    [InlineData("0x.p1")]
    [InlineData("0x1.")]
    [InlineData("  infinityx")]
    [InlineData("NAN(1_a)")]
    [InlineData("nan(")]
    [InlineData("1e+")]
    [InlineData("1e99999999999999999999")]
    [InlineData("0e99999999999999999999")]
    public void Double_edge_cases_match_glibc(string text) => CheckAgainstGlibc(text);

    [Theory]
    [InlineData("1e-400", QemuParseStatus.OutOfRange)]
    [InlineData("1e-310", QemuParseStatus.OutOfRange)]
    [InlineData("2.2250738585072014e-308", QemuParseStatus.Ok)]
    [InlineData("1e309", QemuParseStatus.OutOfRange)]
    [InlineData("0.0e-999999", QemuParseStatus.Ok)]
    [InlineData("inf", QemuParseStatus.Invalid)]
    [InlineData("-nan(x)", QemuParseStatus.Invalid)]
    [InlineData(" +0x1.8p3", QemuParseStatus.Ok)]
    [InlineData("1e", QemuParseStatus.Invalid)]
    [InlineData(".", QemuParseStatus.Invalid)]
    public void Double_fixed_cases(string text, QemuParseStatus expected)
    {
        Assert.Equal(expected, QemuNumbers.ParseDoubleFinite(text, out _));
    }

    private static void CheckAgainstGlibc(string text)
    {
        var (expected, errno, cEnd) = GlibcOracle.StrToD(text);

        // qemu_strtod_finite: a non-finite result without ERANGE is "no conversion".
        var invalid = (errno == 0 && cEnd == 0) || (errno == 0 && !double.IsFinite(expected));
        var status = QemuNumbers.ParseDoubleFinite(text, out var value, out var end);
        if (invalid)
        {
            Assert.Equal(QemuParseStatus.Invalid, status);
            Assert.Equal(0, end);
            return;
        }

        Assert.Equal(cEnd, end);
        var expectedStatus = errno == ERange ? QemuParseStatus.OutOfRange : QemuParseStatus.Ok;
        if (status != expectedStatus || BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(value))
        {
            // Only glibc's bug 30220 may separate the two, and then glibc must have read exactly
            // what the bug makes it read, and Machina the correctly rounded value.
            Assert.True(text.Contains("0x", StringComparison.OrdinalIgnoreCase), $"glibc: {expected:R} ({expectedStatus}), Machina: {value:R} ({status})");
            var (mantissa, exponent) = ExactHex(text);
            Assert.True(
                GlibcOracle.HasStrtodBug30220(mantissa, exponent, out var misread, out var misreadExponent),
                $"glibc: {expected:R} ({expectedStatus}), Machina: {value:R} ({status})");
            var (buggy, buggyStatus) = Exact(misread, misreadExponent);
            Assert.Equal((BitConverter.DoubleToInt64Bits(Math.Abs(buggy)), buggyStatus), (BitConverter.DoubleToInt64Bits(Math.Abs(expected)), expectedStatus));
            var (correct, correctStatus) = Exact(mantissa, exponent);
            Assert.Equal((BitConverter.DoubleToInt64Bits(correct), correctStatus), (BitConverter.DoubleToInt64Bits(Math.Abs(value)), status));
        }
    }

    /// <summary>The hexadecimal float at the start of <paramref name="text"/> (after white space and a sign) as mantissa × 2^exponent.</summary>
    private static (BigInteger Mantissa, long Exponent) ExactHex(string text)
    {
        var s = text.TrimStart(' ', '\t', '\n', '\v', '\f', '\r').TrimStart('+', '-');
        var i = 2;
        var mantissa = BigInteger.Zero;
        long exponent = 0;
        for (; i < s.Length && char.IsAsciiHexDigit(s[i]); i++)
        {
            mantissa = (mantissa << 4) + Convert.ToInt32(s[i].ToString(), 16);
        }

        if (i < s.Length && s[i] == '.')
        {
            for (i++; i < s.Length && char.IsAsciiHexDigit(s[i]); i++)
            {
                mantissa = (mantissa << 4) + Convert.ToInt32(s[i].ToString(), 16);
                exponent -= 4;
            }
        }

        if (i + 1 < s.Length && s[i] is 'p' or 'P' && (char.IsAsciiDigit(s[i + 1]) || (i + 2 < s.Length && s[i + 1] is '+' or '-' && char.IsAsciiDigit(s[i + 2]))))
        {
            var j = i + 1;
            var sign = 1;
            if (s[j] is '+' or '-')
            {
                sign = s[j] == '-' ? -1 : 1;
                j++;
            }

            long e = 0;
            for (; j < s.Length && char.IsAsciiDigit(s[j]); j++)
            {
                e = Math.Min((e * 10) + (s[j] - '0'), 1_000_000_000);
            }

            exponent += sign * e;
        }

        return (mantissa, exponent);
    }

    /// <summary>
    /// What a correct strtod gives for mantissa × 2^exponent (non-negative): .NET's correctly rounded
    /// reading of the exact decimal expansion, and ERANGE for overflow, or for an inexact result when
    /// the exact value is below (2^54 - 1) × 2^-1076 (tiny after rounding to 53 bits, as on x86).
    /// </summary>
    private static (double Value, QemuParseStatus Status) Exact(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero)
        {
            return (0, QemuParseStatus.Ok);
        }

        var top = exponent + (long)mantissa.GetBitLength() - 1;
        if (top > 1100)
        {
            return (double.PositiveInfinity, QemuParseStatus.OutOfRange);
        }

        if (top < -1100)
        {
            return (0, QemuParseStatus.OutOfRange);
        }

        var value = double.Parse(ExactDecimal(mantissa, exponent), CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            return (value, QemuParseStatus.OutOfRange);
        }

        var (m, e) = Decompose(value);
        var exact = Compare(m, e, mantissa, exponent) == 0;
        var tiny = Compare(mantissa, exponent, (BigInteger.One << 54) - 1, -1076) < 0;
        return (value, !exact && tiny ? QemuParseStatus.OutOfRange : QemuParseStatus.Ok);
    }

    private static (BigInteger Mantissa, long Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var field = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0x000F_FFFF_FFFF_FFFF;
        return field == 0 ? (fraction, -1074) : (fraction | (1L << 52), field - 1075);
    }

    private static int Compare(BigInteger a, long aExponent, BigInteger b, long bExponent)
    {
        var low = Math.Min(aExponent, bExponent);
        return (a << (int)(aExponent - low)).CompareTo(b << (int)(bExponent - low));
    }

    /// <summary>mantissa × 2^exponent written out exactly in decimal.</summary>
    private static string ExactDecimal(BigInteger mantissa, long exponent)
    {
        if (exponent >= 0)
        {
            return (mantissa << (int)exponent).ToString(CultureInfo.InvariantCulture);
        }

        var digits = (mantissa * BigInteger.Pow(5, (int)-exponent)).ToString(CultureInfo.InvariantCulture);
        var places = (int)-exponent;
        digits = digits.PadLeft(places + 1, '0');
        return digits[..^places] + "." + digits[^places..];
    }

    // ---- Sizes ------------------------------------------------------------------------------------

    /// <summary>
    /// qemu_strtosz cases, each checked against the real qemu-img 7.2
    /// (<c>qemu-img create -f raw /dev/null SIZE</c> parses SIZE with qemu_strtosz and prints it).
    /// </summary>
    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("12345", 12345UL)]
    [InlineData("1b", 1UL)]
    [InlineData("1k", 1024UL)]
    [InlineData("1K", 1024UL)]
    [InlineData("1.5k", 1536UL)]
    [InlineData("1.k", 1024UL)]
    [InlineData("0.5M", 524288UL)]
    [InlineData("1.0", 1UL)]
    [InlineData("500M", 524288000UL)]
    [InlineData("1G", 1073741824UL)]
    [InlineData("1T", 1099511627776UL)]
    [InlineData("1P", 1125899906842624UL)]
    [InlineData("1E", 1152921504606846976UL)]
    [InlineData("0x7fEE", 0x7feeUL)]
    [InlineData("0x1k", 1024UL)]
    [InlineData(" 42", 42UL)]
    [InlineData("+42", 42UL)]
    [InlineData("1.1k", 1126UL)]
    [InlineData("0.0001k", 0UL)]
    [InlineData("1.00001k", 1024UL)]
    [InlineData("7.9999999E", 9223371921562625408UL)]
    [InlineData("8191P", 9222246136947933184UL)]

    // The fraction rounds to 1.0 as a double; QEMU's conversion to integer then wraps to 0.
    [InlineData("0.9999999999999999999999k", 0UL)]
    public void Size_values(string text, ulong expected)
    {
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSize(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData(" -0")]
    [InlineData("1.5")]
    [InlineData("1.5B")]
    [InlineData("1e3")]
    [InlineData("1.5e3k")]
    [InlineData("0x1.8k")]
    [InlineData("0x")]
    [InlineData("08k x")]
    [InlineData("1kk")]
    [InlineData("1 k")]
    [InlineData("k")]
    [InlineData("1x")]
    [InlineData("inf")]
    [InlineData("123xxx")]
    [InlineData("1kiB")]
    [InlineData("0.NaN")]
    [InlineData("123-45")]
    [InlineData("1k\0")]
    public void Size_invalid(string text)
    {
        Assert.Equal(QemuParseStatus.Invalid, QemuNumbers.ParseSize(text, out var value));
        Assert.Equal(0UL, value);
    }

    [Fact]
    public void Size_up_to_2_to_the_64_minus_1()
    {
        // qemu-img refuses sizes above INT64_MAX itself; qemu_strtosz accepts them.
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSize("18446744073709551615", out var value));
        Assert.Equal(ulong.MaxValue, value);
    }

    [Theory]
    [InlineData("16E")]
    [InlineData("18446744073709551616")]
    [InlineData("16384P")]
    [InlineData("17179869184T")]
    public void Size_out_of_range(string text)
    {
        Assert.Equal(QemuParseStatus.OutOfRange, QemuNumbers.ParseSize(text, out _));
    }

    // text, status, value, end (qemu_strtosz with an end pointer; test-cutils.c's cases)
    [Theory]
    [InlineData("0", QemuParseStatus.Ok, 0UL, 1)]
    [InlineData("08", QemuParseStatus.Ok, 8UL, 2)]
    [InlineData(" 12345", QemuParseStatus.Ok, 12345UL, 6)]
    [InlineData("9007199254740991", QemuParseStatus.Ok, 0x1fffffffffffffUL, 16)]
    [InlineData("9007199254740992", QemuParseStatus.Ok, 0x20000000000000UL, 16)]
    [InlineData("9007199254740993", QemuParseStatus.Ok, 0x20000000000001UL, 16)]
    [InlineData("18446744073709549568", QemuParseStatus.Ok, 0xfffffffffffff800UL, 20)]
    [InlineData("18446744073709550591", QemuParseStatus.Ok, 0xfffffffffffffbffUL, 20)]
    [InlineData("18446744073709551615", QemuParseStatus.Ok, 0xffffffffffffffffUL, 20)]
    [InlineData("0x0", QemuParseStatus.Ok, 0UL, 3)]
    [InlineData("0xab", QemuParseStatus.Ok, 171UL, 4)]
    [InlineData("0xae", QemuParseStatus.Ok, 174UL, 4)]
    [InlineData("1B", QemuParseStatus.Ok, 1UL, 2)]
    [InlineData("1K", QemuParseStatus.Ok, 1UL << 10, 2)]
    [InlineData("1M", QemuParseStatus.Ok, 1UL << 20, 2)]
    [InlineData("1G", QemuParseStatus.Ok, 1UL << 30, 2)]
    [InlineData("1T", QemuParseStatus.Ok, 1UL << 40, 2)]
    [InlineData("1P", QemuParseStatus.Ok, 1UL << 50, 2)]
    [InlineData("1E", QemuParseStatus.Ok, 1UL << 60, 2)]
    [InlineData("0.5E", QemuParseStatus.Ok, 1UL << 59, 4)]
    [InlineData("1.0B", QemuParseStatus.Ok, 1UL, 4)]
    [InlineData("1.k", QemuParseStatus.Ok, 1024UL, 3)]
    [InlineData("12.345M", QemuParseStatus.Ok, 12944671UL, 7)]
    [InlineData("", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData(" \t ", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("crap", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("inf", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("NaN", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("1.1B", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("1.1", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("1.5e1k", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("1.5E+0k", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("0x1.8k", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("-0", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("-1", QemuParseStatus.Invalid, 0UL, 0)]
    [InlineData("1kiB", QemuParseStatus.Ok, 1024UL, 2)]
    [InlineData("0x", QemuParseStatus.Ok, 0UL, 1)]
    [InlineData("0.NaN", QemuParseStatus.Ok, 0UL, 2)]
    [InlineData("123-45", QemuParseStatus.Ok, 123UL, 3)]
    [InlineData("18446744073709551616", QemuParseStatus.OutOfRange, 0UL, 20)]
    [InlineData("20E", QemuParseStatus.OutOfRange, 0UL, 3)]
    [InlineData("1.99999999999999999999G", QemuParseStatus.Ok, 1UL << 30, 23)]
    [InlineData("1.5e", QemuParseStatus.Ok, 3UL << 59, 4)]
    [InlineData("4kfoo", QemuParseStatus.Ok, 4096UL, 2)]
    public void Size_with_end(string text, QemuParseStatus status, ulong value, int end)
    {
        Assert.Equal(status, QemuNumbers.ParseSize(text, out var actual, out var actualEnd));
        Assert.Equal(value, actual);
        Assert.Equal(end, actualEnd);
    }

    [Fact]
    public void Size_in_mebibytes_by_default()
    {
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSizeMiB("2", out var value));
        Assert.Equal(2UL << 20, value);
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSize("123xxx", 'M', 1024, out value, out var end, out _));
        Assert.Equal(123UL << 20, value);
        Assert.Equal(3, end);
    }

    [Theory]
    [InlineData("2k", 2000UL)]
    [InlineData("12345k", 12345000UL)]
    [InlineData("12.345M", 12345000UL)]
    public void Size_metric_uses_powers_of_1000(string text, ulong expected)
    {
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSizeMetric(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Size_reports_a_suffix_on_hex()
    {
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSize("0x10k", 'B', 1024, out var value, out _, out var hexWithSuffix));
        Assert.Equal(0x4000UL, value);
        Assert.True(hexWithSuffix);
        QemuNumbers.ParseSize("0x10", 'B', 1024, out _, out _, out hexWithSuffix);
        Assert.False(hexWithSuffix);
        QemuNumbers.ParseSize("10k", 'B', 1024, out _, out _, out hexWithSuffix);
        Assert.False(hexWithSuffix);
    }

    [Fact]
    public void Size_skips_past_an_underflowing_fraction_and_its_next_character()
    {
        // glibc's strtod reports ERANGE; QEMU then steps one character past and ignores the fraction.
        var tiny = "1." + new string('0', 400) + "1";
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSize(tiny + "k", out var value));
        Assert.Equal(1UL, value);

        // At the very end the step goes past the text, as QEMU's goes past the terminating NUL.
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSize(tiny, out _, out var end));
        Assert.Equal(tiny.Length + 1, end);
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSize(tiny, out value));
        Assert.Equal(1UL, value);
    }

    [Fact]
    public void Size_rejects_bad_units()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuNumbers.ParseSize("1", 'B', 1023, out _, out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuNumbers.ParseSize("1", 'X', 1024, out _, out _, out _));
    }

    [Theory]
    [InlineData(0UL, "0 B")]
    [InlineData(999UL, "999 B")]
    [InlineData(1000UL, "0.977 KiB")]
    [InlineData(1024UL, "1 KiB")]
    [InlineData(1152UL, "1.12 KiB")]
    [InlineData(1536UL, "1.5 KiB")]
    [InlineData(1048576UL, "1 MiB")]
    [InlineData(123456789UL, "118 MiB")]
    [InlineData(ulong.MaxValue, "16 EiB")]
    public void FormatSize_prints_like_size_to_str(ulong value, string expected)
    {
        Assert.Equal(expected, QemuNumbers.FormatSize(value));
    }

    [Fact]
    public void Random_text_never_breaks_the_conversions() =>
        Gen.OneOf(NumberLike, Digits, Gen.Char['\0', '\uffff'].Array[0, 12].Select(c => new string(c))).Sample(text =>
        {
            QemuNumbers.ParseUInt64(text, 0, out _, out var end);
            Assert.InRange(end, 0, text.Length);
            QemuNumbers.ParseInt64(text, 0, out _, out end);
            Assert.InRange(end, 0, text.Length);
            QemuNumbers.ParseDoubleFinite(text, out _, out end);
            Assert.InRange(end, 0, text.Length);
            QemuNumbers.ParseSize(text, 'B', 1024, out _, out var sizeEnd, out _);
            Assert.InRange(sizeEnd, 0, text.Length + 1);
            QemuNumbers.ParseSizeMetric(text, out _);
            QemuNumbers.ParseSizeMiB(text, out _);
            QemuBool.TryParse(text, out _);
        }, iter: PropertyRuns.Iterations(20000));

    // ---- Booleans ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("on", true)]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("y", true)]
    [InlineData("off", false)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    [InlineData("n", false)]
    public void Bool_accepts_qemu_spellings(string text, bool expected)
    {
        Assert.True(QemuBool.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("On")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(" on")]
    [InlineData("on\0")]
    public void Bool_rejects_everything_else(string text) => Assert.False(QemuBool.TryParse(text, out _));
}
