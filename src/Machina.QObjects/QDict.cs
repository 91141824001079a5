using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Machina.QObjects;

/// <summary>
/// A dictionary from unique string keys to values, iterated in insertion order.
/// Supports initializers: <c>new QDict { ["driver"] = "virtio-net", ["id"] = "n0" }</c>.
/// </summary>
/// <remarks>
/// Entries are kept in two arrays in insertion order, searched linearly while the dictionary is
/// small (as QEMU's usually are) and through a hash index once it grows; a parsed dictionary
/// costs three small objects.
/// Insertion order is what users see (enumeration, the JSON writer's default). QEMU itself writes
/// a dictionary's keys in the order of its hash table; the JSON writer offers that order for the wire.
/// Equality ignores order, as QEMU's does.
/// </remarks>
public sealed class QDict : QObject, IDictionary<string, QObject>, IReadOnlyDictionary<string, QObject>
{
    // Above this many entries lookups go through _index instead of a linear scan.
    private const int LinearSearchLimit = 8;

    // One array of pairs: a struct array also spares every store the covariant type check.
    private Entry[] _entries;
    private int _count;
    private int _version;
    private Dictionary<string, int>? _index;

    // A dictionary read by QJson.Parse from a large message is built when first used (see
    // Json/JsonTape.cs); every member calls Build() before it touches the entries.
    // While _deferred is set, _version holds the dictionary's row there: no enumerator, which is
    // all _version serves, can exist before the dictionary is built. (One field fewer in every
    // dictionary; small QMP messages make many.)
    private DeferredContents? _deferred;

    /// <summary>An empty dictionary.</summary>
    public QDict() => _entries = [];

    /// <summary>An empty dictionary with room for <paramref name="capacity"/> entries.</summary>
    public QDict(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _entries = capacity == 0 ? [] : new Entry[capacity];
    }

    /// <summary>A dictionary of <paramref name="entries"/>, whose keys are known to be unique, at its final size.</summary>
    internal QDict(ReadOnlySpan<Entry> entries)
    {
        _entries = entries.ToArray();
        _count = entries.Length;
        if (_count > LinearSearchLimit)
        {
            BuildIndex();
        }
    }

    /// <summary>A dictionary whose entries are built from <paramref name="row"/> of <paramref name="contents"/> when first used.</summary>
    internal QDict(DeferredContents contents, int row)
    {
        _entries = [];
        _deferred = contents;
        _version = row;
    }

    /// <summary>False while the entries of a dictionary read from a large message wait for their first use.</summary>
    internal bool IsBuilt => Volatile.Read(ref _deferred) is null;

    /// <inheritdoc/>
    public override QType Type => QType.QDict;

    /// <inheritdoc cref="ICollection{T}.Count"/>
    public int Count
    {
        get
        {
            Build();
            return _count;
        }
    }

    bool ICollection<KeyValuePair<string, QObject>>.IsReadOnly => false;

    /// <summary>The keys, in insertion order.</summary>
    public KeyCollection Keys => new(this);

    /// <summary>The values, in insertion order.</summary>
    public ValueCollection Values => new(this);

    ICollection<string> IDictionary<string, QObject>.Keys => Keys;

    ICollection<QObject> IDictionary<string, QObject>.Values => Values;

    IEnumerable<string> IReadOnlyDictionary<string, QObject>.Keys => Keys;

    IEnumerable<QObject> IReadOnlyDictionary<string, QObject>.Values => Values;

    /// <summary>
    /// Gets the value of <paramref name="key"/>, or sets it: a new key goes last, an existing key
    /// keeps its place and gets the new value (QEMU's <c>qdict_put</c>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">Getting a key that is not present; the message names it.</exception>
    public QObject this[string key]
    {
        get
        {
            var i = IndexOf(key);
            return i >= 0 ? _entries[i].Value : throw new KeyNotFoundException($"QDict has no key '{key}'");
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var i = IndexOf(key);
            if (i >= 0)
            {
                _entries[i].Value = value;
            }
            else
            {
                Append(key, value);
            }
        }
    }

    /// <summary>Adds a new key.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is already present.</exception>
    public void Add(string key, QObject value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"duplicate key '{key}'", nameof(key));
        }

        Append(key, value);
    }

    /// <summary>Adds a new key unless it is already present.</summary>
    /// <returns>False when <paramref name="key"/> was present; the dictionary is then unchanged.</returns>
    public bool TryAdd(string key, QObject value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Build();
        return TryAddParsed(key, value);
    }

    /// <summary>
    /// Adds an entry while a deferred dictionary is built, into the room made for it: no checks,
    /// the keys are known to be unique.
    /// </summary>
    internal void AddDeferred(string key, QObject value)
    {
        ref var entry = ref _entries[_count++];
        entry.Key = key;
        entry.Value = value;
    }

    /// <summary>The JSON parser's add: no argument checks, false for a duplicate key.</summary>
    internal bool TryAddParsed(string key, QObject value)
    {
        if (IndexOfBuilt(key) >= 0)
        {
            return false;
        }

        Append(key, value);
        return true;
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out QObject value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : null;
        return i >= 0;
    }

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public QObject? GetValueOrDefault(string key) => TryGetValue(key, out var value) ? value : null;

    /// <summary>The value of <paramref name="key"/> when present and of type <typeparamref name="T"/>.</summary>
    public bool TryGet<T>(string key, [NotNullWhen(true)] out T? value)
        where T : QObject
    {
        if (TryGetValue(key, out var v) && v is T typed)
        {
            value = typed;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The string value of <paramref name="key"/>, when present and a string.</summary>
    public bool TryGetString(string key, [NotNullWhen(true)] out string? value)
    {
        value = TryGet<QString>(key, out var s) ? s.Value : null;
        return value is not null;
    }

    /// <summary>The boolean value of <paramref name="key"/>, when present and a boolean.</summary>
    public bool TryGetBool(string key, out bool value)
    {
        var found = TryGet<QBool>(key, out var b);
        value = found && b!.Value;
        return found;
    }

    /// <summary>The integer value of <paramref name="key"/>, when present and a number that fits.</summary>
    public bool TryGetInt64(string key, out long value)
    {
        value = 0;
        return TryGet<QNum>(key, out var n) && n.TryGetInt64(out value);
    }

    /// <summary>The unsigned integer value of <paramref name="key"/>, when present and a number that fits.</summary>
    public bool TryGetUInt64(string key, out ulong value)
    {
        value = 0;
        return TryGet<QNum>(key, out var n) && n.TryGetUInt64(out value);
    }

    /// <summary>The number of <paramref name="key"/> as a double, when present and a number.</summary>
    public bool TryGetDouble(string key, out double value)
    {
        var found = TryGet<QNum>(key, out var n);
        value = found ? n!.ToDouble() : 0;
        return found;
    }

    /// <summary>Removes <paramref name="key"/>.</summary>
    /// <returns>False when it was not present.</returns>
    public bool Remove(string key) => Remove(key, out _);

    /// <summary>Removes <paramref name="key"/> and returns its value.</summary>
    public bool Remove(string key, [MaybeNullWhen(false)] out QObject value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }

        value = _entries[i].Value;
        _count--;
        Array.Copy(_entries, i + 1, _entries, i, _count - i);
        _entries[_count] = default;
        _version++;
        _index = null;
        if (_count > LinearSearchLimit)
        {
            BuildIndex();
        }

        return true;
    }

    /// <inheritdoc/>
    public void Clear()
    {
        Build();
        Array.Clear(_entries, 0, _count);
        _count = 0;
        _index = null;
        _version++;
    }

    /// <summary>The key and value at <paramref name="index"/> in insertion order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public KeyValuePair<string, QObject> GetAt(int index)
    {
        Build();
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return new(_entries[index].Key, _entries[index].Value);
    }

    /// <summary>Enumerates entries in insertion order.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, QObject>> IEnumerable<KeyValuePair<string, QObject>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, QObject>>.Add(KeyValuePair<string, QObject> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, QObject>>.Contains(KeyValuePair<string, QObject> item) =>
        TryGetValue(item.Key, out var v) && v.Equals(item.Value);

    void ICollection<KeyValuePair<string, QObject>>.CopyTo(KeyValuePair<string, QObject>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        if (array.Length - arrayIndex < Count)
        {
            throw new ArgumentException("the array is too small", nameof(array));
        }

        for (var i = 0; i < _count; i++)
        {
            array[arrayIndex + i] = new(_entries[i].Key, _entries[i].Value);
        }
    }

    bool ICollection<KeyValuePair<string, QObject>>.Remove(KeyValuePair<string, QObject> item) =>
        ((ICollection<KeyValuePair<string, QObject>>)this).Contains(item) && Remove(item.Key);

    /// <inheritdoc/>
    public override QObject DeepClone()
    {
        Build();
        var copy = new QDict(_count);
        for (var i = 0; i < _count; i++)
        {
            copy.Append(_entries[i].Key, _entries[i].Value.DeepClone());
        }

        return copy;
    }

    /// <inheritdoc/>
    public override bool Equals(QObject? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not QDict dict || dict.Count != Count) // Count builds both
        {
            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            if (!dict.TryGetValue(_entries[i].Key, out var theirs) || !_entries[i].Value.Equals(theirs))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        // Order-independent, like the equality.
        Build();
        var hash = (int)QType.QDict;
        for (var i = 0; i < _count; i++)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(_entries[i].Key), _entries[i].Value.GetHashCode());
        }

        return hash;
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Build();
        return IndexOfBuilt(key);
    }

    // IndexOf for a dictionary known to be built: the JSON parser's own, for one.
    private int IndexOfBuilt(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        var entries = _entries;
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(string key, QObject value)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _count * 2));
        }

        ref var entry = ref _entries[_count];
        entry.Key = key;
        entry.Value = value;
        _count++;
        _version++;
        if (_index is not null)
        {
            _index.Add(key, _count - 1);
        }
        else if (_count > LinearSearchLimit)
        {
            BuildIndex();
        }
    }

    /// <summary>A key and its value, as the dictionary stores them.</summary>
    internal struct Entry
    {
        public string Key;
        public QObject Value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Build()
    {
        if (Volatile.Read(ref _deferred) is not null)
        {
            BuildDeferred();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void BuildDeferred() => DeferredContents.Build(ref _deferred, this, static (contents, dict) =>
    {
        var row = dict._version;
        var count = contents.Count(row);
        dict._entries = new Entry[count];
        dict._count = 0;
        contents.AddEntries(row, dict);
        if (count > LinearSearchLimit)
        {
            dict.BuildIndex();
        }
    });

    private void BuildIndex()
    {
        _index = new Dictionary<string, int>(_count, StringComparer.Ordinal);
        for (var i = 0; i < _count; i++)
        {
            _index.Add(_entries[i].Key, i);
        }
    }

    /// <summary>Enumerates a dictionary's entries in insertion order.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, QObject>>
    {
        private readonly QDict _dict;
        private readonly int _version;
        private int _next;

        internal Enumerator(QDict dict)
        {
            dict.Build();
            _dict = dict;
            _version = dict._version;
            _next = 0;
            Current = default;
        }

        /// <inheritdoc/>
        public KeyValuePair<string, QObject> Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        /// <exception cref="InvalidOperationException">The dictionary changed since enumeration began.</exception>
        public bool MoveNext()
        {
            if (_version != _dict._version)
            {
                throw new InvalidOperationException("the QDict was modified during enumeration");
            }

            if (_next < _dict._count)
            {
                Current = new(_dict._entries[_next].Key, _dict._entries[_next].Value);
                _next++;
                return true;
            }

            Current = default;
            return false;
        }

        /// <inheritdoc/>
        public void Reset()
        {
            _next = 0;
            Current = default;
        }

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }

    /// <summary>A dictionary's keys in insertion order: a live, read-only view.</summary>
    public readonly struct KeyCollection : IReadOnlyList<string>, IList<string>
    {
        private readonly QDict _dict;

        internal KeyCollection(QDict dict) => _dict = dict;

        /// <inheritdoc cref="ICollection{T}.Count"/>
        public int Count => _dict.Count;

        /// <summary>The key at <paramref name="index"/> in insertion order.</summary>
        public string this[int index] => _dict.GetAt(index).Key;

        string IList<string>.this[int index]
        {
            get => this[index];
            set => throw new NotSupportedException("the key collection is read-only");
        }

        bool ICollection<string>.IsReadOnly => true;

        /// <inheritdoc/>
        public bool Contains(string item) => _dict.ContainsKey(item);

        /// <summary>The position of <paramref name="item"/> in insertion order, or -1.</summary>
        public int IndexOf(string item) => _dict.IndexOf(item);

        void IList<string>.Insert(int index, string item) => throw new NotSupportedException("the key collection is read-only");

        void IList<string>.RemoveAt(int index) => throw new NotSupportedException("the key collection is read-only");

        /// <inheritdoc/>
        public void CopyTo(string[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            _dict.Build();
            for (var i = 0; i < _dict._count; i++)
            {
                array[arrayIndex + i] = _dict._entries[i].Key;
            }
        }

        /// <summary>Enumerates the keys.</summary>
        public IEnumerator<string> GetEnumerator()
        {
            foreach (var (key, _) in _dict)
            {
                yield return key;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        void ICollection<string>.Add(string item) => throw new NotSupportedException("the key collection is read-only");

        void ICollection<string>.Clear() => throw new NotSupportedException("the key collection is read-only");

        bool ICollection<string>.Remove(string item) => throw new NotSupportedException("the key collection is read-only");
    }

    /// <summary>A dictionary's values in insertion order: a live, read-only view.</summary>
    public readonly struct ValueCollection : IReadOnlyList<QObject>, IList<QObject>
    {
        private readonly QDict _dict;

        internal ValueCollection(QDict dict) => _dict = dict;

        /// <inheritdoc cref="ICollection{T}.Count"/>
        public int Count => _dict.Count;

        /// <summary>The value at <paramref name="index"/> in insertion order.</summary>
        public QObject this[int index] => _dict.GetAt(index).Value;

        QObject IList<QObject>.this[int index]
        {
            get => this[index];
            set => throw new NotSupportedException("the value collection is read-only");
        }

        bool ICollection<QObject>.IsReadOnly => true;

        /// <inheritdoc/>
        public bool Contains(QObject item) => IndexOf(item) >= 0;

        /// <summary>The position of the first value equal to <paramref name="item"/>, or -1.</summary>
        public int IndexOf(QObject item)
        {
            _dict.Build();
            for (var i = 0; i < _dict._count; i++)
            {
                if (_dict._entries[i].Value.Equals(item))
                {
                    return i;
                }
            }

            return -1;
        }

        void IList<QObject>.Insert(int index, QObject item) => throw new NotSupportedException("the value collection is read-only");

        void IList<QObject>.RemoveAt(int index) => throw new NotSupportedException("the value collection is read-only");

        /// <inheritdoc/>
        public void CopyTo(QObject[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            _dict.Build();
            for (var i = 0; i < _dict._count; i++)
            {
                array[arrayIndex + i] = _dict._entries[i].Value;
            }
        }

        /// <summary>Enumerates the values.</summary>
        public IEnumerator<QObject> GetEnumerator()
        {
            foreach (var (_, value) in _dict)
            {
                yield return value;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        void ICollection<QObject>.Add(QObject item) => throw new NotSupportedException("the value collection is read-only");

        void ICollection<QObject>.Clear() => throw new NotSupportedException("the value collection is read-only");

        bool ICollection<QObject>.Remove(QObject item) => throw new NotSupportedException("the value collection is read-only");
    }
}
