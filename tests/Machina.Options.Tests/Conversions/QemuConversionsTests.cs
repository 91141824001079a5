using CsCheck;

namespace Machina.Options.Tests.Conversions;

/// <summary>
/// QemuOpts' conversions with QEMU's errors, identifiers and help requests (the conversions
/// underneath are tested with <c>Machina.QObjects.Text.QemuNumbers</c>).
/// </summary>
public class QemuConversionsTests
{
    [Theory]
    [InlineData("on", true)]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("y", true)]
    [InlineData("off", false)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    [InlineData("n", false)]
    public void Bool_accepts_qemu_spellings(string text, bool expected) =>
        Assert.Equal(expected, QemuConversions.ParseBool("p", text));

    [Theory]
    [InlineData("On")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(" on")]
    public void Bool_rejects_everything_else(string text)
    {
        Assert.Equal("Parameter 'p' expects 'on' or 'off'", Assert.Throws<OptionsException>(() => QemuConversions.ParseBool("p", text)).Message);
    }

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

    [Fact]
    public void Random_text_never_breaks_the_conversions() =>
        Keyval.KeyvalPropertyTests.OptionText.Sample(text =>
        {
            QemuConversions.IsWellFormedId(text);
            QemuConversions.StartsWithHelpOption(text);
            foreach (var convert in new Action[]
            {
                () => QemuConversions.ParseOptionSize("s", text),
                () => QemuConversions.ParseOptionNumber("n", text),
                () => QemuConversions.ParseBool("b", text),
            })
            {
                try
                {
                    convert();
                }
                catch (OptionsException e)
                {
                    // A documented error is a fine answer.
                    Assert.Contains(e.Code, new[] { OptionsErrorCode.InvalidValue, OptionsErrorCode.ValueOutOfRange });
                }
            }
        }, iter: 20000);
}
