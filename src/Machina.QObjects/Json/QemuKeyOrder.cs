using System.Buffers;

namespace Machina.QObjects.Json;

/// <summary>
/// The order QEMU enumerates a dictionary in (qobject/qdict.c): its 512 hash buckets in turn,
/// each bucket newest key first, since QEMU inserts at the head of a bucket's list.
/// </summary>
public static class QemuKeyOrder
{
    /// <summary>QEMU's QDICT_BUCKET_MAX.</summary>
    public const int BucketCount = 512;

    /// <summary>
    /// QEMU's tdb_hash of the key's modified UTF-8 bytes (U+0000 is C0 80; an unpaired surrogate,
    /// which QEMU cannot hold, counts as U+FFFD), in 32-bit unsigned arithmetic.
    /// </summary>
    public static uint Hash(string key)
    {
        if (!key.AsSpan().ContainsAnyExceptInRange('\u0001', '\u007F'))
        {
            // Plain ASCII: one byte per character.
            var value = 0x238F13AFu * (uint)key.Length;
            for (var i = 0; i < key.Length; i++)
            {
                value += (uint)key[i] << (i * 5 % 24);
            }

            return (1103515243u * value) + 12345u;
        }

        byte[]? rented = null;
        var capacity = key.Length * 3; // UTF-16 unit to modified UTF-8: at most 3 bytes
        var bytes = capacity <= 512 ? stackalloc byte[capacity] : (rented = ArrayPool<byte>.Shared.Rent(capacity));
        var length = Encode(key, bytes);
        var hash = HashBytes(bytes[..length]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return hash;
    }

    private static uint HashBytes(ReadOnlySpan<byte> bytes)
    {
        var value = 0x238F13AFu * (uint)bytes.Length;
        for (var i = 0; i < bytes.Length; i++)
        {
            value += (uint)bytes[i] << (i * 5 % 24);
        }

        return (1103515243u * value) + 12345u;
    }

    /// <summary>The bucket QEMU puts <paramref name="key"/> in.</summary>
    public static int Bucket(string key) => (int)(Hash(key) % BucketCount);

    /// <summary>
    /// Fills <paramref name="order"/> with the entry indexes of <paramref name="dict"/> in QEMU's order.
    /// </summary>
    public static void Sort(QDict dict, Span<int> order)
    {
        var count = dict.Count;
        long[]? rented = null;
        var keys = count <= 64 ? stackalloc long[count] : (rented = ArrayPool<long>.Shared.Rent(count)).AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            // Bucket ascending, then newer entries first.
            keys[i] = ((long)Bucket(dict.GetAt(i).Key) << 32) | (uint)(count - 1 - i);
        }

        keys.Sort();
        for (var i = 0; i < count; i++)
        {
            order[i] = count - 1 - (int)(uint)keys[i];
        }

        if (rented is not null)
        {
            ArrayPool<long>.Shared.Return(rented);
        }
    }

    private static int Encode(string s, Span<byte> bytes)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                cp = 0xFFFD;
            }

            n += Encode(cp, bytes[n..]);
        }

        return n;
    }

    private static int Encode(int cp, Span<byte> buffer)
    {
        if (cp is > 0 and <= 0x7F)
        {
            buffer[0] = (byte)cp;
            return 1;
        }

        if (cp <= 0x7FF)
        {
            buffer[0] = (byte)(0xC0 | (cp >> 6));
            buffer[1] = (byte)(0x80 | (cp & 0x3F));
            return 2;
        }

        if (cp <= 0xFFFF)
        {
            buffer[0] = (byte)(0xE0 | (cp >> 12));
            buffer[1] = (byte)(0x80 | ((cp >> 6) & 0x3F));
            buffer[2] = (byte)(0x80 | (cp & 0x3F));
            return 3;
        }

        buffer[0] = (byte)(0xF0 | (cp >> 18));
        buffer[1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
        buffer[2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
        buffer[3] = (byte)(0x80 | (cp & 0x3F));
        return 4;
    }
}
