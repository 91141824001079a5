using System.Text;
using Machina.QObjects.Json;
using static Machina.QObjects.Tests.Json.JsonTestHelpers;

namespace Machina.QObjects.Tests.Json;

/// <summary>
/// The number, keyword, container and error cases of QEMU's tests/unit/check-qjson.c, with the
/// error texts QEMU's qobject_from_json gives (checked with qemu-img's json: filenames).
/// </summary>
public class CheckQjsonValueTests
{
    private static void Same(QObject expected, QObject actual) => Assert.Equal(expected, actual);

    [Theory]
    [InlineData("0", 0L, "0")]
    [InlineData("1234", 1234L, "1234")]
    [InlineData("1", 1L, "1")]
    [InlineData("-32", -32L, "-32")]
    [InlineData("-0", 0L, "0")]
    [InlineData("9223372036854775807", long.MaxValue, "9223372036854775807")]
    [InlineData("-9223372036854775808", long.MinValue, "-9223372036854775808")]
    public void Integers_read_as_signed(string json, long expected, string written)
    {
        var n = Assert.IsType<QNum>(QJson.Parse(json));
        Assert.Equal(QNumKind.Int64, n.Kind);
        Assert.Equal(expected, n.GetInt64());
        Assert.Equal(expected >= 0, n.TryGetUInt64(out var u));
        if (expected >= 0)
        {
            Assert.Equal((ulong)expected, u);
        }

        Assert.Equal((double)expected, n.ToDouble());
        Assert.Equal(written, QJson.ToJson(n));
    }

    [Theory]
    [InlineData("9223372036854775808", 9223372036854775808UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void Integers_beyond_int64_read_as_unsigned(string json, ulong expected)
    {
        var n = Assert.IsType<QNum>(QJson.Parse(json));
        Assert.Equal(QNumKind.UInt64, n.Kind);
        Assert.Equal(expected, n.GetUInt64());
        Assert.False(n.TryGetInt64(out _));
        Assert.Equal((double)expected, n.ToDouble());
        Assert.Equal(json, QJson.ToJson(n));
    }

    [Theory]
    [InlineData("32.43", 32.43, "32.43")]
    [InlineData("0.222", 0.222, "0.222")]
    [InlineData("-32.12313", -32.12313, "-32.123130000000003")]
    [InlineData("-32.20e-10", -32.20e-10, "-3.22e-09")]
    [InlineData("18446744073709551616", 18446744073709551616.0, "1.8446744073709552e+19")]
    [InlineData("-9223372036854775809", -9223372036854775808.0, "-9.2233720368547758e+18")]
    [InlineData("-0.0", -0.0, "-0")]
    [InlineData("1.0", 1.0, "1")]
    [InlineData("0.1", 0.1, "0.10000000000000001")]
    [InlineData("1E2", 100.0, "100")]
    [InlineData("1e400", double.PositiveInfinity, "inf")]
    [InlineData("-1e400", double.NegativeInfinity, "-inf")]
    [InlineData("1e-400", 0.0, "0")]
    [InlineData("123456789012345678901234567890", 1.2345678901234568e+29, "1.2345678901234568e+29")]
    public void Floats_and_huge_integers_read_as_doubles(string json, double expected, string written)
    {
        var n = Assert.IsType<QNum>(QJson.Parse(json));
        Assert.Equal(QNumKind.Double, n.Kind);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(n.ToDouble()));
        Assert.False(n.TryGetInt64(out _));
        Assert.False(n.TryGetUInt64(out _));
        Assert.Equal(written, QJson.ToJson(n));
    }

    [Fact]
    public void Keywords_read_as_the_singletons()
    {
        Assert.Same(QBool.True, QJson.Parse("true"));
        Assert.Same(QBool.False, QJson.Parse("false"));
        Assert.Same(QNull.Instance, QJson.Parse("null"));
        Assert.Equal("true", QJson.ToJson(QBool.True));
        Assert.Equal("false", QJson.ToJson(QBool.False));
        Assert.Equal("null", QJson.ToJson(QNull.Instance));
    }

    public static TheoryData<string, QObject> Containers => new()
    {
        { "{\"foo\": 42, \"bar\": \"hello world\"}", new QDict { ["foo"] = 42, ["bar"] = "hello world" } },
        { "{}", new QDict() },
        { "{\"foo\": 43}", new QDict { ["foo"] = 43 } },
        { "[43,42]", new QList { 43, 42 } },
        { "[43]", new QList { 43 } },
        { "[]", new QList() },
        { "[{}]", new QList { new QDict() } },
        { " [ 43 , 42 ]", new QList { 43, 42 } },
        { "\t[ 43 , { 'h' : 'b' },\r\n\t[ ], 42 ]\n", new QList { 43, new QDict { ["h"] = "b" }, new QList(), 42 } },
        { " [ 43 , { 'h' : 'b' , 'a' : 32 }, [ ], 42 ]", new QList { 43, new QDict { ["h"] = "b", ["a"] = 32 }, new QList(), 42 } },
    };

    [Theory]
    [MemberData(nameof(Containers))]
    public void Containers_read_and_survive_a_round_trip(string json, QObject expected)
    {
        var value = QJson.Parse(json);
        Same(expected, value);
        Same(expected, QJson.Parse(QJson.ToJson(value)));
    }

    [Fact]
    public void Dictionaries_keep_the_input_order()
    {
        var dict = Assert.IsType<QDict>(QJson.Parse("{'z': 1, 'a': 2, 'm': 3}"));
        Assert.Equal(["z", "a", "m"], dict.Keys);
    }

    [Fact]
    public void A_large_generated_dictionary_reads()
    {
        // check-qjson's large_dict: gen_test_json(10, 100).
        var sb = new StringBuilder();
        Generate(sb, 10, 100);
        var value = Assert.IsType<QDict>(QJson.Parse(sb.ToString()));
        Assert.Equal(10, value.Count);
        var deepest = Assert.IsType<QList>(((QDict)((QDict)value["key9"])["key8"])["key0"]);
        Assert.Equal(100, deepest.Count);
        Same(QJson.Parse(sb.ToString()), QJson.Parse(QJson.ToJson(value)));

        static void Generate(StringBuilder sb, int level, int elements)
        {
            if (level == 0)
            {
                sb.Append('[').AppendJoin(", ", Enumerable.Range(0, elements)).Append(']');
                return;
            }

            sb.Append('{');
            for (var i = 0; i < level; i++)
            {
                sb.Append("'key").Append(i).Append("': ");
                Generate(sb, i, elements);
                if (i < level - 1)
                {
                    sb.Append(',');
                }
            }

            sb.Append('}');
        }
    }

    [Theory]
    [InlineData("", "Expecting a JSON value", 0)]
    [InlineData("\n ", "Expecting a JSON value", 2)]
    [InlineData("@", "JSON parse error, stray '@'", 0)]
    [InlineData("{\u0001", "JSON parse error, stray '\u0001'", 1)]
    [InlineData("[0\u00FF]", "JSON parse error, stray '\uFFFD'", 2)]
    [InlineData("00", "JSON parse error, stray '00'", 1)]
    [InlineData("[1e", "JSON parse error, stray '1e'", 3)]
    [InlineData("truer", "JSON parse error, invalid keyword 'truer'", 0)]
    [InlineData("\"abc", "JSON parse error, stray '\"abc'", 4)]
    [InlineData("'abc", "JSON parse error, stray ''abc'", 4)]
    [InlineData("\"abc\\\"", "JSON parse error, stray '\"abc\\\"'", 6)]
    [InlineData("[32", "JSON parse error, premature EOI", 3)]
    [InlineData("[32,", "JSON parse error, premature EOI", 4)]
    [InlineData("[32,}", "JSON parse error, expecting value", 4)]
    [InlineData("{'abc':32", "JSON parse error, premature EOI", 9)]
    [InlineData("{'abc':32,", "JSON parse error, premature EOI", 10)]
    [InlineData("{'abc':32,}", "JSON parse error, expecting value", 10)]
    [InlineData("{32:'abc'}", "JSON parse error, key is not a string in object", 1)]
    [InlineData("nul", "JSON parse error, invalid keyword 'nul'", 0)]
    [InlineData("false true", "Expecting at most one JSON value", 6)]
    [InlineData("} true", "JSON parse error, expecting value", 0)]
    [InlineData("0e5", "Expecting at most one JSON value", 1)]
    [InlineData("{\"a\":1}}", "Expecting at most one JSON value", 7)]
    [InlineData("1 x", "Expecting at most one JSON value", 2)]
    [InlineData("x 1", "JSON parse error, invalid keyword 'x'", 0)]
    [InlineData("{\"a\":1,\"a\":2}", "JSON parse error, duplicate key", 7)]
    [InlineData("{\"a\":1,\"a\":x}", "JSON parse error, invalid keyword 'x'", 11)]
    [InlineData("{\"a\" 1}", "JSON parse error, missing : in object pair", 5)]
    [InlineData("{[1]: 2}", "JSON parse error, key is not a string in object", 1)]
    [InlineData("{[x]: 2}", "JSON parse error, invalid keyword 'x'", 2)]
    [InlineData("{\"a\": 1 \"b\": 2}", "JSON parse error, expected separator in dict", 8)]
    [InlineData("[1 2]", "JSON parse error, expected separator in list", 3)]
    [InlineData("-", "JSON parse error, stray '-'", 1)]
    [InlineData("1.", "JSON parse error, stray '1.'", 2)]
    [InlineData("1e+", "JSON parse error, stray '1e+'", 3)]
    [InlineData("-a", "JSON parse error, stray '-a'", 1)]
    [InlineData("[-]", "JSON parse error, stray '-]'", 2)]
    [InlineData("{\"a\": }", "JSON parse error, expecting value", 6)]
    [InlineData("[", "JSON parse error, premature EOI", 1)]
    [InlineData("{", "JSON parse error, premature EOI", 1)]
    [InlineData("{\"a\"", "JSON parse error, premature EOI", 4)]
    [InlineData("{\"a\":", "JSON parse error, premature EOI", 5)]
    [InlineData("]", "JSON parse error, expecting value", 0)]
    [InlineData(":", "JSON parse error, expecting value", 0)]
    [InlineData("[:]", "JSON parse error, expecting value", 1)]
    [InlineData("{,}", "JSON parse error, expecting value", 1)]
    [InlineData("[{]}", "JSON parse error, expecting value", 2)]
    [InlineData("TRUE", "JSON parse error, stray 'T'", 0)]
    [InlineData("\"a\" \u0000", "Expecting at most one JSON value", 4)]
    public void Errors_have_qemus_text_and_a_position(string json, string message, long position)
    {
        var error = ParseError(Bytes(json));
        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
        var thrown = Assert.Throws<QJsonException>(() => QJson.Parse(Bytes(json)));
        Assert.Equal(message, thrown.Message);
        Assert.Equal(error, thrown.Error);
    }

    [Theory]
    [InlineData(1024, null)]
    [InlineData(1025, "JSON nesting depth limit exceeded")]
    public void Nesting_limit_as_check_qjson(int depth, string? message)
    {
        // make_nest: depth-1 '[' then '{' '}' then depth-1 ']'.
        var json = new string('[', depth - 1) + "{}" + new string(']', depth - 1);
        if (message is null)
        {
            Assert.IsType<QList>(QJson.Parse(json));
        }
        else
        {
            Assert.Equal(message, ParseError(Bytes(json)).Message);
        }
    }
}
