using CsCheck;
using Machina.Options.Tests.Keyval;

namespace Machina.Options.Tests.QemuOptions;

/// <summary>Random input to QemuOpts yields an instance, a help request or an <see cref="OptionsException"/>.</summary>
public class QemuOptsPropertyTests
{
    private static QemuOptsList Described() => new("described",
    [
        new("a", QemuOptType.String),
        new("b", QemuOptType.Bool),
        new("n", QemuOptType.Number),
        new("x", QemuOptType.Size),
    ], impliedOptName: "a");

    [Fact]
    public void Random_text_parses_or_fails_with_an_options_error() =>
        Gen.Select(KeyvalPropertyTests.OptionText, Gen.Bool, Gen.Bool).Sample(
            (text, implied, described) =>
            {
                var list = described ? Described() : OptsLists.List03();
                try
                {
                    var result = list.ParseNoisily(text, implied);
                    Assert.True(result.HelpRequested ^ result.Opts is not null);
                    if (result.Opts is { } opts)
                    {
                        Assert.Equal(opts, Assert.Single(list.Instances));
                        _ = opts.Print(",");
                        _ = opts.ToQDict();
                    }
                }
                catch (OptionsException e)
                {
                    Assert.False(string.IsNullOrEmpty(e.Message));
                    Assert.Empty(list.Instances);
                }
            },
            iter: 20000);

    [Fact]
    public void Printed_settings_of_a_group_that_accepts_anything_parse_back_the_same() =>
        Gen.Select(Gen.Char["abcdefgh"].Array[1, 4], Gen.Char["ab,=.? "].Array[0, 5]).Array[0, 5].Sample(pairs =>
        {
            var original = OptsLists.List03().Create();
            foreach (var (name, value) in pairs)
            {
                original.Set(new string(name), new string(value));
            }

            var reparsed = OptsLists.List03().Parse(original.Print(","));
            Assert.Equal(original.Settings.Select(s => (s.Name, s.Value)), reparsed.Settings.Select(s => (s.Name, s.Value)));
        }, iter: 2000);
}
