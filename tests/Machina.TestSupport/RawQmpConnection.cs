using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Machina.TestSupport;

/// <summary>
/// A byte-level QMP client for tests: sends exactly the bytes it is given and reads the server's
/// output line by line (each line with its CRLF), with no JSON in between, so replies can be
/// compared byte for byte. Every read has a timeout, so a silent server fails a test instead of hanging it.
/// </summary>
public sealed class RawQmpConnection : IAsyncDisposable
{
    /// <summary>How long a read waits by default before it fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 << 10];
    private int _start;
    private int _end;

    /// <summary>A connection over <paramref name="stream"/>, which it owns.</summary>
    public RawQmpConnection(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>Connects to the Unix socket at <paramref name="path"/>.</summary>
    public static async Task<RawQmpConnection> ConnectUnixAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new RawQmpConnection(new NetworkStream(socket, ownsSocket: true));
    }

    /// <summary>Connects over TCP to <paramref name="endPoint"/>.</summary>
    public static async Task<RawQmpConnection> ConnectTcpAsync(EndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new RawQmpConnection(new NetworkStream(socket, ownsSocket: true));
    }

    /// <summary>Sends <paramref name="bytes"/> in one write.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Sends the UTF-8 encoding of <paramref name="text"/> in one write.</summary>
    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>The next line with its line end, or null when the server closed the connection first.</summary>
    /// <exception cref="TimeoutException">No full line came within <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>).</exception>
    public async Task<byte[]?> ReadLineAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = _buffer.AsSpan(_start, newline + 1 - _start).ToArray();
                _start = newline + 1;
                return line;
            }

            if (!await FillAsync(cancellation.Token))
            {
                return null;
            }
        }
    }

    /// <summary>The next line as text (Latin-1, so every byte shows), or null at the end.</summary>
    public async Task<string?> ReadLineTextAsync(TimeSpan? timeout = null) =>
        await ReadLineAsync(timeout) is { } line ? Encoding.Latin1.GetString(line) : null;

    /// <summary>True when the server closes the connection (after any output) within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            while (await FillAsync(cancellation.Token))
            {
                _start = _end;
            }

            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Closes the connection.</summary>
    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("the QMP server sent no complete line in time");
        }
        catch (IOException)
        {
            return false;
        }

        _end += read;
        return read > 0;
    }
}
