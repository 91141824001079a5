using System.Text;
using Machina.QObjects.Json;

namespace Machina.QObjects.Tests.Json;

/// <summary>Conversions the JSON tests share.</summary>
internal static class JsonTestHelpers
{
    /// <summary>
    /// Bytes written as a string of Latin-1 characters, one per byte ("\u00C3\u00A9" is C3 A9):
    /// how the tests spell inputs that are not valid UTF-8, like C's "\xC3\xA9".
    /// </summary>
    public static byte[] Bytes(string latin1) => Encoding.Latin1.GetBytes(latin1);

    /// <summary>The .NET string a valid modified-UTF-8 byte string (C0 80 for U+0000) stands for.</summary>
    public static string FromModifiedUtf8(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes).Replace("\u00C0\u0080", "\u0000", StringComparison.Ordinal);
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Encoding.Latin1.GetBytes(text));
    }

    /// <summary>
    /// Parses, failing the test with QEMU's message when the input is rejected. The deferred reader
    /// (which QJson.Parse uses for large messages only) must then build the same value, or leave
    /// the input to the other readers.
    /// </summary>
    public static QObject ParseOk(byte[] input)
    {
        if (!QJson.TryParse(input, out var value, out var error))
        {
            throw new Xunit.Sdk.XunitException($"unexpected error: {error}");
        }

        if (new JsonParser().TryParseDeferred(input) is { } deferred)
        {
            Assert.Equal(value, deferred);
            Assert.Equal(QJson.ToUtf8Bytes(value), QJson.ToUtf8Bytes(deferred));
        }

        return value;
    }

    /// <summary>Parses, expecting an error; returns it. The deferred reader must refuse the input too.</summary>
    public static QJsonError ParseError(byte[] input)
    {
        Assert.False(QJson.TryParse(input, out var value, out var error), $"expected an error, got {value}");
        Assert.Null(new JsonParser().TryParseDeferred(input));
        return error;
    }

    /// <summary>Everything a splitter yields for <paramref name="input"/> fed in one piece and flushed, or not.</summary>
    public static List<QJsonMessage> Split(byte[] input, bool flush = true, int chunk = int.MaxValue)
    {
        var splitter = new QJsonMessageSplitter();
        var results = new List<QJsonMessage>();
        for (var i = 0; i < input.Length; i += chunk)
        {
            splitter.Feed(input.AsSpan(i, Math.Min(chunk, input.Length - i)));
            while (splitter.TryRead(out var m))
            {
                results.Add(m);
            }
        }

        if (flush)
        {
            splitter.Flush();
            while (splitter.TryRead(out var m))
            {
                results.Add(m);
            }
        }

        return results;
    }

    /// <summary>
    /// A splitter result as QEMU's QMP monitor would answer it, reduced to what the tests compare:
    /// the parse error's text, or "value: " and the value in compact JSON.
    /// </summary>
    public static string Describe(QJsonMessage m) => m.IsError ? m.Error.Message : "value: " + m.Value;
}
