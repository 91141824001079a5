using Machina.Qapi;
using Machina.Qom.Machines;

namespace Machina.Qom.Tests.Machines;

/// <summary>The run state behind query-status, stop and cont.</summary>
public sealed class RunStateTests
{
    [Fact]
    public void Stop_and_cont_change_state_once_and_announce_it()
    {
        var state = new VmRunState();
        var events = new List<string>();
        state.EventRaised += (name, _) => events.Add(name);

        state.Stop();
        state.Stop();
        Assert.Equal(RunState.Paused, state.Current);
        state.Cont();
        state.Cont();

        Assert.Equal(RunState.Running, state.Current);
        Assert.Equal(["STOP", "RESUME"], events);
    }

    [Fact]
    public void Prelaunch_machine_ignores_stop_and_starts_on_cont()
    {
        var state = new VmRunState(RunState.Prelaunch);
        var events = new List<string>();
        state.EventRaised += (name, _) => events.Add(name);

        state.Stop();
        Assert.Equal(new StatusInfo { Running = false, Singlestep = false, Status = RunState.Prelaunch }, state.Query());
        state.Cont();

        Assert.Equal(["RESUME"], events);
        Assert.True(state.IsRunning);
    }

    [Theory]
    [InlineData(RunState.Shutdown, "Resetting the Virtual Machine is required")]
    [InlineData(RunState.InternalError, "Resetting the Virtual Machine is required")]
    [InlineData(RunState.FinishMigrate, "Migration is not finalized yet")]
    public void Cont_refuses_states_it_cannot_leave(RunState initial, string message)
    {
        var state = new VmRunState(initial);

        Assert.Equal(message, Assert.Throws<QapiException>(state.Cont).Message);
        Assert.Equal(initial, state.Current);
    }

    [Fact]
    public void Incoming_migration_only_toggles_the_automatic_start()
    {
        var state = new VmRunState(RunState.Inmigrate);

        state.Stop();
        Assert.False(state.AutoStart);
        state.Cont();

        Assert.True(state.AutoStart);
        Assert.Equal(RunState.Inmigrate, state.Current);
    }

    [Fact]
    public void Transitions_follow_qemus_table()
    {
        var state = new VmRunState(RunState.Running);

        Assert.True(VmRunState.IsAllowed(RunState.Running, RunState.Shutdown));
        Assert.False(VmRunState.IsAllowed(RunState.Shutdown, RunState.Running));
        state.Set(RunState.Shutdown);
        var error = Assert.Throws<InvalidOperationException>(() => state.Set(RunState.Running));
        Assert.Equal("invalid runstate transition: 'shutdown' -> 'running'", error.Message);
    }
}
