using System.Buffers;
using System.Globalization;
using System.Text;
using Machina.QObjects.Json;

namespace Machina.QObjects.Tests.Json;

/// <summary>The writer against QEMU's qobject_to_json / qobject_to_json_pretty output.</summary>
public class WriterTests
{
    private static readonly QJsonWriterOptions Pretty = new() { Pretty = true };

    [Fact]
    public void Compact_form_uses_qemus_separators()
    {
        var value = new QDict { ["a"] = 1, ["b"] = new QList { true, QNull.Instance } };
        Assert.Equal("{\"a\": 1, \"b\": [true, null]}", QJson.ToJson(value));
        Assert.Equal("{\"a\": 1, \"b\": [true, null]}", value.ToString());
        Assert.Equal("{}", new QDict().ToString());
        Assert.Equal("[]", new QList().ToString());
        Assert.Equal("[[], {}, [[]]]", new QList { new QList(), new QDict(), new QList { new QList() } }.ToString());
    }

    [Fact]
    public void Pretty_form_indents_four_spaces_per_level()
    {
        var value = new QDict
        {
            ["a"] = 1,
            ["b"] = new QList { true, new QDict { ["c"] = "d" } },
            ["e"] = new QDict(),
            ["f"] = new QList(),
        };
        const string expected =
            "{\n    \"a\": 1,\n    \"b\": [\n        true,\n        {\n            \"c\": \"d\"\n        }\n    ],\n" +
            "    \"e\": {\n    },\n    \"f\": [\n    ]\n}";
        Assert.Equal(expected, QJson.ToJson(value, Pretty));
        Assert.Equal("{\n}", QJson.ToJson(new QDict(), Pretty));
        Assert.Equal("[\n    1\n]", QJson.ToJson(new QList { 1 }, Pretty));
        Assert.Equal("\"x\"", QJson.ToJson("x", Pretty));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("\"\\/", "\"\\\"\\\\/\"")]
    [InlineData("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("\u0000\u0001\u001f\u007f", "\"\\u0000\\u0001\\u001F\\u007F\"")]
    [InlineData("\u00e9\u20ac\uffff\ufffe\ufdd0\ufdef\ufdf0", "\"\\u00E9\\u20AC\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFDF0\"")]
    [InlineData("\U0001D11E\U0010FFFD", "\"\\uD834\\uDD1E\\uDBFF\\uDFFD\"")]
    [InlineData("\U0001FFFE\U0010FFFF", "\"\\uFFFD\\uFFFD\"")]
    public void Strings_are_ascii_escaped_as_qemu_does(string value, string json) =>
        Assert.Equal(json, QJson.ToJson(value));

    [Fact]
    public void Unpaired_surrogates_are_written_as_replacement_characters()
    {
        // Built at run time: attribute arguments cannot carry unpaired surrogates.
        var value = "a" + (char)0xD800 + "b" + (char)0xDC00 + (char)0xDC00 + (char)0xD800;
        Assert.Equal("\"a\\uFFFDb\\uFFFD\\uFFFD\\uFFFD\"", QJson.ToJson(value));
    }

    [Fact]
    public void Integers_of_both_kinds_print_in_full()
    {
        Assert.Equal("[-9223372036854775808, 9223372036854775807, 18446744073709551615, 0]",
            QJson.ToJson(new QList { long.MinValue, long.MaxValue, ulong.MaxValue, 0UL }));
    }

    [Fact]
    public void Doubles_print_as_printf_17g()
    {
        // Golden output of glibc's printf("%.17g") for 5000 doubles: powers of ten and two,
        // ties, subnormals, limits, the fixed/exponent boundaries and random bit patterns.
        var lines = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Json", "Data", "printf-17g.txt"))
            .Where(l => !l.StartsWith('#')).ToList();
        Assert.True(lines.Count >= 5000);
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            var value = BitConverter.Int64BitsToDouble(long.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            Assert.Equal(parts[1], QJson.ToJson(new QNum(value)));
        }
    }

    [Fact]
    public void Non_finite_doubles_print_as_glibc_does()
    {
        Assert.Equal("[inf, -inf, nan, -nan]",
            QJson.ToJson(new QList { double.PositiveInfinity, double.NegativeInfinity, Math.Abs(double.NaN), -Math.Abs(double.NaN) }));
    }

    [Theory]
    [InlineData("micro", 0x1b6610e1u)]
    [InlineData("minor", 0x6f4ff4e1u)]
    [InlineData("major", 0x441ad9e1u)]
    [InlineData("return", 0xfb353f91u)]
    [InlineData("id", 0x6377abe6u)]
    [InlineData("error", 0xc51c69e9u)]
    [InlineData("", 0x3039u)]
    [InlineData("\u00e9", 0xd1939864u)]
    [InlineData("\U0001F600", 0xf8d893bdu)]
    public void Key_hash_is_qemus_tdb_hash(string key, uint hash) => Assert.Equal(hash, QemuDictOrder.Hash(key));

    [Fact]
    public void Key_hash_of_U0000_uses_modified_utf8()
    {
        // QEMU holds U+0000 as C0 80, so the key "a\0" hashes as the bytes 61 C0 80.
        var expected = 0x238F13AFu * 3;
        expected += 0x61u + (0xC0u << 5) + (0x80u << 10);
        Assert.Equal((1103515243u * expected) + 12345u, QemuDictOrder.Hash("a\0"));
    }

    [Fact]
    public void Wire_order_reproduces_qemus_greeting()
    {
        // The version as QEMU's visitor builds it (major, minor, micro), and in other orders:
        // QEMU's hash order puts micro and minor in one bucket, the newer first.
        var version = new QDict { ["major"] = 7, ["minor"] = 2, ["micro"] = 22 };
        var greeting = new QDict
        {
            ["QMP"] = new QDict
            {
                ["version"] = new QDict { ["qemu"] = version, ["package"] = "Debian 1:7.2+dfsg-7+deb12u18+b3" },
                ["capabilities"] = new QList { "oob" },
            },
        };
        Assert.Equal(
            "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7}, \"package\": \"Debian 1:7.2+dfsg-7+deb12u18+b3\"}, \"capabilities\": [\"oob\"]}}",
            QJson.ToJson(greeting, QJsonWriterOptions.Wire));
        Assert.Equal("{\"minor\": 2, \"micro\": 22, \"major\": 7}",
            QJson.ToJson(new QDict { ["micro"] = 22, ["minor"] = 2, ["major"] = 7 }, QJsonWriterOptions.Wire));
    }

    [Fact]
    public void Wire_order_puts_id_after_return_but_before_error()
    {
        var success = new QDict { ["return"] = new QDict(), ["id"] = 1 };
        Assert.Equal("{\"return\": {}, \"id\": 1}", QJson.ToJson(success, QJsonWriterOptions.Wire));
        var failure = new QDict { ["error"] = new QDict { ["class"] = "CommandNotFound", ["desc"] = "The command x has not been found" }, ["id"] = 1 };
        Assert.Equal("{\"id\": 1, \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command x has not been found\"}}",
            QJson.ToJson(failure, QJsonWriterOptions.Wire));
        Assert.Equal("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command x has not been found\"}, \"id\": 1}", failure.ToString());
    }

    [Fact]
    public void Wire_order_within_a_bucket_is_newest_first_and_replacing_keeps_the_place()
    {
        // aaa, aab, aac share a bucket (checked with real QEMU: it echoes {"ab","lx","cd"} as lx, cd, ab).
        Assert.Equal(QemuDictOrder.Bucket("aaa"), QemuDictOrder.Bucket("aac"));
        var dict = new QDict { ["aab"] = 1, ["aaa"] = 2, ["aac"] = 3 };
        Assert.Equal("{\"aac\": 3, \"aaa\": 2, \"aab\": 1}", QJson.ToJson(dict, QJsonWriterOptions.Wire));
        dict["aab"] = 4;
        Assert.Equal("{\"aac\": 3, \"aaa\": 2, \"aab\": 4}", QJson.ToJson(dict, QJsonWriterOptions.Wire));
        Assert.Equal("{\"lx\": 2, \"cd\": 3, \"ab\": 1}", QJson.ToJson(new QDict { ["ab"] = 1, ["lx"] = 2, ["cd"] = 3 }, QJsonWriterOptions.Wire));
    }

    [Fact]
    public void Pretty_wire_form_combines_both()
    {
        var value = new QDict { ["id"] = 1, ["return"] = new QList { 1 } };
        Assert.Equal("{\n    \"return\": [\n        1\n    ],\n    \"id\": 1\n}",
            QJson.ToJson(value, new QJsonWriterOptions { Pretty = true, KeyOrder = QJsonKeyOrder.Qemu }));
    }

    [Fact]
    public void Writing_to_a_buffer_writer_appends_ascii_bytes()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("prefix "u8);
        QJson.Write(new QDict { ["k"] = "\u00e9" }, output);
        Assert.Equal("prefix {\"k\": \"\\u00E9\"}", Encoding.ASCII.GetString(output.WrittenSpan));
        Assert.Equal(Encoding.ASCII.GetBytes("[1, 2]"), QJson.ToUtf8Bytes(new QList { 1, 2 }));
    }

    [Fact]
    public void Big_strings_and_lists_write_across_buffer_chunks()
    {
        var big = new string('x', 100_000) + "\n" + new string('y', 10_000);
        var list = new QList(Enumerable.Range(0, 20_000).Select(i => (QObject)i));
        var output = new ArrayBufferWriter<byte>(16);
        QJson.Write(new QList { big, list }, output);
        var text = Encoding.ASCII.GetString(output.WrittenSpan);
        Assert.Equal(QJson.Parse(text), new QList { big, list });
        Assert.StartsWith("[\"xxx", text, StringComparison.Ordinal);
        Assert.Contains("x\\ny", text, StringComparison.Ordinal);
        Assert.EndsWith(", 19998, 19999]]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_nested_too_deeply_for_the_stack_is_refused_cleanly()
    {
        QObject deep = new QList();
        for (var i = 0; i < 1_000_000; i++)
        {
            deep = new QList { deep };
        }

        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Assert.Throws<InsufficientExecutionStackException>(() => QJson.ToJson(deep));
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }
}
