using System.Collections;

namespace Machina.QObjects;

/// <summary>An ordered list of values; supports collection initializers (<c>new QList { 1, "two", true }</c>).</summary>
public sealed class QList : QObject, IList<QObject>, IReadOnlyList<QObject>
{
    private readonly List<QObject> _items;

    /// <summary>An empty list.</summary>
    public QList() => _items = [];

    /// <summary>An empty list with room for <paramref name="capacity"/> items.</summary>
    internal QList(int capacity) => _items = new List<QObject>(capacity);

    /// <summary>A list of <paramref name="items"/> (none null), made at its final size.</summary>
    internal QList(ReadOnlySpan<QObject> items)
    {
        _items = new List<QObject>(items.Length);
        _items.AddRange(items);
    }

    /// <summary>A list of <paramref name="items"/>, in order.</summary>
    public QList(IEnumerable<QObject> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
        foreach (var item in _items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
        }
    }

    /// <inheritdoc/>
    public override QType Type => QType.QList;

    /// <inheritdoc cref="ICollection{T}.Count"/>
    public int Count => _items.Count;

    bool ICollection<QObject>.IsReadOnly => false;

    /// <inheritdoc cref="IList{T}.this[int]"/>
    public QObject this[int index]
    {
        get => _items[index];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _items[index] = value;
        }
    }

    /// <summary>Appends <paramref name="item"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null; use <see cref="QNull.Instance"/>.</exception>
    public void Add(QObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items.Add(item);
    }

    /// <summary>The JSON parser's append, without the argument check.</summary>
    internal void AddParsed(QObject item) => _items.Add(item);

    /// <inheritdoc/>
    public void Insert(int index, QObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items.Insert(index, item);
    }

    /// <inheritdoc/>
    public void RemoveAt(int index) => _items.RemoveAt(index);

    /// <inheritdoc/>
    public bool Remove(QObject item) => _items.Remove(item);

    /// <inheritdoc/>
    public void Clear() => _items.Clear();

    /// <inheritdoc/>
    public bool Contains(QObject item) => _items.Contains(item);

    /// <inheritdoc/>
    public int IndexOf(QObject item) => _items.IndexOf(item);

    /// <inheritdoc/>
    public void CopyTo(QObject[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    /// <summary>Enumerates the items in order.</summary>
    public List<QObject>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<QObject> IEnumerable<QObject>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    public override QObject DeepClone()
    {
        var copy = new QList();
        copy._items.Capacity = _items.Count;
        foreach (var item in _items)
        {
            copy._items.Add(item.DeepClone());
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

        if (other is not QList list || list.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < _items.Count; i++)
        {
            if (!_items[i].Equals(list._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(QType.QList);
        foreach (var item in _items)
        {
            hash.Add(item.GetHashCode());
        }

        return hash.ToHashCode();
    }
}
