using System.Net.Sockets;
using System.Text;

/// <summary>
/// The benchmark's QMP client: a blocking Unix socket and a line reader that allocates nothing per
/// line, so the client adds as little as it can to what is measured. Both servers get this client.
/// </summary>
internal sealed class BenchClient : IDisposable
{
    private readonly Socket _socket;
    private byte[] _buffer = new byte[64 << 10];
    private int _start;
    private int _end;

    private BenchClient(Socket socket) => _socket = socket;

    public static BenchClient Connect(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new BenchClient(socket);
    }

    /// <summary>Reads the greeting and negotiates without capabilities.</summary>
    public void Negotiate()
    {
        ReadLine();
        Send("""{"execute": "qmp_capabilities"}"""u8);
        var reply = ReadLineText();
        if (reply != "{\"return\": {}}\r\n")
        {
            throw new InvalidOperationException($"negotiation failed: {reply}");
        }
    }

    public void Send(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[_socket.Send(bytes)..];
        }
    }

    /// <summary>Skips the next line; returns its length with the CRLF.</summary>
    public int ReadLine()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                return newline + 1;
            }

            Fill();
        }
    }

    /// <summary>The next line as text, with its CRLF.</summary>
    public string ReadLineText()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var text = Encoding.UTF8.GetString(_buffer, _start, newline + 1);
                _start += newline + 1;
                return text;
            }

            Fill();
        }
    }

    public void Dispose() => _socket.Dispose();

    private void Fill()
    {
        if (_start > 0)
        {
            // Keep the unread part of the line at the front.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _socket.Receive(_buffer.AsSpan(_end));
        if (read == 0)
        {
            throw new IOException("the server closed the connection");
        }

        _end += read;
    }
}
