using CsCheck;
using Machina.QObjects;
using Machina.Qapi;
using Machina.Qapi.Visitors;

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

    /// <summary>
    /// A typed value both ways: QEMU's keyval input visitor (<c>-blockdev</c>, <c>-compat</c>, ...) and a
    /// QemuOpts group describing the parameter (<c>-drive</c>, <c>-chardev</c>, ...). The two convert
    /// with the same C functions but word their errors differently.
    /// </summary>
    /// <param name="Type">Number (QAPI <c>uint64</c>) or Size.</param>
    /// <param name="Text">The value of parameter <c>x</c>.</param>
    /// <param name="Keyval">The visitor's value, or "error: MESSAGE".</param>
    /// <param name="QemuOpts">The group's value, or "error: MESSAGE".</param>
    public sealed record TypedDifference(QemuOptType Type, string Text, string Keyval, string QemuOpts);

    public static IReadOnlyDictionary<string, TypedDifference> Typed { get; } = new Dictionary<string, TypedDifference>
    {
        ["number_above_2_to_the_64"] = new(QemuOptType.Number, "18446744073709551616",
            "error: Parameter 'x' expects integer", "error: Value '18446744073709551616' is too large for parameter 'x'"),
        ["number_below_minus_2_to_the_64"] = new(QemuOptType.Number, "-18446744073709551616",
            "error: Parameter 'x' expects integer", "error: Value '-18446744073709551616' is too large for parameter 'x'"),
        ["number_with_a_fraction"] = new(QemuOptType.Number, "3.14", "error: Parameter 'x' expects integer", "error: Parameter 'x' expects a number"),
        ["number_with_a_bad_octal_digit"] = new(QemuOptType.Number, "08", "error: Parameter 'x' expects integer", "error: Parameter 'x' expects a number"),
        ["number_empty"] = new(QemuOptType.Number, "", "error: Parameter 'x' expects integer", "error: Parameter 'x' expects a number"),
        ["size_negative"] = new(QemuOptType.Size, "-1", "error: Parameter 'x' expects size", "error: Parameter 'x' expects a non-negative number below 2^64"),
        ["size_above_2_to_the_64"] = new(QemuOptType.Size, "16E", "error: Parameter 'x' expects size", "error: Value '16E' is out of range for parameter 'x'"),
        ["size_with_trailing_garbage"] = new(QemuOptType.Size, "16Gi", "error: Parameter 'x' expects size", "error: Parameter 'x' expects a non-negative number below 2^64"),

        // Where they agree, for contrast.
        ["number_minus_one_wraps_in_both"] = new(QemuOptType.Number, "-1", "18446744073709551615", "18446744073709551615"),
        ["size_fraction_in_both"] = new(QemuOptType.Size, "1.5k", "1536", "1536"),
        ["bool_word_in_both"] = new(QemuOptType.Bool, "yes", "True", "True"),
        ["bool_error_in_both"] = new(QemuOptType.Bool, "offer", "error: Parameter 'x' expects 'on' or 'off'", "error: Parameter 'x' expects 'on' or 'off'"),
    };

    public static TheoryData<string> TypedNames => [.. Typed.Keys];

    [Theory]
    [MemberData(nameof(TypedNames))]
    public void Typed_values_both_ways(string behaviour)
    {
        var d = Typed[behaviour];
        Assert.Equal(d.Keyval, VisitKeyval(d.Type, d.Text));
        Assert.Equal(d.QemuOpts, ReadTypedQemuOpts(d.Type, d.Text));
    }

    private static string VisitKeyval(QemuOptType type, string text)
    {
        var visitor = new QObjectInputVisitor(KeyvalParser.Parse("x=" + text), keyval: true);
        visitor.StartStruct(null);
        try
        {
            switch (type)
            {
                case QemuOptType.Bool:
                    var b = false;
                    visitor.VisitBool("x", ref b);
                    return b.ToString();
                case QemuOptType.Number:
                    ulong n = 0;
                    visitor.VisitUInt64("x", ref n);
                    return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                default:
                    ulong size = 0;
                    visitor.VisitSize("x", ref size);
                    return size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (QapiException e)
        {
            return "error: " + e.Message;
        }
    }

    private static string ReadTypedQemuOpts(QemuOptType type, string text)
    {
        try
        {
            var opts = new QemuOptsList("typed", [new("x", type)]).Parse("x=" + text);
            return type switch
            {
                QemuOptType.Bool => opts.GetBool("x", false).ToString(),
                QemuOptType.Number => opts.GetNumber("x", 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => opts.GetSize("x", 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        catch (OptionsException e)
        {
            return "error: " + e.Message;
        }
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
