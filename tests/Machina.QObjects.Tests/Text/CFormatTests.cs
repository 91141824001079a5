using System.Globalization;
using CsCheck;
using Machina.QObjects.Text;
using Machina.TestSupport;

namespace Machina.QObjects.Tests.Text;

/// <summary>C's %g as glibc prints it (JSON numbers, the string output visitor's numbers, sizes for humans).</summary>
public class CFormatTests
{
    /// <summary>A value, glibc's <c>%.17g</c> and <c>%.3g</c> of it (recorded with glibc's snprintf).</summary>
    public static TheoryData<double, string, string> FromGlibc => new()
    {
        { 0.0, "0", "0" },
        { -0.0, "-0", "-0" },
        { 1.0, "1", "1" },
        { -1.0, "-1", "-1" },
        { 3.141592653589793, "3.1415926535897931", "3.14" },
        { 0.1, "0.10000000000000001", "0.1" },
        { 1e-05, "1.0000000000000001e-05", "1e-05" },
        { 0.0001, "0.0001", "0.0001" },
        { 123456.0, "123456", "1.23e+05" },
        { 1e+16, "10000000000000000", "1e+16" },
        { 1e+17, "1e+17", "1e+17" },
        { 1e+21, "1e+21", "1e+21" },
        { 5e-324, "4.9406564584124654e-324", "4.94e-324" },
        { 2.2250738585072014e-308, "2.2250738585072014e-308", "2.23e-308" },
        { 1.7976931348623157e+308, "1.7976931348623157e+308", "1.8e+308" },
        { 1.125, "1.125", "1.12" },
        { 1.375, "1.375", "1.38" },
        { 2.5, "2.5", "2.5" },
        { 0.125, "0.125", "0.125" },
        { 0.9765625, "0.9765625", "0.977" },
        { 999.5, "999.5", "1e+03" },
        { 99.95, "99.950000000000003", "100" },
        { 9.995, "9.9949999999999992", "9.99" },
        { 1.234e-05, "1.234e-05", "1.23e-05" },
        { 1.2345678901234567e+19, "1.2345678901234567e+19", "1.23e+19" },
        { -10928588.983213553, "-10928588.983213553", "-1.09e+07" },
        { 7.571968556055867e-74, "7.5719685560558675e-74", "7.57e-74" },
        { 7.676748969952427e+265, "7.6767489699524273e+265", "7.68e+265" },
        { 1.01853664031722e-244, "1.01853664031722e-244", "1.02e-244" },
        { -3.0534183338726823e+150, "-3.0534183338726823e+150", "-3.05e+150" },
        { -5.988523097608285e-05, "-5.9885230976082851e-05", "-5.99e-05" },
        { 3.1764645086037263e-183, "3.1764645086037263e-183", "3.18e-183" },
        { 1.2761724801771812e-23, "1.2761724801771812e-23", "1.28e-23" },
        { 4.6783340280605544e+36, "4.6783340280605544e+36", "4.68e+36" },
        { -6.945611366850985e+144, "-6.9456113668509852e+144", "-6.95e+144" },
        { 1039514241563211.8, "1039514241563211.8", "1.04e+15" },
        { -1.4248739358053788e-163, "-1.4248739358053788e-163", "-1.42e-163" },
        { 6.641157193798043e-146, "6.6411571937980431e-146", "6.64e-146" },
        { 5.212239065647125e+149, "5.2122390656471252e+149", "5.21e+149" },
        { 2.5983853818656714e+29, "2.5983853818656714e+29", "2.6e+29" },
        { 3.800823858681377e+286, "3.8008238586813771e+286", "3.8e+286" },
        { -1.0717864385225447e-103, "-1.0717864385225447e-103", "-1.07e-103" },
        { 1.1944631137185568e+261, "1.1944631137185568e+261", "1.19e+261" },
        { 6.792475937705741e+155, "6.7924759377057409e+155", "6.79e+155" },
        { 6.296504843759791e+235, "6.2965048437597909e+235", "6.3e+235" },
        { -1.6683517137026138e+265, "-1.6683517137026138e+265", "-1.67e+265" },
        { -4.653705104647486e-282, "-4.6537051046474861e-282", "-4.65e-282" },
        { 2.4500306440207296e-104, "2.4500306440207296e-104", "2.45e-104" },
        { -2.3906326977211293e-228, "-2.3906326977211293e-228", "-2.39e-228" },
        { 2.602349164887994e+83, "2.602349164887994e+83", "2.6e+83" },
        { 692.013671875, "692.013671875", "692" },
        { 135.21484375, "135.21484375", "135" },
        { 634.7939453125, "634.7939453125", "635" },
        { 727.759765625, "727.759765625", "728" },
        { 626.8203125, "626.8203125", "627" },
        { 984.56640625, "984.56640625", "985" },
        { 646.7451171875, "646.7451171875", "647" },
        { 378.416015625, "378.416015625", "378" },
        { 985.5361328125, "985.5361328125", "986" },
        { 967.7587890625, "967.7587890625", "968" },
    };

    [Theory]
    [MemberData(nameof(FromGlibc))]
    public void Prints_what_glibc_prints(double value, string g17, string g3)
    {
        Assert.Equal(g17, CFormat.FormatG(value, 17));
        Assert.Equal(g3, CFormat.FormatG(value, 3));
    }

    [Fact]
    public void Ties_round_to_even_on_the_exact_binary_value()
    {
        // 1.125 and 1.375 are exact: glibc rounds the tie to even, .NET away from zero.
        Assert.Equal("1.12", CFormat.FormatG(1.125, 3));
        Assert.Equal("1.38", CFormat.FormatG(1.375, 3));
        Assert.Equal("2", CFormat.FormatG(2.5, 1));
        Assert.Equal("0.1", CFormat.FormatG(0.15, 1));
    }

    [Fact]
    public void Non_finite_values()
    {
        Assert.Equal("inf", CFormat.FormatG(double.PositiveInfinity, 17));
        Assert.Equal("-inf", CFormat.FormatG(double.NegativeInfinity, 17));
        // .NET's double.NaN has its sign bit set, and glibc prints that NaN as -nan.
        Assert.Equal("-nan", CFormat.FormatG(double.NaN, 17));
        Assert.Equal("nan", CFormat.FormatG(BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000), 17));
        Assert.Equal("1", CFormat.FormatG(1, 0));
    }

    // Expected texts from C's printf("%.17g").
    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(1e20, "1e+20")]
    [InlineData(1.2345678901234568e+17, "1.2345678901234568e+17")]
    [InlineData(2.5e-308, "2.4999999999999998e-308")]
    [InlineData(3.0, "3")]
    [InlineData(1.0 / 3, "0.33333333333333331")]
    [InlineData(1000000000000000.2, "1000000000000000.2")]
    [InlineData(1000000000000000.8, "1000000000000000.8")]
    public void G17_and_qnum_to_string(double value, string expected)
    {
        Assert.Equal(expected, CFormat.FormatG17(value));
        Assert.Equal(expected, new QNum(value).ToString());
    }

    [Fact]
    public void Matches_glibc_on_random_values_and_precisions()
    {
        Gen.Select(Gen.Double, Gen.Int[0, 40]).Sample(
            (value, precision) => Assert.Equal(GlibcOracle.FormatG(value, precision), CFormat.FormatG(value, precision)),
            iter: PropertyRuns.Iterations(20000));
    }

    [Fact]
    public void Matches_glibc_on_ties()
    {
        // Exact binary fractions whose decimal expansion ends in 5 right after the last printed digit.
        Gen.Select(Gen.Long[1, 1L << 53], Gen.Int[-60, 10], Gen.Int[1, 20]).Sample(
            (mantissa, exponent, precision) =>
            {
                var value = Math.ScaleB(mantissa, exponent);
                Assert.Equal(GlibcOracle.FormatG(value, precision), CFormat.FormatG(value, precision));
            },
            iter: PropertyRuns.Iterations(20000));
        Gen.Int[1, 1_000_000].Sample(
            n =>
            {
                var value = n + 0.5;
                var digits = (int)Math.Floor(Math.Log10(n)) + 1;
                Assert.Equal(GlibcOracle.FormatG(value, digits), CFormat.FormatG(value, digits));
            },
            iter: PropertyRuns.Iterations(5000));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(CFormat.MaxPrecision + 1)]
    public void Precision_must_be_0_to_100(int precision) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CFormat.FormatG(1.0, precision));

    [Fact]
    public void Writes_bytes_and_says_when_they_do_not_fit()
    {
        Span<byte> buffer = stackalloc byte[CFormat.MaxG17Length];
        Assert.True(CFormat.TryFormatG(-1.2345678901234568e-300, 17, buffer, out var written));
        Assert.Equal("-1.2345678901234568e-300"u8.ToArray(), buffer[..written].ToArray());
        Assert.Equal(CFormat.MaxG17Length, written);
        Assert.True(CFormat.TryFormatG(0.5, 17, buffer[..3], out written));
        Assert.Equal("0.5"u8.ToArray(), buffer[..written].ToArray());
        Assert.False(CFormat.TryFormatG(0.25, 17, buffer[..3], out written));
        Assert.Equal(0, written);
        Assert.Equal(CFormat.MaxG17Length, CFormat.MaxLength(17));
        Assert.Equal(CFormat.MaxLength(1), CFormat.MaxLength(0));
    }

    [Fact]
    public void Seventeen_digits_always_read_back_exactly()
    {
        Gen.Double.Where(double.IsFinite).Sample(
            d => Assert.Equal(
                BitConverter.DoubleToInt64Bits(d),
                BitConverter.DoubleToInt64Bits(double.Parse(CFormat.FormatG(d, 17), CultureInfo.InvariantCulture))),
            iter: PropertyRuns.Iterations(5000));
    }
}
