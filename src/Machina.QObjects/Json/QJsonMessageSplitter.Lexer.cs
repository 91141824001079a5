using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Machina.QObjects.Json;

// The lexer: QEMU's json-lexer.c state machine, byte for byte, with runs of string characters,
// digits, letters and skipped bytes consumed in bulk. A token's bytes are copied into the text
// buffer as they are consumed; QEMU cuts a token off when it outgrows MaxMessageSize.
public sealed partial class QJsonMessageSplitter
{
    // A string runs until its quote, a backslash, or a byte the lexer refuses in strings.
    private static readonly SearchValues<byte> DoubleQuotedStops = SearchValues.Create(StringStops((byte)'"'));
    private static readonly SearchValues<byte> SingleQuotedStops = SearchValues.Create(StringStops((byte)'\''));

    // After an error, input is skipped until one of these (QEMU's resynchronisation points).
    private static readonly SearchValues<byte> RecoveryStops = SearchValues.Create(RecoveryStopBytes());

    private const int ShortStringScan = 24;

    private LexState _state = LexState.Start;
    private long _position;   // stream offset of the first byte of the chunk being lexed
    private int _tokenStart;  // where the open token's text starts in _text
    private long _tokenPosition;
    private bool _tokenEscaped;
    private bool _stop;       // set in one-value mode once the outcome is known
    private bool _oneValue;

    private enum LexState : byte
    {
        Start,
        Recovery,
        DoubleQuoted,
        DoubleQuotedEscape,
        SingleQuoted,
        SingleQuotedEscape,
        Zero,
        Sign,
        Digits,
        Mantissa,
        MantissaDigits,
        ExponentMark,
        ExponentSign,
        ExponentDigits,
        Keyword,
    }

    private static byte[] StringStops(byte quote)
    {
        var stops = new List<byte> { quote, (byte)'\\', 0xFE, 0xFF };
        for (var b = 0; b < 0x20; b++)
        {
            stops.Add((byte)b);
        }

        return [.. stops];
    }

    private static byte[] RecoveryStopBytes()
    {
        var stops = new List<byte> { (byte)'[', (byte)']', (byte)'{', (byte)'}', (byte)':', (byte)',', 0xFE, 0xFF };
        for (var b = 0; b < 0x20; b++)
        {
            if (b != '\t')
            {
                stops.Add((byte)b);
            }
        }

        return [.. stops];
    }

    private static bool IsDigit(byte c) => (uint)(c - '0') <= 9;

    private void Lex(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length && !_stop)
        {
            switch (_state)
            {
                case LexState.Start:
                    i = LexStart(data, i);
                    break;

                case LexState.Recovery:
                {
                    var skip = data[i..].IndexOfAny(RecoveryStops);
                    if (skip < 0)
                    {
                        i = data.Length;
                    }
                    else
                    {
                        // The stop byte is not consumed: it is lexed again from the start state.
                        i += skip;
                        _state = LexState.Start;
                    }

                    break;
                }

                case LexState.DoubleQuoted:
                    i = LexString(data, i, DoubleQuotedStops, (byte)'"', LexState.DoubleQuotedEscape);
                    break;

                case LexState.SingleQuoted:
                    i = LexString(data, i, SingleQuotedStops, (byte)'\'', LexState.SingleQuotedEscape);
                    break;

                case LexState.DoubleQuotedEscape:
                case LexState.SingleQuotedEscape:
                {
                    // Any byte QEMU allows in a string may follow a backslash; the parser judges it.
                    var c = data[i];
                    if (c is >= 0x20 and <= 0xFD)
                    {
                        if (AppendToOpenToken(c, i))
                        {
                            _state = _state == LexState.DoubleQuotedEscape ? LexState.DoubleQuoted : LexState.SingleQuoted;
                        }
                    }
                    else
                    {
                        Stray(c, i);
                    }

                    i++;
                    break;
                }

                case LexState.Zero:
                {
                    var c = data[i];
                    if (IsDigit(c))
                    {
                        Stray(c, i);
                        i++;
                    }
                    else if (c == '.')
                    {
                        if (AppendToOpenToken(c, i))
                        {
                            _state = LexState.Mantissa;
                        }

                        i++;
                    }
                    else
                    {
                        EndToken(JsonTokenType.Integer);
                    }

                    break;
                }

                case LexState.Sign:
                {
                    var c = data[i];
                    if (IsDigit(c))
                    {
                        if (AppendToOpenToken(c, i))
                        {
                            _state = c == '0' ? LexState.Zero : LexState.Digits;
                        }
                    }
                    else
                    {
                        Stray(c, i);
                    }

                    i++;
                    break;
                }

                case LexState.Digits:
                {
                    i = AppendRun(data, i, data[i..].IndexOfAnyExceptInRange((byte)'0', (byte)'9'));
                    if (_state != LexState.Digits || i == data.Length)
                    {
                        break;
                    }

                    var c = data[i];
                    if (c is (byte)'e' or (byte)'E' or (byte)'.')
                    {
                        if (AppendToOpenToken(c, i))
                        {
                            _state = c == '.' ? LexState.Mantissa : LexState.ExponentMark;
                        }

                        i++;
                    }
                    else
                    {
                        EndToken(JsonTokenType.Integer);
                    }

                    break;
                }

                case LexState.Mantissa:
                case LexState.ExponentSign:
                {
                    var c = data[i];
                    if (IsDigit(c))
                    {
                        if (AppendToOpenToken(c, i))
                        {
                            _state = _state == LexState.Mantissa ? LexState.MantissaDigits : LexState.ExponentDigits;
                        }
                    }
                    else
                    {
                        Stray(c, i);
                    }

                    i++;
                    break;
                }

                case LexState.MantissaDigits:
                {
                    i = AppendRun(data, i, data[i..].IndexOfAnyExceptInRange((byte)'0', (byte)'9'));
                    if (_state != LexState.MantissaDigits || i == data.Length)
                    {
                        break;
                    }

                    var c = data[i];
                    if (c is (byte)'e' or (byte)'E')
                    {
                        if (AppendToOpenToken(c, i))
                        {
                            _state = LexState.ExponentMark;
                        }

                        i++;
                    }
                    else
                    {
                        EndToken(JsonTokenType.Float);
                    }

                    break;
                }

                case LexState.ExponentMark:
                {
                    var c = data[i];
                    if (IsDigit(c) || c is (byte)'+' or (byte)'-')
                    {
                        if (AppendToOpenToken(c, i))
                        {
                            _state = IsDigit(c) ? LexState.ExponentDigits : LexState.ExponentSign;
                        }
                    }
                    else
                    {
                        Stray(c, i);
                    }

                    i++;
                    break;
                }

                case LexState.ExponentDigits:
                    i = AppendRun(data, i, data[i..].IndexOfAnyExceptInRange((byte)'0', (byte)'9'));
                    if (_state == LexState.ExponentDigits && i < data.Length)
                    {
                        EndToken(JsonTokenType.Float);
                    }

                    break;

                case LexState.Keyword:
                    i = AppendRun(data, i, data[i..].IndexOfAnyExceptInRange((byte)'a', (byte)'z'));
                    if (_state == LexState.Keyword && i < data.Length)
                    {
                        EndToken(JsonTokenType.Keyword);
                    }

                    break;

                default:
                    throw new UnreachableException();
            }
        }

        return;

        // The start state: skip whitespace, emit structural tokens, open other tokens.
        int LexStart(ReadOnlySpan<byte> data, int i)
        {
            var c = data[i];
            switch (c)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    i++;
                    while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                    {
                        i++;
                    }

                    return i;
                case (byte)'{' or (byte)'[' when _tokenCount == 0 && TryWholeMessage(data, i) is var end and > 0:
                    return end;
                case (byte)'{':
                    OnStructural(JsonTokenType.LeftCurly, i);
                    return i + 1;
                case (byte)'}':
                    OnStructural(JsonTokenType.RightCurly, i);
                    return i + 1;
                case (byte)'[':
                    OnStructural(JsonTokenType.LeftSquare, i);
                    return i + 1;
                case (byte)']':
                    OnStructural(JsonTokenType.RightSquare, i);
                    return i + 1;
                case (byte)':':
                    OnStructural(JsonTokenType.Colon, i);
                    return i + 1;
                case (byte)',':
                    OnStructural(JsonTokenType.Comma, i);
                    return i + 1;
                case (byte)'"':
                    return LexWholeString(data, i, DoubleQuotedStops, (byte)'"', LexState.DoubleQuoted);
                case (byte)'\'':
                    return LexWholeString(data, i, SingleQuotedStops, (byte)'\'', LexState.SingleQuoted);
                case (byte)'0':
                    OpenToken(c, i, LexState.Zero);
                    return i + 1;
                case >= (byte)'1' and <= (byte)'9':
                    return LexWholeInteger(data, i);
                case (byte)'-':
                    OpenToken(c, i, LexState.Sign);
                    return i + 1;
                case >= (byte)'a' and <= (byte)'z':
                    return LexWholeKeyword(data, i);
                default:
                    _tokenStart = _textLength;
                    _tokenPosition = _position + i;
                    Stray(c, i);
                    return i + 1;
            }
        }
    }

    // Fast paths: a token that starts and ends within this chunk and needs no state machine
    // (a string without escapes, an integer, a keyword) is found with one vectorised scan and
    // copied once. Anything else takes the byte-by-byte path from the token's first byte,
    // which yields exactly the same tokens and errors.
    private int LexWholeString(ReadOnlySpan<byte> data, int i, SearchValues<byte> stops, byte quote, LexState state)
    {
        // Most strings are short: a scalar scan beats setting up a vector search for them,
        // and tells on the way whether the string is ASCII.
        var rest = data[(i + 1)..];
        var short_ = Math.Min(rest.Length, ShortStringScan);
        var end = -1;
        var high = 0;
        for (var k = 0; k < short_; k++)
        {
            var b = rest[k];
            if (b == quote || b == '\\' || b < 0x20 || b >= 0xFE)
            {
                end = k;
                break;
            }

            high |= b;
        }

        var ascii = high < 0x80;
        if (end < 0 && rest.Length > short_)
        {
            end = rest[short_..].IndexOfAny(stops);
            end = end < 0 ? -1 : end + short_;
            ascii = false;
        }

        if (end >= 0 && rest[end] == quote && end < QJsonLimits.MaxMessageSize)
        {
            var start = _textLength;
            AppendText(data.Slice(i, end + 2));
            OnToken(JsonTokenType.String, start, end + 2, _position + i, escaped: false, ascii);
            return i + end + 2;
        }

        OpenToken(data[i], i, state);
        return i + 1;
    }

    private int LexWholeInteger(ReadOnlySpan<byte> data, int i)
    {
        var end = data[(i + 1)..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (end >= 0 && data[i + 1 + end] is not ((byte)'.' or (byte)'e' or (byte)'E') && end < QJsonLimits.MaxMessageSize)
        {
            EmitWholeToken(JsonTokenType.Integer, data.Slice(i, end + 1), i);
            return i + end + 1;
        }

        OpenToken(data[i], i, LexState.Digits);
        return i + 1;
    }

    private int LexWholeKeyword(ReadOnlySpan<byte> data, int i)
    {
        var end = data[(i + 1)..].IndexOfAnyExceptInRange((byte)'a', (byte)'z');
        if (end >= 0 && end < QJsonLimits.MaxMessageSize)
        {
            EmitWholeToken(JsonTokenType.Keyword, data.Slice(i, end + 1), i);
            return i + end + 1;
        }

        OpenToken(data[i], i, LexState.Keyword);
        return i + 1;
    }

    private void EmitWholeToken(JsonTokenType type, ReadOnlySpan<byte> token, int i)
    {
        var start = _textLength;
        AppendText(token);
        OnToken(type, start, token.Length, _position + i, escaped: false, ascii: true);
    }

    /// <summary>
    /// Fast path for a whole message: when an array or object starts a message and is complete
    /// and valid within this chunk, the parser reads it straight from the chunk, with the same
    /// value the token path would give and the same end (its closing bracket). Returns the index
    /// after it, or 0 to lex it token by token.
    /// </summary>
    private int TryWholeMessage(ReadOnlySpan<byte> data, int i)
    {
        if (_parser.TryParseDirectPrefix(data[i..], out var length) is not { } value)
        {
            return 0;
        }

        LastMessagePosition = _position + i;
        Emit(new QJsonMessage(value));
        return i + length;
    }

    private int LexString(ReadOnlySpan<byte> data, int i, SearchValues<byte> stops, byte quote, LexState escape)
    {
        var open = _state;
        i = AppendRun(data, i, data[i..].IndexOfAny(stops));
        if (_state != open || i == data.Length)
        {
            return i;
        }

        var c = data[i];
        if (c == quote)
        {
            AppendText(c);
            EndToken(JsonTokenType.String);
        }
        else if (c == '\\')
        {
            _tokenEscaped = true;
            if (AppendToOpenToken(c, i))
            {
                _state = escape;
            }
        }
        else
        {
            Stray(c, i);
        }

        return i + 1;
    }

    private void OpenToken(byte first, int i, LexState state)
    {
        _tokenStart = _textLength;
        _tokenPosition = _position + i;
        _tokenEscaped = false;
        AppendText(first);
        _state = state;
    }

    /// <summary>
    /// Appends the run of <paramref name="length"/> bytes at <paramref name="i"/> (to the end of
    /// the chunk when negative) to the open token; returns the index after what was taken.
    /// </summary>
    private int AppendRun(ReadOnlySpan<byte> data, int i, int length)
    {
        if (length < 0)
        {
            length = data.Length - i;
        }

        var room = QJsonLimits.MaxMessageSize + 1 - (_textLength - _tokenStart);
        if (length < room)
        {
            AppendText(data.Slice(i, length));
            return i + length;
        }

        // QEMU lets a token grow one byte past the limit, then cuts it off.
        AppendText(data.Slice(i, room));
        CutOffToken(i + room - 1);
        return i + room;
    }

    /// <summary>Appends a byte that keeps the token open; false when that cut the token off.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AppendToOpenToken(byte c, int i)
    {
        AppendText(c);
        if (_textLength - _tokenStart > QJsonLimits.MaxMessageSize)
        {
            CutOffToken(i);
            return false;
        }

        return true;
    }

    private void CutOffToken(int i)
    {
        // QEMU hands the oversized fragment to the streamer, whose size check then always fails.
        _state = LexState.Start;
        OnTokenSizeExceeded(_position + i);
    }

    private void EndToken(JsonTokenType type)
    {
        _state = LexState.Start;
        OnToken(type, _tokenStart, _textLength - _tokenStart, _tokenPosition, _tokenEscaped, ascii: false);
    }

    /// <summary>
    /// A byte that cannot continue the open token (or start one). QEMU consumes it into the
    /// token, reports the whole token as stray, and skips ahead to a resynchronisation point.
    /// </summary>
    private void Stray(byte c, int i)
    {
        AppendText(c);
        _state = LexState.Recovery;
        OnLexicalError(_tokenStart, _position + i);
    }

    private void FlushLexer()
    {
        // QEMU feeds a NUL that no state consumes: an open token ends or is an error.
        switch (_state)
        {
            case LexState.Zero or LexState.Digits:
                EndToken(JsonTokenType.Integer);
                break;
            case LexState.MantissaDigits or LexState.ExponentDigits:
                EndToken(JsonTokenType.Float);
                break;
            case LexState.Keyword:
                EndToken(JsonTokenType.Keyword);
                break;
            case LexState.Start or LexState.Recovery:
                break;
            default:
                Debug.Assert(_state is LexState.DoubleQuoted or LexState.DoubleQuotedEscape or LexState.SingleQuoted
                    or LexState.SingleQuotedEscape or LexState.Sign or LexState.Mantissa or LexState.ExponentMark or LexState.ExponentSign);
                OnLexicalError(_tokenStart, _position);
                break;
        }

        _state = LexState.Start;
    }
}
