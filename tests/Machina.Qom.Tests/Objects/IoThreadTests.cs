using Machina.Qom.Threads;
using Machina.QObjects;

namespace Machina.Qom.Tests.Objects;

/// <summary>iothread: a real thread that runs work until the object is deleted.</summary>
public sealed class IoThreadTests
{
    [Fact]
    public async Task Work_runs_in_order_on_the_objects_own_named_thread()
    {
        var runtime = StandardTypes.CreateRuntime();
        var thread = (IoThread)runtime.UserCreatable.Add(new QDict { ["qom-type"] = "iothread", ["id"] = "io0" });
        var seen = new List<(string? Name, int Step)>();

        for (var i = 0; i < 3; i++)
        {
            var step = i;
            thread.Post(() => seen.Add((Thread.CurrentThread.Name, step)));
        }

        await thread.RunAsync(() => seen.Add((Thread.CurrentThread.Name, 3)));

        Assert.True(thread.IsRunning);
        Assert.True(thread.ThreadId > 0);
        Assert.Equal([("IO io0", 0), ("IO io0", 1), ("IO io0", 2), ("IO io0", 3)], seen);
        Assert.Equal("io0", thread.Id);
    }

    [Fact]
    public async Task Failing_work_fails_its_task_and_the_thread_goes_on()
    {
        var runtime = StandardTypes.CreateRuntime();
        var thread = (IoThread)runtime.UserCreatable.Add(new QDict { ["qom-type"] = "iothread", ["id"] = "io0" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => thread.RunAsync(() => throw new InvalidOperationException("boom")));
        await thread.RunAsync(() => { });

        Assert.True(thread.IsRunning);
    }

    [Fact]
    public void Deleting_the_object_stops_and_joins_the_thread()
    {
        var runtime = StandardTypes.CreateRuntime();
        var thread = (IoThread)runtime.UserCreatable.Add(new QDict { ["qom-type"] = "iothread", ["id"] = "io0" });

        runtime.UserCreatable.Delete("io0");

        Assert.False(thread.IsRunning);
        Assert.Throws<InvalidOperationException>(() => thread.Post(() => { }));
    }

    [Fact]
    public void Refused_pool_bounds_leave_no_thread()
    {
        var runtime = StandardTypes.CreateRuntime();
        var thread = (IoThread)runtime.New("iothread");
        thread.SetInt("thread-pool-min", 100);

        Assert.Throws<Machina.Qapi.QapiException>(() => Qom.UserCreatableObjects.Complete(thread));

        Assert.False(thread.IsRunning);
        thread.Unref();
    }

    [Fact]
    public void Parameters_keep_what_was_set_even_when_the_running_loop_refuses_it()
    {
        var runtime = StandardTypes.CreateRuntime();
        var thread = (IoThread)runtime.UserCreatable.Add(new QDict { ["qom-type"] = "iothread", ["id"] = "io0", ["poll-max-ns"] = 0, ["poll-shrink"] = 3 });

        Assert.Throws<Machina.Qapi.QapiException>(() => thread.SetInt("thread-pool-max", 0));

        Assert.Equal(0, thread.ThreadPoolMax);
        Assert.Equal(0, thread.PollMaxNs);
        Assert.Equal(3, thread.PollShrink);
    }
}
