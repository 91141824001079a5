using CsCheck;
using Machina.QObjects;

namespace Machina.Options.Tests;

/// <summary>
/// Every place where QEMU's two syntaxes read the same text differently, as the comments of
/// <c>test-keyval.c</c> and <c>test-qemu-opts.c</c> point them out: one string, both readers, both answers.
/// </summary>
public class KeyvalVersusQemuOptsTests
{
    /// <param name="Input">The option string.</param>
    /// <param name="Implied">Whether an implied key ("implied") is in force.</param>
    /// <param name="Keyval">The keyval result as keyval text (printed back), or "error: MESSAGE".</param>
    /// <param name="QemuOpts">The QemuOpts settings as name=value pairs joined by ';' (and "id:ID;" first), or "error: MESSAGE".</param>
    public sealed record Difference(string Input, bool Implied, string Keyval, string QemuOpts);

    public static IReadOnlyDictionary<string, Difference> All { get; } = new Dictionary<string, Difference>
    {
        ["empty_key"] = new("=val", false, "error: Invalid parameter ''", "=val"),
        ["key_that_is_not_a_qapi_name"] = new("7up=val", false, "error: Invalid parameter '7up'", "7up=val"),
        ["repeated_id"] = new("id=foo,id=bar", false, "id=bar", "id:foo;"),
        ["lone_comma"] = new(",", false, "error: Invalid parameter ''", "=on"),
        ["bare_names"] = new("an,noaus,noaus=", false, "error: Expected '=' after parameter 'an'", "an=on;aus=off;noaus="),
        ["bare_no"] = new("no", false, "error: Expected '=' after parameter 'no'", "=off"),
        ["implied_key_with_empty_value"] = new(",", true, "error: Invalid parameter ''", "implied="),
        ["implied_key_with_comma_value"] = new(",,,a=1", true, "error: Invalid parameter ''", "implied=,;a=1"),
        ["implied_value_with_escaped_comma"] = new("val,,ue", true, "error: Invalid parameter ''", "implied=val,ue"),
        ["anti_social_id"] = new("id=666", false, "id=666", "error: Parameter 'id' expects an identifier"),
        ["dotted_keys"] = new("a.b=1,a.c=2", false, "a.b=1,a.c=2", "a.b=1;a.c=2"),
        ["index_keys"] = new("l.1=x,l.0=y", false, "l.0=y,l.1=x", "l.1=x;l.0=y"),
        ["dotted_keys_used_inconsistently"] = new("a.b=1,a=2", false, "error: Parameters 'a.*' used inconsistently", "a.b=1;a=2"),
        ["help_request"] = new("a=1,help", false, "a=1 (help)", "a=1;help=on"),
        ["long_key"] = new(new string('k', 128) + "=v", false, $"error: Parameter '{new string('k', 128)}' is too long", new string('k', 128) + "=v"),
        ["implied_value_help"] = new("help", true, " (help)", "implied=help"),
        ["same_escapes"] = new("x=,,id=bar", false, "x=,,id=bar", "x=,id=bar"),
    };

    public static TheoryData<string> Names => [.. All.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Both_readers_answer_as_qemu_does(string behaviour)
    {
        var d = All[behaviour];
        Assert.Equal(d.Keyval, ReadKeyval(d.Input, d.Implied));
        Assert.Equal(d.QemuOpts, ReadQemuOpts(d.Input, d.Implied));
    }

    [Fact]
    public void Plain_key_value_lists_mean_the_same_to_both_readers() =>
        Gen.Select(Gen.Char["abcdefgh"].Array[1, 5], Gen.Char["xyz,=. "].Array[0, 5]).Array[1, 6].Sample(pairs =>
        {
            // Distinct plain keys and values escaped for both: the common ground of the two syntaxes.
            var entries = pairs.GroupBy(p => new string(p.Item1)).Select(g => (Key: g.Key, Value: new string(g.First().Item2))).ToList();
            var text = string.Join(",", entries.Select(e => e.Key + "=" + e.Value.Replace(",", ",,", StringComparison.Ordinal)));
            var keyval = KeyvalParser.Parse(text);
            var opts = new QemuOptsList("any", []).Parse(text);
            Assert.Equal<QObject>(keyval, opts.ToQDict());
        }, iter: 1000);

    private static string ReadKeyval(string input, bool implied)
    {
        try
        {
            var dict = KeyvalParser.Parse(input, implied ? "implied" : null, out var help);
            return KeyvalPrinter.Print(dict) + (help ? " (help)" : "");
        }
        catch (OptionsException e)
        {
            return "error: " + e.Message;
        }
    }

    private static string ReadQemuOpts(string input, bool implied)
    {
        var list = new QemuOptsList("any", [], impliedOptName: "implied");
        try
        {
            var opts = list.Parse(input, implied);
            var id = opts.Id is null ? "" : $"id:{opts.Id};";
            return id + string.Join(";", opts.Settings.Select(s => $"{s.Name}={s.Value}"));
        }
        catch (OptionsException e)
        {
            return "error: " + e.Message;
        }
    }
}
