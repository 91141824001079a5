using System.Diagnostics;
using Machina.Qmp.Client.Tests.Integration;
using Machina.TestSupport;

namespace Machina.Qmp.Client.Tests.Shell;

/// <summary>The real <c>machina-qmp</c> program driven as a person or a script drives it, against real QEMU.</summary>
public sealed class ShellProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Piped_lines_run_commands_json_and_hmp_and_events_print_as_they_arrive()
    {
        await using var qemu = await QemuProcess.StartAsync(QemuSession.PcPaused);
        var input = string.Join('\n',
            "query-status",
            """{"execute": "query-name", "id": "n1"}""",
            "cont",
            "!info status",
            "device_del id=nothing",
            "device_add driver",
            "qom-get path=/machine property=type",
            string.Empty);
        var (exit, output, errors) = await RunAsync(input, qemu.SocketPath);
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("""{"return": {"status": "prelaunch", "singlestep": false, "running": false}}""", lines);
        Assert.Contains("""{"return": {}, "id": "n1"}""", lines);
        Assert.Contains(lines, l => l.Contains("\"event\": \"RESUME\"", StringComparison.Ordinal));
        Assert.Contains("VM status: running\r", lines);
        Assert.Contains("""{"error": {"class": "DeviceNotFound", "desc": "Device 'nothing' not found"}}""", lines);
        Assert.Contains("""{"return": "pc-i440fx-7.2-machine"}""", lines);
        Assert.Contains("Error while parsing command line: Expected a key=value pair, got 'driver'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_shot_mode_prints_the_return_value_as_json_and_reports_errors_by_exit_code()
    {
        await using var qemu = await QemuProcess.StartAsync(QemuSession.PcPaused);
        var (exit, output, _) = await RunAsync(null, qemu.SocketPath, "-c", "query-status");
        Assert.Equal(0, exit);
        Assert.Equal("""{"status": "prelaunch", "singlestep": false, "running": false}""" + "\n", output);

        (exit, output, _) = await RunAsync(null, qemu.SocketPath, "-p", "-c", "query-status");
        Assert.Equal(0, exit);
        Assert.Equal("{\n    \"status\": \"prelaunch\",\n    \"singlestep\": false,\n    \"running\": false\n}\n", output);

        (exit, output, var errors) = await RunAsync(null, qemu.SocketPath, "-c", "no-such-command");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("""{"class": "CommandNotFound", "desc": "The command no-such-command has not been found"}""" + "\n", errors);

        (exit, output, _) = await RunAsync(null, qemu.SocketPath, "-H", "-c", "info status");
        Assert.Equal(0, exit);
        Assert.Equal("VM status: paused (prelaunch)\r\n", output);
    }

    [Fact]
    public async Task A_missing_socket_fails_with_a_message_not_a_stack_trace()
    {
        var (exit, output, errors) = await RunAsync(null, "/nonexistent/qmp.sock", "-c", "query-status");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("machina-qmp: cannot connect to /nonexistent/qmp.sock: ", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_terminal_session_completes_names_and_recalls_history()
    {
        QemuProcess.Require();
        if (!File.Exists("/usr/bin/python3"))
        {
            Assert.Fail("python3 is needed to drive a pseudo-terminal");
        }

        await using var qemu = await QemuProcess.StartAsync(QemuSession.PcPaused);
        var history = Path.Combine(Path.GetTempPath(), $"machina-qmp-history-{Guid.NewGuid():N}");
        try
        {
            // Keystrokes: "query-statu" Tab Enter; "qom-get pa" Tab "/machine pro" Tab "type" Enter;
            // Up Up Enter (query-status again); Ctrl-D.
            var keys = "query-statu\t\r" + "qom-get pa\t/machine pro\ttype\r" + "\u001b[A\u001b[A\r" + "\u0004";
            var transcript = await RunInTerminalAsync(qemu.SocketPath, history, keys);
            Assert.Contains("Connected to QEMU 7.2.", transcript, StringComparison.Ordinal);
            Assert.Equal(2, CountOf(transcript, "\"status\": \"prelaunch\""));
            Assert.Contains("{\"return\": \"pc-i440fx-7.2-machine\"}", transcript, StringComparison.Ordinal);
            Assert.Equal(["query-status", "qom-get path=/machine property=type", "query-status"], File.ReadAllLines(history));
        }
        finally
        {
            File.Delete(history);
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Tool => Path.Combine(AppContext.BaseDirectory, "machina-qmp.dll");

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("machina-qmp did not exit");
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Runs the shell on a pseudo-terminal (Python's pty module), typing <paramref name="keys"/> one burst per prompt.</summary>
    private static async Task<string> RunInTerminalAsync(string socket, string history, string keys)
    {
        const string Driver = """
import os, pty, sys, time, select
keys = sys.argv[1]
pid, fd = pty.fork()
if pid == 0:
    os.execvp("dotnet", ["dotnet", sys.argv[2], sys.argv[3], "--history", sys.argv[4]])
out = b""
def pump(seconds, until=None):
    global out
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            out += chunk
            if until is not None and out.count(b"\n(QEMU) ") >= until:
                return True
    return True
prompts = 1
pump(60, prompts)
for burst in keys.split("\r"):
    if burst == "\x04":
        os.write(fd, b"\x04")
        break
    i = 0
    while i < len(burst):
        # An escape sequence goes in one write, as a terminal sends it.
        n = 3 if burst[i] == "\x1b" else 1
        os.write(fd, burst[i:i + n].encode())
        i += n
        pump(0.05)
    os.write(fd, b"\r")
    prompts += 1
    pump(60, prompts)
pump(10)
os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
""";
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", Driver, keys, Tool, socket, history })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(180));
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, await errors);
        return await output;
    }
}
