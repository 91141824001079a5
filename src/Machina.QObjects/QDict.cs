using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Machina.QObjects;

/// <summary>
/// A dictionary from unique string keys to values, iterated in insertion order.
/// Supports initializers: <c>new QDict { ["driver"] = "virtio-net", ["id"] = "n0" }</c>.
/// </summary>
/// <remarks>
/// Insertion order is what users see (enumeration, the JSON writer's default). QEMU itself writes
/// a dictionary's keys in the order of its hash table; the JSON writer offers that order for the wire.
/// Equality ignores order, as QEMU's does.
/// </remarks>
public sealed class QDict : QObject, IDictionary<string, QObject>, IReadOnlyDictionary<string, QObject>
{
    private readonly OrderedDictionary<string, QObject> _entries;

    /// <summary>An empty dictionary.</summary>
    public QDict() => _entries = new(StringComparer.Ordinal);

    /// <summary>An empty dictionary with room for <paramref name="capacity"/> entries.</summary>
    public QDict(int capacity) => _entries = new(capacity, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override QType Type => QType.QDict;

    /// <inheritdoc cref="ICollection{T}.Count"/>
    public int Count => _entries.Count;

    bool ICollection<KeyValuePair<string, QObject>>.IsReadOnly => false;

    /// <summary>The keys, in insertion order.</summary>
    public OrderedDictionary<string, QObject>.KeyCollection Keys => _entries.Keys;

    /// <summary>The values, in insertion order.</summary>
    public OrderedDictionary<string, QObject>.ValueCollection Values => _entries.Values;

    ICollection<string> IDictionary<string, QObject>.Keys => _entries.Keys;

    ICollection<QObject> IDictionary<string, QObject>.Values => _entries.Values;

    IEnumerable<string> IReadOnlyDictionary<string, QObject>.Keys => _entries.Keys;

    IEnumerable<QObject> IReadOnlyDictionary<string, QObject>.Values => _entries.Values;

    /// <summary>
    /// Gets the value of <paramref name="key"/>, or sets it: a new key goes last, an existing key
    /// keeps its place and gets the new value (QEMU's <c>qdict_put</c>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">Getting a key that is not present; the message names it.</exception>
    public QObject this[string key]
    {
        get => _entries.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"QDict has no key '{key}'");
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _entries[key] = value;
        }
    }

    /// <summary>Adds a new key.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is already present.</exception>
    public void Add(string key, QObject value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_entries.TryAdd(key, value))
        {
            throw new ArgumentException($"duplicate key '{key}'", nameof(key));
        }
    }

    /// <summary>Adds a new key unless it is already present.</summary>
    /// <returns>False when <paramref name="key"/> was present; the dictionary is then unchanged.</returns>
    public bool TryAdd(string key, QObject value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return _entries.TryAdd(key, value);
    }

    /// <summary>The JSON parser's add: no argument checks, false for a duplicate key.</summary>
    internal bool TryAddParsed(string key, QObject value) => _entries.TryAdd(key, value);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out QObject value) => _entries.TryGetValue(key, out value);

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public QObject? GetValueOrDefault(string key) => _entries.TryGetValue(key, out var value) ? value : null;

    /// <summary>The value of <paramref name="key"/> when present and of type <typeparamref name="T"/>.</summary>
    public bool TryGet<T>(string key, [NotNullWhen(true)] out T? value)
        where T : QObject
    {
        if (_entries.TryGetValue(key, out var v) && v is T typed)
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
    public bool Remove(string key) => _entries.Remove(key);

    /// <summary>Removes <paramref name="key"/> and returns its value.</summary>
    public bool Remove(string key, [MaybeNullWhen(false)] out QObject value) => _entries.Remove(key, out value);

    /// <inheritdoc/>
    public void Clear() => _entries.Clear();

    /// <summary>The key and value at <paramref name="index"/> in insertion order.</summary>
    public KeyValuePair<string, QObject> GetAt(int index) => _entries.GetAt(index);

    /// <summary>Enumerates entries in insertion order.</summary>
    public OrderedDictionary<string, QObject>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<KeyValuePair<string, QObject>> IEnumerable<KeyValuePair<string, QObject>>.GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    void ICollection<KeyValuePair<string, QObject>>.Add(KeyValuePair<string, QObject> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, QObject>>.Contains(KeyValuePair<string, QObject> item) =>
        _entries.TryGetValue(item.Key, out var v) && v.Equals(item.Value);

    void ICollection<KeyValuePair<string, QObject>>.CopyTo(KeyValuePair<string, QObject>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, QObject>>)_entries).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, QObject>>.Remove(KeyValuePair<string, QObject> item) =>
        ((ICollection<KeyValuePair<string, QObject>>)this).Contains(item) && _entries.Remove(item.Key);

    /// <inheritdoc/>
    public override QObject DeepClone()
    {
        var copy = new QDict(_entries.Count);
        foreach (var (key, value) in _entries)
        {
            copy._entries.Add(key, value.DeepClone());
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

        if (other is not QDict dict || dict.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in _entries)
        {
            if (!dict._entries.TryGetValue(key, out var theirs) || !value.Equals(theirs))
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
        var hash = (int)QType.QDict;
        foreach (var (key, value) in _entries)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value.GetHashCode());
        }

        return hash;
    }
}
