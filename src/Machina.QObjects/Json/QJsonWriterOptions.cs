namespace Machina.QObjects.Json;

/// <summary>The order in which the JSON writer emits a dictionary's keys.</summary>
public enum QJsonKeyOrder
{
    /// <summary>Insertion order, as the dictionary enumerates (the default, for people and tests).</summary>
    Insertion,

    /// <summary>
    /// QEMU's order: that of QEMU's 512-bucket hash table, so output matches QEMU's byte for byte
    /// (why QEMU's greeting reads <c>"micro", "minor", "major"</c>). Use it on the wire.
    /// </summary>
    Qemu,
}

/// <summary>How the JSON writer lays out its output.</summary>
/// <remarks>
/// The default is QEMU's compact form (<c>qobject_to_json</c>): <c>{"a": 1, "b": [true, null]}</c>,
/// with keys in insertion order. Output is always ASCII, escaped as QEMU escapes it.
/// </remarks>
public readonly record struct QJsonWriterOptions
{
    /// <summary>QEMU's pretty form (<c>qobject_to_json_pretty</c>): one item per line, four-space indents.</summary>
    public bool Pretty { get; init; }

    /// <summary>The key order of dictionaries.</summary>
    public QJsonKeyOrder KeyOrder { get; init; }

    /// <summary>Exactly what QEMU writes on a QMP connection: compact, keys in QEMU's order.</summary>
    public static QJsonWriterOptions Wire => new() { KeyOrder = QJsonKeyOrder.Qemu };
}
