using System.Diagnostics;
using Xunit;

namespace Machina.TestSupport;

/// <summary>
/// A real <c>qemu-system-x86_64</c> with nothing but a QMP monitor on a Unix socket in a temporary
/// folder (<c>-machine none -nodefaults -display none -qmp unix:PATH,server=on,wait=off</c>):
/// the oracle conformance tests compare Machina against. Disposing kills it and removes the folder.
/// </summary>
/// <remarks>
/// When the binary is missing, <see cref="Require"/> skips the calling test with the reason, except
/// under <c>CI=true</c>, where it fails, as <see cref="QemuReference"/> does for reference data.
/// </remarks>
public sealed class QemuProcess : IAsyncDisposable
{
    /// <summary>The program looked for on <c>PATH</c>.</summary>
    public const string ProgramName = "qemu-system-x86_64";

    private static readonly Lazy<string?> Location = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, ProgramName))
            .FirstOrDefault(File.Exists));

    private readonly Process _process;
    private readonly string _folder;

    private QemuProcess(Process process, string folder, string socketPath)
    {
        _process = process;
        _folder = folder;
        SocketPath = socketPath;
    }

    /// <summary>True when <c>qemu-system-x86_64</c> is on <c>PATH</c>.</summary>
    public static bool IsInstalled => Location.Value is not null;

    /// <summary>The QMP socket's path.</summary>
    public string SocketPath { get; }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Skips the calling test when QEMU is not installed (fails it under <c>CI=true</c>).</summary>
    public static void Require()
    {
        if (IsInstalled)
        {
            return;
        }

        var reason = $"{ProgramName} not found on PATH (Debian: apt-get install qemu-system-x86)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI=true: a missing QEMU fails the run)");
        }

        Assert.Skip(reason);
    }

    /// <summary>The process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts QEMU (skipping the test when it is not installed) and waits until its socket accepts connections.</summary>
    public static Task<QemuProcess> StartAsync() => StartAsync(["-machine", "none"]);

    /// <summary>
    /// Starts QEMU with <paramref name="machineArguments"/> in place of <c>-machine none</c>
    /// (for example <c>-M pc -S</c>), keeping <c>-nodefaults -display none</c> and the QMP socket.
    /// </summary>
    public static async Task<QemuProcess> StartAsync(IEnumerable<string> machineArguments)
    {
        ArgumentNullException.ThrowIfNull(machineArguments);
        Require();
        var folder = Directory.CreateTempSubdirectory("machina-qemu-").FullName;
        var socketPath = Path.Combine(folder, "qmp.sock");
        var info = new ProcessStartInfo(Location.Value!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in machineArguments.Concat(["-nodefaults", "-display", "none", "-qmp", $"unix:{socketPath},server=on,wait=off"]))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{ProgramName} did not start");
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var errors = process.StandardError.ReadToEndAsync();
        var qemu = new QemuProcess(process, folder, socketPath);
        var deadline = Stopwatch.StartNew();
        while (!UnixSocketState.IsListening(socketPath))
        {
            if (process.HasExited)
            {
                await qemu.DisposeAsync();
                throw new InvalidOperationException($"{ProgramName} exited with {process.ExitCode}: {await errors}");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                await qemu.DisposeAsync();
                throw new TimeoutException($"{ProgramName} did not listen on {socketPath}");
            }

            await Task.Delay(20);
        }

        return qemu;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Connects to the QMP socket. QEMU serves one client at a time: close one before the next.</summary>
    public Task<RawQmpConnection> ConnectAsync() => RawQmpConnection.ConnectUnixAsync(SocketPath);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
