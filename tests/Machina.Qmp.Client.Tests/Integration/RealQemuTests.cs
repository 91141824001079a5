using System.Reflection;
using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.Qapi.Visitors;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qmp.Qemu;

namespace Machina.Qmp.Client.Tests.Integration;

/// <summary>The client and the generated QEMU 7.2 bindings against Debian's real qemu-system-x86_64.</summary>
public sealed class RealQemuTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_argument_less_query_decodes_into_its_generated_type_and_re_encodes_equal()
    {
        await using var session = await QemuSession.StartAsync();
        var client = session.Client;
        Assert.Equal((7, 2), (client.Greeting.Major, client.Greeting.Minor));
        Assert.True(client.OutOfBandEnabled);
        var schema = await QmpSchemaFeatures.QueryAsync(client, Ct);
        var queries = schema.Commands.Where(c => c.StartsWith("query-", StringComparison.Ordinal) && schema.ArgumentsOf(c).Count == 0).ToList();
        Assert.True(queries.Count > 50, $"only {queries.Count} argument-less queries");

        var decoded = 0;
        var failures = new List<string>();
        foreach (var query in queries)
        {
            var method = typeof(QemuClient).GetMethod(Pascal(query) + "Async")
                ?? throw new InvalidOperationException($"no generated method for {query}");
            var recorder = new RecordingSender(client);
            object? result;
            try
            {
                var task = (Task)method.Invoke(null, [recorder, Ct])!;
                await task;
                result = task.GetType().GetProperty("Result")!.GetValue(task);
            }
            catch (QmpErrorException e)
            {
                // Some queries fail on this machine (no balloon, no SEV): the error must be QEMU's, typed.
                Assert.NotEmpty(e.ClassName);
                Assert.NotEmpty(e.Description);
                continue;
            }

            // Strict re-encoding: fails if anything was kept as unknown, so the types match QEMU fully.
            var reencoded = Encode(result!);
            if (!Equals(recorder.LastReply, reencoded))
            {
                failures.Add($"{query}: {QJson.ToJson(recorder.LastReply!)} became {QJson.ToJson(reencoded)}");
            }

            decoded++;
        }

        Assert.Empty(failures);
        Assert.True(decoded > 40, $"only {decoded} queries succeeded");
    }

    [Fact]
    public async Task Cont_and_stop_deliver_resume_and_stop()
    {
        await using var session = await QemuSession.StartAsync();
        var client = session.Client;
        using var events = client.Subscribe("RESUME", "STOP");
        Assert.Equal(RunState.Prelaunch, (await client.QueryStatusAsync(Ct)).Status);
        await client.ContAsync(Ct);
        Assert.Equal("RESUME", (await events.NextAsync(Patience, Ct)).Name);
        Assert.True((await client.QueryStatusAsync(Ct)).Running);
        await client.StopAsync(Ct);
        Assert.Equal("STOP", (await events.NextAsync(Patience, Ct)).Name);
        Assert.Equal(RunState.Paused, (await client.QueryStatusAsync(Ct)).Status);
    }

    [Fact]
    public async Task Failing_commands_raise_with_their_class()
    {
        await using var session = await QemuSession.StartAsync();
        var client = session.Client;
        var notFound = await Assert.ThrowsAsync<QmpErrorException>(() => client.DeviceDelAsync("no-such-device", Ct));
        Assert.Equal(QapiErrorClass.DeviceNotFound, notFound.ErrorClass);
        Assert.Equal("Device 'no-such-device' not found", notFound.Description);

        var unknown = await Assert.ThrowsAsync<QmpErrorException>(() => client.ExecuteAsync("no-such-command", cancellationToken: Ct));
        Assert.Equal(QapiErrorClass.CommandNotFound, unknown.ErrorClass);
        Assert.Equal("The command no-such-command has not been found", unknown.Description);

        var generic = await Assert.ThrowsAsync<QmpErrorException>(() => client.DeviceAddAsync("no-such-driver", cancellationToken: Ct));
        Assert.Equal(QapiErrorClass.GenericError, generic.ErrorClass);
        Assert.Equal("'no-such-driver' is not a valid device model name", generic.Description);

        var notOob = await Assert.ThrowsAsync<QmpErrorException>(() => client.ExecuteAsync("query-status", null, new QmpCallOptions { OutOfBand = true }, Ct));
        Assert.Equal("The command query-status does not support OOB", notOob.Description);
    }

    [Fact]
    public async Task Device_add_then_device_del_delivers_device_deleted()
    {
        await using var session = await QemuSession.StartAsync();
        var client = session.Client;
        await client.DeviceAddAsync("qemu-xhci", id: "usb", cancellationToken: Ct);
        await client.DeviceAddAsync("usb-kbd", bus: "usb.0", id: "kbd", cancellationToken: Ct);
        Assert.Contains(await client.QomListAsync("/machine/peripheral", Ct), p => p.Name == "kbd");

        using var deleted = client.Subscribe(e => e.Name == QemuClientEvents.DeviceDeleted && e.Data?.GetValueOrDefault("device") is QString { Value: "kbd" });
        await client.DeviceDelAsync("kbd", Ct);
        var message = await deleted.NextAsync(Patience, Ct);
        var data = Assert.IsType<DeviceDeletedData>(QemuClientEvents.DecodeData(message.Name, message.Data));
        Assert.Equal("kbd", data.Device);
        Assert.Equal("/machine/peripheral/kbd", data.Path);
    }

    [Fact]
    public async Task Killing_qemu_mid_call_fails_the_call_without_a_hang()
    {
        await using var session = await QemuSession.StartAsync();
        var client = session.Client;
        await client.QueryStatusAsync(Ct);

        // SIGSTOP keeps the reply from coming; the kill then ends the connection under the waiting call.
        using (var stop = System.Diagnostics.Process.Start("kill", ["-STOP", session.Qemu.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await stop.WaitForExitAsync(Ct);
        }

        var call = client.QueryStatusAsync(Ct);
        session.Qemu.Kill();
        await Assert.ThrowsAsync<QmpDisconnectedException>(() => call.WaitAsync(Patience, Ct));
        await client.Completion.WaitAsync(Patience, Ct);
        await Assert.ThrowsAsync<QmpDisconnectedException>(() => client.QueryStatusAsync(Ct));
    }

    [Fact]
    public async Task Human_monitor_commands_pass_through()
    {
        await using var session = await QemuSession.StartAsync();
        var text = await session.Client.HumanMonitorCommandAsync("info status", cancellationToken: Ct);
        Assert.Equal("VM status: paused (prelaunch)\r\n", text);
    }

    [Fact]
    public async Task The_sync_facade_runs_commands_and_waits_for_events()
    {
        await using var qemu = await Machina.TestSupport.QemuProcess.StartAsync(QemuSession.PcPaused);
        using var qmp = QmpSyncClient.ConnectUnix(qemu.SocketPath);
        using var resumes = qmp.Subscribe("RESUME");
        qmp.Run(c => c.ContAsync());
        Assert.Equal("RESUME", QmpSyncClient.Next(resumes, Patience).Name);
        Assert.Equal(RunState.Running, qmp.Run(c => c.QueryStatusAsync()).Status);
        Assert.Equal(QBool.True, ((QDict)qmp.Execute("query-status"))["running"]);
    }

    private static string Pascal(string name) =>
        string.Concat(name.Split('-', '_', '.').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>Writes a decoded result back strictly, whatever its generated type.</summary>
    private static QObject Encode(object value)
    {
        var visitor = new QObjectOutputVisitor();
        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(QapiList<>))
        {
            var element = type.GetGenericArguments()[0];
            var method = element.IsEnum
                ? typeof(Visitor).GetMethod(nameof(Visitor.VisitEnumList))!.MakeGenericMethod(element)
                : element == typeof(string)
                    ? typeof(Visitor).GetMethod(nameof(Visitor.VisitStringList))!
                    : typeof(Visitor).GetMethods().Single(m => m.Name == nameof(Visitor.VisitList) && m.GetParameters().Length == 2).MakeGenericMethod(element);
            method.Invoke(visitor, [null, value]);
        }
        else
        {
            var method = typeof(Visitor).GetMethod(nameof(Visitor.Visit))!.MakeGenericMethod(type.BaseType is { IsAbstract: true } union && union != typeof(object) && type.IsNested ? union : type);
            method.Invoke(visitor, [null, value]);
        }

        return visitor.Complete();
    }

    /// <summary>Passes calls to the client and remembers the last reply as received.</summary>
    private sealed class RecordingSender(QmpClient client) : IQmpCommandSender
    {
        public QObject? LastReply { get; private set; }

        public async Task<QObject> ExecuteAsync(string command, QDict? arguments = null, CancellationToken cancellationToken = default)
        {
            var reply = await client.ExecuteAsync(command, arguments, cancellationToken);
            LastReply = reply;
            return reply;
        }
    }
}
