using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi.Commands;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Commands;

/// <summary>
/// qmp_dispatch's behaviour. Expected responses are what QEMU 7.2 answered to the same requests
/// (on a session with OOB enabled, minus the trailing CRLF), compared in QEMU's key order.
/// </summary>
public class QmpDispatcherTests
{
    // Members in the schema's order, as QEMU's output visitor inserts them (the wire order depends on it).
    private static readonly QDict StatusReply = new() { ["running"] = true, ["singlestep"] = false, ["status"] = "running" };

    private static QmpDispatcher NewDispatcher(Action<QmpCommandTable>? extra = null)
    {
        var table = new QmpCommandTable();
        table.Register("query-status", (_, _) => ValueTask.FromResult<QObject?>(StatusReply.DeepClone()));
        extra?.Invoke(table);
        return new QmpDispatcher(table);
    }

    private static async Task<string?> Dispatch(QmpDispatcher dispatcher, string request, bool allowOob = true, QmpCommandContext? context = null)
    {
        var response = await dispatcher.DispatchAsync(QJson.Parse(request), allowOob, context ?? new QmpCommandContext());
        return response is null ? null : QJson.ToJson(response, QJsonWriterOptions.Wire);
    }

    [Theory]
    [InlineData("""{"execute":"query-status","exec-oob":"query-status"}""", """{"error": {"class": "GenericError", "desc": "QMP input member 'execute' clashes with 'exec-oob'"}}""")]
    [InlineData("""{"exec-oob":"query-status","execute":"query-status"}""", """{"error": {"class": "GenericError", "desc": "QMP input member 'execute' clashes with 'exec-oob'"}}""")]
    [InlineData("""{"execute":1,"foo":2}""", """{"error": {"class": "GenericError", "desc": "QMP input member 'execute' must be a string"}}""")]
    [InlineData("""{"foo":2,"arguments":3}""", """{"error": {"class": "GenericError", "desc": "QMP input member 'arguments' must be an object"}}""")]
    [InlineData("""{"execute":"query-status","arguments":[],"bar":1}""", """{"error": {"class": "GenericError", "desc": "QMP input member 'bar' is unexpected"}}""")]
    [InlineData("""{"exec-oob":"query-status"}""", """{"error": {"class": "GenericError", "desc": "The command query-status does not support OOB"}}""")]
    [InlineData("""{"execute":"query-status","id":[1,{"a":null}]}""", """{"return": {"status": "running", "singlestep": false, "running": true}, "id": [1, {"a": null}]}""")]
    [InlineData("[]", """{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}""")]
    [InlineData("""{"id":5}""", """{"id": 5, "error": {"class": "GenericError", "desc": "QMP input lacks member 'execute'"}}""")]
    [InlineData("""{"execute":"nope","id":"x"}""", """{"id": "x", "error": {"class": "CommandNotFound", "desc": "The command nope has not been found"}}""")]
    public async Task Responses_match_qemu(string request, string expected)
    {
        Assert.Equal(expected, await Dispatch(NewDispatcher(), request));
    }

    [Fact]
    public async Task Exec_oob_is_an_unexpected_member_when_oob_was_not_negotiated()
    {
        Assert.Equal(
            """{"error": {"class": "GenericError", "desc": "QMP input member 'exec-oob' is unexpected"}}""",
            await Dispatch(NewDispatcher(), """{"exec-oob":"query-status"}""", allowOob: false));
    }

    [Fact]
    public async Task An_oob_command_runs_with_the_context_marked_oob()
    {
        var sawOob = false;
        var dispatcher = NewDispatcher(t => t.Register("x-oob", (_, c) =>
        {
            sawOob = c.IsOob;
            return ValueTask.FromResult<QObject?>(null);
        }, QmpCommandOptions.AllowOob));

        Assert.Equal("""{"return": {}, "id": 1}""", await Dispatch(dispatcher, """{"exec-oob":"x-oob","id":1}"""));
        Assert.True(sawOob);
    }

    [Fact]
    public async Task Arguments_reach_the_handler_and_default_to_an_empty_dictionary()
    {
        var seen = new List<QDict>();
        var dispatcher = NewDispatcher(t => t.Register("echo", (a, _) =>
        {
            seen.Add(a);
            return ValueTask.FromResult<QObject?>(a);
        }));

        Assert.Equal("""{"return": {"a": 1}}""", await Dispatch(dispatcher, """{"execute":"echo","arguments":{"a":1}}"""));
        Assert.Equal("""{"return": {}}""", await Dispatch(dispatcher, """{"execute":"echo"}"""));
        Assert.Empty(seen[1]);
    }

    [Fact]
    public async Task A_command_without_success_response_answers_nothing_on_success_but_reports_errors()
    {
        var fail = false;
        var dispatcher = NewDispatcher(t => t.Register("quiet", (_, _) =>
            fail ? throw new QapiException("it broke") : ValueTask.FromResult<QObject?>(null),
            QmpCommandOptions.NoSuccessResponse));

        Assert.Null(await Dispatch(dispatcher, """{"execute":"quiet","id":7}"""));
        fail = true;
        Assert.Equal("""{"id": 7, "error": {"class": "GenericError", "desc": "it broke"}}""", await Dispatch(dispatcher, """{"execute":"quiet","id":7}"""));
    }

    [Fact]
    public async Task A_handler_error_keeps_its_class()
    {
        var dispatcher = NewDispatcher(t => t.Register("find", (_, _) =>
            throw new QapiException(QapiErrorClass.DeviceNotFound, "Device 'x' not found")));

        Assert.Equal(
            """{"error": {"class": "DeviceNotFound", "desc": "Device 'x' not found"}}""",
            await Dispatch(dispatcher, """{"execute":"find"}"""));
    }

    [Fact]
    public async Task A_handler_bug_becomes_a_generic_error_and_is_reported_to_the_host()
    {
        var faults = new List<(string, Exception)>();
        var table = new QmpCommandTable();
        table.Register("buggy", (_, _) => throw new InvalidOperationException("oops"));
        var dispatcher = new QmpDispatcher(table) { HandlerFault = (c, e) => faults.Add((c.Name, e)) };

        Assert.Equal(
            """{"error": {"class": "GenericError", "desc": "Command buggy failed: oops"}}""",
            await Dispatch(dispatcher, """{"execute":"buggy"}"""));
        Assert.Equal("buggy", Assert.Single(faults).Item1);
    }

    [Fact]
    public async Task Cancellation_of_the_request_propagates()
    {
        using var cts = new CancellationTokenSource();
        var dispatcher = NewDispatcher(t => t.Register("slow", async (_, c) =>
        {
            await Task.Delay(Timeout.Infinite, c.CancellationToken);
            return null;
        }));

        var pending = dispatcher.DispatchAsync(QJson.Parse("""{"execute":"slow"}"""), false, new QmpCommandContext { CancellationToken = cts.Token });
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
    }

    [Fact]
    public async Task A_disabled_command_is_not_found_with_its_reason()
    {
        var dispatcher = NewDispatcher();
        dispatcher.Commands.Disable("query-status", "not now");
        Assert.Equal(
            """{"error": {"class": "CommandNotFound", "desc": "Command query-status has been disabled: not now"}}""",
            await Dispatch(dispatcher, """{"execute":"query-status"}"""));

        dispatcher.Commands.Disable("query-status");
        Assert.Equal(
            """{"error": {"class": "CommandNotFound", "desc": "Command query-status has been disabled"}}""",
            await Dispatch(dispatcher, """{"execute":"query-status"}"""));

        dispatcher.Commands.Enable("query-status");
        Assert.StartsWith("""{"return": """, await Dispatch(dispatcher, """{"execute":"query-status"}"""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_machine_initialization_only_preconfig_commands_run()
    {
        var table = new QmpCommandTable();
        table.Register("query-status", (_, _) => ValueTask.FromResult<QObject?>(null));
        table.Register("early", (_, _) => ValueTask.FromResult<QObject?>(null), QmpCommandOptions.AllowPreconfig);
        var dispatcher = new QmpDispatcher(table) { IsMachineReady = () => false };

        Assert.Equal(
            """{"error": {"class": "GenericError", "desc": "The command 'query-status' is permitted only after machine initialization has completed"}}""",
            await Dispatch(dispatcher, """{"execute":"query-status"}"""));
        Assert.Equal("""{"return": {}}""", await Dispatch(dispatcher, """{"execute":"early"}"""));
    }

    [Theory]
    [InlineData(QapiSpecialFeatures.Deprecated, "Deprecated")]
    [InlineData(QapiSpecialFeatures.Unstable, "Unstable")]
    public async Task The_compat_policy_rejects_special_commands_as_not_found(QapiSpecialFeatures feature, string adjective)
    {
        var dispatcher = NewDispatcher(t => t.Register("x-old", (_, _) => ValueTask.FromResult<QObject?>(null), specialFeatures: feature));
        var policy = new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject, UnstableInput = CompatPolicyInput.Reject };

        Assert.Equal(
            "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"" + adjective + " command x-old disabled by policy\"}}",
            await Dispatch(dispatcher, """{"execute":"x-old"}""", context: new QmpCommandContext { Policy = policy }));
        Assert.Equal("""{"return": {}}""", await Dispatch(dispatcher, """{"execute":"x-old"}"""));
    }

    [Fact]
    public void Registration_rejects_duplicates_and_coroutine_with_oob()
    {
        var table = new QmpCommandTable();
        table.Register("a", (_, _) => ValueTask.FromResult<QObject?>(null));
        Assert.Throws<ArgumentException>(() => table.Register("a", (_, _) => ValueTask.FromResult<QObject?>(null)));
        Assert.Throws<ArgumentException>(() => table.Register("b", (_, _) => ValueTask.FromResult<QObject?>(null), QmpCommandOptions.Coroutine | QmpCommandOptions.AllowOob));
        Assert.Equal(["a"], table.Select(c => c.Name));
    }

    [Fact]
    public void Is_oob_needs_exec_oob_without_execute()
    {
        Assert.True(QmpDispatcher.IsOob(new QDict { ["exec-oob"] = "x" }));
        Assert.False(QmpDispatcher.IsOob(new QDict { ["exec-oob"] = "x", ["execute"] = "x" }));
        Assert.False(QmpDispatcher.IsOob(new QDict { ["execute"] = "x" }));
    }

    [Fact]
    public void An_event_carries_name_timestamp_and_data_in_qemus_wire_order()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_795_607_823_815) + TimeSpan.FromTicks(1850));
        var message = QmpEvent.Build("SHUTDOWN", new QDict { ["guest"] = false, ["reason"] = "host-qmp-quit" }, clock);

        Assert.Equal(
            """{"timestamp": {"seconds": 1795607823, "microseconds": 815185}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}""",
            QJson.ToJson(message, QJsonWriterOptions.Wire));
        Assert.False(QmpEvent.Build("STOP", time: clock).ContainsKey("data"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
