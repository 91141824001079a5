using System.Text;
using Machina.QObjects;

namespace Machina.Qom.Internal;

/// <summary>
/// The order in which QEMU walks a QDict: by hash bucket (<c>tdb_hash</c> modulo 512), newest entry
/// first within a bucket. QEMU sets an object's properties from a dictionary in that order, so
/// when two values are bad it is the first in that order whose error QEMU reports.
/// </summary>
internal static class QemuDictOrder
{
    private const int Buckets = 512;

    /// <summary>The keys of <paramref name="dict"/> in QEMU's walking order.</summary>
    public static string[] Keys(QDict dict)
    {
        var count = dict.Count;
        var keys = new string[count];
        var buckets = new int[count];
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = dict.GetAt(i).Key;
            buckets[i] = (int)(TdbHash(keys[i]) % Buckets);
            order[i] = i;
        }

        // Our QDict keeps insertion order, so newest-first within a bucket is descending index.
        Array.Sort(order, (a, b) => buckets[a] != buckets[b] ? buckets[a].CompareTo(buckets[b]) : b.CompareTo(a));
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = keys[order[i]];
        }

        return result;
    }

    /// <summary>QEMU's <c>tdb_hash</c> over the UTF-8 bytes of <paramref name="key"/>.</summary>
    public static uint TdbHash(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        var value = unchecked(0x238F13AFu * (uint)bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            value = unchecked(value + ((uint)bytes[i] << (i * 5 % 24)));
        }

        return unchecked((1103515243u * value) + 12345u);
    }
}
