using Machina.Qapi;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Qmp.Client.Tests.Unit;

/// <summary>The client's protocol handling against a scripted server on an in-memory stream.</summary>
public sealed class QmpClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Negotiation_enables_oob_when_offered()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        Assert.Equal("qmp_capabilities", ((QString)server.Negotiation["execute"]).Value);
        Assert.Equal("""{"oob"}""".Replace("{", "[").Replace("}", "]"), QJson.ToJson(((QDict)server.Negotiation["arguments"])["enable"]));
        Assert.True(client.OutOfBandEnabled);
        Assert.Equal(new Version(7, 2, 0), client.Greeting.Version);
        Assert.Equal("fake", client.Greeting.Package);
    }

    [Fact]
    public async Task Negotiation_without_oob_sends_no_arguments_and_refuses_oob_calls()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync(FakeQmpServer.GreetingWithoutOob);
        await using var _ = server;
        await using var __ = client;
        Assert.False(server.Negotiation.ContainsKey("arguments"));
        Assert.False(client.OutOfBandEnabled);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ExecuteAsync("migrate-pause", null, new QmpCallOptions { OutOfBand = true }, cancellationToken: Ct));
        Assert.Contains("oob", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_that_is_not_qmp_fails_the_connection_with_a_protocol_error()
    {
        await using var server = new FakeQmpServer();
        await server.SendAsync("""{"hello": 1}""");
        var e = await Assert.ThrowsAsync<QmpProtocolException>(() => QmpClient.ConnectAsync(server.ClientStream, cancellationToken: Ct).WaitAsync(Patience, Ct));
        Assert.Contains("expected the QMP greeting", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipelined_calls_get_their_own_replies_whatever_the_order()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        var calls = Enumerable.Range(0, 3).Select(i => client.ExecuteAsync("echo", new QDict { ["n"] = i }, cancellationToken: Ct)).ToArray();
        var requests = new List<QDict>();
        for (var i = 0; i < 3; i++)
        {
            requests.Add(await server.ReadAsync());
        }

        Assert.Equal(3, requests.Select(r => QJson.ToJson(r["id"])).Distinct().Count());
        foreach (var request in Enumerable.Reverse(requests))
        {
            await server.ReplyAsync(request, QJson.ToJson(((QDict)request["arguments"])["n"]));
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(new QNum(i), await calls[i].WaitAsync(Patience, Ct));
        }
    }

    [Fact]
    public async Task Out_of_band_calls_go_as_exec_oob_and_may_overtake_in_band_ones()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        var slow = client.ExecuteAsync("slow", cancellationToken: Ct);
        var fast = client.ExecuteAsync("migrate-pause", null, new QmpCallOptions { OutOfBand = true }, cancellationToken: Ct);
        var slowRequest = await server.ReadAsync();
        var fastRequest = await server.ReadAsync();
        Assert.True(fastRequest.ContainsKey("exec-oob"));
        Assert.True(fastRequest.ContainsKey("id"));
        await server.ReplyAsync(fastRequest, "{}");
        await fast.WaitAsync(Patience, Ct);
        Assert.False(slow.IsCompleted);
        await server.ReplyAsync(slowRequest, "{}");
        await slow.WaitAsync(Patience, Ct);
    }

    [Fact]
    public async Task Error_replies_raise_with_class_and_description_and_keep_unknown_classes()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        var known = client.ExecuteAsync("nope", cancellationToken: Ct);
        var request = await server.ReadAsync();
        await server.SendAsync($$$"""{"id": {{{QJson.ToJson(request["id"])}}}, "error": {"class": "CommandNotFound", "desc": "The command nope has not been found"}}""");
        var e = await Assert.ThrowsAsync<QmpErrorException>(() => known.WaitAsync(Patience, Ct));
        Assert.Equal(QapiErrorClass.CommandNotFound, e.ErrorClass);
        Assert.Equal("CommandNotFound", e.ClassName);
        Assert.Equal("The command nope has not been found", e.Description);
        Assert.Equal("nope", e.Command);

        var future = client.ExecuteAsync("future", cancellationToken: Ct);
        request = await server.ReadAsync();
        await server.SendAsync($$$"""{"id": {{{QJson.ToJson(request["id"])}}}, "error": {"class": "SomeNewClass", "desc": "x"}}""");
        e = await Assert.ThrowsAsync<QmpErrorException>(() => future.WaitAsync(Patience, Ct));
        Assert.Equal(QapiErrorClass.GenericError, e.ErrorClass);
        Assert.Equal("SomeNewClass", e.ClassName);
    }

    [Fact]
    public async Task A_cancelled_call_fails_at_once_and_its_late_reply_is_dropped()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        using var cancellation = new CancellationTokenSource();
        var call = client.ExecuteAsync("slow", null, cancellation.Token);
        var request = await server.ReadAsync();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience, Ct));

        await server.ReplyAsync(request, "1");
        var next = client.ExecuteAsync("next", cancellationToken: Ct);
        var nextRequest = await server.ReadAsync();
        await server.ReplyAsync(nextRequest, "2");
        Assert.Equal(new QNum(2), await next.WaitAsync(Patience, Ct));
    }

    [Fact]
    public async Task A_call_without_reply_times_out_with_the_command_named()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        var call = client.ExecuteAsync("slow", null, new QmpCallOptions { Timeout = TimeSpan.FromMilliseconds(50) }, cancellationToken: Ct);
        await server.ReadAsync();
        var e = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(Patience, Ct));
        Assert.Contains("'slow'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_calls_fail_when_the_server_hangs_up_and_later_calls_fail_at_once()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        var calls = new[] { client.ExecuteAsync("a", cancellationToken: Ct), client.ExecuteAsync("b", cancellationToken: Ct) };
        await server.ReadAsync();
        await server.ReadAsync();
        await server.HangUpAsync();
        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<QmpDisconnectedException>(() => call.WaitAsync(Patience, Ct));
        }

        await client.Completion.WaitAsync(Patience, Ct);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<QmpDisconnectedException>(() => client.ExecuteAsync("c", cancellationToken: Ct).WaitAsync(Patience, Ct));
    }

    [Fact]
    public async Task Disposing_the_client_fails_pending_calls()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        var call = client.ExecuteAsync("slow", cancellationToken: Ct);
        await server.ReadAsync();
        await client.DisposeAsync();
        var e = await Assert.ThrowsAsync<QmpDisconnectedException>(() => call.WaitAsync(Patience, Ct));
        Assert.Contains("disposed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_json_from_the_server_ends_the_connection_with_a_protocol_error()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        var call = client.ExecuteAsync("x", cancellationToken: Ct);
        await server.ReadAsync();
        await server.SendAsync("{\"return\": \u0001}");
        var e = await Assert.ThrowsAsync<QmpDisconnectedException>(() => call.WaitAsync(Patience, Ct));
        Assert.IsType<QmpProtocolException>(e.InnerException);
        Assert.IsType<QmpProtocolException>(client.CloseReason);
    }

    [Fact]
    public async Task A_subscription_made_before_the_command_sees_the_event_sent_before_the_reply()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        using var stops = client.Subscribe("STOP");
        using var all = client.Subscribe(e => e.Data is { } d && d.ContainsKey("n"));
        var call = client.ExecuteAsync("stop", cancellationToken: Ct);
        var request = await server.ReadAsync();
        await server.SendAsync("""{"timestamp": {"seconds": 1700000000, "microseconds": 250000}, "event": "RESUME"}""");
        await server.SendAsync("""{"timestamp": {"seconds": 1700000000, "microseconds": 500000}, "event": "STOP"}""");
        await server.SendAsync("""{"timestamp": {"seconds": 1700000001, "microseconds": 0}, "event": "OTHER", "data": {"n": 1}}""");
        await server.ReplyAsync(request, "{}");
        await call.WaitAsync(Patience, Ct);

        var stop = await stops.NextAsync(Patience, Ct);
        Assert.Equal("STOP", stop.Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), stop.Timestamp);
        Assert.False(stops.TryNext(out var _));
        var other = await all.NextAsync(Patience, Ct);
        Assert.Equal("OTHER", other.Name);
        Assert.Equal(new QNum(1), other.Data!["n"]);
    }

    [Fact]
    public async Task Subscriptions_end_with_the_connection_and_next_fails_clearly()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        using var events = client.Subscribe();
        await server.SendAsync("""{"event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}, "timestamp": {"seconds": 1, "microseconds": 2}}""");
        await server.HangUpAsync();
        var seen = new List<string>();
        await foreach (var e in events.WithCancellation(Ct))
        {
            seen.Add(e.Name);
        }

        Assert.Equal(["SHUTDOWN"], seen);
        await Assert.ThrowsAsync<QmpDisconnectedException>(async () => await events.NextAsync(Patience, Ct));
    }

    [Fact]
    public async Task A_full_subscription_drops_its_oldest_events_and_counts_them()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync(options: new QmpClientOptions { EventBufferCapacity = 2 });
        await using var _ = server;
        await using var __ = client;
        using var events = client.Subscribe("E");
        for (var i = 0; i < 5; i++)
        {
            await server.SendAsync($$$"""{"event": "E", "data": {"n": {{{i}}}}, "timestamp": {"seconds": 1, "microseconds": 2}}""");
        }

        // A reply after the events proves they were all routed.
        var call = client.ExecuteAsync("sync", cancellationToken: Ct);
        await server.ReplyAsync(await server.ReadAsync(), "{}");
        await call.WaitAsync(Patience, Ct);
        Assert.Equal(3, events.Dropped);
        Assert.Equal(new QNum(3), (await events.NextAsync(Patience, Ct)).Data!["n"]);
        Assert.Equal(new QNum(4), (await events.NextAsync(Patience, Ct)).Data!["n"]);
    }

    [Fact]
    public async Task Raw_requests_keep_their_own_id_and_get_error_replies_as_values()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        var call = client.SendRequestAsync((QDict)QJson.Parse("""{"execute": "nope", "id": "mine"}"""), cancellationToken: Ct);
        var request = await server.ReadAsync();
        Assert.NotEqual(new QString("mine"), request["id"]);
        await server.SendAsync($$$"""{"id": {{{QJson.ToJson(request["id"])}}}, "error": {"class": "CommandNotFound", "desc": "The command nope has not been found"}}""");
        var reply = await call.WaitAsync(Patience, Ct);
        Assert.Equal("""{"error": {"class": "CommandNotFound", "desc": "The command nope has not been found"}, "id": "mine"}""", QJson.ToJson(reply));
    }

    [Fact]
    public async Task Requests_go_out_as_compact_json_with_execute_first()
    {
        var (server, client) = await FakeQmpServer.ConnectAsync();
        await using var _ = server;
        await using var __ = client;
        var call = client.ExecuteAsync("human-monitor-command", new QDict { ["command-line"] = "info status" }, cancellationToken: Ct);
        var request = await server.ReadAsync();
        Assert.Equal("""{"execute": "human-monitor-command", "arguments": {"command-line": "info status"}, "id": 2}""", QJson.ToJson(request));
        await server.ReplyAsync(request, "\"VM status: paused\\r\\n\"");
        Assert.Equal(new QString("VM status: paused\r\n"), await call.WaitAsync(Patience, Ct));
    }
}
