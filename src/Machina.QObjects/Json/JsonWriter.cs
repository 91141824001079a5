using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Machina.QObjects.Text;

namespace Machina.QObjects.Json;

/// <summary>
/// QEMU's JSON writer (qobject/json-writer.c driven by qjson.c's to_json): compact or pretty,
/// keys in insertion or QEMU's order. Writes straight into the caller's buffer; allocates nothing
/// per value.
/// </summary>
internal ref struct JsonWriter
{
    private const int MinimumChunk = 4096;

    // Characters written as themselves: printable ASCII except the quote and the backslash.
    private static readonly SearchValues<char> PlainChars = SearchValues.Create(PlainCharacters());

    private readonly IBufferWriter<byte> _output;
    private readonly bool _pretty;
    private readonly bool _qemuOrder;
    private Span<byte> _span;
    private int _written;

    public JsonWriter(IBufferWriter<byte> output, QJsonWriterOptions options)
    {
        _output = output;
        _pretty = options.Pretty;
        _qemuOrder = options.KeyOrder == QJsonKeyOrder.Qemu;
        _span = default;
        _written = 0;
    }

    private static string PlainCharacters()
    {
        var sb = new StringBuilder();
        for (var c = ' '; c <= '~'; c++)
        {
            if (c is not '"' and not '\\')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Writes <paramref name="value"/> and commits everything to the output.</summary>
    public void WriteRoot(QObject value)
    {
        WriteValue(value, 0);
        _output.Advance(_written);
        _written = 0;
        _span = default;
    }

    private void WriteValue(QObject value, int depth)
    {
        switch (value)
        {
            case QString s:
                WriteString(s.Value);
                break;
            case QNum n:
                WriteNumber(n);
                break;
            case QBool b:
                WriteRaw(b.Value ? "true"u8 : "false"u8);
                break;
            case QNull:
                WriteRaw("null"u8);
                break;
            case QDict d:
                WriteDict(d, depth);
                break;
            case QList l:
                WriteList(l, depth);
                break;
            default:
                throw new ArgumentException($"unknown QObject type {value.GetType()}", nameof(value));
        }
    }

    private void WriteDict(QDict dict, int depth)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        WriteByte((byte)'{');
        var count = dict.Count;
        if (_qemuOrder && count > 1)
        {
            int[]? rented = null;
            var order = count <= 64 ? stackalloc int[count] : (rented = ArrayPool<int>.Shared.Rent(count)).AsSpan(0, count);
            QemuDictOrder.Sort(dict, order);
            for (var i = 0; i < count; i++)
            {
                var entry = dict.GetAt(order[i]);
                WriteMember(i, entry.Key, entry.Value, depth + 1);
            }

            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                var entry = dict.GetAt(i);
                WriteMember(i, entry.Key, entry.Value, depth + 1);
            }
        }

        CloseContainer((byte)'}', depth);
    }

    private void WriteMember(int index, string key, QObject value, int depth)
    {
        Separate(index, depth);
        WriteString(key);
        WriteRaw(": "u8);
        WriteValue(value, depth);
    }

    private void WriteList(QList list, int depth)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        WriteByte((byte)'[');
        for (var i = 0; i < list.Count; i++)
        {
            Separate(i, depth + 1);
            WriteValue(list[i], depth + 1);
        }

        CloseContainer((byte)']', depth);
    }

    // Before an item: ", " in compact form; in pretty form a comma (not before the first item)
    // and a new line indented four spaces per level.
    private void Separate(int index, int depth)
    {
        if (_pretty)
        {
            if (index > 0)
            {
                WriteByte((byte)',');
            }

            NewLine(depth);
        }
        else if (index > 0)
        {
            WriteRaw(", "u8);
        }
    }

    private void CloseContainer(byte close, int depth)
    {
        if (_pretty)
        {
            NewLine(depth);
        }

        WriteByte(close);
    }

    private void NewLine(int depth)
    {
        var span = Reserve(1 + (depth * 4));
        span[0] = (byte)'\n';
        span.Slice(1, depth * 4).Fill((byte)' ');
        _written += 1 + (depth * 4);
    }

    private void WriteNumber(QNum n)
    {
        var span = Reserve(CFormat.MaxG17Length);
        int length;
        switch (n.Kind)
        {
            case QNumKind.Int64:
                n.GetInt64().TryFormat(span, out length, default, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case QNumKind.UInt64:
                n.GetUInt64().TryFormat(span, out length, default, System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                length = CFormat.WriteG(n.ToDouble(), 17, span);
                break;
        }

        _written += length;
    }

    /// <summary>A string as QEMU quotes it: ASCII only, \uXXXX with upper-case digits.</summary>
    private void WriteString(string value)
    {
        WriteByte((byte)'"');
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var plain = rest.IndexOfAnyExcept(PlainChars);
            if (plain < 0)
            {
                plain = rest.Length;
            }

            if (plain > 0)
            {
                // Plain characters are ASCII, one byte each; big runs go in pieces.
                var run = rest[..plain];
                while (!run.IsEmpty)
                {
                    var span = Reserve(Math.Min(run.Length, MinimumChunk));
                    var take = Math.Min(run.Length, span.Length);
                    Ascii.FromUtf16(run[..take], span, out _);
                    _written += take;
                    run = run[take..];
                }

                rest = rest[plain..];
                if (rest.IsEmpty)
                {
                    break;
                }
            }

            rest = rest[WriteEscape(rest)..];
        }

        WriteByte((byte)'"');
    }

    /// <summary>Escapes the character at the start of <paramref name="s"/>; returns how many UTF-16 units it took.</summary>
    private int WriteEscape(ReadOnlySpan<char> s)
    {
        var c = s[0];
        switch (c)
        {
            case '"':
                WriteRaw("\\\""u8);
                return 1;
            case '\\':
                WriteRaw("\\\\"u8);
                return 1;
            case '\b':
                WriteRaw("\\b"u8);
                return 1;
            case '\f':
                WriteRaw("\\f"u8);
                return 1;
            case '\n':
                WriteRaw("\\n"u8);
                return 1;
            case '\r':
                WriteRaw("\\r"u8);
                return 1;
            case '\t':
                WriteRaw("\\t"u8);
                return 1;
        }

        if (char.IsHighSurrogate(c) && s.Length > 1 && char.IsLowSurrogate(s[1]))
        {
            var cp = char.ConvertToUtf32(c, s[1]);
            if (ModifiedUtf8.IsValidCodePoint(cp))
            {
                WriteUnicodeEscape(c);
                WriteUnicodeEscape(s[1]);
            }
            else
            {
                WriteUnicodeEscape('\uFFFD'); // a noncharacter: QEMU's decoder rejects it
            }

            return 2;
        }

        // QEMU writes U+FFFD for what its decoder rejects: here noncharacters and unpaired surrogates.
        WriteUnicodeEscape(ModifiedUtf8.IsValidCodePoint(c) ? c : '\uFFFD');
        return 1;
    }

    private void WriteUnicodeEscape(char c)
    {
        var span = Reserve(6);
        span[0] = (byte)'\\';
        span[1] = (byte)'u';
        span[2] = HexDigit(c >> 12);
        span[3] = HexDigit((c >> 8) & 0xF);
        span[4] = HexDigit((c >> 4) & 0xF);
        span[5] = HexDigit(c & 0xF);
        _written += 6;
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'A' + value - 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteByte(byte b)
    {
        if (_written >= _span.Length)
        {
            Refill(1);
        }

        _span[_written++] = b;
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        var span = Reserve(bytes.Length);
        bytes.CopyTo(span);
        _written += bytes.Length;
    }

    /// <summary>At least <paramref name="size"/> free bytes at the write position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int size)
    {
        if (_span.Length - _written < size)
        {
            Refill(size);
        }

        return _span[_written..];
    }

    private void Refill(int size)
    {
        _output.Advance(_written);
        _written = 0;
        _span = _output.GetSpan(Math.Max(size, MinimumChunk));
    }
}
