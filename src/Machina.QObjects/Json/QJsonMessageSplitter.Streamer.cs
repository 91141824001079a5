using System.Buffers;
using System.Runtime.CompilerServices;

namespace Machina.QObjects.Json;

// The streamer: QEMU's json-streamer.c. Tokens are queued until the brackets of a message are
// balanced (or go negative), then the message is parsed; the limits are checked per token.
public sealed partial class QJsonMessageSplitter
{
    private const int InitialTextCapacity = 4096;
    private const int InitialTokenCapacity = 256;

    // A message's capacity is kept between messages up to these sizes.
    private const int RetainedTextCapacity = 1 << 20;
    private const int RetainedTokenCapacity = 1 << 16;

    // Grown text buffers come from one pool for all splitters rather than ArrayPool<byte>.Shared,
    // which caches an array in the returning thread first: the next big message usually arrives on
    // another thread (another session's, or a new one), and would then fault in fresh memory. The
    // pool keeps one buffer of each size up to 16 MiB (32 MiB at most) for the process.
    private static readonly ArrayPool<byte> TextPool = ArrayPool<byte>.Create(maxArrayLength: 16 << 20, maxArraysPerBucket: 1);

    private byte[] _text = new byte[InitialTextCapacity];
    private int _textLength;
    private JsonToken[] _tokens = new JsonToken[InitialTokenCapacity];
    private int _tokenCount;
    private long _tokenBytes;  // QEMU's token_size: the sum of the queued tokens' lengths
    private int _braces;
    private int _brackets;

    // The open brackets of the pending message (token indexes), for the parser's size hints.
    private readonly int[] _open = new int[QJsonLimits.MaxNesting + 1];
    private int _openCount;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AppendText(byte c)
    {
        if (_textLength == _text.Length)
        {
            GrowText(1);
        }

        _text[_textLength++] = c;
    }

    private void AppendText(ReadOnlySpan<byte> bytes)
    {
        if (_text.Length - _textLength < bytes.Length)
        {
            GrowText(bytes.Length);
        }

        bytes.CopyTo(_text.AsSpan(_textLength));
        _textLength += bytes.Length;
    }

    private void GrowText(int needed)
    {
        // Big messages borrow from the pool, so a stream of them does not keep allocating (and
        // faulting in) fresh large arrays.
        var size = (int)Math.Min(Math.Max((long)_text.Length * 2, (long)_textLength + needed), Array.MaxLength);
        var bigger = TextPool.Rent(size);
        _text.AsSpan(0, _textLength).CopyTo(bigger);
        ReturnText();
        _text = bigger;
    }

    private void ReturnText()
    {
        if (_text.Length > InitialTextCapacity)
        {
            TextPool.Return(_text);
        }
    }

    private void OnStructural(JsonTokenType type, int i) => OnToken(type, 0, 1, _position + i, escaped: false, ascii: true);

    private void OnToken(JsonTokenType type, int start, int length, long position, bool escaped, bool ascii)
    {
        switch (type)
        {
            case JsonTokenType.LeftCurly:
                _braces++;
                break;
            case JsonTokenType.RightCurly:
                _braces--;
                break;
            case JsonTokenType.LeftSquare:
                _brackets++;
                break;
            case JsonTokenType.RightSquare:
                _brackets--;
                break;
        }

        if (_tokenBytes + length + 1 > QJsonLimits.MaxMessageSize)
        {
            Emit(new QJsonMessage(new QJsonError("JSON token size limit exceeded", position)));
            return;
        }

        if (_tokenCount + 1 > QJsonLimits.MaxTokenCount)
        {
            Emit(new QJsonMessage(new QJsonError("JSON token count limit exceeded", position)));
            return;
        }

        if (_brackets + _braces > QJsonLimits.MaxNesting)
        {
            Emit(new QJsonMessage(new QJsonError("JSON nesting depth limit exceeded", position)));
            return;
        }

        if (_tokenCount == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        ref var token = ref _tokens[_tokenCount];
        token.Type = type;
        token.Escaped = escaped;
        token.Ascii = ascii;
        token.Commas = 0;
        token.Start = start;
        token.Length = length;
        token.Position = position;
        _tokenBytes += length;
        switch (type)
        {
            case JsonTokenType.LeftCurly or JsonTokenType.LeftSquare:
                // Balanced brackets keep this within the nesting limit; a mismatch only spoils a hint.
                if (_openCount < _open.Length)
                {
                    _open[_openCount++] = _tokenCount;
                }

                break;
            case JsonTokenType.RightCurly or JsonTokenType.RightSquare:
                _openCount = Math.Max(0, _openCount - 1);
                break;
            case JsonTokenType.Comma when _openCount > 0:
                _tokens[_open[_openCount - 1]].Commas++;
                break;
        }

        _tokenCount++;

        if ((_braces > 0 || _brackets > 0) && _braces >= 0 && _brackets >= 0)
        {
            return; // the message goes on
        }

        EmitParsed();
    }

    private void EmitParsed()
    {
        LastMessagePosition = _tokens[0].Position;
        Emit(_parser.Parse(_tokens, _tokenCount, _text));
    }

    private void OnLexicalError(int tokenStart, long position)
    {
        var text = ModifiedUtf8.BytesToString(_text.AsSpan(tokenStart, _textLength - tokenStart));
        Emit(new QJsonMessage(new QJsonError($"JSON parse error, stray '{text}'", position)));
    }

    private void OnTokenSizeExceeded(long position) =>
        Emit(new QJsonMessage(new QJsonError("JSON token size limit exceeded", position)));

    private void EndOfInput()
    {
        if (_tokenCount > 0)
        {
            EmitParsed();
        }
    }

    /// <summary>Drops the pending message: QEMU's reset after every emission.</summary>
    private void ResetMessage()
    {
        _textLength = 0;
        _tokenStart = 0;
        _tokenCount = 0;
        _tokenBytes = 0;
        _braces = 0;
        _brackets = 0;
        _openCount = 0;
        TrimBuffers();
    }

    private void TrimBuffers()
    {
        // A huge message should not pin its buffers for the life of a connection.
        if (_text.Length > RetainedTextCapacity)
        {
            ReturnText();
            _text = new byte[InitialTextCapacity];
        }

        if (_tokens.Length > RetainedTokenCapacity)
        {
            _tokens = new JsonToken[InitialTokenCapacity];
        }
    }
}
