namespace Machina.QObjects.Json;

/// <summary>
/// Splits a stream of bytes into JSON messages exactly as QEMU's QMP monitor does
/// (<c>json-lexer.c</c> and <c>json-streamer.c</c>): bytes arrive in chunks of any size, and
/// every complete top-level value, or the error that replaces one, comes out in QEMU's order.
/// </summary>
/// <remarks>
/// <para>A message ends when its opening brackets are closed; a scalar is a message on its own.
/// A lexical error (a byte that cannot start or continue a token) is reported at once, drops
/// the message it occurs in, and makes the lexer skip input until a structural character
/// (<c>{ } [ ] : ,</c>), a control character other than tab, or byte 0xFE/0xFF. Clients may send
/// such a byte to bring the reader back into a known state.</para>
/// <para>Each message is held to <see cref="QJsonLimits"/>. Only token bytes are buffered
/// (whitespace is not), each input byte is looked at once, and long strings are scanned with
/// vector instructions.</para>
/// <para>Typical use: <c>splitter.Feed(chunk); while (splitter.TryRead(out var m)) Handle(m);</c>
/// and, when the input ends, <see cref="Flush"/> and drain again. An instance is not thread-safe.</para>
/// </remarks>
public sealed partial class QJsonMessageSplitter
{
    private readonly Queue<QJsonMessage> _results = new();
    private readonly JsonParser _parser = new();

    /// <summary>How many bytes have been fed so far (positions in errors count from the first).</summary>
    public long Position => _position;

    /// <summary>How many results are waiting to be read.</summary>
    public int Count => _results.Count;

    /// <summary>
    /// Lexes <paramref name="utf8"/>; each message it completes is parsed and queued for
    /// <see cref="TryRead"/>. Never throws for bad input: errors are queued as results.
    /// </summary>
    public void Feed(ReadOnlySpan<byte> utf8)
    {
        Lex(utf8);
        _position += utf8.Length;
    }

    /// <summary>
    /// Ends the input, as QEMU's <c>json_message_parser_flush</c>: a token still open is ended
    /// (a number or keyword completes; an unterminated string is an error), and a message still
    /// open is parsed, which usually reports <c>JSON parse error, premature EOI</c>.
    /// The splitter may be fed again afterwards.
    /// </summary>
    public void Flush()
    {
        FlushLexer();
        EndOfInput();
    }

    /// <summary>Takes the oldest waiting result.</summary>
    /// <returns>False when none is waiting.</returns>
    public bool TryRead(out QJsonMessage message) => _results.TryDequeue(out message);

    /// <summary>Forgets all buffered input and waiting results, as if newly made.</summary>
    public void Reset()
    {
        _results.Clear();
        _state = LexState.Start;
        ResetMessage();
        _position = 0;
        _stop = false;
        _oneValue = false;
        TrimBuffers();
    }

    /// <summary>The parser, whose caches QJson.Parse's direct path shares.</summary>
    internal JsonParser Parser => _parser;

    /// <summary>Where the first token of the last parsed message was.</summary>
    internal long LastMessagePosition { get; private set; }

    /// <summary>Makes the splitter stop lexing once QJson.Parse knows its outcome (a second result, or an error).</summary>
    internal void StartOneValueMode() => _oneValue = true;

    private void Emit(QJsonMessage message)
    {
        ResetMessage();
        _results.Enqueue(message);
        if (_oneValue && (_results.Count >= 2 || message.IsError))
        {
            // QJson.Parse needs no more than this to decide.
            _stop = true;
        }
    }
}
