using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.Qapi.Visitors;
using Machina.QObjects;
using Machina.Qmp.Transport;
using Machina.TestSupport;

namespace Machina.Qmp.Tests;

/// <summary>
/// A Machina QMP server on a Unix socket in a temporary folder, with the built-in commands and
/// the test commands below. Disposing stops it and removes the folder.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly string _folder;

    private TestServer(QmpServer server, QmpListener listener, string folder)
    {
        Server = server;
        Listener = listener;
        _folder = folder;
    }

    public QmpServer Server { get; }

    public QmpListener Listener { get; }

    public string SocketPath => Path.Combine(_folder, "qmp.sock");

    /// <summary>Opened by <c>x-test-block</c> commands that wait for it.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when an <c>x-test-block</c> command saw its cancellation token fire.</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when an <c>x-test-block</c> command starts.</summary>
    public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TestServer Start(QmpServerOptions? options = null)
    {
        var folder = Directory.CreateTempSubdirectory("machina-qmp-").FullName;
        var server = new QmpServer(options);
        var listener = server.ListenUnix(Path.Combine(folder, "qmp.sock"));
        var host = new TestServer(server, listener, folder);
        host.RegisterTestCommands();

        // As a host does: quit stops the server, which sends what it owes and closes the sessions.
        if (server.Machine is Machina.Qmp.Machine.QmpMachine machine)
        {
            _ = machine.QuitRequested.ContinueWith(
                _ => server.DisposeAsync().AsTask(),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default).Unwrap();
        }

        return host;
    }

    public Task<RawQmpConnection> ConnectAsync() => RawQmpConnection.ConnectUnixAsync(SocketPath);

    /// <summary>Connects, reads the greeting and negotiates (with <c>oob</c> when asked).</summary>
    public async Task<RawQmpConnection> ConnectNegotiatedAsync(bool oob = false)
    {
        var connection = await ConnectAsync();
        await connection.ReadLineAsync();
        await connection.SendAsync(oob
            ? """{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}"""
            : """{"execute": "qmp_capabilities"}""");
        var reply = await connection.ReadLineTextAsync();
        Assert.Equal("{\"return\": {}}\r\n", reply);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void RegisterTestCommands()
    {
        // QEMU's device_del as seen from a machine without devices: argument checks first, then
        // DeviceNotFound. The conformance suite sends the same bytes to both servers.
        Server.Commands.Register("device_del", (arguments, context) =>
        {
            var v = new QObjectInputVisitor(arguments) { Policy = context.Policy };
            string? id = null;
            v.StartStruct(null);
            v.VisitString("id", ref id);
            v.CheckStruct();
            v.EndStruct();
            throw new QapiException(QapiErrorClass.DeviceNotFound, $"Device '{id}' not found");
        });

        // Waits for Gate (or cancellation), then returns {"waited": true}.
        Server.Commands.Register("x-test-block", async (arguments, context) =>
        {
            Blocked.TrySetResult();
            try
            {
                await Gate.Task.WaitAsync(context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult();
                throw;
            }

            return new QDict { ["waited"] = true };
        });

        // An out-of-band command that answers with its argument.
        Server.Commands.Register("x-test-echo", (arguments, context) =>
            ValueTask.FromResult<QObject?>(new QDict { ["oob"] = context.IsOob, ["arguments"] = arguments }),
            QmpCommandOptions.AllowOob);

        // Emits the named event with the given data before replying.
        Server.Commands.Register("x-test-emit", (arguments, context) =>
        {
            var name = ((QString)arguments["event"]).Value;
            Server.EmitEvent(name, arguments.GetValueOrDefault("data") as QDict);
            return ValueTask.FromResult<QObject?>(null);
        });

        // Throws an exception that is not a QAPI error (a handler bug).
        Server.Commands.Register("x-test-fault", (_, _) => throw new InvalidOperationException("broken on purpose"));
    }
}
