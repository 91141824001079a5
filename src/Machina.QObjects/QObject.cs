namespace Machina.QObjects;

/// <summary>
/// A value in QEMU's object model: one of <see cref="QNull"/>, <see cref="QBool"/>,
/// <see cref="QNum"/>, <see cref="QString"/>, <see cref="QList"/> and <see cref="QDict"/>.
/// </summary>
/// <remarks>
/// <para>The hierarchy is closed; match on it with patterns
/// (<c>obj is QDict { Count: 0 }</c>, <c>switch (obj) { case QNum n: ... }</c>).</para>
/// <para>Scalars are immutable. Lists and dictionaries are mutable containers, like QEMU's;
/// use <see cref="DeepClone"/> before handing a container to code that must not see later changes.</para>
/// <para>Equality is QEMU's <c>qobject_is_equal</c>: same kind and equal contents, dictionaries
/// compared regardless of key order, numbers compared by <see cref="QNum"/>'s rules.</para>
/// <para>Implicit conversions from <see cref="bool"/>, the integer types, <see cref="double"/> and
/// <see cref="string"/> make collection initializers read naturally:
/// <c>new QDict { ["execute"] = "query-status", ["id"] = 1 }</c>.</para>
/// </remarks>
public abstract class QObject : IEquatable<QObject>
{
    private protected QObject()
    {
    }

    /// <summary>The kind of this value.</summary>
    public abstract QType Type { get; }

    /// <summary>A copy that shares nothing mutable with this value.</summary>
    public abstract QObject DeepClone();

    /// <inheritdoc/>
    public abstract bool Equals(QObject? other);

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => obj is QObject other && Equals(other);

    /// <inheritdoc/>
    public abstract override int GetHashCode();

    /// <summary>This value as QEMU's compact JSON, keys in insertion order: <c>{"a": 1, "b": [true, null]}</c>.</summary>
    public sealed override string ToString() => Json.QJson.ToJson(this);

    /// <summary>Value equality, as <see cref="Equals(QObject)"/>.</summary>
    public static bool operator ==(QObject? left, QObject? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality, as <see cref="Equals(QObject)"/>.</summary>
    public static bool operator !=(QObject? left, QObject? right) => !(left == right);

    /// <summary>Wraps a boolean.</summary>
    public static implicit operator QObject(bool value) => QBool.From(value);

    /// <summary>Wraps a signed integer.</summary>
    public static implicit operator QObject(int value) => new QNum(value);

    /// <summary>Wraps a signed integer.</summary>
    public static implicit operator QObject(long value) => new QNum(value);

    /// <summary>Wraps an unsigned integer (kept as QEMU's unsigned kind).</summary>
    public static implicit operator QObject(ulong value) => new QNum(value);

    /// <summary>Wraps a floating-point number.</summary>
    public static implicit operator QObject(double value) => new QNum(value);

    /// <summary>Wraps a string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator QObject(string value) => new QString(value);
}
