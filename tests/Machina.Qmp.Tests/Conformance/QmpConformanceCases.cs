using System.Text;
using static Machina.Qmp.Tests.Conformance.QmpConformanceCase;

namespace Machina.Qmp.Tests.Conformance;

/// <summary>
/// The conformance cases, one engine-agnostic list: each is played against real QEMU and against
/// Machina, and the transcripts must be equal byte for byte (version and timestamps masked).
/// </summary>
/// <remarks>
/// A case that leaves the JSON reader inside an unfinished message ends with bytes that bring it
/// back (a newline inside a string, or a control character), so the sync request that follows is
/// read on its own. Every case except <c>quit</c> leaves the machine running.
/// </remarks>
public static class QmpConformanceCases
{
    /// <summary>The cases run on every test run, by name.</summary>
    public static IReadOnlyDictionary<string, QmpConformanceCase> All { get; } = Build().ToDictionary(c => c.Name);

    /// <summary>
    /// A message 64 MiB long, over QEMU's token size limit. QEMU reads its socket a byte at a time,
    /// so playing this against it takes minutes: it is compared against QEMU's recorded transcript
    /// (Data/token-size-limit.txt) unless <c>MACHINA_QMP_SLOW_CONFORMANCE=1</c> asks for the live run.
    /// </summary>
    public static QmpConformanceCase TokenSizeLimit { get; } = new(
        "token size limit: a 64 MiB string",
        [Negotiate, Concat("{\"execute\": \"query-status\", \"id\": \"", new string('a', 64 << 20), "\"}\r\n")]);

    /// <summary>Where QEMU's transcript of <see cref="TokenSizeLimit"/> is kept.</summary>
    public static string TokenSizeLimitRecording => Path.Combine(AppContext.BaseDirectory, "Conformance", "Data", "token-size-limit.txt");

    /// <summary>The <c>quit</c> case, which ends the server's process; it runs on its own QEMU.</summary>
    public static QmpConformanceCase Quit { get; } = new(
        "quit: SHUTDOWN, the reply, then the connection closes",
        [Negotiate, Bytes("""{"execute": "quit", "id": "bye"}""")],
        Closes: true);

    /// <summary>The names of <see cref="All"/>, for theory data.</summary>
    public static TheoryData<string> Names => [.. All.Keys];

    private static IEnumerable<QmpConformanceCase> Build()
    {
        // Greeting and negotiation.
        yield return Text("greeting alone");
        yield return Text("negotiation", """{"execute": "qmp_capabilities"}""");
        yield return Text("negotiation with oob", """{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}, "id": 1}""");
        yield return Text("negotiation with an empty list", """{"execute": "qmp_capabilities", "arguments": {"enable": []}}""");
        yield return Text("negotiation with oob twice", """{"execute": "qmp_capabilities", "arguments": {"enable": ["oob", "oob"]}}""");
        yield return Text("a command before negotiation", """{"execute": "query-status", "id": 1}""");
        yield return Text("an unknown command before negotiation", """{"execute": "no-such-command"}""");
        yield return Text("exec-oob before negotiation", """{"exec-oob": "qmp_capabilities", "id": 1}""");
        yield return Negotiated("a second qmp_capabilities", """{"execute": "qmp_capabilities", "id": 2}""");
        yield return Text("an unknown capability", """{"execute": "qmp_capabilities", "arguments": {"enable": ["bogus"]}}""");
        yield return Text("capabilities not a list", """{"execute": "qmp_capabilities", "arguments": {"enable": "oob"}}""");
        yield return Text("capabilities with an extra argument", """{"execute": "qmp_capabilities", "arguments": {"enable": [], "x": 1}}""");
        yield return Text("failed negotiation, then success",
            """{"execute": "qmp_capabilities", "arguments": {"enable": [1]}}""",
            """{"execute": "qmp_capabilities"}""",
            """{"execute": "query-status"}""");

        // Commands.
        yield return Negotiated("query-status", """{"execute": "query-status", "id": 3}""");
        yield return Negotiated("query-version", """{"execute": "query-version"}""");
        yield return Negotiated("an unknown command", """{"execute": "no-such-command", "id": "x"}""");
        yield return Negotiated("stop and cont with their events",
            """{"execute": "stop", "id": 1}""",
            """{"execute": "query-status", "id": 2}""",
            """{"execute": "stop", "id": 3}""",
            """{"execute": "cont", "id": 4}""",
            """{"execute": "cont", "id": 5}""");
        yield return Negotiated("single-quoted strings", "{'execute': 'query-status', 'id': 'it''s'}", "\n{'execute': 'query-status', 'id': 'it\\'s'}");

        // Arguments.
        yield return Negotiated("a missing argument", """{"execute": "device_del", "id": 4}""");
        yield return Negotiated("a wrongly typed argument", """{"execute": "device_del", "arguments": {"id": 42}, "id": 5}""");
        yield return Negotiated("an argument of null", """{"execute": "device_del", "arguments": {"id": null}}""");
        yield return Negotiated("an extra argument", """{"execute": "query-status", "arguments": {"verbose": true}, "id": 6}""");
        yield return Negotiated("an extra argument beside a valid one", """{"execute": "device_del", "arguments": {"id": "d", "force": true}}""");
        yield return Negotiated("a command's own error class", """{"execute": "device_del", "arguments": {"id": "nope"}, "id": [7]}""");
        yield return Negotiated("empty arguments", """{"execute": "query-status", "arguments": {}}""");

        // Request shape.
        yield return Negotiated("arguments not an object", """{"execute": "query-status", "arguments": [], "id": 1}""");
        yield return Negotiated("execute not a string", """{"execute": 1, "id": 1}""");
        yield return Negotiated("no execute", """{"id": 1}""", """{}""");
        yield return Negotiated("an unexpected member", """{"execute": "query-status", "foo": 1}""");
        yield return Negotiated("several defects at once", """{"arguments": 1, "execute": 2, "bar": 3, "id": 4}""");
        yield return Negotiated("requests that are not objects", "[1, 2]", "\"text\"", "42 ", "null ", "true ", "[]");

        // Malformed JSON.
        yield return Negotiated("an unterminated string", "{\"execute\": \"query-status\n");
        yield return Negotiated("a missing value", """{"execute": }""");
        yield return Negotiated("a missing colon", """{"execute" "query-status"}""");
        yield return Negotiated("a stray closing brace", "}", "]");
        yield return Negotiated("bare words", "hello world\n");
        yield return Negotiated("bad keywords", "nul tru\n");
        yield return NegotiatedBytes("binary garbage", [0x00, 0x01, 0x02, 0x7F, 0x80, 0xC0, 0xFE, 0xFF, 0x1B, (byte)'\n']);
        yield return NegotiatedBytes("invalid UTF-8 inside a string", Concat("{\"execute\": \"query-", "\xC3\x28", "status\"}"));
        yield return NegotiatedBytes("invalid UTF-8 outside strings", Latin1("\xC3\x28 \xE2\x82 {\"execute\": \"query-status\"}"));
        yield return NegotiatedBytes("overlong and surrogate UTF-8 in strings", Latin1("{\"execute\": \"\xC0\xAF\"}\n{\"execute\": \"\xED\xA0\x80\"}"));
        yield return Negotiated("bad escapes", """{"execute": "\x41"}""", """{"execute": "\uD800"}""", "\n");
        yield return Negotiated("a trailing comma", """{"execute": "query-status",}""", "[1, 2,]");
        yield return Negotiated("a duplicate key", """{"execute": "query-status", "execute": "query-status"}""");
        yield return Negotiated("a parse error then a good request", """{"execute": }{"execute": "query-status", "id": 2}""");
        yield return Negotiated("a control character resets the reader", "{\"execute\": \"query-status\", \"id\": [1, 2", "\x01", """{"execute": "query-status"}""");
        yield return Negotiated("a number or keyword ended by the next message", "123{\"execute\": \"query-status\"}", "false[]");

        // Ids of every JSON type, echoed as QEMU writes them.
        yield return Negotiated("ids of every type",
            """{"execute": "query-status", "id": null}""",
            """{"execute": "query-status", "id": true}""",
            """{"execute": "query-status", "id": false}""",
            """{"execute": "query-status", "id": 0}""",
            """{"execute": "query-status", "id": -9223372036854775808}""",
            """{"execute": "query-status", "id": 18446744073709551615}""",
            """{"execute": "query-status", "id": 18446744073709551616}""",
            """{"execute": "query-status", "id": 1.5}""",
            """{"execute": "query-status", "id": -0.0}""",
            """{"execute": "query-status", "id": 1e400}""",
            """{"execute": "query-status", "id": 0.1}""",
            """{"execute": "query-status", "id": "s"}""",
            """{"execute": "query-status", "id": "\u00e9\ud83d\ude00\t\"\\"}""",
            """{"execute": "query-status", "id": []}""",
            """{"execute": "query-status", "id": {}}""",
            """{"execute": "query-status", "id": {"b": [1, {"c": null}], "a": "x", "micro": 1, "minor": 2}}""",
            """{"execute": "no-such-command", "id": {"x": [true]}}""");

        // Limits.
        yield return Negotiated("nesting 1024 deep", Nested(1024));
        yield return Negotiated("nesting 1025 deep", Nested(1025));
        yield return Negotiated("an id nested to depth 1024", "{\"execute\": \"query-status\", \"id\": " + Nested(1023) + "}");
        yield return Negotiated("an id nested to depth 1025", "{\"execute\": \"query-status\", \"id\": " + Nested(1024) + "}\n");
        yield return NegotiatedBytes("token count limit", TokenCount(QJsonTokenLimit), TokenCount(QJsonTokenLimit + 1));

        // Out-of-band execution.
        yield return Negotiated("exec-oob without the capability", """{"exec-oob": "query-status", "id": 8}""");
        yield return NegotiatedOob("exec-oob on a command that does not allow it", """{"exec-oob": "query-status", "id": 7}""");
        yield return NegotiatedOob("exec-oob of an unknown command", """{"exec-oob": "no-such-command", "id": 7}""");
        yield return NegotiatedOob("exec-oob beside execute", """{"execute": "query-status", "exec-oob": "query-status", "id": 9}""");
        yield return NegotiatedOob("exec-oob not a string", """{"exec-oob": [], "id": 9}""");
        yield return NegotiatedOob("in-band commands with oob on",
            """{"execute": "query-status", "id": 1}{"execute": "query-version", "id": 2}{"execute": "stop", "id": 3}{"execute": "cont", "id": 4}""");

        // How requests arrive.
        yield return Negotiated("two commands in one write", """{"execute": "query-status", "id": 1}{"execute": "query-version", "id": 2}""");
        yield return Negotiated("one command split across writes", "{\"execute\": \"query-", "status\", \"id\"", ": 9}");
        yield return Negotiated("a command split inside an escape", "{\"execute\": \"query-status\", \"id\": \"\\u00", "e9\"}");
        yield return Negotiated("twenty commands in one write",
            string.Concat(Enumerable.Range(1, 20).Select(i => $"{{\"execute\": \"query-status\", \"id\": {i}}}")));
        yield return Negotiated("whitespace and line ends between requests", "\r\n\t {\"execute\"\r\n:\t\"query-status\"}\r\n\r\n");
    }

    // QEMU's MAX_TOKEN_COUNT: a message may hold this many tokens, not one more.
    private const int QJsonTokenLimit = 2 << 20;

    /// <summary>A list of exactly <paramref name="tokens"/> tokens: [1,1,...,1] or, for an even count, [1,...,1,[]].</summary>
    private static byte[] TokenCount(int tokens)
    {
        var builder = new StringBuilder(tokens + 4);
        builder.Append('[');
        var ones = tokens % 2 == 0 ? (tokens - 4) / 2 : (tokens - 3) / 2;
        for (var i = 0; i < ones; i++)
        {
            builder.Append("1,");
        }

        builder.Append(tokens % 2 == 0 ? "[]]" : "1]");
        builder.Append('\n');
        return Bytes(builder.ToString());
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static byte[] Concat(params string[] parts) => Latin1(string.Concat(parts));

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}
