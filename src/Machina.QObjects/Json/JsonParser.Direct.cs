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

        // The scanning loops work on locals: fields of a ref struct live behind a reference, and
        // the JIT would otherwise reload and store them on every byte.
        private void SkipWhitespace()
        {
            var input = _input;
            var i = _i;
            while ((uint)i < (uint)input.Length && input[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            _i = i;
        }

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

            // Containers are built as they are read (not via a reused stack: storing new objects
            // into a long-lived array costs the garbage collector more than growing a new one).
            var dict = new QDict();
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

                if (!dict.TryAddParsed(key, value))
                {
                    return null; // a duplicate key: the exact path reports it
                }

                SkipWhitespace();
                if (_i == _input.Length)
                {
                    return null;
                }

                var c = _input[_i++];
                if (c == '}')
                {
                    return dict;
                }

                if (c != ',')
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
                SkipWhitespace();
                if (_i == _input.Length)
                {
                    return null;
                }

                var c = _input[_i++];
                if (c == ']')
                {
                    return list;
                }

                if (c != ',')
                {
                    return null;
                }
            }
        }

        /// <summary>Skips a complete string token the lexer would accept.</summary>
        private bool String(out bool escaped, out bool ascii)
        {
            var input = _input;
            var i = _i;
            var quote = input[i++];
            escaped = false;
            var high = 0;
            while ((uint)i < (uint)input.Length)
            {
                var b = input[i++];
                if (b == quote)
                {
                    _i = i;
                    ascii = high < 0x80;
                    return true;
                }

                if (b < 0x20 || b >= 0xFE)
                {
                    break;
                }

                if (b == '\\')
                {
                    if ((uint)i >= (uint)input.Length || input[i] < 0x20 || input[i] >= 0xFE)
                    {
                        break;
                    }

                    escaped = true;
                    i++;
                }

                high |= b;
            }

            _i = i;
            ascii = false;
            return false;
        }

        private QNum? Number()
        {
            var start = _i;
            if (_input[_i] == '-')
            {
                _i++;
            }

            var digits = Digits();
            if (digits == 0 || (digits > 1 && _input[_i - digits] == '0'))
            {
                return null; // "-" alone, or a leading zero: QEMU's lexer refuses both
            }

            var zero = digits == 1 && _input[_i - 1] == '0';
            var isFloat = false;
            if (_i < _input.Length && _input[_i] == '.')
            {
                _i++;
                if (Digits() == 0)
                {
                    return null;
                }

                isFloat = true;
                zero = false;
            }

            if (_i < _input.Length && _input[_i] is (byte)'e' or (byte)'E')
            {
                if (zero)
                {
                    return null; // QEMU reads "0e5" as 0 and a keyword
                }

                _i++;
                if (_i < _input.Length && _input[_i] is (byte)'+' or (byte)'-')
                {
                    _i++;
                }

                if (Digits() == 0)
                {
                    return null;
                }

                isFloat = true;
            }

            var text = _input[start.._i];
            return isFloat ? new QNum(ParseDouble(text)) : ParseInteger(text);
        }

        private int Digits()
        {
            var input = _input;
            var start = _i;
            var i = start;
            while ((uint)i < (uint)input.Length && (uint)(input[i] - '0') <= 9)
            {
                i++;
            }

            _i = i;
            return i - start;
        }

        private QObject? Keyword()
        {
            var start = _i;
            while (_i < _input.Length && _input[_i] is >= (byte)'a' and <= (byte)'z')
            {
                _i++;
            }

            var word = _input[start.._i];
            return word.SequenceEqual("true"u8) ? QBool.True
                : word.SequenceEqual("false"u8) ? QBool.False
                : word.SequenceEqual("null"u8) ? QNull.Instance
                : null;
        }
    }
}
