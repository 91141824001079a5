using System.Text;
using Machina.QObjects.Json;
using static Machina.QObjects.Tests.Json.JsonTestHelpers;

namespace Machina.QObjects.Tests.Json;

/// <summary>QEMU's per-message limits: nesting 1024, 2 Mi tokens, 64 MiB of token text.</summary>
public class LimitTests
{
    private const int MiB = 1 << 20;

    [Theory]
    [InlineData(1023)]
    [InlineData(1024)]
    public void Nesting_up_to_1024_reads(int depth)
    {
        var value = QJson.Parse(new string('[', depth) + new string(']', depth));
        for (var i = 1; i < depth; i++)
        {
            value = Assert.Single(Assert.IsType<QList>(value));
        }

        Assert.Empty(Assert.IsType<QList>(value));
    }

    [Fact]
    public void Nesting_1025_is_refused_where_the_limit_is_crossed()
    {
        var json = new string('[', 512) + new string('{', 1) + "\"k\": " + new string('[', 512) + new string(']', 512) + "}" + new string(']', 512);
        var error = ParseError(Encoding.ASCII.GetBytes(json));
        Assert.Equal("JSON nesting depth limit exceeded", error.Message);
        Assert.Equal(512 + 1 + 5 + 511, error.Position);
        Assert.Equal(QJsonLimits.MaxNesting, 1024);
    }

    [Fact]
    public void After_the_nesting_error_the_stream_goes_on_as_qemu_does()
    {
        // The refused bracket resets the message; each closing bracket then stands alone.
        var results = Split(Encoding.ASCII.GetBytes(new string('[', 1025) + new string(']', 1025) + " 7"));
        Assert.Equal("JSON nesting depth limit exceeded", results[0].Error!.Message);
        Assert.Equal(1025, results.Skip(1).Count(r => r.Error?.Message == "JSON parse error, expecting value"));
        Assert.Equal(new QNum(7), results[^1].Value);
        Assert.Equal(1027, results.Count);
    }

    private static byte[] ListWithTokens(int tokens)
    {
        // "[[]" then ",1" pairs then "]": 4 + 2k tokens.
        Assert.Equal(0, tokens % 2);
        var k = (tokens - 4) / 2;
        var sb = new StringBuilder(tokens + 8);
        sb.Append("[[]");
        for (var i = 0; i < k; i++)
        {
            sb.Append(",1");
        }

        return Encoding.ASCII.GetBytes(sb.Append(']').ToString());
    }

    [Fact]
    public void Exactly_2Mi_tokens_read()
    {
        var list = Assert.IsType<QList>(QJson.Parse(ListWithTokens(QJsonLimits.MaxTokenCount)));
        Assert.Equal(1 + ((QJsonLimits.MaxTokenCount - 4) / 2), list.Count);
    }

    [Fact]
    public void One_token_more_than_2Mi_is_refused()
    {
        var input = ListWithTokens(QJsonLimits.MaxTokenCount + 2);
        var error = ParseError(input);
        Assert.Equal("JSON token count limit exceeded", error.Message);
        Assert.Equal(QJsonLimits.MaxTokenCount, error.Position); // token 2 Mi + 1 starts at byte 2 Mi

        // QEMU drops the message with the refused token (the last "1") and reads on: the final "]" stands alone.
        var results = Split(input);
        Assert.Equal(["JSON token count limit exceeded", "JSON parse error, expecting value"], results.Select(Describe));
    }

    [Fact]
    public void A_string_token_up_to_64MiB_minus_one_reads_and_one_byte_more_is_refused()
    {
        // The streamer counts a token's length plus one against 64 MiB.
        var text = new string('a', QJsonLimits.MaxMessageSize - 3);
        var ok = Assert.IsType<QString>(QJson.Parse(Encoding.ASCII.GetBytes("\"" + text + "\"")));
        Assert.Equal(text.Length, ok.Value.Length);

        var error = ParseError(Encoding.ASCII.GetBytes("\"" + text + "a\""));
        Assert.Equal("JSON token size limit exceeded", error.Message);
        Assert.Equal(0, error.Position);
    }

    [Fact]
    public void The_size_limit_counts_all_tokens_of_a_message()
    {
        var half = new string('b', (32 * MiB) - 2);
        var results = Split(Encoding.ASCII.GetBytes("[\"" + half + "\", \"" + half + "\"]"));
        Assert.Equal(["JSON token size limit exceeded", "JSON parse error, expecting value"], results.Select(Describe));
    }

    [Fact]
    public void An_overlong_token_is_cut_off_and_lexing_restarts_after_it()
    {
        // QEMU cuts a token off once it is one byte over 64 MiB; what follows is lexed afresh.
        // Real QEMU answers exactly these three errors to these bytes on its QMP monitor.
        var input = Encoding.ASCII.GetBytes("\"" + new string('a', QJsonLimits.MaxMessageSize + 5) + "\" 1\n");
        foreach (var chunk in new[] { int.MaxValue, 65536, 1_000_003 })
        {
            var results = Split(input, chunk: chunk);
            Assert.Equal(
                ["JSON token size limit exceeded", "JSON parse error, invalid keyword 'aaaaa'", "JSON parse error, stray '\" 1\n'"],
                results.Select(Describe));
            Assert.Equal(QJsonLimits.MaxMessageSize, results[0].Error!.Position);
        }
    }

    [Fact]
    public void Whitespace_does_not_count_towards_the_size_limit()
    {
        var input = Encoding.ASCII.GetBytes("[" + new string(' ', 70 * MiB) + "1]");
        Assert.Equal(new QList { 1 }, QJson.Parse(input));
    }
}
