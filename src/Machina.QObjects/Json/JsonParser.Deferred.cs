namespace Machina.QObjects.Json;

// The deferred path for QJson.Parse of large messages: one pass validates the message and records
// a row per value (JsonTape); dictionaries and lists are built when first used. A big reply such
// as query-qmp-schema's is often read only in part, and a tree that is built at once must also
// survive the garbage collector while it is built, which costs more than building it.
// Like the direct path, this one accepts only what QEMU reads as exactly one value and gives up
// at the first doubt; the direct and then the exact path decide what it leaves.
internal sealed partial class JsonParser
{
    // An object with more keys is left to the direct path: duplicate keys are found here by
    // comparing each key with the ones before it.
    private const int DeferredMaxKeys = 1024;

    // Scratch space reused between parses; the tape gets exact copies. Scratch grown past the
    // retained size by one huge message is dropped afterwards.
    private const int RetainedRowScratch = 1 << 18;
    private int[] _rowScratch = new int[256];
    private readonly List<string> _decodedScratch = [];
    private ulong[] _keyHashes = new ulong[32];
    private int[] _keyRows = new int[32];

    /// <summary>
    /// The value <paramref name="input"/> holds, its containers built when first used; null when
    /// the direct or exact path must decide.
    /// </summary>
    public QObject? TryParseDeferred(ReadOnlySpan<byte> input)
    {
        // Below these sizes the message size and token count limits cannot be reached.
        if (input.Length >= QJsonLimits.MaxMessageSize || input.Length > QJsonLimits.MaxTokenCount)
        {
            return null;
        }

        try
        {
            var reader = new DeferredReader(this, input);
            if (!reader.Value(0) || !reader.AtEnd())
            {
                return null;
            }

            var decoded = _decodedScratch.Count == 0 ? [] : _decodedScratch.ToArray();
            var tape = new JsonTape(
                JsonTape.Chunk(input, JsonTape.ByteChunkBits),
                JsonTape.Chunk<int>(_rowScratch.AsSpan(0, 2 * reader.Rows), JsonTape.RowChunkBits + 1),
                decoded);
            return tape.Root();
        }
        finally
        {
            _error = null;
            _decodedScratch.Clear();
            if (_rowScratch.Length > RetainedRowScratch)
            {
                _rowScratch = new int[256];
            }
        }
    }

    private ref struct DeferredReader(JsonParser parser, ReadOnlySpan<byte> input)
    {
        private readonly JsonParser _parser = parser;
        private readonly ReadOnlySpan<byte> _input = input;
        private int[] _rows = parser._rowScratch;
        private int _i;
        private int _keyTop;

        /// <summary>How many rows have been recorded.</summary>
        public int Rows { get; private set; }

        /// <summary>Whitespace, then the end of the input.</summary>
        public bool AtEnd()
        {
            _i = JsonScan.SkipWhitespace(_input, _i);
            return _i == _input.Length;
        }

        /// <summary>Records the value opening at nesting <paramref name="depth"/>.</summary>
        public bool Value(int depth)
        {
            _i = JsonScan.SkipWhitespace(_input, _i);
            if (_i == _input.Length)
            {
                return false;
            }

            var start = _i;
            switch (_input[_i])
            {
                case (byte)'{':
                    return depth < QJsonLimits.MaxNesting && Object(depth + 1);
                case (byte)'[':
                    return depth < QJsonLimits.MaxNesting && Array(depth + 1);
                case (byte)'"' or (byte)'\'':
                    return String(start);
                case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                    if (!JsonScan.Number(_input, ref _i, out var isFloat))
                    {
                        return false;
                    }

                    AddRow(start, ((_i - start) << JsonTape.KindBits) | (isFloat ? JsonTape.KindFloat : JsonTape.KindInteger));
                    return true;
                case >= (byte)'a' and <= (byte)'z':
                {
                    var keyword = JsonScan.Keyword(_input, ref _i);
                    if (keyword < 0)
                    {
                        return false;
                    }

                    AddRow(keyword, JsonTape.KindKeyword);
                    return true;
                }

                default:
                    return false;
            }
        }

        private bool Object(int depth)
        {
            var row = AddRow(0, JsonTape.KindObject);
            _i = JsonScan.SkipWhitespace(_input, _i + 1);
            if (_i < _input.Length && _input[_i] == '}')
            {
                _i++;
                return Close(row, 0, JsonTape.KindObject);
            }

            var keyBase = _keyTop;
            var count = 0;
            while (true)
            {
                _i = JsonScan.SkipWhitespace(_input, _i);
                if (_i == _input.Length || _input[_i] is not ((byte)'"' or (byte)'\'') || !Key(keyBase))
                {
                    return false;
                }

                _i = JsonScan.SkipWhitespace(_input, _i);
                if (_i == _input.Length || _input[_i] != ':')
                {
                    return false;
                }

                _i++;
                if (!Value(depth))
                {
                    return false;
                }

                count++;
                var next = JsonScan.AfterMember(_input, ref _i, (byte)'}');
                if (next == JsonScan.Closed)
                {
                    _keyTop = keyBase;
                    return Close(row, count, JsonTape.KindObject);
                }

                if (next != JsonScan.Comma)
                {
                    return false;
                }
            }
        }

        private bool Array(int depth)
        {
            var row = AddRow(0, JsonTape.KindArray);
            _i = JsonScan.SkipWhitespace(_input, _i + 1);
            if (_i < _input.Length && _input[_i] == ']')
            {
                _i++;
                return Close(row, 0, JsonTape.KindArray);
            }

            var count = 0;
            while (true)
            {
                if (!Value(depth))
                {
                    return false;
                }

                count++;
                var next = JsonScan.AfterMember(_input, ref _i, (byte)']');
                if (next == JsonScan.Closed)
                {
                    return Close(row, count, JsonTape.KindArray);
                }

                if (next != JsonScan.Comma)
                {
                    return false;
                }
            }
        }

        private readonly bool Close(int row, int count, int kind)
        {
            _rows[2 * row] = count;
            _rows[(2 * row) + 1] = ((Rows - row) << JsonTape.KindBits) | kind;
            return true;
        }

        // A key is kept as its bytes, so it must be one whose bytes say what it is: no escapes,
        // UTF-8 that decodes as QEMU decodes it. Equal keys are then equal bytes.
        private bool Key(int keyBase)
        {
            var start = _i;
            if (!JsonScan.String(_input, ref _i, out var escaped, out var ascii) || escaped)
            {
                return false;
            }

            var content = _input[(start + 1)..(_i - 1)];
            if (!ascii && !IsPlainUtf8(content, ascii))
            {
                return false;
            }

            var hash = HeadTailHash(content);
            var hashes = _parser._keyHashes;
            var keyRows = _parser._keyRows;
            for (var k = keyBase; k < _keyTop; k++)
            {
                if (hashes[k] == hash && Token(keyRows[k])[1..^1].SequenceEqual(content))
                {
                    return false; // a duplicate key: the exact path reports it
                }
            }

            if (_keyTop - keyBase == DeferredMaxKeys)
            {
                return false;
            }

            if (_keyTop == hashes.Length)
            {
                System.Array.Resize(ref _parser._keyHashes, hashes.Length * 2);
                System.Array.Resize(ref _parser._keyRows, hashes.Length * 2);
            }

            _parser._keyHashes[_keyTop] = hash;
            _parser._keyRows[_keyTop] = AddRow(start, ((_i - start) << JsonTape.KindBits) | (ascii ? JsonTape.KindAscii : JsonTape.KindUtf8));
            _keyTop++;
            return true;
        }

        private bool String(int start)
        {
            if (!JsonScan.String(_input, ref _i, out var escaped, out var ascii))
            {
                return false;
            }

            var token = _input[start.._i];
            if (!escaped && (ascii || IsPlainUtf8(token[1..^1], ascii)))
            {
                AddRow(start, (token.Length << JsonTape.KindBits) | (ascii ? JsonTape.KindAscii : JsonTape.KindUtf8));
                return true;
            }

            // Escapes and UTF-8 that needs QEMU's own rules are decoded now, which also finds
            // their errors; they are rare.
            if (_parser.DecodeString(token, escaped, ascii, start) is not { } decoded)
            {
                return false;
            }

            AddRow(_parser._decodedScratch.Count, JsonTape.KindDecoded);
            _parser._decodedScratch.Add(decoded);
            return true;
        }

        private int AddRow(int first, int info)
        {
            var row = Rows;
            if (2 * row == _rows.Length)
            {
                System.Array.Resize(ref _parser._rowScratch, _rows.Length * 2);
                _rows = _parser._rowScratch;
            }

            _rows[2 * row] = first;
            _rows[(2 * row) + 1] = info;
            Rows = row + 1;
            return row;
        }

        private readonly ReadOnlySpan<byte> Token(int row) =>
            _input.Slice(_rows[2 * row], _rows[(2 * row) + 1] >> JsonTape.KindBits);
    }
}
