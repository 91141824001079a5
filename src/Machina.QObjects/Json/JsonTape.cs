using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Machina.QObjects.Json;

/// <summary>
/// A validated message whose containers are built when first used: a copy of its bytes and one
/// row per value, in document order. <see cref="QDict"/> and <see cref="QList"/> objects made from
/// a tape hold it and their row until something reads them; then they build their own entries
/// (children that are containers again wait for their first use) and let go of the tape.
/// </summary>
/// <remarks>
/// A row is two integers. The second holds the row's kind in its low three bits and a number
/// above them: for a container, how many rows it spans with its contents; for a token, its length
/// in bytes. The first holds a container's member count, a token's offset in the bytes, the index
/// of a string decoded while validating, or which keyword it is. An object's rows are its keys
/// and values alternating. Everything QEMU could reject was checked when the tape was made, so
/// building values from it cannot fail.
/// </remarks>
internal sealed class JsonTape : DeferredContents
{
    public const int KindObject = 0;
    public const int KindArray = 1;
    public const int KindAscii = 2;   // a string token of plain ASCII, quotes included
    public const int KindUtf8 = 3;    // a string token whose UTF-8 .NET decodes as QEMU does
    public const int KindDecoded = 4; // a string decoded while validating (escapes, odd UTF-8)
    public const int KindInteger = 5;
    public const int KindFloat = 6;
    public const int KindKeyword = 7; // first integer: JsonScan.False, True or Null
    public const int KindBits = 3;
    public const int KindMask = (1 << KindBits) - 1;

    // Bytes and rows are kept in chunks small enough to stay off the large object heap: a large
    // object is collected only with generation 2, and allocating them for every big message made
    // the garbage collector run full collections (measured: 40% of the parse).
    public const int ByteChunkBits = 16;      // 64 KiB of bytes
    public const int RowChunkBits = 13;       // 8 Ki rows, 64 KiB of integers
    private const int RowChunkMask = (1 << RowChunkBits) - 1;
    private const int ByteChunkMask = (1 << ByteChunkBits) - 1;

    // Decoding while building uses a parser's string caches; building runs no user code and never
    // parses, so one parser per thread is never re-entered.
    [ThreadStatic]
    private static JsonParser? t_parser;

    // Where a token that crosses a chunk boundary is put together.
    [ThreadStatic]
    private static byte[]? t_joined;

    private readonly byte[][] _utf8;
    private readonly int[][] _rows;
    private readonly string[] _decoded;

    /// <summary>A tape of the message <paramref name="utf8"/>, its rows and the strings decoded while validating.</summary>
    /// <param name="utf8">The message's bytes in chunks of 2^<see cref="ByteChunkBits"/> (see <see cref="Chunk{T}"/>).</param>
    /// <param name="rows">The rows' integers in chunks of 2^(<see cref="RowChunkBits"/> + 1).</param>
    /// <param name="decoded">The strings <see cref="KindDecoded"/> rows refer to.</param>
    public JsonTape(byte[][] utf8, int[][] rows, string[] decoded)
    {
        _utf8 = utf8;
        _rows = rows;
        _decoded = decoded;
    }

    /// <summary>A copy of <paramref name="items"/> in chunks of 2^<paramref name="bits"/> items, the last one shorter.</summary>
    public static T[][] Chunk<T>(ReadOnlySpan<T> items, int bits)
    {
        var size = 1 << bits;
        var chunks = new T[(items.Length + size - 1) >> bits][];
        for (var i = 0; i < chunks.Length; i++)
        {
            var part = items.Slice(i << bits, Math.Min(size, items.Length - (i << bits)));
            chunks[i] = GC.AllocateUninitializedArray<T>(part.Length);
            part.CopyTo(chunks[i]);
        }

        return chunks;
    }

    /// <summary>The value of the message: the tape's first row.</summary>
    public QObject Root() => Value(Parser, 0);

    /// <inheritdoc/>
    public override int Count(int row) => First(row);

    /// <inheritdoc/>
    public override void AddEntries(int row, QDict dict)
    {
        var parser = Parser;
        var count = First(row);
        var member = row + 1;
        for (var i = 0; i < count; i++)
        {
            dict.AddDeferred(Key(parser, member), Value(parser, member + 1));
            member = Next(member + 1);
        }
    }

    /// <inheritdoc/>
    public override void AddItems(int row, List<QObject> items)
    {
        var parser = Parser;
        var count = First(row);
        var member = row + 1;
        for (var i = 0; i < count; i++)
        {
            items.Add(Value(parser, member));
            member = Next(member);
        }
    }

    // The value whose row is row: built now for a token, deferred for a container.
    private QObject Value(JsonParser parser, int row)
    {
        var info = Info(row);
        var first = First(row);
        switch (info & KindMask)
        {
            case KindObject:
                return first == 0 ? new QDict() : new QDict(this, row);
            case KindArray:
                return first == 0 ? new QList() : new QList(this, row);
            case KindAscii:
            case KindUtf8:
                return parser.ParseStringValue(Token(first, info), escaped: false, ascii: (info & KindMask) == KindAscii, first)!;
            case KindDecoded:
                return new QString(_decoded[first]);
            case KindInteger:
                return JsonParser.ParseInteger(Token(first, info));
            case KindFloat:
                return new QNum(JsonParser.ParseDouble(Token(first, info)));
            default:
                Debug.Assert((info & KindMask) == KindKeyword);
                return first switch
                {
                    JsonScan.True => QBool.True,
                    JsonScan.False => QBool.False,
                    _ => QNull.Instance,
                };
        }
    }

    private string Key(JsonParser parser, int row)
    {
        var info = Info(row);
        var first = First(row);
        Debug.Assert((info & KindMask) is KindAscii or KindUtf8);
        return parser.DecodeKey(Token(first, info), escaped: false, ascii: (info & KindMask) == KindAscii, first)!;
    }

    // The row after the value at row and everything in it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next(int row)
    {
        var info = Info(row);
        return (info & KindMask) <= KindArray ? row + (info >> KindBits) : row + 1;
    }

    private static JsonParser Parser => t_parser ??= new JsonParser();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int First(int row) => _rows[row >> RowChunkBits][(row & RowChunkMask) << 1];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Info(int row) => _rows[row >> RowChunkBits][((row & RowChunkMask) << 1) + 1];

    private ReadOnlySpan<byte> Token(int start, int info)
    {
        var length = info >> KindBits;
        var chunk = _utf8[start >> ByteChunkBits];
        var offset = start & ByteChunkMask;
        return offset + length <= chunk.Length ? chunk.AsSpan(offset, length) : Joined(start, length);
    }

    // A token across chunks, copied into one thread's buffer; it is decoded before the next is needed.
    private ReadOnlySpan<byte> Joined(int start, int length)
    {
        var joined = t_joined is { } buffer && buffer.Length >= length ? buffer : (t_joined = new byte[Math.Max(length, 256)]);
        for (var copied = 0; copied < length;)
        {
            var position = start + copied;
            var chunk = _utf8[position >> ByteChunkBits];
            var offset = position & ByteChunkMask;
            var part = Math.Min(length - copied, chunk.Length - offset);
            chunk.AsSpan(offset, part).CopyTo(joined.AsSpan(copied));
            copied += part;
        }

        return joined.AsSpan(0, length);
    }
}
