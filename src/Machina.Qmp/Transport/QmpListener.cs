using System.Net;
using System.Net.Sockets;

namespace Machina.Qmp.Transport;

/// <summary>
/// A listening socket whose every accepted connection becomes a session of its
/// <see cref="QmpServer"/>. Disposing stops accepting; sessions already open go on.
/// </summary>
public sealed class QmpListener : IAsyncDisposable
{
    private readonly QmpServer _server;
    private readonly Socket _socket;
    private readonly string? _unixPath;
    private readonly Task _accepting;
    private int _disposed;

    internal QmpListener(QmpServer server, Socket socket, string? unixPath)
    {
        _server = server;
        _socket = socket;
        _unixPath = unixPath;
        EndPoint = socket.LocalEndPoint!;
        _accepting = AcceptAsync();
    }

    /// <summary>Where the listener listens (for TCP with port 0, the port the system chose).</summary>
    public EndPoint EndPoint { get; }

    /// <summary>Stops accepting connections and, for a Unix socket, removes its file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _socket.Dispose();
        await _accepting.ConfigureAwait(false);
        if (_unixPath is not null)
        {
            TryDeleteSocketFile(_unixPath);
        }

        _server.Forget(this);
    }

    /// <inheritdoc/>
    public override string ToString() => $"QMP listener on {EndPoint}";

    /// <summary>Deletes <paramref name="path"/> when it is a socket left behind (QEMU unlinks before binding too).</summary>
    internal static void TryDeleteSocketFile(string path)
    {
        try
        {
            if (File.Exists(path) && (File.GetAttributes(path) & FileAttributes.Directory) == 0)
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // Gone already, or not ours to remove: bind will say so.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await _socket.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (Volatile.Read(ref _disposed) != 0)
                {
                    return;
                }

                // A connection that failed while being accepted costs only itself.
                continue;
            }

            if (connection.ProtocolType == ProtocolType.Tcp)
            {
                connection.NoDelay = true;
            }

            var peer = connection.RemoteEndPoint?.ToString();
            _server.Open(new NetworkStream(connection, ownsSocket: true), string.IsNullOrEmpty(peer) ? _unixPath : peer);
        }
    }
}
