using Machina.QObjects;

namespace Machina.Qapi.Visitors;

/// <summary>
/// Which unvisited member QEMU names in "Parameter 'x' is unexpected" when there are several.
/// </summary>
/// <remarks>
/// <para>QEMU's input visitor puts a struct's keys into a GLib hash table in the order QEMU's
/// QDict iterates them (its 512 buckets by <c>tdb_hash</c>, newest first within a bucket), removes
/// each key as it is visited, and reports the first key the table's iterator finds. This class
/// replays exactly that: GLib 2.74's open-addressing table (Debian 12) with <c>g_str_hash</c>,
/// its growth and shrinking, tombstones and in-place rehashing. Checked against the real QEMU 7.2
/// binary on hundreds of random key sets; it runs only when an error is being reported.</para>
/// </remarks>
internal static class QemuHashOrder
{
    /// <summary>
    /// The key QEMU reports among those of <paramref name="dict"/> not in
    /// <paramref name="consumedInOrder"/> (indexes into the dictionary, in visit order).
    /// </summary>
    public static string FirstUnvisited(QDict dict, ReadOnlySpan<int> consumedInOrder)
    {
        var hashes = new uint[dict.Count];
        for (var i = 0; i < dict.Count; i++)
        {
            hashes[i] = StrHash(QemuDictOrder.KeyBytes(dict.GetAt(i).Key));
        }

        // The table is filled in QDict's iteration order.
        var order = new int[dict.Count];
        QemuDictOrder.Sort(dict, order);
        var table = new GLibHashTable();
        foreach (var index in order)
        {
            table.Insert(index, hashes[index]);
        }

        foreach (var index in consumedInOrder)
        {
            table.Remove(index, hashes[index]);
        }

        return dict.GetAt(table.First()).Key;
    }

    /// <summary>GLib's g_str_hash (djb2 over signed chars).</summary>
    private static uint StrHash(byte[] key)
    {
        var hash = 5381u;
        foreach (var b in key)
        {
            hash = unchecked((hash << 5) + hash + (uint)(sbyte)b);
        }

        return hash;
    }

    /// <summary>GLib 2.74's GHashTable, reduced to what decides its iteration order.</summary>
    private sealed class GLibHashTable
    {
        private const int MinShift = 3;
        private const uint Unused = 0;
        private const uint Tombstone = 1;

        private static readonly int[] PrimeMod =
        [
            1, 2, 3, 7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071, 262139,
            524287, 1048573, 2097143, 4194301, 8388593, 16777213, 33554393, 67108859, 134217689, 268435399,
            536870909, 1073741789, 2147483647,
        ];

        private uint[] _hashes;
        private int[] _keys;
        private int _size;
        private uint _mod;
        private int _mask;
        private int _nodes;
        private int _occupied;

        public GLibHashTable()
        {
            SetShift(MinShift);
            _hashes = new uint[_size];
            _keys = new int[_size];
        }

        public void Insert(int key, uint hash)
        {
            var index = Lookup(key, ref hash);
            var old = _hashes[index];
            if (old >= 2)
            {
                return;
            }

            _hashes[index] = hash;
            _keys[index] = key;
            _nodes++;
            if (old == Unused)
            {
                _occupied++;
                MaybeResize();
            }
        }

        public void Remove(int key, uint hash)
        {
            var index = Lookup(key, ref hash);
            if (_hashes[index] < 2)
            {
                return;
            }

            _hashes[index] = Tombstone;
            _nodes--;
            MaybeResize();
        }

        public int First()
        {
            for (var i = 0; i < _size; i++)
            {
                if (_hashes[i] >= 2)
                {
                    return _keys[i];
                }
            }

            throw new InvalidOperationException("no key left");
        }

        private void SetShift(int shift)
        {
            _size = 1 << shift;
            _mod = (uint)PrimeMod[shift];
            _mask = _size - 1;
        }

        private uint ToIndex(uint hash) => unchecked(hash * 11) % _mod;

        private int Lookup(int key, ref uint hash)
        {
            if (hash < 2)
            {
                hash = 2;
            }

            var index = (int)ToIndex(hash);
            var step = 0;
            var tombstone = -1;
            while (_hashes[index] != Unused)
            {
                if (_hashes[index] == hash && _keys[index] == key)
                {
                    return index;
                }

                if (_hashes[index] == Tombstone && tombstone < 0)
                {
                    tombstone = index;
                }

                step++;
                index = (index + step) & _mask;
            }

            return tombstone >= 0 ? tombstone : index;
        }

        private void MaybeResize()
        {
            if ((_size > _nodes * 4 && _size > 1 << MinShift) || _size <= _occupied + (_occupied / 16))
            {
                Resize();
            }
        }

        private void Resize()
        {
            var oldSize = _size;
            var target = (int)(_nodes * 1.333);
            var shift = 0;
            while (target != 0)
            {
                target >>= 1;
                shift++;
            }

            SetShift(Math.Max(shift, MinShift));
            bool[] relocated;
            if (_size > oldSize)
            {
                Array.Resize(ref _hashes, _size);
                Array.Resize(ref _keys, _size);
                relocated = new bool[_size];
            }
            else
            {
                relocated = new bool[oldSize];
            }

            // GLib's in-place rehash: walk the old slots, evicting entries along probe chains.
            for (var i = 0; i < oldSize; i++)
            {
                var hash = _hashes[i];
                if (hash < 2)
                {
                    _hashes[i] = Unused;
                    continue;
                }

                if (relocated[i])
                {
                    continue;
                }

                _hashes[i] = Unused;
                var key = _keys[i];
                while (true)
                {
                    var slot = (int)ToIndex(hash);
                    var step = 0;
                    while (relocated[slot])
                    {
                        step++;
                        slot = (slot + step) & _mask;
                    }

                    relocated[slot] = true;
                    var replaced = _hashes[slot];
                    _hashes[slot] = hash;
                    if (replaced < 2)
                    {
                        _keys[slot] = key;
                        break;
                    }

                    hash = replaced;
                    (key, _keys[slot]) = (_keys[slot], key);
                }
            }

            if (_size < oldSize)
            {
                Array.Resize(ref _hashes, _size);
                Array.Resize(ref _keys, _size);
            }

            _occupied = _nodes;
        }
    }
}
