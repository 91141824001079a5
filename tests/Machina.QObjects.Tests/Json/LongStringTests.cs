using System.Text;
using Machina.QObjects.Json;
using static Machina.QObjects.Tests.Json.JsonTestHelpers;

namespace Machina.QObjects.Tests.Json;

/// <summary>
/// Strings of 64 KiB and more are kept as UTF-8 and decoded when first read: they must read back
/// exactly as short ones do, and fail exactly where short ones fail.
/// </summary>
public class LongStringTests
{
    private const int Long = 64 << 10;

    public static TheoryData<string> Contents => new()
    {
        new string('a', Long),
        new string('a', Long - 1) + "é",
        string.Concat(Enumerable.Repeat("x€𝄞ä", Long / 8)),
        new string('q', Long) + "\\n" + new string('r', 10),
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void A_long_string_reads_as_a_short_one_would(string content)
    {
        var json = Encoding.UTF8.GetBytes("{\"k\": \"" + content + "\"}");
        var expected = content.Replace("\\n", "\n", StringComparison.Ordinal);
        foreach (var chunk in new[] { int.MaxValue, 4096, 7 })
        {
            var message = Assert.Single(Split(json, chunk: chunk));
            var value = Assert.IsType<QString>(Assert.IsType<QDict>(message.Value)["k"]);
            Assert.Equal(expected, value.Value);
            Assert.Equal(new QString(expected), value);
            Assert.Equal(new QString(expected).GetHashCode(), value.GetHashCode());
        }

        Assert.Equal(expected, ((QString)((QDict)QJson.Parse(json))["k"]).Value);
    }

    [Fact]
    public void A_long_string_is_written_back_as_it_was_read()
    {
        var json = "{\"k\": \"" + new string('w', Long) + "é\"}";
        Assert.Equal(QJson.ToJson(new QDict { ["k"] = new string('w', Long) + "é" }), QJson.ToJson(QJson.Parse(json)));
    }

    [Fact]
    public async Task Threads_reading_a_long_string_at_once_all_get_it()
    {
        var content = new string('t', Long * 4);
        var value = (QString)((QDict)QJson.Parse("{\"k\": \"" + content + "\"}"))["k"];
        using var start = new Barrier(8);
        var reads = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return value.Value;
        })).ToArray();
        Assert.All(await Task.WhenAll(reads), r => Assert.Equal(content, r));
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBF, 0xBF })]
    [InlineData(new byte[] { 0xC0, 0x80 })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    public void Bytes_qemu_treats_specially_are_treated_the_same_in_a_long_string(byte[] bytes)
    {
        // A noncharacter (U+FFFF), QEMU's NUL (C0 80), a lone lead byte, an encoded surrogate,
        // a code point above U+10FFFF: each as in a short string, the position shifted by the length.
        var shortResult = Assert.Single(Split([.. "\"s"u8, .. bytes, (byte)'"']));
        var longResult = Assert.Single(Split([.. Encoding.ASCII.GetBytes("\"" + new string('s', Long)), .. bytes, (byte)'"']));
        Assert.Equal(shortResult.IsError, longResult.IsError);
        if (shortResult.IsError)
        {
            Assert.Equal(shortResult.Error.Message, longResult.Error!.Message);
            Assert.Equal(shortResult.Error.Position + Long - 1, longResult.Error.Position);
        }
        else
        {
            Assert.Equal(new string('s', Long - 1) + Assert.IsType<QString>(shortResult.Value).Value, Assert.IsType<QString>(longResult.Value).Value);
        }
    }
}
