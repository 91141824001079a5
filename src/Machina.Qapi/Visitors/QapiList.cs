using System.Text;

namespace Machina.Qapi.Visitors;

/// <summary>
/// A QAPI list (<c>['T']</c> in the schema): a <see cref="List{T}"/> that compares by content, so
/// generated records holding lists compare by value.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// Supports collection expressions: <c>new ArrayStruct { Integer = [1, 2, 3], ... }</c>.
/// Equality is element-wise in order, with <see cref="EqualityComparer{T}.Default"/>.
/// </remarks>
public sealed class QapiList<T> : List<T>, IEquatable<QapiList<T>>
{
    /// <summary>An empty list.</summary>
    public QapiList()
    {
    }

    /// <summary>An empty list with room for <paramref name="capacity"/> elements.</summary>
    public QapiList(int capacity)
        : base(capacity)
    {
    }

    /// <summary>A list of <paramref name="items"/>, in order.</summary>
    public QapiList(IEnumerable<T> items)
        : base(items)
    {
    }

    /// <inheritdoc/>
    public bool Equals(QapiList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Count != Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < Count; i++)
        {
            if (!comparer.Equals(this[i], other[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is QapiList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in this)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The elements in brackets, for example <c>[1, 2, 3]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(this[i]);
        }

        return text.Append(']').ToString();
    }
}
