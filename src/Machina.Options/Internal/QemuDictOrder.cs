using System.Text;
using Machina.QObjects;

namespace Machina.Options.Internal;

/// <summary>
/// The order in which QEMU walks a dictionary: by hash bucket, newest entry first within a bucket.
/// </summary>
/// <remarks>
/// QEMU's QDict is a 512-bucket hash table that inserts at the head of a bucket's list and keeps an
/// entry's place when its value is replaced. Where QEMU's result depends on that walk (which of
/// several errors keyval reports first, which of two spellings of one list index wins, the order
/// <c>qemu_opts_from_qdict</c> adds options), Machina walks the same way. Our <see cref="QDict"/>
/// keeps insertion order with the same replace-in-place rule, so the walk is a stable sort by
/// bucket with insertion order reversed inside a bucket.
/// </remarks>
internal static class QemuDictOrder
{
    private const int Buckets = 512;

    /// <summary>QEMU's <c>tdb_hash</c> over the UTF-8 bytes of <paramref name="key"/>.</summary>
    public static uint TdbHash(string key)
    {
        if (System.Text.Ascii.IsValid(key))
        {
            // ASCII is its own UTF-8.
            var hash = unchecked(0x238F13AFu * (uint)key.Length);
            for (var i = 0; i < key.Length; i++)
            {
                hash = unchecked(hash + ((uint)key[i] << (i * 5 % 24)));
            }

            return unchecked((1103515243u * hash) + 12345u);
        }

        Span<byte> buffer = key.Length <= 128 ? stackalloc byte[key.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(key.Length)];
        var length = Encoding.UTF8.GetBytes(key, buffer);
        var bytes = buffer[..length];
        var value = unchecked(0x238F13AFu * (uint)bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            value = unchecked(value + ((uint)bytes[i] << (i * 5 % 24)));
        }

        return unchecked((1103515243u * value) + 12345u);
    }

    /// <summary>The bucket QEMU puts <paramref name="key"/> in.</summary>
    public static int Bucket(string key) => (int)(TdbHash(key) % Buckets);

    /// <summary>The entries of <paramref name="dict"/> in QEMU's walking order.</summary>
    public static KeyValuePair<string, QObject>[] Entries(QDict dict)
    {
        var count = dict.Count;
        var entries = new KeyValuePair<string, QObject>[count];
        if (count == 0)
        {
            return entries;
        }

        var keys = new long[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = dict.GetAt(i);

            // Bucket ascending, then later insertions first.
            keys[i] = ((long)Bucket(entries[i].Key) << 32) | (uint)(count - 1 - i);
        }

        Array.Sort(keys, entries);
        return entries;
    }
}
