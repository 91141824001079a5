using Machina.QObjects;

namespace Machina.Options.Tests.Keyval;

public class KeyvalParserTests
{
    [Theory]
    [MemberData(nameof(KeyvalParseCases.Names), MemberType = typeof(KeyvalParseCases))]
    public void Keyval_parse(string behaviour)
    {
        var c = KeyvalParseCases.All[behaviour];
        if (c.Error is not null)
        {
            var e = Assert.Throws<OptionsException>(() => Parse(c, out _));
            Assert.Equal(c.Error, e.Message);
            Assert.Equal(c.Input, e.Error.Input);
            return;
        }

        var dict = Parse(c, out var help);
        Assert.Equal<QObject>(c.Expected!, dict);
        Assert.Equal(c.ExpectHelp, help);
    }

    [Theory]
    [MemberData(nameof(KeyvalParseCases.Names), MemberType = typeof(KeyvalParseCases))]
    public void Try_parse_agrees_with_parse(string behaviour)
    {
        var c = KeyvalParseCases.All[behaviour];
        var ok = KeyvalParser.TryParse(c.Input, c.ImpliedKey, out var dict, out var help, out var error);
        if (c.Error is not null && !(c.Error == "Help is not available for this option"))
        {
            Assert.False(ok);
            Assert.Null(dict);
            Assert.Equal(c.Error, error!.Message);
            return;
        }

        // TryParse reports help rather than failing on it.
        Assert.True(ok, error?.Message);
        Assert.Null(error);
        if (c.Expected is not null)
        {
            Assert.Equal<QObject>(c.Expected, dict!);
        }

        Assert.Equal(c.ExpectHelp || c.Error is not null, help);
    }

    private static QDict Parse(KeyvalCase c, out bool help)
    {
        if (c.Help == HelpMode.Reported)
        {
            return KeyvalParser.Parse(c.Input, c.ImpliedKey, out help);
        }

        help = false;
        return KeyvalParser.Parse(c.Input, c.ImpliedKey);
    }

    [Fact]
    public void Error_records_the_offset_of_the_parameter_at_fault()
    {
        var e = Assert.Throws<OptionsException>(() => KeyvalParser.Parse("a=1,b.=2"));
        Assert.Equal(OptionsErrorCode.InvalidParameter, e.Code);
        Assert.Equal(4, e.Error.Position);
        Assert.Equal("a=1,b.=2", e.Error.Input);
    }

    [Theory]
    [InlineData("=v", OptionsErrorCode.InvalidParameter)]
    [InlineData("a", OptionsErrorCode.ExpectedEquals)]
    [InlineData("a.b=1,a=2", OptionsErrorCode.InconsistentParameters)]
    [InlineData("a.1=x", OptionsErrorCode.MissingListElement)]
    [InlineData("help", OptionsErrorCode.HelpNotAvailable)]
    public void Errors_carry_a_code(string input, OptionsErrorCode code) =>
        Assert.Equal(code, Assert.Throws<OptionsException>(() => KeyvalParser.Parse(input)).Code);

    [Fact]
    public void Too_long_key_has_its_code()
    {
        var e = Assert.Throws<OptionsException>(() => KeyvalParser.Parse(new string('k', 128) + "=1"));
        Assert.Equal(OptionsErrorCode.ParameterTooLong, e.Code);
    }

    [Fact]
    public void Parse_into_accumulates_like_repeated_machine_options()
    {
        var machine = new QDict();
        KeyvalParser.ParseInto(machine, "pc,accel=kvm", "type", out var help);
        Assert.False(help);
        KeyvalParser.ParseInto(machine, "accel=tcg,smp.cpus=2", "type", out _);
        KeyvalParser.ParseInto(machine, "smp.sockets=1", "type", out _);
        Assert.Equal<QObject>(
            new QDict { ["type"] = "pc", ["accel"] = "tcg", ["smp"] = new QDict { ["cpus"] = "2", ["sockets"] = "1" } },
            machine);
    }

    [Fact]
    public void Parse_into_keeps_what_came_before_an_error()
    {
        var target = new QDict();
        Assert.Throws<OptionsException>(() => KeyvalParser.ParseInto(target, "a=1,b=2,=3", null, out _));
        Assert.Equal<QObject>(new QDict { ["a"] = "1", ["b"] = "2" }, target);
    }

    [Fact]
    public void Parse_into_an_existing_list_is_inconsistent()
    {
        var target = new QDict();
        KeyvalParser.ParseInto(target, "l.0=a", null, out _);
        var e = Assert.Throws<OptionsException>(() => KeyvalParser.ParseInto(target, "l.1=b", null, out _));
        Assert.Equal("Parameters 'l.*' used inconsistently", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("a,b")]
    [InlineData("a.")]
    [InlineData("7up")]
    [InlineData("a..b")]
    public void Implied_key_that_is_not_a_valid_key_is_a_caller_error(string impliedKey) =>
        Assert.Throws<ArgumentException>(() => KeyvalParser.Parse("x", impliedKey));

    [Fact]
    public void Implied_key_is_checked_even_when_unused() =>
        Assert.Throws<ArgumentException>(() => KeyvalParser.Parse("a=1", "bad key"));

    [Fact]
    public void Values_keep_white_space_and_unicode()
    {
        var dict = KeyvalParser.Parse("a= x ,b=größe,c=𝄞");
        Assert.Equal<QObject>(new QDict { ["a"] = " x ", ["b"] = "größe", ["c"] = "𝄞" }, dict);
    }

    [Fact]
    public void Result_dictionary_keeps_the_input_order()
    {
        var dict = KeyvalParser.Parse("zeta=1,alpha=2,mid.b=3,mid.a=4");
        Assert.Equal(["zeta", "alpha", "mid"], dict.Keys);
        Assert.Equal(["b", "a"], ((QDict)dict["mid"]).Keys);
    }
}
