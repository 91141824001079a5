using System.Runtime.CompilerServices;

namespace Machina.QObjects.Json;

// The direct path for QJson.Parse: one pass over the input, building values as it goes, with no
// token list. It accepts only input that QEMU reads as exactly one value, and builds the same
// value; at the first thing it does not expect (any error, a limit in reach, an oddity such as
// "0e5") it gives up, and the caller runs the exact lexer, streamer and parser, which then
// produce QEMU's error. Valid input, the common case, is read once; invalid input twice.
internal sealed partial class JsonParser
{

    /// <summary>The value of <paramref name="input"/>, or null when the exact path must decide.</summary>
    public QObject? TryParseDirect(ReadOnlySpan<byte> input)
    {
        // Below these sizes the message size and token count limits cannot be reached.
        if (input.Length >= QJsonLimits.MaxMessageSize || input.Length > QJsonLimits.MaxTokenCount)
        {
            return null;
        }

        var reader = new DirectReader(this, input);
        var value = reader.Value(0);
        if (value is null || !reader.AtEnd())
        {
            _error = null;
            return null;
        }

        return value;
    }

    /// <summary>
    /// The array or object that opens <paramref name="input"/>, read directly, and how many bytes
    /// it took; null when the exact path must decide (an error, or the value goes on past the input).
    /// </summary>
    public QObject? TryParseDirectPrefix(ReadOnlySpan<byte> input, out int length)
    {
        length = 0;
        if (input.Length > QJsonLimits.MaxTokenCount)
        {
            input = input[..QJsonLimits.MaxTokenCount]; // keeps both limits out of reach
        }

        var reader = new DirectReader(this, input);
        var value = reader.Value(0);
        if (value is null)
        {
            _error = null;
            return null;
        }

        length = reader.Consumed;
        return value;
    }

    private ref struct DirectReader(JsonParser parser, ReadOnlySpan<byte> input)
    {
        private readonly JsonParser _parser = parser;
        private readonly ReadOnlySpan<byte> _input = input;
        private int _i;

        /// <summary>How many bytes have been read.</summary>
        public readonly int Consumed => _i;

        /// <summary>Whitespace, then the end of the input.</summary>
        public bool AtEnd()
        {
            SkipWhitespace();
            return _i == _input.Length;
        }

        private void SkipWhitespace() => _i = JsonScan.SkipWhitespace(_input, _i);

        /// <summary>A value opening at nesting <paramref name="depth"/> (open brackets around it).</summary>
        public QObject? Value(int depth)
        {
            SkipWhitespace();
            if (_i == _input.Length)
            {
                return null;
            }

            switch (_input[_i])
            {
                case (byte)'{':
                    return depth < QJsonLimits.MaxNesting ? Object(depth + 1) : null;
                case (byte)'[':
                    return depth < QJsonLimits.MaxNesting ? Array(depth + 1) : null;
                case (byte)'"' or (byte)'\'':
                {
                    var start = _i;
                    return String(out var escaped, out var ascii)
                        ? _parser.ParseStringValue(_input[start.._i], escaped, ascii, start)
                        : null;
                }

                case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                    return Number();
                case >= (byte)'a' and <= (byte)'z':
                    return Keyword();
                default:
                    return null;
            }
        }

        private QDict? Object(int depth)
        {
            _i++; // '{'
            SkipWhitespace();
            if (_i < _input.Length && _input[_i] == '}')
            {
                _i++;
                return new QDict();
            }

            // The first entries wait on the stack, so that the dictionary gets an array of its final
            // size (QMP's are small); a long-lived scratch array would not do: storing new objects
            // into one costs the garbage collector more than growing a new array.
            var first = default(FirstEntries);
            var n = 0;
            QDict? dict = null;
            while (true)
            {
                SkipWhitespace();
                var start = _i;
                if (_i == _input.Length || _input[_i] is not ((byte)'"' or (byte)'\'') || !String(out var escaped, out var ascii))
                {
                    return null;
                }

                var key = _parser.DecodeKey(_input[start.._i], escaped, ascii, start);
                SkipWhitespace();
                if (key is null || _i == _input.Length || _input[_i] != ':')
                {
                    return null;
                }

                _i++;
                var value = Value(depth);
                if (value is null)
                {
                    return null;
                }

                if (dict is not null)
                {
                    if (!dict.TryAddParsed(key, value))
                    {
                        return null; // a duplicate key: the exact path reports it
                    }
                }
                else
                {
                    for (var k = 0; k < n; k++)
                    {
                        if (string.Equals(first[k].Key, key, StringComparison.Ordinal))
                        {
                            return null;
                        }
                    }

                    if (n < FirstEntries.Length)
                    {
                        first[n].Key = key;
                        first[n].Value = value;
                        n++;
                    }
                    else
                    {
                        dict = new QDict((ReadOnlySpan<QDict.Entry>)first);
                        dict.TryAddParsed(key, value);
                    }
                }

                var next = JsonScan.AfterMember(_input, ref _i, (byte)'}');
                if (next == JsonScan.Closed)
                {
                    return dict ?? new QDict(((ReadOnlySpan<QDict.Entry>)first)[..n]);
                }

                if (next != JsonScan.Comma)
                {
                    return null;
                }
            }
        }

        private QList? Array(int depth)
        {
            _i++; // '['
            SkipWhitespace();
            if (_i < _input.Length && _input[_i] == ']')
            {
                _i++;
                return new QList();
            }

            var list = new QList();
            while (true)
            {
                var item = Value(depth);
                if (item is null)
                {
                    return null;
                }

                list.AddParsed(item);
                var next = JsonScan.AfterMember(_input, ref _i, (byte)']');
                if (next == JsonScan.Closed)
                {
                    return list;
                }

                if (next != JsonScan.Comma)
                {
                    return null;
                }
            }
        }

        private bool String(out bool escaped, out bool ascii) => JsonScan.String(_input, ref _i, out escaped, out ascii);

        private QNum? Number()
        {
            var start = _i;
            if (!JsonScan.Number(_input, ref _i, out var isFloat))
            {
                return null;
            }

            var text = _input[start.._i];
            return isFloat ? new QNum(ParseDouble(text)) : ParseInteger(text);
        }

        private QObject? Keyword() => JsonScan.Keyword(_input, ref _i) switch
        {
            JsonScan.True => QBool.True,
            JsonScan.False => QBool.False,
            JsonScan.Null => QNull.Instance,
            _ => null,
        };
    }

    [InlineArray(Length)]
    private struct FirstEntries
    {
        public const int Length = 8;

        private QDict.Entry _entry;
    }
}
