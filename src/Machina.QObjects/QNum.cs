using System.Diagnostics.CodeAnalysis;

namespace Machina.QObjects;

/// <summary>How a <see cref="QNum"/> stores its number, as QEMU's <c>QNumKind</c>.</summary>
public enum QNumKind
{
    /// <summary>A signed 64-bit integer.</summary>
    Int64,
    /// <summary>An unsigned 64-bit integer.</summary>
    UInt64,
    /// <summary>An IEEE double.</summary>
    Double,
}

/// <summary>
/// A number that remembers whether it was made as a signed integer, an unsigned integer or a
/// double, with QEMU's conversion and equality rules.
/// </summary>
/// <remarks>
/// <para>Conversions (QEMU's <c>qnum_get_try_int</c> / <c>qnum_get_try_uint</c> /
/// <c>qnum_get_double</c>): an integer converts to the other integer kind when it fits; a double
/// never converts to an integer; every number converts to a double.</para>
/// <para>Equality (<c>qnum_is_equal</c>): integers are equal when their values are, whatever
/// their kind; a double equals only a double of the same value (so <c>1</c> differs from
/// <c>1.0</c>). Unlike C's <c>==</c>, NaN equals NaN here, so equality stays reflexive; the JSON
/// dialect cannot produce NaN.</para>
/// </remarks>
public sealed class QNum : QObject
{
    private readonly long _bits;
    private readonly double _double;

    /// <summary>A signed integer.</summary>
    public QNum(long value)
    {
        Kind = QNumKind.Int64;
        _bits = value;
    }

    /// <summary>An unsigned integer.</summary>
    public QNum(ulong value)
    {
        Kind = QNumKind.UInt64;
        _bits = unchecked((long)value);
    }

    /// <summary>A double.</summary>
    public QNum(double value)
    {
        Kind = QNumKind.Double;
        _double = value;
    }

    /// <summary>How the number is stored.</summary>
    public QNumKind Kind { get; }

    /// <summary>True when the number is an integer of either kind.</summary>
    public bool IsInteger => Kind != QNumKind.Double;

    /// <inheritdoc/>
    public override QType Type => QType.QNum;

    /// <summary>The number as a signed integer, when it is an integer that fits.</summary>
    public bool TryGetInt64(out long value)
    {
        switch (Kind)
        {
            case QNumKind.Int64:
                value = _bits;
                return true;
            case QNumKind.UInt64 when _bits >= 0:
                value = _bits;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The number as an unsigned integer, when it is an integer that fits.</summary>
    public bool TryGetUInt64(out ulong value)
    {
        switch (Kind)
        {
            case QNumKind.UInt64:
            case QNumKind.Int64 when _bits >= 0:
                value = unchecked((ulong)_bits);
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The number as a signed integer.</summary>
    /// <exception cref="InvalidOperationException">It is a double, or an unsigned integer above <see cref="long.MaxValue"/>.</exception>
    public long GetInt64() => TryGetInt64(out var v) ? v : throw new InvalidOperationException($"{Describe()} is not representable as a signed 64-bit integer");

    /// <summary>The number as an unsigned integer.</summary>
    /// <exception cref="InvalidOperationException">It is a double, or a negative integer.</exception>
    public ulong GetUInt64() => TryGetUInt64(out var v) ? v : throw new InvalidOperationException($"{Describe()} is not representable as an unsigned 64-bit integer");

    /// <summary>The number as a double; integers convert (rounding above 2^53).</summary>
    public double ToDouble() => Kind switch
    {
        QNumKind.Int64 => _bits,
        QNumKind.UInt64 => unchecked((ulong)_bits),
        _ => _double,
    };

    /// <inheritdoc/>
    public override QObject DeepClone() => this;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] QObject? other)
    {
        if (other is not QNum n)
        {
            return false;
        }

        if (Kind == QNumKind.Double || n.Kind == QNumKind.Double)
        {
            return Kind == n.Kind && _double.Equals(n._double);
        }

        if (Kind == n.Kind)
        {
            return _bits == n._bits;
        }

        // One signed, one unsigned: equal only when the signed one is non-negative.
        return _bits >= 0 && _bits == n._bits;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => Kind == QNumKind.Double
        ? HashCode.Combine(QNumKind.Double, _double)
        : HashCode.Combine(_bits >= 0 || Kind == QNumKind.UInt64, _bits);

    private string Describe() => Kind switch
    {
        QNumKind.Int64 => $"the integer {_bits}",
        QNumKind.UInt64 => $"the unsigned integer {unchecked((ulong)_bits)}",
        _ => $"the double {_double:R}",
    };
}
