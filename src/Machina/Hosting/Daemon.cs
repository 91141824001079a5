using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Machina.Program.Hosting;

/// <summary>
/// <c>-daemonize</c> without fork(), which a .NET process cannot do safely: the program starts itself
/// again as the daemon (in a new session, standard input from /dev/null) and waits until the daemon
/// says it is ready, copying what the daemon writes to standard error meanwhile. Like QEMU's parent,
/// it then exits with 0, or with the daemon's status if the daemon failed to start.
/// </summary>
internal static partial class Daemon
{
    /// <summary>Set in the daemon's environment; its value is the parent's process id.</summary>
    public const string ChildVariable = "MACHINA_DAEMON_CHILD";

    /// <summary>The byte the daemon writes to its standard output once it serves.</summary>
    private const byte ReadyByte = (byte)'R';

    /// <summary>Whether this process is the daemon a parent started.</summary>
    public static bool IsChild => Environment.GetEnvironmentVariable(ChildVariable) is not null;

    /// <summary>Starts the daemon with <paramref name="args"/> and waits for it to be ready or to fail.</summary>
    /// <returns>The exit code for the parent.</returns>
    public static async Task<int> RunParentAsync(IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("machina", StringComparison.Ordinal))
        {
            // Run through the dotnet host (dotnet machina.dll): pass the assembly first. (A native
            // or apphost machina is started directly.)
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "machina.dll"));
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[ChildVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var child = Process.Start(start)!;
        child.StandardInput.Close();
        var errors = child.StandardError.BaseStream.CopyToAsync(Console.OpenStandardError());
        var ready = new byte[1];
        var read = await child.StandardOutput.BaseStream.ReadAsync(ready).ConfigureAwait(false);
        if (read == 1 && ready[0] == ReadyByte)
        {
            return 0;
        }

        await child.WaitForExitAsync().ConfigureAwait(false);
        await errors.ConfigureAwait(false);
        return child.ExitCode == 0 ? 1 : child.ExitCode;
    }

    /// <summary>In the daemon: leaves the parent's session (so its terminal's signals do not reach us).</summary>
    public static void DetachSession() => _ = SetSid();

    /// <summary>In the daemon, once it serves: tells the parent, and points standard input, output and error at /dev/null.</summary>
    public static void SignalReady()
    {
        using (var output = Console.OpenStandardOutput())
        {
            output.Write([ReadyByte]);
            output.Flush();
        }

        var devNull = Open("/dev/null", 2);
        if (devNull >= 0)
        {
            _ = Dup2(devNull, 0);
            _ = Dup2(devNull, 1);
            _ = Dup2(devNull, 2);
        }
    }

    [LibraryImport("libc", EntryPoint = "setsid")]
    private static partial int SetSid();

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int oldFd, int newFd);
}
