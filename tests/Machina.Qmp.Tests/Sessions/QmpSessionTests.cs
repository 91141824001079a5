using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.TestSupport;

namespace Machina.Qmp.Tests.Sessions;

/// <summary>What a session does that QEMU's conformance transcripts cannot show: timing of out-of-band
/// requests, the queue limits, slow commands, disconnects and output limits.</summary>
public sealed class QmpSessionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_oob_request_is_answered_while_an_in_band_command_runs()
    {
        await using var host = TestServer.Start();
        await using var client = await host.ConnectNegotiatedAsync(oob: true);
        await client.SendAsync("""{"execute": "x-test-block", "id": 1}""");
        await host.Blocked.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        await client.SendAsync("""{"exec-oob": "x-test-echo", "arguments": {"n": 2}, "id": 2}""");
        Assert.Equal("""{"return": {"oob": true, "arguments": {"n": 2}}, "id": 2}""" + "\r\n", await client.ReadLineTextAsync());

        host.Gate.SetResult();
        Assert.Equal("""{"return": {"waited": true}, "id": 1}""" + "\r\n", await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task Without_oob_nothing_is_read_until_the_request_before_is_answered()
    {
        await using var host = TestServer.Start();
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "x-test-block", "id": 1}{"exec-oob": "x-test-echo", "id": 2}""");
        await host.Blocked.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        // Were the second request read now, its error would overtake the first reply.
        await Task.Delay(200, TestContext.Current.CancellationToken);
        host.Gate.SetResult();
        Assert.Equal("""{"return": {"waited": true}, "id": 1}""" + "\r\n", await client.ReadLineTextAsync());
        Assert.Equal("""{"id": 2, "error": {"class": "GenericError", "desc": "QMP input member 'exec-oob' is unexpected"}}""" + "\r\n",
            await client.ReadLineTextAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Replies_to_one_read_are_not_held_back_behind_a_command_that_waits(bool oob)
    {
        // Replies to a burst leave together, but never wait for a slow command after them.
        await using var host = TestServer.Start();
        await using var client = await host.ConnectNegotiatedAsync(oob);
        await client.SendAsync("""{"execute": "query-status", "id": 1}{"execute": "x-test-block", "id": 2}{"execute": "query-version", "id": 3}""");
        Assert.Contains("\"id\": 1", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        await host.Blocked.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        host.Gate.SetResult();
        Assert.Contains("\"id\": 2", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        Assert.Contains("\"id\": 3", await client.ReadLineTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_whose_replies_outgrow_what_is_held_is_answered_in_order()
    {
        // The replies (query-qmp-schema's are large) go out as the held output passes its bound.
        await using var host = TestServer.Start();
        await using var client = await host.ConnectNegotiatedAsync();
        const int count = 100;
        await client.SendAsync(string.Concat(Enumerable.Range(0, count).Select(i => $$"""{"execute": "query-qmp-schema", "id": {{i}}}""")));
        for (var i = 0; i < count; i++)
        {
            var line = await client.ReadLineTextAsync();
            Assert.NotNull(line);
            Assert.EndsWith($", \"id\": {i}}}\r\n", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sessions_one_after_another_are_all_served()
    {
        // Their socket-reading threads are reused; each session still gets its own greeting and answers.
        await using var host = TestServer.Start();
        for (var i = 0; i < 20; i++)
        {
            await using var client = await host.ConnectNegotiatedAsync();
            await client.SendAsync($$"""{"execute": "query-status", "id": {{i}}}""");
            Assert.Contains($"\"id\": {i}", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public async Task With_oob_reading_stops_once_eight_requests_wait(int queued, bool oobOvertakes)
    {
        await using var host = TestServer.Start();
        await using var client = await host.ConnectNegotiatedAsync(oob: true);
        await client.SendAsync("""{"execute": "x-test-block", "id": "block"}""");
        await host.Blocked.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        var burst = string.Concat(Enumerable.Range(1, queued).Select(i => $"{{\"execute\": \"query-status\", \"id\": {i}}}"));
        await client.SendAsync(burst + """{"exec-oob": "x-test-echo", "id": "oob"}""");
        if (oobOvertakes)
        {
            Assert.Contains("\"id\": \"oob\"", await client.ReadLineTextAsync(), StringComparison.Ordinal);
            host.Gate.SetResult();
            Assert.Contains("\"id\": \"block\"", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        }
        else
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            host.Gate.SetResult();
            Assert.Contains("\"id\": \"block\"", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        }

        // Every in-band reply arrives, in order, wherever the out-of-band one falls.
        var ids = new List<string>();
        var remaining = oobOvertakes ? queued : queued + 1;
        for (var i = 0; i < remaining; i++)
        {
            var reply = (QDict)QJson.Parse((await client.ReadLineTextAsync())!);
            ids.Add(reply["id"].ToString());
        }

        Assert.Equal(Enumerable.Range(1, queued).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids.Where(id => id != "\"oob\""));
        Assert.Equal(oobOvertakes ? 0 : 1, ids.Count(id => id == "\"oob\""));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_disconnect_cancels_the_running_command(bool oob)
    {
        await using var host = TestServer.Start();
        var client = await host.ConnectNegotiatedAsync(oob);
        await client.SendAsync("""{"execute": "x-test-block"}{"execute": "query-status"}""");
        await host.Blocked.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await client.DisposeAsync();
        await host.Cancelled.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => host.Server.Sessions.Count == 0);
    }

    [Fact]
    public async Task Events_reach_negotiated_sessions_even_while_a_command_runs()
    {
        await using var host = TestServer.Start();
        await using var busy = await host.ConnectNegotiatedAsync();
        await using var negotiating = await host.ConnectAsync();
        await negotiating.ReadLineAsync();
        await busy.SendAsync("""{"execute": "x-test-block", "id": 1}""");
        await host.Blocked.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        host.Server.EmitEvent("POWERDOWN");
        Assert.Contains("\"event\": \"POWERDOWN\"", await busy.ReadLineTextAsync(), StringComparison.Ordinal);
        host.Gate.SetResult();
        Assert.Equal("""{"return": {"waited": true}, "id": 1}""" + "\r\n", await busy.ReadLineTextAsync());

        // The session still negotiating got nothing: its next line is the reply to its next request.
        await negotiating.SendAsync("""{"execute": "query-status", "id": 2}""");
        Assert.Contains("\"id\": 2", await negotiating.ReadLineTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_a_command_emits_precedes_its_reply()
    {
        await using var host = TestServer.Start();
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "x-test-emit", "arguments": {"event": "RESET", "data": {"guest": true, "reason": "guest-reset"}}, "id": 1}""");
        var line = await client.ReadLineTextAsync();
        Assert.Matches("""^\{"timestamp": \{"seconds": \d+, "microseconds": \d+\}, "event": "RESET", "data": \{"guest": true, "reason": "guest-reset"\}\}\r\n$""", line);
        Assert.Equal("""{"return": {}, "id": 1}""" + "\r\n", await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_disconnected_and_the_others_go_on()
    {
        await using var host = TestServer.Start(new QmpServerOptions { MaxPendingOutput = 64 << 10 });
        await using var stalled = await host.ConnectNegotiatedAsync();
        await using var reader = await host.ConnectNegotiatedAsync();
        var stalledSession = host.Server.Sessions.Single(s => s.Id == 1);

        var data = new QDict { ["padding"] = new string('x', 1000) };
        var received = 0;
        var reading = Task.Run(async () =>
        {
            while (await reader.ReadLineTextAsync() is { } line && !line.Contains("\"id\": \"end\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref received);
            }
        }, TestContext.Current.CancellationToken);

        var sent = 0;
        while (!stalledSession.Completion.IsCompleted)
        {
            Assert.True(sent < 1_000_000, "the stalled client was never disconnected");
            host.Server.EmitEvent("POWERDOWN", data);
            sent++;

            // The reading client keeps up; only the stalled one falls behind.
            while (sent - Volatile.Read(ref received) > 16 && !reading.IsCompleted)
            {
                await Task.Delay(1, TestContext.Current.CancellationToken);
            }
        }

        await reader.SendAsync("""{"execute": "query-status", "id": "end"}""");
        await reading.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(sent, received);
        Assert.Single(host.Server.Sessions);
    }

    [Fact]
    public async Task A_handler_bug_becomes_a_generic_error_and_is_reported()
    {
        var faults = new List<string>();
        await using var host = TestServer.Start(new QmpServerOptions { CommandFault = (name, e) => faults.Add($"{name}: {e.Message}") });
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "x-test-fault", "id": 1}""");
        Assert.Equal("""{"id": 1, "error": {"class": "GenericError", "desc": "Command x-test-fault failed: broken on purpose"}}""" + "\r\n",
            await client.ReadLineTextAsync());
        Assert.Equal(["x-test-fault: broken on purpose"], faults);
    }

    [Fact]
    public async Task Query_commands_lists_enabled_commands_newest_first()
    {
        await using var host = TestServer.Start();
        host.Server.Commands.Disable("x-test-fault");
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "query-commands"}""");
        var reply = (QDict)QJson.Parse((await client.ReadLineTextAsync())!);
        var names = ((QList)reply["return"]).Select(c => ((QString)((QDict)c)["name"]).Value);
        Assert.Equal(
            ["x-test-emit", "x-test-echo", "x-test-block", "device_del", "cont", "stop", "query-qmp-schema", "quit", "query-commands", "query-version", "qmp_capabilities", "query-status"],
            names);
    }

    [Fact]
    public async Task Before_machine_initialization_only_preconfig_commands_run()
    {
        var ready = false;
        await using var host = TestServer.Start(new QmpServerOptions { IsMachineReady = () => ready });
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "stop"}{"execute": "query-status"}""");
        Assert.Equal("""{"error": {"class": "GenericError", "desc": "The command 'stop' is permitted only after machine initialization has completed"}}""" + "\r\n",
            await client.ReadLineTextAsync());
        Assert.StartsWith("{\"return\": ", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        ready = true;
        await client.SendAsync("""{"execute": "stop"}""");
        Assert.Contains("\"event\": \"STOP\"", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        Assert.Equal("{\"return\": {}}\r\n", await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task A_disabled_command_says_why()
    {
        await using var host = TestServer.Start();
        host.Server.Commands.Disable("stop", "the machine cannot pause");
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "stop"}""");
        Assert.Equal("""{"error": {"class": "CommandNotFound", "desc": "Command stop has been disabled: the machine cannot pause"}}""" + "\r\n",
            await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task Without_the_oob_offer_the_greeting_lists_none_and_enabling_it_fails()
    {
        await using var host = TestServer.Start(new QmpServerOptions { OfferOob = false });
        await using var client = await host.ConnectAsync();
        Assert.Equal("""{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "Machina"}, "capabilities": []}}""" + "\r\n",
            await client.ReadLineTextAsync());
        await client.SendAsync("""{"execute": "qmp_capabilities", "arguments": {"enable": ["oob", "oob"]}}""");
        Assert.Equal("""{"error": {"class": "GenericError", "desc": "Capability oob, oob not available"}}""" + "\r\n",
            await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task Quit_replies_then_the_host_stops_the_server_and_the_client_sees_the_end()
    {
        var host = TestServer.Start();
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "quit", "id": 1}""");
        var machine = (Machine.QmpMachine)host.Server.Machine;
        Assert.Equal(Machina.Qmp.Schema.ShutdownCause.HostQmpQuit, await machine.QuitRequested.WaitAsync(Patience, TestContext.Current.CancellationToken));
        await host.DisposeAsync();

        Assert.Contains("\"event\": \"SHUTDOWN\"", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        Assert.Equal("""{"return": {}, "id": 1}""" + "\r\n", await client.ReadLineTextAsync());
        Assert.Null(await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task Closing_a_session_lets_the_running_command_answer_first()
    {
        await using var host = TestServer.Start();
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "x-test-block", "id": 1}{"execute": "query-status", "id": 2}""");
        await host.Blocked.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        var session = host.Server.Sessions.Single();
        session.Close();
        host.Gate.SetResult();
        Assert.Equal("""{"return": {"waited": true}, "id": 1}""" + "\r\n", await client.ReadLineTextAsync());
        Assert.Null(await client.ReadLineTextAsync());
        await session.Completion.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Stopping_the_server_cuts_off_a_client_that_does_not_read()
    {
        var host = TestServer.Start(new QmpServerOptions { ShutdownGrace = TimeSpan.FromMilliseconds(500) });
        await using var stalled = await host.ConnectNegotiatedAsync();
        var session = host.Server.Sessions.Single();

        // More than the socket holds, less than the output limit: the writer is stuck in a write.
        var data = new QDict { ["padding"] = new string('x', 60_000) };
        for (var i = 0; i < 40; i++)
        {
            host.Server.EmitEvent("POWERDOWN", data);
        }

        await host.DisposeAsync();
        Assert.True(session.Completion.IsCompleted);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
