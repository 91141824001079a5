namespace Machina.QObjects.Json;

/// <summary>
/// The limits QEMU's JSON reader enforces on one message, so a peer cannot make it buffer or
/// recurse without bound. Exceeding one yields QEMU's error message for it.
/// </summary>
public static class QJsonLimits
{
    /// <summary>
    /// The most bytes of token text one message may hold (64 MiB), and the longest a single token
    /// may grow before it is cut off. Whitespace between tokens does not count.
    /// Exceeding it: <c>JSON token size limit exceeded</c>.
    /// </summary>
    public const int MaxMessageSize = 64 << 20;

    /// <summary>
    /// The most tokens one message may hold (2 Mi). Exceeding it: <c>JSON token count limit exceeded</c>.
    /// </summary>
    public const int MaxTokenCount = 2 << 20;

    /// <summary>
    /// The deepest nesting of arrays and objects (1024). Exceeding it: <c>JSON nesting depth limit exceeded</c>.
    /// </summary>
    public const int MaxNesting = 1 << 10;
}
