namespace Machina.QObjects;

/// <summary>JSON <c>null</c>. There is one instance, <see cref="Instance"/>.</summary>
public sealed class QNull : QObject
{
    private QNull()
    {
    }

    /// <summary>The null value.</summary>
    public static QNull Instance { get; } = new();

    /// <inheritdoc/>
    public override QType Type => QType.QNull;

    /// <inheritdoc/>
    public override QObject DeepClone() => this;

    /// <inheritdoc/>
    public override bool Equals(QObject? other) => other is QNull;

    /// <inheritdoc/>
    public override int GetHashCode() => (int)QType.QNull;
}
