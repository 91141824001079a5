using System.Text;

namespace Machina.Qmp.Tests.Conformance;

/// <summary>
/// One conformance case: byte sequences a client sends on a fresh connection, each in its own
/// write. The transcript of what the server answers must be the same from Machina and QEMU.
/// </summary>
/// <param name="Name">What the case checks, as the test shows it.</param>
/// <param name="Writes">The writes, in order.</param>
/// <param name="Closes">True when the server closes the connection at the end (no sync request follows).</param>
public sealed record QmpConformanceCase(string Name, IReadOnlyList<byte[]> Writes, bool Closes = false)
{
    /// <summary>Negotiation without capabilities, as the first write.</summary>
    public static readonly byte[] Negotiate = Bytes("""{"execute": "qmp_capabilities"}""");

    /// <summary>Negotiation with out-of-band execution, as the first write.</summary>
    public static readonly byte[] NegotiateOob = Bytes("""{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}""");

    /// <summary>A case whose writes are <paramref name="writes"/> as UTF-8 text.</summary>
    public static QmpConformanceCase Text(string name, params string[] writes) => new(name, [.. writes.Select(Bytes)]);

    /// <summary>A case that negotiates first, then sends <paramref name="writes"/> as UTF-8 text.</summary>
    public static QmpConformanceCase Negotiated(string name, params string[] writes) =>
        new(name, [Negotiate, .. writes.Select(Bytes)]);

    /// <summary>A case that negotiates first, then sends <paramref name="writes"/> as they are.</summary>
    public static QmpConformanceCase NegotiatedBytes(string name, params byte[][] writes) => new(name, [Negotiate, .. writes]);

    /// <summary>A case that negotiates with <c>oob</c>, then sends <paramref name="writes"/> as UTF-8 text.</summary>
    public static QmpConformanceCase NegotiatedOob(string name, params string[] writes) =>
        new(name, [NegotiateOob, .. writes.Select(Bytes)]);

    /// <summary>The UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
