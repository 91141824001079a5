using CsCheck;
using Machina.QObjects;

namespace Machina.Options.Tests.Keyval;

/// <summary>Properties over random trees and random text.</summary>
public class KeyvalPropertyTests
{
    private static readonly Gen<char> NameStart = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"];
    private static readonly Gen<char> NameRest = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"];

    // QAPI names, now and then with a downstream prefix, now and then at the 127-character limit.
    private static readonly Gen<string> Key = Gen.Frequency(
        (8, Gen.Select(NameStart, NameRest.Array[0, 8], (c, rest) => c + new string(rest))),
        (1, Gen.Select(Gen.Char["abc.-0123"].Array[0, 5], NameStart, (prefix, c) => "__" + new string(prefix) + "_" + c)),
        (1, Gen.Select(NameStart, NameRest.Array[126], (c, rest) => c + new string(rest))));

    // Anything but NUL, with the characters keyval treats specially well represented.
    private static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.Char[",=.?hel p"].Array[0, 6]),
        (2, Gen.Char['\u0001', '\uffff'].Array[0, 6]),
        (1, Gen.Const(Array.Empty<char>())))
        .Select(chars => new string(chars));

    private static readonly Gen<QObject> Leaf = Text.Select(s => (QObject)new QString(s));

    private static Gen<QObject> Value(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency((4, Leaf), (1, Dict(depth - 1).Select(d => (QObject)d)), (1, List(depth - 1)));

    private static Gen<QDict> Dict(int depth, int minimum = 1) =>
        Gen.Select(Key, Value(depth)).Array[minimum, 4].Select(entries =>
        {
            var dict = new QDict();
            foreach (var (key, value) in entries)
            {
                dict[key] = value;
            }

            return dict;
        });

    private static Gen<QObject> List(int depth) =>
        Value(depth).Array[1, 4].Select(items => (QObject)new QList(items));

    private static readonly Gen<QDict> Tree = Dict(3, minimum: 0);

    [Fact]
    public void Printed_tree_parses_back_equal() =>
        Tree.Sample(
            tree => Assert.Equal<QObject>(tree, KeyvalParser.Parse(KeyvalPrinter.Print(tree))),
            iter: 3000,
            print: tree => KeyvalPrinter.Print(tree));

    [Fact]
    public void Printed_tree_with_implied_key_parses_back_equal() =>
        Tree.SelectMany(tree => tree.Count == 0
                ? Gen.Const((tree, "driver"))
                : Gen.Int[0, tree.Count - 1].Select(i => (tree, tree.GetAt(i).Key)))
            .Sample(
            (tree, implied) =>
            {
                var text = KeyvalPrinter.Print(tree, implied);
                Assert.Equal<QObject>(tree, KeyvalParser.Parse(text, implied));
            },
            iter: 2000);

    [Fact]
    public void Printing_is_stable_through_a_round_trip() =>
        Tree.Sample(
            tree =>
            {
                var text = KeyvalPrinter.Print(tree);
                Assert.Equal(text, KeyvalPrinter.Print(KeyvalParser.Parse(text)));
            },
            iter: 1000);

    // Random option text: keyval's special characters, key characters, and anything else.
    internal static readonly Gen<string> OptionText = Gen.Frequency(
        (6, Gen.Char["ab01.,=_-?hlpnoxX "].Array[0, 24]),
        (1, Gen.Char['\0', '\u00ff'].Array[0, 24]),
        (1, Gen.Char['\0', '\uffff'].Array[0, 8]))
        .Select(chars => new string(chars));

    [Fact]
    public void Random_text_parses_or_fails_with_an_options_error() =>
        Gen.Select(OptionText, Gen.OneOf<string?>(null, "driver", "a.b")).Sample(
            (text, implied) =>
            {
                try
                {
                    var dict = KeyvalParser.Parse(text, implied, out _);
                    Assert.All(Leaves(dict), leaf => Assert.IsType<QString>(leaf));
                }
                catch (OptionsException e)
                {
                    Assert.False(string.IsNullOrEmpty(e.Message));
                    Assert.Equal(text, e.Error.Input);
                }
            },
            iter: 20000);

    [Fact]
    public void Try_parse_never_throws_on_random_text() =>
        OptionText.Sample(
            text => Assert.Equal(KeyvalParser.TryParse(text, "driver", out var dict, out _, out var error), error is null && dict is not null),
            iter: 5000);

    [Fact]
    public void Merging_random_parsed_trees_succeeds_or_fails_with_an_options_error() =>
        Gen.Select(Tree, Tree).Sample(
            (a, b) =>
            {
                try
                {
                    KeyvalParser.Merge(a, b);
                }
                catch (OptionsException e)
                {
                    Assert.Equal(OptionsErrorCode.InconsistentParameters, e.Code);
                }
            },
            iter: 2000);

    private static IEnumerable<QObject> Leaves(QObject value) => value switch
    {
        QDict d => d.Values.SelectMany(Leaves),
        QList l => l.SelectMany(Leaves),
        _ => [value],
    };
}
