using System.Runtime.InteropServices;
using Machina.Program.CommandLine;
using Machina.Program.Hosting;
using Machina.Qmp.Schema;
using Machina.Qom;

namespace Machina.Program;

/// <summary>
/// The <c>machina</c> program: QEMU's command line (<c>-machine none</c>, <c>-object</c>, <c>-qmp</c>,
/// <c>-chardev</c>/<c>-mon</c>, <c>-S</c>, <c>-pidfile</c>, <c>-daemonize</c>, ...) for a machine made
/// of Machina's parts, managed over QMP until <c>quit</c>, SIGTERM, SIGINT or SIGHUP.
/// </summary>
internal static class MachinaProgram
{
    /// <summary>How messages name the program.</summary>
    public const string Name = "machina";

    /// <summary>Parses, starts, serves until shut down, and cleans up; 0 on success, 1 after an error.</summary>
    public static async Task<int> Main(string[] args)
    {
        var runtime = StandardTypes.CreateRuntime();
        MachinaConfiguration config;
        try
        {
            config = new CommandLineParser(runtime).Parse(args);
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteAsync(e.Format(Name)).ConfigureAwait(false);
            return 1;
        }

        if (config.ImmediateOutput is not null)
        {
            await Console.Out.WriteAsync(config.ImmediateOutput).ConfigureAwait(false);
            return 0;
        }

        if (config.Daemonize && !Daemon.IsChild)
        {
            return await Daemon.RunParentAsync(args).ConfigureAwait(false);
        }

        if (Daemon.IsChild)
        {
            Daemon.DetachSession();
        }

        return await RunAsync(config, runtime).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(MachinaConfiguration config, QomRuntime runtime)
    {
        // Handlers go in before any socket exists, so a client that sees the socket can rely on them.
        MachinaHost? host = null;
        var signalled = false;
        var gate = new Lock();
        var signals = new List<PosixSignalRegistration>();
        foreach (var (signal, number) in new[] { (PosixSignal.SIGTERM, 15), (PosixSignal.SIGINT, 2), (PosixSignal.SIGHUP, 1) })
        {
            signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // The process stays up until the host has shut down cleanly.
                context.Cancel = true;
                Console.Error.Write($"{Name}: terminating on signal {number}\n");
                lock (gate)
                {
                    signalled = true;
                    host?.RequestShutdown(ShutdownCause.HostSignal);
                }
            }));
        }

        try
        {
            var started = await MachinaHost.StartAsync(config, runtime, Console.Error).ConfigureAwait(false);
            lock (gate)
            {
                host = started;
                if (signalled)
                {
                    host.RequestShutdown(ShutdownCause.HostSignal);
                }
            }
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteAsync(e.Format(Name)).ConfigureAwait(false);
            return 1;
        }

        if (Daemon.IsChild)
        {
            Daemon.SignalReady();
        }

        await host.Stopped.ConfigureAwait(false);
        await host.DisposeAsync().ConfigureAwait(false);
        foreach (var registration in signals)
        {
            registration.Dispose();
        }

        return 0;
    }
}
