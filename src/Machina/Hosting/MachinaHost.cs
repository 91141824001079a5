using Machina.Program.CommandLine;
using Machina.Program.Monitors;
using Machina.Program.Qapi;
using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.Qmp;
using Machina.Qmp.Machine;
using Machina.Qmp.Schema;
using Machina.Qom;
using Machina.Qom.Commands;
using Machina.Qom.Machines;
using Machina.Qom.Qapi;
using Machina.QObjects;

namespace Machina.Program.Hosting;

/// <summary>
/// A running machina: the object model with its machine and objects, the QMP server with the object
/// model's and the program's commands, and the monitors' sockets. This is where QOM and the QMP
/// server meet.
/// </summary>
/// <remarks>
/// Start-up follows QEMU's order (softmmu/vl.c): the pid file, the machine, the objects that do not
/// need it configured, the monitors, the machine's properties, then memory backends. An error at any
/// step undoes the ones before it. <see cref="Stopped"/> completes on <c>quit</c> or
/// <see cref="RequestShutdown"/>; <see cref="DisposeAsync"/> then lets sessions send what they owe,
/// closes the sockets, deletes the objects and removes the pid file and socket files.
/// </remarks>
internal sealed class MachinaHost : IAsyncDisposable
{
    private readonly List<MonitorEndpoint> _endpoints = [];
    private readonly TaskCompletionSource<ShutdownCause> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PidFile? _pidFile;
    private int _disposed;

    private MachinaHost(QomRuntime runtime, QmpServer server)
    {
        Runtime = runtime;
        Server = server;
        RunState = (QmpMachine)server.Machine;
    }

    /// <summary>The object model.</summary>
    public QomRuntime Runtime { get; }

    /// <summary>The QMP server every monitor feeds.</summary>
    public QmpServer Server { get; }

    /// <summary>The run state behind query-status, stop, cont and quit.</summary>
    public QmpMachine RunState { get; }

    /// <summary>The monitors' chardevs.</summary>
    public IReadOnlyList<MonitorEndpoint> Endpoints => _endpoints;

    /// <summary>Completes with the cause when the machine should shut down (<c>quit</c>, a signal).</summary>
    public Task<ShutdownCause> Stopped => _stopped.Task;

    /// <summary>Builds and starts everything <paramref name="config"/> asks for on <paramref name="runtime"/> (whose types the parser used).</summary>
    /// <param name="config">The parsed command line.</param>
    /// <param name="runtime">The object model, with the standard types registered.</param>
    /// <param name="log">Standard error, for "waiting for connection".</param>
    /// <exception cref="CommandLineException">A step failed, with QEMU's message; nothing is left behind.</exception>
    public static async Task<MachinaHost> StartAsync(MachinaConfiguration config, QomRuntime runtime, TextWriter log)
    {
        var options = new QmpServerOptions
        {
            // query-qmp-schema describes every command the program serves: the server's, QOM's and its own.
            QmpSchema = static () => QmpIntrospection.Combine(
            [
                MachinaIntrospection.QueryQmpSchema(unmask: true),
                MachinaQomIntrospection.QueryQmpSchema(unmask: true),
                MachinaProgramIntrospection.QueryQmpSchema(unmask: true),
            ]),
        };
        var server = new QmpServer(options, s => new QmpMachine(s, config.StartPaused ? Machina.Qmp.Schema.RunState.Prelaunch : Machina.Qmp.Schema.RunState.Running));
        var host = new MachinaHost(runtime, server);
        try
        {
            await host.BuildAsync(config, log).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    private async Task BuildAsync(MachinaConfiguration config, TextWriter log)
    {
        if (config.PidFile is not null)
        {
            _pidFile = PidFile.Create(config.PidFile);
        }

        Machine machine;
        lock (Runtime.Gate)
        {
            var type = config.MachineOptions.TryGetString("type", out var t) ? t : "none";
            machine = Run(() => Machine.Create(Runtime, type));
            CreateObjects(config, early: true);
        }

        var qom = new QomCommands(Runtime);
        qom.Register(Server.Commands);
        MachinaProgramCommands.Register(Server.Commands, new ProgramCommands(Runtime, qom, RunState, config.Name));
        _ = ForwardQuitAsync();

        foreach (var monitor in config.Monitors)
        {
            _endpoints.Add(await MonitorEndpoint.OpenAsync(Server, monitor, log).ConfigureAwait(false));
        }

        lock (Runtime.Gate)
        {
            var properties = new QDict();
            foreach (var (key, value) in config.MachineOptions)
            {
                if (key != "type")
                {
                    properties[key] = value;
                }
            }

            Run(() =>
            {
                UserCreatableObjects.SetProperties(machine, properties, new QObjectInputVisitor(properties, keyval: true));
                return 0;
            });
            CreateObjects(config, early: false);
        }
    }

    // QEMU creates memory backends after the machine is configured, everything else before.
    private void CreateObjects(MachinaConfiguration config, bool early)
    {
        foreach (var located in config.Objects)
        {
            if (located.Options.QomType.StartsWith("memory-backend-", StringComparison.Ordinal) != early)
            {
                Run(() => Runtime.UserCreatable.Add(located.Options));
            }
        }
    }

    private static T Run<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (QapiException e)
        {
            // Past parsing QEMU no longer knows which option it was.
            throw new CommandLineException(null, e.Message, e.Hint);
        }
    }

    private async Task ForwardQuitAsync()
    {
        var cause = await RunState.QuitRequested.ConfigureAwait(false);
        _stopped.TrySetResult(cause);
    }

    /// <summary>
    /// Shuts the machine down for <paramref name="cause"/> (a signal: <see cref="ShutdownCause.HostSignal"/>):
    /// sends <c>SHUTDOWN</c> as QEMU does and completes <see cref="Stopped"/>. Only the first request counts.
    /// </summary>
    public void RequestShutdown(ShutdownCause cause)
    {
        if (_stopped.Task.IsCompleted)
        {
            return;
        }

        Server.Events.SendShutdown(guest: false, reason: cause);
        _stopped.TrySetResult(cause);
    }

    /// <summary>
    /// Lets the sessions finish and send what they owe, closes the monitors' sockets and removes
    /// their files, deletes the objects (stopping iothreads) and removes the pid file.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var endpoint in _endpoints)
        {
            await endpoint.DisposeAsync().ConfigureAwait(false);
        }

        await Server.DisposeAsync().ConfigureAwait(false);
        lock (Runtime.Gate)
        {
            Runtime.UserCreatable.DeleteAll();
        }

        _pidFile?.Dispose();
    }
}
