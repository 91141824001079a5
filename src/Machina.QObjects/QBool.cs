namespace Machina.QObjects;

/// <summary>A boolean. The two instances are <see cref="True"/> and <see cref="False"/>.</summary>
public sealed class QBool : QObject
{
    private QBool(bool value) => Value = value;

    /// <summary>The value <c>true</c>.</summary>
    public static QBool True { get; } = new(true);

    /// <summary>The value <c>false</c>.</summary>
    public static QBool False { get; } = new(false);

    /// <summary>The boolean.</summary>
    public bool Value { get; }

    /// <inheritdoc/>
    public override QType Type => QType.QBool;

    /// <summary>The instance for <paramref name="value"/>.</summary>
    public static QBool From(bool value) => value ? True : False;

    /// <inheritdoc/>
    public override QObject DeepClone() => this;

    /// <inheritdoc/>
    public override bool Equals(QObject? other) => other is QBool b && b.Value == Value;

    /// <inheritdoc/>
    public override int GetHashCode() => Value ? 1 : 2;

    /// <summary>Unwraps the boolean.</summary>
    public static implicit operator bool(QBool value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Value;
    }
}
