using System.Diagnostics.CodeAnalysis;

namespace Machina.QObjects.Json;

/// <summary>
/// One result of a <see cref="QJsonMessageSplitter"/>: a complete top-level value, or the error
/// that took its place.
/// </summary>
public readonly struct QJsonMessage : IEquatable<QJsonMessage>
{
    /// <summary>A value.</summary>
    public QJsonMessage(QObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>An error.</summary>
    public QJsonMessage(QJsonError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The value, or null for an error.</summary>
    public QObject? Value { get; }

    /// <summary>The error, or null for a value.</summary>
    public QJsonError? Error { get; }

    /// <summary>True when this is an error.</summary>
    [MemberNotNullWhen(true, nameof(Error))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool IsError => Error is not null;

    /// <inheritdoc/>
    public bool Equals(QJsonMessage other) => Equals(Value, other.Value) && Equals(Error, other.Error);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is QJsonMessage other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Error);

    /// <summary>Equality of both parts.</summary>
    public static bool operator ==(QJsonMessage left, QJsonMessage right) => left.Equals(right);

    /// <summary>Inequality of either part.</summary>
    public static bool operator !=(QJsonMessage left, QJsonMessage right) => !left.Equals(right);

    /// <summary>The value as compact JSON, or the error with its position.</summary>
    public override string ToString() => IsError ? $"error: {Error}" : Value?.ToString() ?? "(none)";
}
