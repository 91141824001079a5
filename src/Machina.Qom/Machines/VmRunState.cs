using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom.Machines;

/// <summary>
/// Whether the virtual machine runs (QEMU's run state, softmmu/runstate.c, with <c>query-status</c>,
/// <c>stop</c> and <c>cont</c>): a state from <see cref="RunState"/>, changed only along QEMU's
/// allowed transitions, announcing <c>STOP</c> and <c>RESUME</c> as QEMU does.
/// </summary>
/// <remarks>Safe to use from any thread.</remarks>
public sealed class VmRunState
{
    private static readonly bool[,] Allowed = BuildTransitions();
    private readonly Lock _gate = new();
    private RunState _state;

    /// <summary>A run state starting in <paramref name="initial"/>: <see cref="RunState.Running"/> for a machine started normally, <see cref="RunState.Prelaunch"/> with <c>-S</c>.</summary>
    public VmRunState(RunState initial = RunState.Running) => _state = initial;

    /// <summary>Receives each event (name and data) when the state changes: <c>STOP</c>, <c>RESUME</c>. Called before the command that caused it returns, as QEMU sends events before replies.</summary>
    public event Action<string, QDict?>? EventRaised;

    /// <summary>The current state.</summary>
    public RunState Current
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>True in <see cref="RunState.Running"/> (QEMU's <c>runstate_is_running</c>).</summary>
    public bool IsRunning => Current == RunState.Running;

    /// <summary>The reply of <c>query-status</c> (QEMU's <c>qmp_query_status</c>).</summary>
    public StatusInfo Query()
    {
        var state = Current;
        return new StatusInfo { Running = state == RunState.Running, Singlestep = false, Status = state };
    }

    /// <summary>Whether QEMU allows going from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(RunState from, RunState to) => Allowed[(int)from, (int)to];

    /// <summary>Moves to <paramref name="state"/> (QEMU's <c>runstate_set</c>); staying put is always allowed.</summary>
    /// <exception cref="InvalidOperationException">QEMU does not allow the transition ("invalid runstate transition: 'A' -> 'B'"; QEMU aborts).</exception>
    public void Set(RunState state)
    {
        lock (_gate)
        {
            SetLocked(state);
        }
    }

    /// <summary>
    /// Pauses a running machine and announces <c>STOP</c> (QMP <c>stop</c>, QEMU's <c>vm_stop(RUN_STATE_PAUSED)</c>);
    /// does nothing when it is not running. While an incoming migration is pending it only
    /// cancels the automatic start.
    /// </summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_state == RunState.Inmigrate)
            {
                AutoStart = false;
                return;
            }

            if (_state != RunState.Running)
            {
                return;
            }

            SetLocked(RunState.Paused);
        }

        EventRaised?.Invoke("STOP", null);
    }

    /// <summary>
    /// Resumes the machine and announces <c>RESUME</c> (QMP <c>cont</c>, QEMU's <c>qmp_cont</c>);
    /// does nothing when it runs or is suspended.
    /// </summary>
    /// <exception cref="QapiException">"Resetting the Virtual Machine is required" after an internal error or shutdown; "Migration is not finalized yet" while migrating out.</exception>
    public void Cont()
    {
        lock (_gate)
        {
            switch (_state)
            {
                case RunState.InternalError or RunState.Shutdown:
                    throw new QapiException("Resetting the Virtual Machine is required");
                case RunState.Suspended or RunState.Running:
                    return;
                case RunState.FinishMigrate:
                    throw new QapiException("Migration is not finalized yet");
                case RunState.Inmigrate:
                    AutoStart = true;
                    return;
            }
        }

        EventRaised?.Invoke("RESUME", null);
        Set(RunState.Running);
    }

    /// <summary>Whether the machine starts by itself once an incoming migration completes (QEMU's <c>autostart</c>).</summary>
    public bool AutoStart { get; set; } = true;

    private void SetLocked(RunState state)
    {
        if (state != _state && !IsAllowed(_state, state))
        {
            throw new InvalidOperationException($"invalid runstate transition: '{_state.ToQapiName()}' -> '{state.ToQapiName()}'");
        }

        _state = state;
    }

    // QEMU's runstate_transitions_def.
    private static bool[,] BuildTransitions()
    {
        var count = Enum.GetValues<RunState>().Length;
        var allowed = new bool[count, count];
        void Allow(RunState from, params RunState[] to)
        {
            foreach (var target in to)
            {
                allowed[(int)from, (int)target] = true;
            }
        }

        Allow(RunState.Prelaunch, RunState.Inmigrate, RunState.Running, RunState.FinishMigrate);
        Allow(RunState.Debug, RunState.Running, RunState.FinishMigrate, RunState.Prelaunch, RunState.Suspended);
        Allow(RunState.Inmigrate, RunState.InternalError, RunState.IoError, RunState.Paused, RunState.Running, RunState.Shutdown,
            RunState.Suspended, RunState.Watchdog, RunState.GuestPanicked, RunState.FinishMigrate, RunState.Prelaunch,
            RunState.Postmigrate, RunState.Colo);
        Allow(RunState.InternalError, RunState.Paused, RunState.FinishMigrate, RunState.Prelaunch);
        Allow(RunState.IoError, RunState.Running, RunState.FinishMigrate, RunState.Prelaunch);
        Allow(RunState.Paused, RunState.Running, RunState.FinishMigrate, RunState.Postmigrate, RunState.Prelaunch, RunState.Colo);
        Allow(RunState.Postmigrate, RunState.Running, RunState.FinishMigrate, RunState.Prelaunch);
        Allow(RunState.FinishMigrate, RunState.Running, RunState.Paused, RunState.Postmigrate, RunState.Prelaunch, RunState.Colo);
        Allow(RunState.RestoreVm, RunState.Running, RunState.Prelaunch);
        Allow(RunState.Colo, RunState.Running, RunState.Prelaunch, RunState.Shutdown);
        Allow(RunState.Running, RunState.Debug, RunState.InternalError, RunState.IoError, RunState.Paused, RunState.FinishMigrate,
            RunState.RestoreVm, RunState.SaveVm, RunState.Shutdown, RunState.Watchdog, RunState.GuestPanicked, RunState.Colo,
            RunState.Suspended);
        Allow(RunState.SaveVm, RunState.Running);
        Allow(RunState.Shutdown, RunState.Paused, RunState.FinishMigrate, RunState.Prelaunch, RunState.Colo);
        Allow(RunState.Suspended, RunState.Running, RunState.FinishMigrate, RunState.Prelaunch, RunState.Colo);
        Allow(RunState.Watchdog, RunState.Running, RunState.FinishMigrate, RunState.Prelaunch, RunState.Colo);
        Allow(RunState.GuestPanicked, RunState.Running, RunState.FinishMigrate, RunState.Prelaunch);
        return allowed;
    }
}
