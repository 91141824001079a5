using Machina.Qapi.Visitors;
using Machina.QObjects;
using Machina.Qmp.Events;
using Machina.Qmp.Schema;

namespace Machina.Qmp;

/// <summary>How a <see cref="QmpServer"/> behaves; the defaults are QEMU's.</summary>
public sealed record QmpServerOptions
{
    /// <summary>
    /// What the greeting and <c>query-version</c> report. Defaults to the QEMU interface version
    /// Machina follows (7.2.0) with package <c>Machina</c>, so clients that look at the version
    /// expect QEMU 7.2's protocol.
    /// </summary>
    public VersionInfo Version { get; init; } = new()
    {
        Qemu = new VersionTriple { Major = 7, Minor = 2, Micro = 0 },
        Package = "Machina",
    };

    /// <summary>
    /// Whether sessions offer the <c>oob</c> capability (QEMU offers it on every monitor that runs
    /// in its I/O thread, which includes socket monitors). Default true.
    /// </summary>
    public bool OfferOob { get; init; } = true;

    /// <summary>
    /// How many bytes of output a session may hold for a client that does not read before the
    /// session is closed (one message is always accepted). Default 4 MiB.
    /// </summary>
    public int MaxPendingOutput { get; init; } = 4 << 20;

    /// <summary>
    /// How many bytes a session reads ahead of what it has processed (input waiting while requests
    /// are queued). Reading ahead is how a session notices a disconnect while a command runs. Default 1 MiB.
    /// </summary>
    public int MaxPendingInput { get; init; } = 1 << 20;

    /// <summary>
    /// How long <see cref="QmpServer.DisposeAsync"/> lets sessions finish their running command and
    /// send what they owe before it cuts them off (a client that stops reading would otherwise
    /// hold the server up). Default 5 seconds, on the real clock.
    /// </summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The compatibility policy for deprecated and unstable interfaces (QEMU's <c>-compat</c>).</summary>
    public CompatPolicy Policy { get; init; } = new();

    /// <summary>The events that are rate limited and how; defaults to QEMU's table (<see cref="QmpEventRateLimit.QemuDefaults"/>).</summary>
    public IReadOnlyList<QmpEventRateLimit> EventRateLimits { get; init; } = QmpEventRateLimit.QemuDefaults;

    /// <summary>The clock for event timestamps and rate limits. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether machine initialization has completed (QEMU's preconfig state). Until it has, only
    /// commands registered with <c>AllowPreconfig</c> run; others fail with "The command 'NAME' is
    /// permitted only after machine initialization has completed". Default: always ready.
    /// </summary>
    public Func<bool> IsMachineReady { get; init; } = static () => true;

    /// <summary>
    /// Gives the value <c>query-qmp-schema</c> describes the server with: the SchemaInfo list, type
    /// names masked as QEMU masks them. Called once, on the first request. Default: Machina's own
    /// schema (qapi/) for the symbols it was built with, <see cref="MachinaIntrospection.QueryQmpSchema"/>.
    /// A host that registers commands of a schema of its own describes them by giving that
    /// schema's introspection here (a schema that includes qapi/machina.json describes the
    /// built-in commands too).
    /// </summary>
    public Func<QList> QmpSchema { get; init; } = static () => MachinaIntrospection.QueryQmpSchema();

    /// <summary>
    /// Called when a command handler throws something other than a QAPI error (a bug in it). The
    /// client still gets a <c>GenericError</c>. Default: nothing.
    /// </summary>
    public Action<string, Exception>? CommandFault { get; init; }
}
