using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.TestSupport;

namespace Machina.Tests;

/// <summary>Start-up, the ways the program ends (quit, SIGTERM, SIGINT), and what it leaves behind: nothing.</summary>
public sealed class LifecycleTests
{
    [Theory]
    [InlineData(15, "machina: terminating on signal 15\n")]
    [InlineData(2, "machina: terminating on signal 2\n")]
    public async Task Signal_sends_shutdown_and_removes_socket_and_pidfile(int signal, string message)
    {
        using var folder = new TempFolder();
        await using var machina = MachinaProcess.StartMachina(
            "-machine", "none", "-nodefaults", "-display", "none", "-pidfile", folder["pid"],
            "-qmp", $"unix:{folder["qmp.sock"]},server=on,wait=off");
        await machina.WaitForFileAsync(folder["qmp.sock"]);
        Assert.Equal($"{machina.Id}\n", await File.ReadAllTextAsync(folder["pid"], TestContext.Current.CancellationToken));
        await using var client = await Negotiated(folder["qmp.sock"]);

        machina.Signal(signal);

        Assert.Equal(WithoutTimestamp("{\"event\":\"SHUTDOWN\",\"data\":{\"guest\":false,\"reason\":\"host-signal\"}}"), WithoutTimestamp(await client.ReadLineTextAsync()));
        var (code, _, errors) = await machina.WaitAsync();
        Assert.Equal((0, message), (code, errors));
        Assert.False(File.Exists(folder["qmp.sock"]));
        Assert.False(File.Exists(folder["pid"]));
    }

    [Fact]
    public async Task Quit_replies_sends_shutdown_and_cleans_up()
    {
        using var folder = new TempFolder();
        await using var machina = MachinaProcess.StartMachina(
            "-pidfile", folder["pid"], "-object", "iothread,id=io0", "-chardev", $"socket,id=mon0,path={folder["mon.sock"]},server=on,wait=off",
            "-mon", "chardev=mon0,mode=control");
        await machina.WaitForFileAsync(folder["mon.sock"]);
        await using var client = await Negotiated(folder["mon.sock"]);

        await client.SendAsync("{\"execute\":\"quit\"}");

        Assert.Equal(WithoutTimestamp("{\"event\":\"SHUTDOWN\",\"data\":{\"guest\":false,\"reason\":\"host-qmp-quit\"}}"), WithoutTimestamp(await client.ReadLineTextAsync()));
        Assert.Equal(Wire("{\"return\":{}}"), Wire(await client.ReadLineTextAsync()));
        Assert.True(await client.WaitForCloseAsync(TimeSpan.FromMinutes(1)));
        var (code, _, errors) = await machina.WaitAsync();
        Assert.Equal((0, string.Empty), (code, errors));
        Assert.False(File.Exists(folder["mon.sock"]));
        Assert.False(File.Exists(folder["pid"]));
    }

    [Fact]
    public async Task Start_paused_waits_for_cont_and_names_the_machine()
    {
        using var folder = new TempFolder();
        await using var machina = MachinaProcess.StartMachina("-S", "-name", "guest0", "-qmp", $"unix:{folder["qmp.sock"]},server=on,wait=off");
        await machina.WaitForFileAsync(folder["qmp.sock"]);
        await using var client = await Negotiated(folder["qmp.sock"]);

        Assert.Equal(Wire("{\"return\":{\"status\":\"prelaunch\",\"singlestep\":false,\"running\":false}}"), await Execute(client, "{\"execute\":\"query-status\"}"));
        Assert.Equal(Wire("{\"return\":{\"name\":\"guest0\"}}"), await Execute(client, "{\"execute\":\"query-name\"}"));
        Assert.Equal(Wire("{\"return\":\"VM status: paused (prelaunch)\\r\\n\"}"), await Execute(client, "{\"execute\":\"human-monitor-command\",\"arguments\":{\"command-line\":\"info status\"}}"));
        await client.SendAsync("{\"execute\":\"cont\"}");
        Assert.Equal(WithoutTimestamp("{\"event\":\"RESUME\"}"), WithoutTimestamp(await client.ReadLineTextAsync()));
        Assert.Equal(Wire("{\"return\":{}}"), Wire(await client.ReadLineTextAsync()));
        Assert.Equal(Wire("{\"return\":{\"status\":\"running\",\"singlestep\":false,\"running\":true}}"), await Execute(client, "{\"execute\":\"query-status\"}"));
    }

    [Fact]
    public async Task Pretty_monitor_indents_as_qemu_does()
    {
        using var folder = new TempFolder();
        await using var machina = MachinaProcess.StartMachina("-qmp-pretty", $"unix:{folder["qmp.sock"]},server=on,wait=off");
        await machina.WaitForFileAsync(folder["qmp.sock"]);
        await using var client = await RawQmpConnection.ConnectUnixAsync(folder["qmp.sock"]);
        Assert.Equal("{\r\n", await client.ReadLineTextAsync());
        while (await client.ReadLineTextAsync() != "}\r\n")
        {
        }

        await client.SendAsync("{\"execute\":\"qmp_capabilities\"}");

        Assert.Equal("{\r\n", await client.ReadLineTextAsync());
        Assert.Equal("    \"return\": {\r\n", await client.ReadLineTextAsync());
        Assert.Equal("    }\r\n", await client.ReadLineTextAsync());
        Assert.Equal("}\r\n", await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task Tcp_monitor_serves_on_the_port_it_was_given()
    {
        var port = FreePort();
        await using var machina = MachinaProcess.StartMachina("-qmp", $"tcp:127.0.0.1:{port},server=on,wait=off");
        RawQmpConnection? client = null;
        for (var attempt = 0; client is null; attempt++)
        {
            try
            {
                client = await RawQmpConnection.ConnectTcpAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 600 && !machina.HasExited)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        await using (client)
        {
            Assert.StartsWith("{\"QMP\":", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Wait_on_holds_start_up_until_a_client_connects()
    {
        using var folder = new TempFolder();
        await using var machina = MachinaProcess.StartMachina("-qmp", $"unix:{folder["qmp.sock"]},server=on,wait=on");
        await machina.WaitForFileAsync(folder["qmp.sock"]);
        await using var client = await Negotiated(folder["qmp.sock"]);

        await client.SendAsync("{\"execute\":\"quit\"}");
        await client.WaitForCloseAsync(TimeSpan.FromMinutes(1));

        var (code, _, errors) = await machina.WaitAsync();
        Assert.Equal(0, code);
        Assert.Equal($"machina: -qmp unix:{folder["qmp.sock"]},server=on,wait=on: info: machina waiting for connection on: disconnected:unix:{folder["qmp.sock"]},server=on\n", errors);
    }

    [Fact]
    public async Task Daemonize_returns_once_serving_and_the_daemon_cleans_up_on_quit()
    {
        using var folder = new TempFolder();
        var (code, output, errors) = await MachinaProcess.RunMachinaAsync(
            "-daemonize", "-pidfile", folder["pid"], "-qmp", $"unix:{folder["qmp.sock"]},server=on,wait=off");

        Assert.Equal((0, string.Empty, string.Empty), (code, output, errors));
        Assert.True(File.Exists(folder["qmp.sock"]));
        var daemon = int.Parse((await File.ReadAllTextAsync(folder["pid"], TestContext.Current.CancellationToken)).TrimEnd('\n'), System.Globalization.CultureInfo.InvariantCulture);
        await using (var client = await Negotiated(folder["qmp.sock"]))
        {
            await client.SendAsync("{\"execute\":\"quit\"}");
            Assert.True(await client.WaitForCloseAsync(TimeSpan.FromMinutes(1)));
        }

        using var process = System.Diagnostics.Process.GetProcessById(daemon);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.False(File.Exists(folder["qmp.sock"]));
        Assert.False(File.Exists(folder["pid"]));
    }

    [Fact]
    public async Task Failed_start_removes_what_it_made()
    {
        using var folder = new TempFolder();
        var (code, _, errors) = await MachinaProcess.RunMachinaAsync(
            "-pidfile", folder["pid"], "-qmp", $"unix:{folder["qmp.sock"]},server=on,wait=off", "-machine", "none,foo=bar");

        Assert.Equal((1, "machina: Property 'none-machine.foo' not found\n"), (code, errors));
        Assert.False(File.Exists(folder["qmp.sock"]));
        Assert.False(File.Exists(folder["pid"]));
    }

    internal static async Task<RawQmpConnection> Negotiated(string socket)
    {
        var client = await RawQmpConnection.ConnectUnixAsync(socket);
        Assert.StartsWith("{\"QMP\":", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        Assert.Equal(Wire("{\"return\":{}}"), await Execute(client, "{\"execute\":\"qmp_capabilities\"}"));
        return client;
    }

    private static async Task<string?> Execute(RawQmpConnection client, string request)
    {
        await client.SendAsync(request);
        return Wire(await client.ReadLineTextAsync());
    }

    // The message as QEMU's wire format writes it, whatever the spacing it came with.
    private static string Wire(string? line) => QJson.ToJson(QJson.Parse(line!), QJsonWriterOptions.Wire);

    private static string WithoutTimestamp(string? line)
    {
        var message = (QDict)QJson.Parse(line!);
        message.Remove("timestamp");
        return QJson.ToJson(message, QJsonWriterOptions.Wire);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
