namespace Machina.QObjects.Json;

/// <summary>
/// Why some JSON input was rejected: QEMU's message for the defect and where it was found.
/// </summary>
/// <remarks>
/// <see cref="Message"/> is the text QEMU itself reports for the same input (for example
/// <c>JSON parse error, expecting value</c>), so a QMP server can pass it on unchanged.
/// <see cref="Position"/> is Machina's addition: the offset, in bytes from the start of the input
/// (or of everything fed to a <see cref="QJsonMessageSplitter"/>), of the byte or token at fault,
/// or of the end of the input when the input stopped too early.
/// </remarks>
public sealed class QJsonError : IEquatable<QJsonError>
{
    /// <summary>An error with QEMU's <paramref name="message"/> at byte offset <paramref name="position"/>.</summary>
    public QJsonError(string message, long position)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        Message = message;
        Position = position;
    }

    /// <summary>QEMU's message text.</summary>
    public string Message { get; }

    /// <summary>The byte offset of the defect.</summary>
    public long Position { get; }

    /// <summary>The exception that carries this error.</summary>
    public QJsonException ToException() => new(this);

    /// <inheritdoc/>
    public bool Equals(QJsonError? other) =>
        other is not null && other.Position == Position && string.Equals(other.Message, Message, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as QJsonError);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Message), Position);

    /// <summary>The message followed by the position, for logs: <c>JSON parse error, expecting value (at byte 6)</c>.</summary>
    public override string ToString() => $"{Message} (at byte {Position})";
}

/// <summary>Thrown when JSON input is rejected; carries the <see cref="QJsonError"/>.</summary>
/// <remarks>The exception's <see cref="Exception.Message"/> is QEMU's text, unchanged.</remarks>
public sealed class QJsonException : FormatException
{
    /// <summary>The exception for <paramref name="error"/>.</summary>
    public QJsonException(QJsonError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message) => Error = error;

    /// <summary>The rejected input's error.</summary>
    public QJsonError Error { get; }

    /// <summary>The byte offset of the defect.</summary>
    public long Position => Error.Position;
}
