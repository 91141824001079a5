using System.Collections;
using System.Runtime.CompilerServices;

namespace Machina.QObjects;

/// <summary>An ordered list of values; supports collection initializers (<c>new QList { 1, "two", true }</c>).</summary>
public sealed class QList : QObject, IList<QObject>, IReadOnlyList<QObject>
{
    private List<QObject> _items;

    // A list read by QJson.Parse from a large message is built when first used (see Json/JsonTape.cs).
    private DeferredContents? _deferred;
    private int _deferredRow;

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

    /// <summary>A list whose items are built from <paramref name="row"/> of <paramref name="contents"/> when first used.</summary>
    internal QList(DeferredContents contents, int row)
    {
        _items = [];
        _deferred = contents;
        _deferredRow = row;
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

    /// <summary>False while the entries of a list read from a large message wait for their first use.</summary>
    internal bool IsBuilt => Volatile.Read(ref _deferred) is null;

    /// <inheritdoc/>
    public override QType Type => QType.QList;

    /// <inheritdoc cref="ICollection{T}.Count"/>
    public int Count => Items.Count;

    bool ICollection<QObject>.IsReadOnly => false;

    /// <inheritdoc cref="IList{T}.this[int]"/>
    public QObject this[int index]
    {
        get => Items[index];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Items[index] = value;
        }
    }

    /// <summary>Appends <paramref name="item"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null; use <see cref="QNull.Instance"/>.</exception>
    public void Add(QObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Items.Add(item);
    }

    /// <summary>The JSON parser's append, without the argument check.</summary>
    internal void AddParsed(QObject item) => _items.Add(item);

    /// <inheritdoc/>
    public void Insert(int index, QObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Items.Insert(index, item);
    }

    /// <inheritdoc/>
    public void RemoveAt(int index) => Items.RemoveAt(index);

    /// <inheritdoc/>
    public bool Remove(QObject item) => Items.Remove(item);

    /// <inheritdoc/>
    public void Clear() => Items.Clear();

    /// <inheritdoc/>
    public bool Contains(QObject item) => Items.Contains(item);

    /// <inheritdoc/>
    public int IndexOf(QObject item) => Items.IndexOf(item);

    /// <inheritdoc/>
    public void CopyTo(QObject[] array, int arrayIndex) => Items.CopyTo(array, arrayIndex);

    /// <summary>Enumerates the items in order.</summary>
    public List<QObject>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<QObject> IEnumerable<QObject>.GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

    /// <inheritdoc/>
    public override QObject DeepClone()
    {
        var copy = new QList();
        copy._items.Capacity = Items.Count;
        foreach (var item in Items)
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

        var mine = Items;
        var theirs = list.Items;
        for (var i = 0; i < mine.Count; i++)
        {
            if (!mine[i].Equals(theirs[i]))
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
        foreach (var item in Items)
        {
            hash.Add(item.GetHashCode());
        }

        return hash.ToHashCode();
    }

    // Every member reads the items through here, so a deferred list is built before its first use.
    private List<QObject> Items
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (Volatile.Read(ref _deferred) is not null)
            {
                BuildDeferred();
            }

            return _items;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void BuildDeferred() => DeferredContents.Build(ref _deferred, this, static (contents, list) =>
    {
        var items = new List<QObject>(contents.Count(list._deferredRow));
        contents.AddItems(list._deferredRow, items);
        list._items = items;
    });
}
