using System.Net;
using System.Net.Sockets;
using Machina.Program.CommandLine;
using Machina.Qmp;

namespace Machina.Program.Monitors;

/// <summary>
/// One QMP monitor's chardev at run time: listens (every client that connects is served, as by the
/// QMP server's own listeners), connects (<c>server=off</c>), or serves stdio; waits for the first
/// client when asked (<c>wait=on</c>); and on disposal closes its sockets and removes the socket
/// file it made.
/// </summary>
internal sealed class MonitorEndpoint : IAsyncDisposable
{
    private readonly QmpServer _server;
    private readonly MonitorConfiguration _monitor;
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private string? _socketFile;

    private MonitorEndpoint(QmpServer server, MonitorConfiguration monitor)
    {
        _server = server;
        _monitor = monitor;
    }

    /// <summary>The TCP or Unix endpoints it listens on.</summary>
    public IEnumerable<EndPoint> LocalEndPoints => _listeners.Select(l => l.LocalEndPoint!);

    /// <summary>Opens the monitor's chardev and starts serving it.</summary>
    /// <param name="server">The QMP server that runs the sessions.</param>
    /// <param name="monitor">The monitor.</param>
    /// <param name="log">Where "waiting for connection" goes (standard error).</param>
    /// <exception cref="CommandLineException">QEMU's message, at the monitor's option: the socket cannot be bound or reached.</exception>
    public static async Task<MonitorEndpoint> OpenAsync(QmpServer server, MonitorConfiguration monitor, TextWriter log)
    {
        var endpoint = new MonitorEndpoint(server, monitor);
        try
        {
            await endpoint.StartAsync(log).ConfigureAwait(false);
        }
        catch
        {
            await endpoint.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return endpoint;
    }

    private async Task StartAsync(TextWriter log)
    {
        var chardev = _monitor.Chardev;
        switch (chardev.Kind)
        {
            case ChardevKind.Stdio:
                Serve(new StdioStream(), "stdio");
                return;
            case ChardevKind.Unix when chardev.Server:
                ListenUnix(chardev.Path!);
                break;
            case ChardevKind.Tcp when chardev.Server:
                await ListenTcpAsync(chardev.Host!, chardev.Port).ConfigureAwait(false);
                break;
            default:
                await ConnectAsync(chardev).ConfigureAwait(false);
                return;
        }

        if (chardev.Wait)
        {
            await log.WriteAsync($"{MachinaProgram.Name}: {_monitor.Location}: info: machina waiting for connection on: {chardev.Describe()}\n").ConfigureAwait(false);
            await log.FlushAsync().ConfigureAwait(false);
            var first = await _listeners[0].AcceptAsync(_stop.Token).ConfigureAwait(false);
            Serve(first);
        }

        foreach (var listener in _listeners)
        {
            _loops.Add(AcceptLoopAsync(listener));
        }
    }

    private void ListenUnix(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // QEMU replaces a socket file left behind.
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen();
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            socket.Dispose();
            var reason = Directory.Exists(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))) ? Describe(e) : "No such file or directory";
            throw new CommandLineException(_monitor.Location, $"Failed to bind socket to {path}: {reason}");
        }

        _socketFile = path;
        _listeners.Add(socket);
    }

    private async Task ListenTcpAsync(string host, int port)
    {
        IPAddress[] addresses;
        if (host.Length == 0)
        {
            addresses = [IPAddress.IPv6Any];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new CommandLineException(_monitor.Location, $"address resolution failed for {host}:{port}: {e.Message}");
            }
        }

        SocketException? failure = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (address.Equals(IPAddress.IPv6Any))
                {
                    socket.DualMode = true;
                }

                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(address, port));
                socket.Listen();
                _listeners.Add(socket);
                if (port == 0)
                {
                    // Every address on the port the system chose first.
                    port = ((IPEndPoint)socket.LocalEndPoint!).Port;
                }
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failure ??= e;
            }
        }

        if (_listeners.Count == 0)
        {
            throw new CommandLineException(_monitor.Location, $"Failed to bind socket: {Describe(failure!)}");
        }
    }

    private async Task ConnectAsync(ChardevConfiguration chardev)
    {
        Socket socket;
        EndPoint target;
        string name;
        if (chardev.Kind == ChardevKind.Unix)
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            target = new UnixDomainSocketEndPoint(chardev.Path!);
            name = chardev.Path!;
        }
        else
        {
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            target = new DnsEndPoint(chardev.Host!.Length == 0 ? "localhost" : chardev.Host, chardev.Port);
            name = $"{chardev.Host}:{chardev.Port}";
        }

        try
        {
            await socket.ConnectAsync(target).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new CommandLineException(_monitor.Location, $"Failed to connect to '{name}': {Describe(e)}");
        }

        Serve(socket);
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // A connection that failed while being accepted costs only itself.
                continue;
            }

            Serve(connection);
        }
    }

    private void Serve(Socket connection)
    {
        if (connection.ProtocolType == ProtocolType.Tcp)
        {
            connection.NoDelay = true;
        }

        var peer = connection.RemoteEndPoint?.ToString();
        Serve(new NetworkStream(connection, ownsSocket: true), string.IsNullOrEmpty(peer) ? _monitor.Chardev.Path : peer);
    }

    private void Serve(Stream stream, string? peer)
    {
        var transport = _monitor.Pretty ? new PrettyQmpStream(stream) : stream;
        _ = _server.ServeAsync(transport, peer);
    }

    private static string Describe(Exception e) => e switch
    {
        // The C library's text for the error, as QEMU prints it.
        SocketException s => System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(ErrnoOf(s)),
        _ => e.Message,
    };

    private static int ErrnoOf(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => 98,
        SocketError.AddressNotAvailable => 99,
        SocketError.ConnectionRefused => 111,
        SocketError.AccessDenied => 13,
        SocketError.HostUnreachable => 113,
        SocketError.NetworkUnreachable => 101,
        SocketError.TimedOut => 110,
        _ => e.NativeErrorCode is > 0 and < 200 ? e.NativeErrorCode : 2,
    };

    /// <summary>Stops listening, closes the sockets it listens on and removes its socket file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        if (_socketFile is not null)
        {
            try
            {
                File.Delete(_socketFile);
            }
            catch (IOException)
            {
                // Removed by someone else already.
            }
        }

        _stop.Dispose();
    }
}
