using Machina.Qapi.Visitors;
namespace Machina.Qapi.Commands;

/// <summary>What a running command knows about the request that started it.</summary>
public sealed record QmpCommandContext
{
    /// <summary>A context for an in-band request under the default (accept everything) policy.</summary>
    public QmpCommandContext()
    {
    }

    /// <summary>
    /// The compatibility policy for deprecated and unstable interfaces (QEMU's <c>-compat</c>);
    /// marshalling code hands it to its visitors.
    /// </summary>
    public CompatPolicy Policy { get; init; } = new();

    /// <summary>True when the request came with <c>exec-oob</c>.</summary>
    public bool IsOob { get; init; }

    /// <summary>The monitor or session the request came from, for commands that act on it; null when none.</summary>
    public object? Monitor { get; init; }

    /// <summary>Cancelled when the request's client goes away or the server stops.</summary>
    public CancellationToken CancellationToken { get; init; }
}
