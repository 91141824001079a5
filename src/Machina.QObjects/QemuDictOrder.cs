using System.Buffers;
using Machina.QObjects.Json;

namespace Machina.QObjects;

/// <summary>
/// The order in which QEMU walks a dictionary (qobject/qdict.c): its 512 hash buckets in turn, each
/// bucket newest key first, since QEMU inserts at the head of a bucket's list and keeps an entry's
/// place when its value is replaced.
/// </summary>
/// <remarks>
/// <see cref="QDict"/> keeps insertion order with the same replace-in-place rule, so QEMU's walk is a
/// stable sort by bucket with insertion order reversed inside a bucket. Wherever QEMU's answer
/// depends on that walk (the key order of its JSON output, which of several errors a parser reports
/// first, which key a visitor names as unexpected), Machina walks the same way.
/// </remarks>
public static class QemuDictOrder
{
    /// <summary>QEMU's <c>QDICT_BUCKET_MAX</c>.</summary>
    public const int BucketCount = 512;

    /// <summary>
    /// QEMU's <c>tdb_hash</c> of <paramref name="key"/> as QEMU holds it (modified UTF-8: U+0000 is
    /// C0 80; an unpaired surrogate counts as U+FFFD), in 32-bit unsigned arithmetic.
    /// </summary>
    public static uint Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
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
        var capacity = key.Length * ModifiedUtf8.MaxBytesPerChar;
        var bytes = capacity <= 512 ? stackalloc byte[capacity] : (rented = ArrayPool<byte>.Shared.Rent(capacity));
        var length = ModifiedUtf8.Encode(key, bytes);
        var hash = HashBytes(bytes[..length]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return hash;
    }

    /// <summary>The bucket QEMU puts <paramref name="key"/> in.</summary>
    public static int Bucket(string key) => (int)(Hash(key) % BucketCount);

    /// <summary>The bytes QEMU holds for <paramref name="key"/>: UTF-8 with U+0000 as C0 80, an unpaired surrogate as U+FFFD.</summary>
    public static byte[] KeyBytes(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = new byte[key.Length * ModifiedUtf8.MaxBytesPerChar];
        return bytes[..ModifiedUtf8.Encode(key, bytes)];
    }

    /// <summary>Fills <paramref name="order"/> with the entry indexes of <paramref name="dict"/> in QEMU's order.</summary>
    /// <param name="dict">The dictionary.</param>
    /// <param name="order">At least <see cref="QDict.Count"/> slots.</param>
    public static void Sort(QDict dict, Span<int> order)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var count = dict.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(order.Length, count, nameof(order));
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

    /// <summary>The entries of <paramref name="dict"/> in QEMU's order.</summary>
    public static KeyValuePair<string, QObject>[] Entries(QDict dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var order = new int[dict.Count];
        Sort(dict, order);
        var entries = new KeyValuePair<string, QObject>[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            entries[i] = dict.GetAt(order[i]);
        }

        return entries;
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
}
