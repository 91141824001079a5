namespace Machina.QObjects;

/// <summary>A string.</summary>
/// <remarks>
/// QEMU's strings are UTF-8 byte strings; every string its JSON parser can produce is valid
/// Unicode (with U+0000 allowed), so a .NET <see cref="string"/> holds each of them exactly.
/// </remarks>
public sealed class QString : QObject
{
    /// <summary>Wraps <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public QString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The empty string.</summary>
    public static QString Empty { get; } = new(string.Empty);

    /// <summary>The string.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override QType Type => QType.QString;

    /// <inheritdoc/>
    public override QObject DeepClone() => this;

    /// <inheritdoc/>
    public override bool Equals(QObject? other) => other is QString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Unwraps the string.</summary>
    public static implicit operator string(QString value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Value;
    }
}
