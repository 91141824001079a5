using System.Text;
using CsCheck;
using Machina.QObjects.Json;
using static Machina.QObjects.Tests.Json.JsonTestHelpers;

namespace Machina.QObjects.Tests.Json;

/// <summary>
/// Properties over random values and bytes: writing then reading gives the value back (as far as
/// QEMU's format can carry it), and no input makes the reader throw, hang, or depend on how the
/// bytes were chunked.
/// </summary>
public class PropertyTests
{
    private static readonly QJsonWriterOptions[] AllOptions =
    [
        default,
        new() { Pretty = true },
        QJsonWriterOptions.Wire,
        new() { Pretty = true, KeyOrder = QJsonKeyOrder.Qemu },
    ];

    // Characters a string can carry through JSON unchanged: no unpaired surrogates, no noncharacters.
    private static readonly Gen<char> ValidChar = Gen.Frequency(
        (6, Gen.Char['a', 'z']),
        (2, Gen.Char[' ', '~']),
        (1, Gen.Char['\0', '\u001f']),
        (1, Gen.Char['\u0080', '\ud7ff']),
        (1, Gen.Char['\ue000', '\ufdcf']));

    private static readonly Gen<string> ValidString = Gen.Frequency(
        (5, ValidChar.Array[0, 12].Select(a => new string(a))),
        (1, Gen.OneOf(Gen.Const("\U0001F600"), Gen.Const("\U0010FFFD"), Gen.Const("é\u20ac"))),
        (1, Gen.Const("")));

    private static readonly Gen<double> FiniteDouble = Gen.Frequency(
        (3, Gen.Double.Where(double.IsFinite)),
        (1, Gen.Double[-1e6, 1e6]),
        (1, Gen.OneOf(Gen.Const(0.1), Gen.Const(-0.0), Gen.Const(1.0), Gen.Const(1e100), Gen.Const(double.Epsilon), Gen.Const(double.MaxValue))));

    private static readonly Gen<QObject> Scalar = Gen.Frequency(
        (1, Gen.Const<QObject>(QNull.Instance)),
        (1, Gen.Bool.Select(b => (QObject)b)),
        (2, Gen.Long.Select(l => (QObject)l)),
        (1, Gen.ULong.Select(u => (QObject)u)),
        (2, FiniteDouble.Select(d => (QObject)d)),
        (3, ValidString.Select(s => (QObject)s)));

    private static readonly Gen<QObject> Value = Gen.Recursive<QObject>((depth, value) => depth >= 4
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, value.List[0, 5].Select(items => (QObject)new QList(items))),
            (1, Gen.Select(ValidString, value).List[0, 5].Select(pairs =>
            {
                var dict = new QDict();
                foreach (var (k, v) in pairs)
                {
                    dict.TryAdd(k, v);
                }

                return (QObject)dict;
            }))));

    /// <summary>
    /// What a value reads back as after QEMU's writer: a double that prints without a point or an
    /// exponent (an integral value below 1e17 in magnitude) reads as an integer.
    /// </summary>
    private static QObject AfterRoundTrip(QObject value) => value switch
    {
        QNum { Kind: QNumKind.Double } n when Math.Floor(n.ToDouble()) == n.ToDouble() && Math.Abs(n.ToDouble()) < 1e17
            => new QNum((long)n.ToDouble()),
        QNum { Kind: QNumKind.UInt64 } n when n.TryGetInt64(out var l) => new QNum(l),
        QList l => new QList(l.Select(AfterRoundTrip)),
        QDict d => Rebuild(d),
        _ => value,
    };

    private static QDict Rebuild(QDict d)
    {
        var copy = new QDict();
        foreach (var (k, v) in d)
        {
            copy.Add(k, AfterRoundTrip(v));
        }

        return copy;
    }

    [Fact]
    public void Write_then_read_gives_the_value_back_in_every_form()
    {
        Value.Sample(value =>
        {
            var expected = AfterRoundTrip(value);
            foreach (var options in AllOptions)
            {
                var json = QJson.ToUtf8Bytes(value, options);
                var back = QJson.Parse(json);
                Assert.Equal(expected, back);
                Assert.All(json, b => Assert.True(b < 0x80));
                if (options.KeyOrder == QJsonKeyOrder.Insertion)
                {
                    // Insertion order survives too: the text is what the expected value writes as.
                    Assert.Equal(QJson.ToUtf8Bytes(expected, options), QJson.ToUtf8Bytes(back, options));
                }
            }
        }, iter: 1500);
    }

    [Fact]
    public void Wire_order_is_a_permutation_that_ignores_insertion_order_across_buckets()
    {
        Gen.Select(ValidString, Gen.Int).List[0, 30].Sample(pairs =>
        {
            var dict = new QDict();
            foreach (var (k, v) in pairs)
            {
                dict.TryAdd(k, v);
            }

            var wire = (QDict)QJson.Parse(QJson.ToUtf8Bytes(dict, QJsonWriterOptions.Wire));
            Assert.Equal<QObject>(dict, wire);
            var buckets = wire.Keys.Select(QemuDictOrder.Bucket).ToList();
            Assert.Equal(buckets.Order(), buckets);
        }, iter: 1000);
    }

    [Fact]
    public void Arbitrary_strings_write_with_replacements_and_read_back()
    {
        Gen.Char.Array[0, 20].Select(a => new string(a)).Sample(s =>
        {
            var back = (QString)QJson.Parse(QJson.ToJson(s));
            var expected = new StringBuilder();
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    var cp = char.ConvertToUtf32(s[i], s[i + 1]);
                    expected.Append((cp & 0xFFFE) == 0xFFFE ? "\uFFFD" : s.Substring(i, 2));
                    i++;
                }
                else
                {
                    var c = s[i];
                    expected.Append(char.IsSurrogate(c) || c is >= '\ufdd0' and <= '\ufdef' || c >= '\ufffe' ? '\uFFFD' : c);
                }
            }

            Assert.Equal(expected.ToString(), back.Value);
        }, iter: 3000);
    }

    private static readonly Gen<byte[]> JsonishBytes = Gen.Frequency(
        (1, Gen.Byte.Array[0, 64]),
        (3, Gen.OneOf(
            Gen.Byte[0, 0x7F],
            Gen.OneOf("{}[]:,\"'\\ \n\tu0123456789.eE+-tfnrl%"u8.ToArray().Select(Gen.Const).ToArray()),
            Gen.OneOf(Gen.Const((byte)0xC0), Gen.Const((byte)0x80), Gen.Const((byte)0xFF), Gen.Const((byte)0xED), Gen.Const((byte)0xEF)))
            .Array[0, 64]));

    [Fact]
    public void Random_bytes_never_throw_and_split_the_same_however_chunked()
    {
        Gen.Select(JsonishBytes, Gen.Int[1, 8]).Sample((bytes, chunk) =>
        {
            var parsed = QJson.TryParse(bytes, out var value, out var error);
            Assert.True(parsed ? value is not null : error is not null);
            var whole = Split(bytes).Select(Describe).ToList();
            Assert.Equal(whole, Split(bytes, chunk: chunk).Select(Describe).ToList());
            Assert.Equal(whole, Split(bytes, chunk: 1).Select(Describe).ToList());
        }, iter: 5000);
    }

    [Fact]
    public void Mutated_valid_json_never_throws_and_splits_the_same_however_chunked()
    {
        var mutation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Byte);
        Gen.Select(Value, mutation.Array[1, 4], Gen.Int[1, 16]).Sample((value, mutations, chunk) =>
        {
            var bytes = new List<byte>(QJson.ToUtf8Bytes(value));
            foreach (var (kind, where, b) in mutations)
            {
                var at = bytes.Count == 0 ? 0 : where % bytes.Count;
                switch (kind)
                {
                    case 0 when bytes.Count > 0:
                        bytes[at] = b;
                        break;
                    case 1:
                        bytes.Insert(at, b);
                        break;
                    case 2 when bytes.Count > 0:
                        bytes.RemoveAt(at);
                        break;
                }
            }

            var input = bytes.ToArray();
            _ = QJson.TryParse(input, out _, out _);
            var whole = Split(input).Select(Describe).ToList();
            Assert.Equal(whole, Split(input, chunk: chunk).Select(Describe).ToList());
        }, iter: 3000);
    }

    // Valid JSON with up to two bytes changed, inserted or removed, or JSON-like bytes.
    private static readonly Gen<byte[]> MutatedJson = Gen.Frequency(
        (3, Gen.Select(Value, Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Byte).Array[0, 2], Gen.Bool)
            .Select((value, mutations, pretty) =>
            {
                var bytes = new List<byte>(QJson.ToUtf8Bytes(value, new QJsonWriterOptions { Pretty = pretty }));
                foreach (var (kind, where, b) in mutations)
                {
                    var at = bytes.Count == 0 ? 0 : where % bytes.Count;
                    if (kind == 0 && bytes.Count > 0)
                    {
                        bytes[at] = b;
                    }
                    else if (kind == 1)
                    {
                        bytes.Insert(at, b);
                    }
                    else if (bytes.Count > 0)
                    {
                        bytes.RemoveAt(at);
                    }
                }

                return bytes.ToArray();
            })),
        (1, JsonishBytes));

    [Fact]
    public void The_direct_reader_agrees_with_the_exact_one()
    {
        // QJson.Parse reads valid input in one pass and defers everything else to the exact
        // lexer, streamer and parser; both must give the same value or the same error.
        MutatedJson.Sample(input =>
        {
            var direct = QJson.TryParse(input, out var value, out var error);
            var exact = QJson.TryParseExactly(input, out var exactValue, out var exactError);
            Assert.Equal(exact, direct);
            Assert.Equal(exactError, error);
            if (exact)
            {
                Assert.Equal(exactValue, value);
            }
        }, iter: 6000);
    }

    [Fact]
    public void The_deferred_reader_builds_what_the_exact_one_does_or_leaves_the_input()
    {
        // QJson.Parse uses the deferred reader for large messages only; here it reads any size.
        // Samples run on several threads; a parser serves one at a time.
        using var parser = new ThreadLocal<JsonParser>(() => new JsonParser());
        var deferredCount = 0;
        MutatedJson.Sample(input =>
        {
            if (parser.Value!.TryParseDeferred(input) is not { } deferred)
            {
                return;
            }

            Interlocked.Increment(ref deferredCount);
            Assert.True(QJson.TryParseExactly(input, out var exactValue, out var exactError), exactError?.Message);
            Assert.Equal(exactValue, deferred);
            Assert.Equal(QJson.ToUtf8Bytes(exactValue), QJson.ToUtf8Bytes(deferred));
        }, iter: 6000);

        // Most unchanged inputs are valid, and the reader must take the plain ones.
        Assert.True(deferredCount > 500, $"the deferred reader took only {deferredCount} inputs");
    }

    [Theory]
    [InlineData("0e5")]
    [InlineData("-0E1")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData("1.e5")]
    [InlineData("[1true]")]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("\"\\u0000\"")]
    [InlineData("'\\'\"'")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":}")]
    [InlineData(" \t\r\n[ ]\n")]
    [InlineData("-0")]
    [InlineData("0.0e-0")]
    [InlineData("nulls")]
    [InlineData("\"\\uD834\\uDD1E\"")]
    public void Direct_and_exact_readers_agree_on_edge_cases(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var direct = QJson.TryParse(bytes, out var value, out var error);
        Assert.Equal(QJson.TryParseExactly(bytes, out var exactValue, out var exactError), direct);
        Assert.Equal(exactError, error);
        Assert.Equal(exactValue?.ToString(), value?.ToString());
    }

    [Fact]
    public void Parsing_a_string_overload_matches_the_bytes_overload()
    {
        Value.Sample(value =>
        {
            var json = QJson.ToJson(value, new QJsonWriterOptions { Pretty = true });
            Assert.Equal(QJson.Parse(Encoding.UTF8.GetBytes(json)), QJson.Parse(json));
        }, iter: 500);
    }
}
