using System.Net;
using System.Net.Sockets;
using Machina.QObjects;

namespace Machina.Qmp.Client;

// Making a connection: the transports, then QMP's greeting and capabilities negotiation.
public sealed partial class QmpClient
{
    /// <summary>Connects to the QMP Unix socket at <paramref name="path"/> (QEMU's <c>-qmp unix:PATH,server=on</c>) and negotiates.</summary>
    /// <exception cref="SocketException">Nothing listens at <paramref name="path"/>.</exception>
    /// <exception cref="QmpProtocolException">The peer is not a QMP server.</exception>
    /// <exception cref="TimeoutException">The greeting and negotiation took longer than <see cref="QmpClientOptions.ConnectTimeout"/>.</exception>
    public static Task<QmpClient> ConnectUnixAsync(string path, QmpClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ConnectSocketAsync(new UnixDomainSocketEndPoint(path), ProtocolType.Unspecified, options, cancellationToken);
    }

    /// <summary>Connects over TCP to <paramref name="host"/>:<paramref name="port"/> (QEMU's <c>-qmp tcp:HOST:PORT,server=on</c>) and negotiates.</summary>
    /// <inheritdoc cref="ConnectUnixAsync"/>
    public static async Task<QmpClient> ConnectTcpAsync(string host, int port, QmpClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        Exception? last = null;
        foreach (var address in addresses)
        {
            try
            {
                return await ConnectSocketAsync(new IPEndPoint(address, port), ProtocolType.Tcp, options, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                last = e;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>Connects to <paramref name="endPoint"/> (a Unix socket or IP end point) and negotiates.</summary>
    /// <inheritdoc cref="ConnectUnixAsync"/>
    public static Task<QmpClient> ConnectAsync(EndPoint endPoint, QmpClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return ConnectSocketAsync(endPoint, endPoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp, options, cancellationToken);
    }

    /// <summary>
    /// Speaks QMP over <paramref name="stream"/>, which the client then owns: reads the greeting
    /// and negotiates capabilities (out-of-band execution when offered and wanted).
    /// </summary>
    /// <inheritdoc cref="ConnectUnixAsync"/>
    public static async Task<QmpClient> ConnectAsync(Stream stream, QmpClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var client = new QmpClient(stream, options ?? QmpClientOptions.Default);
        client._readLoop = Task.Run(client.ReadLoopAsync, CancellationToken.None);
        try
        {
            await client.NegotiateAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<QmpClient> ConnectSocketAsync(EndPoint endPoint, ProtocolType protocol, QmpClientOptions? options, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, protocol);
        try
        {
            if (protocol == ProtocolType.Tcp)
            {
                socket.NoDelay = true;
            }

            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return await ConnectAsync(new NetworkStream(socket, ownsSocket: true), options, cancellationToken).ConfigureAwait(false);
    }

    private async Task NegotiateAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Options.ConnectTimeout);
        try
        {
            Greeting = QmpGreeting.Parse(await _greeting.Task.WaitAsync(limit.Token).ConfigureAwait(false));
            var oob = Options.EnableOutOfBand && Greeting.Capabilities.Contains("oob");
            var arguments = oob ? new QDict { ["enable"] = new QList { "oob" } } : null;
            await ExecuteAsync("qmp_capabilities", arguments, default, limit.Token).ConfigureAwait(false);
            OutOfBandEnabled = oob;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the QMP server did not complete the greeting and negotiation within {Options.ConnectTimeout}");
        }
    }
}
