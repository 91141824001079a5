using System.Globalization;
using System.Text;
using Machina.QObjects.Json;
using static Machina.QObjects.Tests.Json.JsonTestHelpers;

namespace Machina.QObjects.Tests.Json;

/// <summary>
/// The splitter against what real QEMU answered on its QMP monitor for the same bytes
/// (Data/qmp-stream.txt): good messages, garbage between them, lexical errors and recovery,
/// control characters and 0xFF. Each input is also fed in every split and one byte at a time.
/// </summary>
public class QmpStreamTests
{
    private static readonly Lazy<List<(byte[] Input, List<string> Expected)>> Cases = new(Load);

    public static TheoryData<int> CaseNumbers => new(Enumerable.Range(0, Cases.Value.Count));

    private static List<(byte[] Input, List<string> Expected)> Load()
    {
        var cases = new List<(byte[], List<string>)>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Json", "Data", "qmp-stream.txt")))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("input: ", StringComparison.Ordinal))
            {
                cases.Add((Unescape(line["input: ".Length..]), []));
            }
            else
            {
                cases[^1].Item2.Add(Encoding.UTF8.GetString(Unescape(line.TrimStart())));
            }
        }

        return cases;
    }

    private static byte[] Unescape(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                bytes.Add((byte)text[i]);
            }
            else if (text[i + 1] == '\\')
            {
                bytes.Add((byte)'\\');
                i++;
            }
            else
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
            }
        }

        return [.. bytes];
    }

    /// <summary>Our result as the oracle file records QEMU's reply to it.</summary>
    private static string AsQmpReply(QJsonMessage m)
    {
        if (m.IsError)
        {
            return "error: " + m.Error.Message;
        }

        return m.Value is QDict d && d.ContainsKey("execute") && d.TryGetValue("id", out var id)
            ? "value: " + QJson.ToJson(id, QJsonWriterOptions.Wire)
            : "value";
    }

    private static List<string> Replies(byte[] input, params int[] cuts)
    {
        var splitter = new QJsonMessageSplitter();
        var replies = new List<string>();
        var at = 0;
        foreach (var cut in cuts.Append(input.Length))
        {
            splitter.Feed(input.AsSpan(at, cut - at));
            at = cut;
            while (splitter.TryRead(out var m))
            {
                replies.Add(AsQmpReply(m));
            }
        }

        return replies;
    }

    [Fact]
    public void The_oracle_file_has_the_cases()
    {
        Assert.True(Cases.Value.Count >= 150);
        Assert.Contains(Cases.Value, c => c.Expected.Count >= 3);
    }

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void Stream_gives_qemus_sequence_however_it_is_split(int number)
    {
        var (input, expected) = Cases.Value[number];
        Assert.Equal(expected, Replies(input));
        for (var cut = 1; cut < input.Length; cut++)
        {
            Assert.Equal(expected, Replies(input, cut));
        }

        Assert.Equal(expected, Replies(input, [.. Enumerable.Range(1, Math.Max(0, input.Length - 1))]));
    }

    [Fact]
    public void Hello_world_gives_two_invalid_keywords_then_expecting_value()
    {
        var results = Split(Encoding.ASCII.GetBytes("hello world\n{\"a\": }\n"), flush: false);
        Assert.Equal(
            ["JSON parse error, invalid keyword 'hello'", "JSON parse error, invalid keyword 'world'", "JSON parse error, expecting value"],
            results.Select(Describe));
        Assert.Equal([0L, 6L, 18L], results.Select(r => r.Error!.Position));
    }

    [Fact]
    public void An_unfinished_message_waits_for_more_input_or_the_flush()
    {
        var splitter = new QJsonMessageSplitter();
        splitter.Feed("{\"execute\": \"stop\""u8);
        Assert.Equal(0, splitter.Count);
        splitter.Feed("}{\"exec"u8);
        Assert.True(splitter.TryRead(out var first));
        Assert.Equal(new QDict { ["execute"] = "stop" }, first.Value);
        Assert.False(splitter.TryRead(out _));
        splitter.Flush();
        Assert.True(splitter.TryRead(out var second));
        Assert.Equal("JSON parse error, stray '\"exec'", second.Error!.Message);
        Assert.Equal(25, splitter.Position);
    }

    [Fact]
    public void Flush_ends_a_number_or_keyword_and_reports_a_premature_end()
    {
        Assert.Equal(["value: 12", "value: true"], Split("12 true"u8.ToArray()).Select(Describe));
        Assert.Equal(["JSON parse error, premature EOI"], Split("[1, 2"u8.ToArray()).Select(Describe));
        Assert.Empty(Split("[1, 2"u8.ToArray(), flush: false));
        Assert.Empty(Split("  \n"u8.ToArray()));
    }

    [Fact]
    public void The_splitter_can_be_fed_after_a_flush_and_after_a_reset()
    {
        var splitter = new QJsonMessageSplitter();
        splitter.Feed("[1"u8);
        splitter.Flush();
        splitter.Feed("[2]"u8);
        Assert.Equal(2, splitter.Count);
        splitter.Reset();
        Assert.Equal(0, splitter.Count);
        Assert.Equal(0, splitter.Position);
        splitter.Feed("\"x\""u8);
        Assert.True(splitter.TryRead(out var m));
        Assert.Equal(new QString("x"), m.Value);
    }

    [Fact]
    public void Many_messages_in_one_chunk_come_out_in_order()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            sb.Append("{\"execute\": \"query-status\", \"id\": ").Append(i).Append("}\n");
        }

        var results = Split(Encoding.ASCII.GetBytes(sb.ToString()), flush: false);
        Assert.Equal(5000, results.Count);
        Assert.All(results.Select((m, i) => (m, i)), p => Assert.Equal(new QNum(p.i), ((QDict)p.m.Value!)["id"]));
    }

    [Fact]
    public void A_megabyte_fed_one_byte_at_a_time_costs_no_allocation_per_byte()
    {
        // Quadratic rescanning would not finish; allocating per byte would pass 24 MB.
        var text = new string('q', 1 << 20);
        var input = Encoding.ASCII.GetBytes("{\"s\": \"" + text + "\", \"n\": [1, 2.5, true]}");
        var splitter = new QJsonMessageSplitter();
        splitter.Feed("[0]"u8); // warm up
        splitter.TryRead(out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < input.Length; i++)
        {
            splitter.Feed(input.AsSpan(i, 1));
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(splitter.TryRead(out var message));
        Assert.Equal(text, ((QDict)message.Value!)["s"].ToString()[1..^1]);
        Assert.True(allocated < 12 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_long_string_split_into_small_chunks_reads_whole()
    {
        var text = new string('x', 300_000) + "\u00E9\U0001F600" + new string('y', 1000);
        var input = Encoding.UTF8.GetBytes("[\"" + text + "\", 'b\\n']");
        foreach (var chunk in new[] { 1, 7, 4096, 65536 })
        {
            var results = Split(input, flush: false, chunk: chunk);
            var list = Assert.IsType<QList>(Assert.Single(results).Value);
            Assert.Equal(new QList { text, "b\n" }, list);
        }
    }
}
