using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.Qmp.Schema;

namespace Machina.Qmp.Machine;

/// <summary>
/// A machine's run state with QEMU's rules for <c>stop</c>, <c>cont</c> and <c>quit</c>, and the
/// events QEMU sends for them (<c>STOP</c>, <c>RESUME</c>, <c>SHUTDOWN</c>). Hosts change the state
/// with <see cref="SetState"/> and learn of <c>quit</c> through <see cref="QuitRequested"/>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public class QmpMachine : IQmpMachine
{
    private readonly QmpServer _server;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<ShutdownCause> _quit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RunState _state;

    /// <summary>A machine in <paramref name="initial"/> state whose events go out through <paramref name="server"/>.</summary>
    public QmpMachine(QmpServer server, RunState initial = RunState.Running)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        _state = initial;
    }

    /// <summary>The current run state.</summary>
    public RunState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Completes with the cause when a client ran <c>quit</c>; the host then stops the server.</summary>
    public Task<ShutdownCause> QuitRequested => _quit.Task;

    /// <summary>Sets the run state without events (the host's own transitions).</summary>
    public void SetState(RunState state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }

    /// <inheritdoc/>
    public virtual StatusInfo QueryStatus()
    {
        var state = State;
        return new StatusInfo { Running = state == RunState.Running, Singlestep = false, Status = state };
    }

    /// <summary>
    /// QEMU's <c>stop</c>: a running machine becomes <c>paused</c> and <c>STOP</c> is sent; a
    /// machine waiting for an incoming migration stays as it is; otherwise nothing happens.
    /// </summary>
    public virtual ValueTask StopAsync(QmpCommandContext context)
    {
        lock (_gate)
        {
            if (_state != RunState.Running)
            {
                return ValueTask.CompletedTask;
            }

            _state = RunState.Paused;
            _server.Events.SendStop();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// QEMU's <c>cont</c>: fails after an internal error or a guest shutdown ("Resetting the
    /// Virtual Machine is required") and while a migration completes; does nothing when suspended,
    /// running or waiting for an incoming migration; otherwise the machine runs and <c>RESUME</c> is sent.
    /// </summary>
    public virtual ValueTask ContAsync(QmpCommandContext context)
    {
        lock (_gate)
        {
            switch (_state)
            {
                case RunState.InternalError or RunState.Shutdown:
                    throw new QapiException("Resetting the Virtual Machine is required");
                case RunState.FinishMigrate:
                    throw new QapiException("Migration is not finalized yet");
                case RunState.Suspended or RunState.Running or RunState.Inmigrate:
                    return ValueTask.CompletedTask;
                default:
                    _state = RunState.Running;
                    _server.Events.SendResume();
                    return ValueTask.CompletedTask;
            }
        }
    }

    /// <summary>
    /// QEMU's <c>quit</c>: sends <c>SHUTDOWN</c> (<c>guest: false</c>, <c>reason: host-qmp-quit</c>)
    /// and completes <see cref="QuitRequested"/>.
    /// </summary>
    public virtual ValueTask QuitAsync(QmpCommandContext context)
    {
        _server.Events.SendShutdown(guest: false, reason: ShutdownCause.HostQmpQuit);
        _quit.TrySetResult(ShutdownCause.HostQmpQuit);
        return ValueTask.CompletedTask;
    }
}
