using System.Net;
using System.Net.Sockets;
using Machina.Qmp.Transport;

namespace Machina.Qmp;

public sealed partial class QmpServer
{
    /// <summary>
    /// Listens on the Unix socket <paramref name="path"/> (QEMU's <c>-qmp unix:PATH,server=on,wait=off</c>);
    /// a stale socket file there is replaced, as QEMU does.
    /// </summary>
    /// <exception cref="SocketException">The socket cannot be bound.</exception>
    public QmpListener ListenUnix(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        QmpListener.TryDeleteSocketFile(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen();
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return Track(new QmpListener(this, socket, path));
    }

    /// <summary>
    /// Listens on TCP at <paramref name="endPoint"/> (IPv4 or IPv6; port 0 picks a free port, see
    /// <see cref="QmpListener.EndPoint"/>). <see cref="IPAddress.IPv6Any"/> accepts IPv4 clients too.
    /// </summary>
    /// <exception cref="SocketException">The socket cannot be bound.</exception>
    public QmpListener ListenTcp(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endPoint.AddressFamily == AddressFamily.InterNetworkV6 && endPoint.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(endPoint);
            socket.Listen();
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return Track(new QmpListener(this, socket, null));
    }

    private QmpListener Track(QmpListener listener)
    {
        _listeners[listener] = 0;
        if (Volatile.Read(ref _disposed) != 0)
        {
            _ = listener.DisposeAsync();
            throw new ObjectDisposedException(nameof(QmpServer));
        }

        return listener;
    }
}
