using System.Collections.Concurrent;
using Machina.Qapi.Commands;
using Machina.Qapi.Visitors;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qmp.Commands;
using Machina.Qmp.Events;
using Machina.Qmp.Machine;
using Machina.Qmp.Schema;
using Machina.Qmp.Sessions;
using Machina.Qmp.Transport;

namespace Machina.Qmp;

/// <summary>
/// A QMP server: serves QEMU's machine protocol to any number of clients at once, over Unix
/// sockets, TCP or any connected stream, with QEMU 7.2's behaviour byte for byte.
/// </summary>
/// <remarks>
/// <para>Register the host's commands in <see cref="Commands"/> before serving, start listeners
/// (<see cref="ListenUnix"/>, <see cref="ListenTcp"/>) or hand over streams
/// (<see cref="ServeAsync"/>), emit events with <see cref="EmitEvent"/>, and stop with
/// <see cref="DisposeAsync"/>. Each session is independent: its own negotiation, queue and
/// output; a client that disconnects or stops reading costs the others nothing.</para>
/// <para>Unlike QEMU, which serves one client per socket and makes the next wait until the first
/// leaves, every client that connects is served at once.</para>
/// </remarks>
public sealed partial class QmpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<QmpSession, byte> _sessions = new();
    private readonly ConcurrentDictionary<QmpListener, byte> _listeners = new();
    private readonly QmpEventThrottle _throttle;
    private readonly Lock _broadcastGate = new();
    private long _nextSessionId;
    private int _disposed;

    /// <summary>A server with <paramref name="options"/> controlling the machine <paramref name="machine"/> makes.</summary>
    /// <param name="options">Behaviour; QEMU's defaults when null.</param>
    /// <param name="machine">
    /// Makes the machine <c>query-status</c>, <c>stop</c>, <c>cont</c> and <c>quit</c> act on, given
    /// the server (for its events); a running <see cref="QmpMachine"/> when null.
    /// </param>
    public QmpServer(QmpServerOptions? options = null, Func<QmpServer, IQmpMachine>? machine = null)
    {
        Options = options ?? new QmpServerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxPendingOutput, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxPendingInput, 1, nameof(options));
        _throttle = new QmpEventThrottle(Options.EventRateLimits, Options.TimeProvider, Broadcast);

        Events = new MachinaEvents((e, message) => _throttle.Emit(e.ToQapiName(), message), Options.TimeProvider) { Policy = Options.Policy };

        Commands = new QmpCommandTable();
        var negotiation = new QmpCommandTable();
        QmpBuiltinCommands.Register(this, Commands, negotiation);
        Dispatcher = new QmpDispatcher(Commands) { HandlerFault = ReportFault, IsMachineReady = Options.IsMachineReady };
        NegotiationDispatcher = new QmpDispatcher(negotiation) { HandlerFault = ReportFault, IsMachineReady = Options.IsMachineReady };

        Machine = machine is null ? new QmpMachine(this) : machine(this);
    }

    /// <summary>How the server behaves.</summary>
    public QmpServerOptions Options { get; }

    /// <summary>
    /// The commands sessions may run once they have negotiated capabilities: those of Machina's
    /// schema (qapi/: <c>query-status</c>, <c>qmp_capabilities</c>, <c>query-version</c>,
    /// <c>query-commands</c>, <c>quit</c>, <c>query-qmp-schema</c>, <c>stop</c>, <c>cont</c>), registered
    /// through their generated marshalling, and whatever the host registers.
    /// </summary>
    public QmpCommandTable Commands { get; }

    /// <summary>
    /// The typed emitter of the events of Machina's schema (<c>SHUTDOWN</c>, <c>STOP</c>, ...):
    /// each message is built with the server's clock and compatibility policy and goes out as
    /// <see cref="EmitEvent"/> sends it, subject to the rate limits.
    /// </summary>
    public MachinaEvents Events { get; }

    /// <summary>The machine the run-state commands act on.</summary>
    public IQmpMachine Machine { get; }

    /// <summary>The sessions now open.</summary>
    public IReadOnlyCollection<QmpSession> Sessions => [.. _sessions.Keys];

    /// <summary>Runs requests of negotiated sessions.</summary>
    internal QmpDispatcher Dispatcher { get; }

    /// <summary>Runs requests of sessions still in capabilities negotiation.</summary>
    internal QmpDispatcher NegotiationDispatcher { get; }

    /// <summary>
    /// Serves one client on a connected <paramref name="transport"/> until it disconnects, the
    /// session is closed, or the server stops. The stream is disposed at the end.
    /// </summary>
    /// <param name="transport">A readable and writable stream.</param>
    /// <param name="peer">How logs and <see cref="QmpSession.Peer"/> name the client.</param>
    /// <param name="cancellationToken">Closes the session (gracefully) when cancelled.</param>
    public async Task ServeAsync(Stream transport, string? peer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var session = Open(transport, peer);
        await using (cancellationToken.Register(static s => ((QmpSession)s!).Close(), session).ConfigureAwait(false))
        {
            await session.Completion.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends event <paramref name="name"/> with <paramref name="data"/> to every session that has
    /// negotiated capabilities, subject to the rate limits. The timestamp is taken now. Sessions in
    /// capabilities negotiation do not get events.
    /// </summary>
    /// <remarks>An event emitted by a command before it returns reaches its client before the reply.</remarks>
    public void EmitEvent(string name, QDict? data = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _throttle.Emit(name, QmpEvent.Build(name, data, Options.TimeProvider));
    }

    /// <summary>
    /// Stops the listeners and closes every session: each finishes the command it is running and
    /// sends what it owes, then disconnects. Sessions still open after
    /// <see cref="QmpServerOptions.ShutdownGrace"/> are cut off (their commands cancelled).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var listener in _listeners.Keys)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        var sessions = _sessions.Keys.ToArray();
        foreach (var session in sessions)
        {
            session.Close();
        }

        var closed = Task.WhenAll(sessions.Select(s => s.Completion));
        try
        {
            await closed.WaitAsync(Options.ShutdownGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            foreach (var session in sessions)
            {
                session.Abort();
            }

            await closed.ConfigureAwait(false);
        }

        _throttle.Dispose();
    }

    /// <summary>Starts a session on <paramref name="transport"/>.</summary>
    internal QmpSession Open(Stream transport, string? peer)
    {
        var session = new QmpSession(this, transport, Interlocked.Increment(ref _nextSessionId), peer);
        _sessions[session] = 0;
        if (Volatile.Read(ref _disposed) != 0)
        {
            session.Close();
        }

        session.Start();
        _ = ForgetWhenDoneAsync(session);
        return session;
    }

    private async Task ForgetWhenDoneAsync(QmpSession session)
    {
        await session.Completion.ConfigureAwait(false);
        _sessions.TryRemove(session, out _);
    }

    internal void Forget(QmpListener listener) => _listeners.TryRemove(listener, out _);

    private void Broadcast(QDict message)
    {
        // Serialized once, copied to each session.
        var bytes = QJson.ToUtf8Bytes(message, QJsonWriterOptions.Wire);
        var line = new byte[bytes.Length + 2];
        bytes.CopyTo(line, 0);
        line[^2] = (byte)'\r';
        line[^1] = (byte)'\n';
        // One event at a time, so every session sees events in the same order.
        lock (_broadcastGate)
        {
            foreach (var session in _sessions.Keys)
            {
                session.SendEvent(line);
            }
        }
    }

    private void ReportFault(QmpCommand command, Exception exception) => Options.CommandFault?.Invoke(command.Name, exception);
}
