using System.Diagnostics;

namespace Machina.QObjects.Json;

/// <summary>
/// QEMU's json-parser.c: builds the value of one complete message from its tokens, or reports
/// the first error QEMU would, with QEMU's text.
/// </summary>
/// <remarks>
/// The token list is one message as the streamer delimited it. The parser stops at the first
/// error; like QEMU's, it parses a non-string key completely before rejecting it, and checks a
/// key for duplicates only after its value parsed.
/// Nesting is at most <see cref="QJsonLimits.MaxNesting"/>, so recursion depth is bounded.
/// </remarks>
internal sealed partial class JsonParser
{
    private const string Prefix = "JSON parse error, ";

    private JsonToken[] _tokens = [];
    private int _count;
    private int _next;
    private byte[] _text = [];
    private QJsonError? _error;

    /// <summary>Parses the first <paramref name="count"/> tokens; their text is in <paramref name="text"/>.</summary>
    public QJsonMessage Parse(JsonToken[] tokens, int count, byte[] text)
    {
        Debug.Assert(count > 0);
        _tokens = tokens;
        _count = count;
        _next = 0;
        _text = text;
        _error = null;
        try
        {
            var value = ParseValue();
            if (value is null)
            {
                Debug.Assert(_error is not null);
                return new QJsonMessage(_error);
            }

            // The streamer ends a message where its outermost value ends, so nothing is left over.
            Debug.Assert(_next == _count);
            return new QJsonMessage(value);
        }
        finally
        {
            _tokens = [];
            _text = [];
            _error = null;
        }
    }

    /// <summary>Records the first error only, as QEMU's parse_error does.</summary>
    private void Fail(string message, long position) => _error ??= new QJsonError(Prefix + message, position);

    private void FailPrematureEnd()
    {
        ref readonly var last = ref _tokens[_count - 1];
        Fail("premature EOI", last.Position + last.Length);
    }

    private QObject? ParseValue()
    {
        if (_next == _count)
        {
            FailPrematureEnd();
            return null;
        }

        ref readonly var token = ref _tokens[_next];
        switch (token.Type)
        {
            case JsonTokenType.LeftCurly:
                return ParseObject();
            case JsonTokenType.LeftSquare:
                return ParseArray();
            case JsonTokenType.String:
                _next++;
                return ParseStringValue(in token);
            case JsonTokenType.Integer:
                _next++;
                return ParseInteger(in token);
            case JsonTokenType.Float:
                _next++;
                return ParseFloat(in token);
            case JsonTokenType.Keyword:
                _next++;
                return ParseKeyword(in token);
            default:
                Fail("expecting value", token.Position);
                return null;
        }
    }

    private QDict? ParseObject()
    {
        var commas = _tokens[_next++].Commas; // the '{'
        if (_next == _count)
        {
            FailPrematureEnd();
            return null;
        }

        if (_tokens[_next].Type == JsonTokenType.RightCurly)
        {
            _next++;
            return new QDict();
        }

        var dict = new QDict(commas + 1);

        if (!ParsePair(dict))
        {
            return null;
        }

        while (true)
        {
            if (_next == _count)
            {
                FailPrematureEnd();
                return null;
            }

            ref readonly var token = ref _tokens[_next++];
            if (token.Type == JsonTokenType.RightCurly)
            {
                return dict;
            }

            if (token.Type != JsonTokenType.Comma)
            {
                Fail("expected separator in dict", token.Position);
                return null;
            }

            if (!ParsePair(dict))
            {
                return null;
            }
        }
    }

    private bool ParsePair(QDict dict)
    {
        if (_next == _count)
        {
            FailPrematureEnd();
            return false;
        }

        ref readonly var keyToken = ref _tokens[_next];
        string? key;
        if (keyToken.Type == JsonTokenType.String)
        {
            _next++;
            key = DecodeKey(in keyToken);
            if (key is null)
            {
                return false;
            }
        }
        else
        {
            // QEMU parses whatever stands in the key's place before rejecting it.
            if (ParseValue() is not null)
            {
                Fail("key is not a string in object", keyToken.Position);
            }

            return false;
        }

        if (_next == _count)
        {
            FailPrematureEnd();
            return false;
        }

        ref readonly var colon = ref _tokens[_next++];
        if (colon.Type != JsonTokenType.Colon)
        {
            Fail("missing : in object pair", colon.Position);
            return false;
        }

        var value = ParseValue();
        if (value is null)
        {
            return false;
        }

        if (!dict.TryAddParsed(key, value))
        {
            Fail("duplicate key", keyToken.Position);
            return false;
        }

        return true;
    }

    private QList? ParseArray()
    {
        var commas = _tokens[_next++].Commas; // the '['
        if (_next == _count)
        {
            FailPrematureEnd();
            return null;
        }

        if (_tokens[_next].Type == JsonTokenType.RightSquare)
        {
            _next++;
            return new QList();
        }

        var list = new QList(commas + 1);

        var item = ParseValue();
        if (item is null)
        {
            return null;
        }

        list.AddParsed(item);
        while (true)
        {
            if (_next == _count)
            {
                FailPrematureEnd();
                return null;
            }

            ref readonly var token = ref _tokens[_next++];
            if (token.Type == JsonTokenType.RightSquare)
            {
                return list;
            }

            if (token.Type != JsonTokenType.Comma)
            {
                Fail("expected separator in list", token.Position);
                return null;
            }

            item = ParseValue();
            if (item is null)
            {
                return null;
            }

            list.AddParsed(item);
        }
    }

    private QObject? ParseKeyword(in JsonToken token)
    {
        var word = _text.AsSpan(token.Start, token.Length);
        if (word.SequenceEqual("true"u8))
        {
            return QBool.True;
        }

        if (word.SequenceEqual("false"u8))
        {
            return QBool.False;
        }

        if (word.SequenceEqual("null"u8))
        {
            return QNull.Instance;
        }

        Fail($"invalid keyword '{System.Text.Encoding.ASCII.GetString(word)}'", token.Position);
        return null;
    }
}
