using CsCheck;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>QEMU's qemu_strto* conversions, against glibc itself and against fixed cases.</summary>
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
        }, iter: 5000);
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
        }, iter: 5000);
    }

    private static readonly Gen<string> FloatLike =
        Gen.OneOf(
            NumberLike,
            Gen.Select(Gen.Double, Gen.Int[0, 3]).Select((d, style) => d.ToString(
                new[] { "R", "E30", "G3", "F2" }[style], System.Globalization.CultureInfo.InvariantCulture).Replace("∞", "inf", StringComparison.Ordinal)),
            Gen.Select(Gen.Char["0123456789abcdef"].Array[1, 20], Gen.Int[-1100, 1100])
                .Select((m, e) => "0x" + new string(m, 0, 1) + "." + new string(m, 1, m.Length - 1) + "p" + e.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Select(Gen.Char["0123456789"].Array[1, 30], Gen.Int[-340, 320])
                .Select((m, e) => new string(m) + "e" + e.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Double_matches_glibc_strtod_with_QEMUs_finite_check()
    {
        FloatLike.Sample(text =>
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

            Assert.Equal(errno == ERange ? QemuParseStatus.OutOfRange : QemuParseStatus.Ok, status);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
            Assert.Equal(cEnd, end);
        }, iter: 5000);
    }

    [Theory]
    [InlineData("5.")]
    [InlineData("5.e3")]
    [InlineData(".5")]
    [InlineData("-.5e-3x")]
    [InlineData("0.000000000000000000000000000000000000000000000000000000001e-260")]
    [InlineData("1000000000000000000000000000000000000000000000000000000000000e250")]
    [InlineData("2.47032822920623272e-324")]
    [InlineData("2.47032822920623273e-324")]
    [InlineData("4.9406564584124654e-324")]
    [InlineData("1.7976931348623158e308")]
    [InlineData("1.7976931348623159e308")]
    [InlineData("0x.8p-1073")]
    [InlineData("0x1.0000000000000fffffp0")]
    [InlineData("0x1.00000000000008p0")]
    [InlineData("0x1.00000000000018p0")]
    [InlineData("0X1P+3")]
    [InlineData("  infinityx")]
    [InlineData("NAN(1_a)")]
    [InlineData("nan(")]
    [InlineData("1e+")]
    [InlineData("1e99999999999999999999")]
    [InlineData("0e99999999999999999999")]
    public void Double_edge_cases_match_glibc(string text)
    {
        var (expected, errno, cEnd) = GlibcOracle.StrToD(text);
        var invalid = (errno == 0 && cEnd == 0) || (errno == 0 && !double.IsFinite(expected));
        var status = QemuNumbers.ParseDoubleFinite(text, out var value, out var end);
        Assert.Equal(invalid ? QemuParseStatus.Invalid : errno == ERange ? QemuParseStatus.OutOfRange : QemuParseStatus.Ok, status);
        if (!invalid)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
            Assert.Equal(cEnd, end);
        }
    }

    [Theory]
    [InlineData("1e-400", QemuParseStatus.OutOfRange)]
    [InlineData("1e-310", QemuParseStatus.OutOfRange)]
    [InlineData("2.2250738585072014e-308", QemuParseStatus.Ok)]
    [InlineData("2.2250738585072011e-308", QemuParseStatus.OutOfRange)]
    [InlineData("0x1p-1074", QemuParseStatus.Ok)]
    [InlineData("0x1p-1075", QemuParseStatus.OutOfRange)]
    [InlineData("0x1.fffffffffffff8p1023", QemuParseStatus.OutOfRange)]
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

    [Fact]
    public void Size_with_an_end_stops_after_the_suffix()
    {
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSize("4kfoo", out var value, out var end));
        Assert.Equal(4096UL, value);
        Assert.Equal(2, end);
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSizeMiB("2", out value));
        Assert.Equal(2UL << 20, value);
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseSizeMetric("2k", out value));
        Assert.Equal(2000UL, value);
    }

    [Fact]
    public void Radix_must_be_0_or_2_to_36()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuNumbers.ParseInt64("1", 1, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuNumbers.ParseUInt64("1", 37, out _));
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseInt64("zz", 36, out var value));
        Assert.Equal(35 * 36 + 35, value);
    }

    [Fact]
    public void Non_ASCII_digits_and_spaces_end_a_number()
    {
        Assert.Equal(QemuParseStatus.Invalid, QemuNumbers.ParseInt64("\u0661", 0, out _));
        Assert.Equal(QemuParseStatus.Invalid, QemuNumbers.ParseInt64("\u00a01", 0, out _));
        Assert.Equal(QemuParseStatus.Invalid, QemuNumbers.ParseInt64("1\u0000", 0, out _));
        Assert.Equal(QemuParseStatus.Ok, QemuNumbers.ParseInt64("1\u0000", 0, out var value, out var end));
        Assert.Equal((1, 1), (value, end));
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
}
