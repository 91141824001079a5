using CsCheck;
using Machina.Options.Internal;
using Machina.QObjects;

namespace Machina.Options.Tests.Conversions;

/// <summary>
/// QEMU's number, size, boolean and name conversions; the strtou64 and strtosz cases are those of
/// QEMU's <c>tests/unit/test-cutils.c</c>.
/// </summary>
public class QemuConversionsTests
{
    // text, base, status, value, end
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
    public void Strtou64_with_end(string text, int numberBase, QemuParseStatus status, ulong value, int end)
    {
        Assert.Equal(status, QemuConversions.StrToU64(text, numberBase, out var actual, out var actualEnd));
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
    public void Strtou64_whole_text(string text, QemuParseStatus status, ulong value)
    {
        Assert.Equal(status, QemuConversions.StrToU64(text, 0, out var actual));
        Assert.Equal(value, actual);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(-1)]
    public void Strtou64_rejects_bad_bases(int numberBase) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuConversions.StrToU64("1", numberBase, out _, out _));

    // text, status, value, end (qemu_strtosz with an end pointer)
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
    public void Strtosz_with_end(string text, QemuParseStatus status, ulong value, int end)
    {
        Assert.Equal(status, QemuConversions.StrToSize(text, 'B', 1024, out var actual, out var actualEnd, out _));
        if (status == QemuParseStatus.Ok)
        {
            Assert.Equal(value, actual);
        }

        Assert.Equal(end, actualEnd);
    }

    [Theory]
    [InlineData("123xxx")]
    [InlineData("1kiB")]
    [InlineData("0x")]
    [InlineData("0.NaN")]
    [InlineData("123-45")]
    public void Strtosz_whole_text_rejects_trailing_characters(string text) =>
        Assert.Equal(QemuParseStatus.Invalid, QemuConversions.StrToSize(text, out _, out _));

    [Fact]
    public void Strtosz_mib_defaults_to_mebibytes()
    {
        Assert.Equal(QemuParseStatus.Ok, QemuConversions.StrToSize("1", 'M', 1024, out var value, out var end, out _));
        Assert.Equal(1UL << 20, value);
        Assert.Equal(1, end);
        Assert.Equal(QemuParseStatus.Ok, QemuConversions.StrToSize("123xxx", 'M', 1024, out value, out end, out _));
        Assert.Equal(123UL << 20, value);
        Assert.Equal(3, end);
    }

    [Theory]
    [InlineData("12345k", 12345000UL)]
    [InlineData("12.345M", 12345000UL)]
    public void Strtosz_metric_uses_powers_of_1000(string text, ulong expected)
    {
        Assert.Equal(QemuParseStatus.Ok, QemuConversions.StrToSize(text, 'B', 1000, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Strtosz_reports_a_suffix_on_hex()
    {
        Assert.Equal(QemuParseStatus.Ok, QemuConversions.StrToSize("0x10k", out var value, out var hexWithSuffix));
        Assert.Equal(0x4000UL, value);
        Assert.True(hexWithSuffix);
        QemuConversions.StrToSize("0x10", out _, out hexWithSuffix);
        Assert.False(hexWithSuffix);
    }

    [Fact]
    public void Strtosz_skips_past_an_underflowing_fraction_and_its_next_character()
    {
        // glibc's strtod reports ERANGE; QEMU then steps one character past and ignores the fraction.
        var tiny = "1." + new string('0', 400) + "1";
        Assert.Equal(QemuParseStatus.Ok, QemuConversions.StrToSize(tiny + "k", out var value, out _));
        Assert.Equal(1UL, value);
    }

    [Fact]
    public void Strtosz_rejects_bad_units()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuConversions.StrToSize("1", 'B', 1023, out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuConversions.StrToSize("1", 'X', 1024, out _, out _));
    }

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
        Assert.True(QemuConversions.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
        Assert.Equal(expected, QemuConversions.ParseBool("p", text));
    }

    [Theory]
    [InlineData("On")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(" on")]
    public void Bool_rejects_everything_else(string text)
    {
        Assert.False(QemuConversions.TryParseBool(text, out _));
        Assert.Equal("Parameter 'p' expects 'on' or 'off'", Assert.Throws<OptionsException>(() => QemuConversions.ParseBool("p", text)).Message);
    }

    [Theory]
    [InlineData("a", false, 1)]
    [InlineData("a-b_c9", false, 6)]
    [InlineData("a.b", false, 1)]
    [InlineData("a.b", true, -1)]
    [InlineData("9a", false, -1)]
    [InlineData("_a", false, -1)]
    [InlineData("__a.b-c_d", true, 9)]
    [InlineData("__a", false, -1)]
    [InlineData("__a_", false, -1)]
    [InlineData("", false, -1)]
    [InlineData("é", false, -1)]
    public void Qapi_name(string text, bool complete, int expected) =>
        Assert.Equal(expected, QemuConversions.ParseQapiName(text, complete));

    [Theory]
    [InlineData("a", true)]
    [InlineData("a1-._", true)]
    [InlineData("1a", false)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("a,b", false)]
    [InlineData("#block146", false)]
    public void Well_formed_id(string id, bool expected) => Assert.Equal(expected, QemuConversions.IsWellFormedId(id));

    [Theory]
    [InlineData("help", true, 4)]
    [InlineData("?", true, 1)]
    [InlineData("helpme", false, 4)]
    [InlineData("?me", false, 1)]
    [InlineData("Help", false, 0)]
    public void Help_options(string text, bool isHelp, int prefix)
    {
        Assert.Equal(isHelp, QemuConversions.IsHelpOption(text));
        Assert.Equal(prefix, QemuConversions.StartsWithHelpOption(text));
    }

    [Theory]
    [InlineData("18446744073709551616", "Value '18446744073709551616' is too large for parameter 'n'")]
    [InlineData("x", "Parameter 'n' expects a number")]
    public void Option_number_errors(string text, string message) =>
        Assert.Equal(message, Assert.Throws<OptionsException>(() => QemuConversions.ParseOptionNumber("n", text)).Message);

    [Fact]
    public void Option_size_error_carries_the_suffix_hint()
    {
        var e = Assert.Throws<OptionsException>(() => QemuConversions.ParseOptionSize("s", "1x"));
        Assert.Equal("Parameter 's' expects a non-negative number below 2^64", e.Message);
        Assert.Equal("Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\nand exabytes, respectively.\n", e.Hint);
        Assert.Equal(3UL << 30, QemuConversions.ParseOptionSize("s", "3G"));
    }

    // Expected texts from C's printf("%.17g").
    [Theory]
    [InlineData(0.1, "0.10000000000000001")]
    [InlineData(0.5, "0.5")]
    [InlineData(1e20, "1e+20")]
    [InlineData(1e-5, "1.0000000000000001e-05")]
    [InlineData(1.2345678901234568e+17, "1.2345678901234568e+17")]
    [InlineData(1e17, "1e+17")]
    [InlineData(1e16, "10000000000000000")]
    [InlineData(-0.0, "-0")]
    [InlineData(2.5e-308, "2.4999999999999998e-308")]
    [InlineData(5e-324, "4.9406564584124654e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(3.0, "3")]
    [InlineData(1.0 / 3, "0.33333333333333331")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.NaN, "-nan")]
    public void Doubles_print_as_c_g17(double value, string expected) => Assert.Equal(expected, CFormat.QNumToString(new QNum(value)));

    [Fact]
    public void Random_text_never_breaks_the_conversions() =>
        Keyval.KeyvalPropertyTests.OptionText.Sample(text =>
        {
            QemuConversions.StrToU64(text, 0, out _, out var end);
            Assert.InRange(end, 0, text.Length);
            QemuConversions.StrToSize(text, 'B', 1024, out _, out var sizeEnd, out _);
            Assert.InRange(sizeEnd, 0, text.Length + 1);
            QemuConversions.StrToSize(text, 'M', 1000, out _, out _);
            QemuConversions.TryParseBool(text, out _);
            QemuConversions.ParseQapiName(text, complete: false);
            QemuConversions.IsWellFormedId(text);
            try
            {
                QemuConversions.ParseOptionSize("s", text);
                QemuConversions.ParseOptionNumber("n", text);
            }
            catch (OptionsException)
            {
                // A documented error is a fine answer.
            }
        }, iter: 20000);
}
