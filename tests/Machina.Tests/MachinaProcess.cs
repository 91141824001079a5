using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Machina.TestSupport;

namespace Machina.Tests;

/// <summary>
/// The machina program (or QEMU, for comparison) run as a separate process: arguments, standard
/// output and error, exit code, signals.
/// </summary>
public sealed partial class MachinaProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;

    private MachinaProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The machina assembly built next to the tests.</summary>
    public static string MachinaDll => Path.Combine(AppContext.BaseDirectory, "machina.dll");

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// A machina executable to test instead of the assembly built next to the tests, from
    /// <c>MACHINA_PROGRAM</c>: the suite runs unchanged against a published build, such as the
    /// native one (<c>MACHINA_PROGRAM=$PWD/artifacts/machina-native/machina dotnet test --project tests/Machina.Tests</c>;
    /// an absolute path, since tests run in their output folder).
    /// </summary>
    public static string? PublishedProgram =>
        Environment.GetEnvironmentVariable("MACHINA_PROGRAM") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>Starts machina with <paramref name="args"/>.</summary>
    public static MachinaProcess StartMachina(params IEnumerable<string> args)
    {
        if (PublishedProgram is { } program)
        {
            return Start(program, args);
        }

        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return Start(host, [MachinaDll, .. args]);
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="args"/>, standard input closed.</summary>
    public static MachinaProcess Start(string program, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        process.StandardInput.Close();
        return new MachinaProcess(process);
    }

    /// <summary>Runs machina with <paramref name="args"/> to its end.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunMachinaAsync(params IEnumerable<string> args) =>
        StartMachina(args).WaitAsync();

    /// <summary>Waits for the end (a minute at most) and returns the exit code and what was printed.</summary>
    public async Task<(int ExitCode, string Output, string Errors)> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, await _output, await _errors);
    }

    /// <summary>Sends signal <paramref name="signal"/> (15 SIGTERM, 2 SIGINT, 1 SIGHUP).</summary>
    public void Signal(int signal) => Assert.Equal(0, Kill(_process.Id, signal));

    /// <summary>
    /// Waits until <paramref name="path"/> exists while the process runs (a minute at most); a
    /// socket must also be listening, not just bound.
    /// </summary>
    public async Task WaitForFileAsync(string path)
    {
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(path) || UnixSocketState.IsBoundNotListening(path))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"exited with {_process.ExitCode} before {path} appeared: {await _errors}");
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(1), $"{path} did not appear");
            await Task.Delay(10);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}

/// <summary>A temporary folder for sockets and pid files, removed at the end.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>The folder.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("machina-").FullName;

    /// <summary>A path inside the folder.</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
