using System.Buffers;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Program.Monitors;

/// <summary>
/// A transport that rewrites each line the QMP server writes (one compact JSON message ending in
/// CRLF) as QEMU's pretty monitors write it: indented JSON whose every line ends in CRLF. Reads pass
/// through. It is what <c>-qmp-pretty</c> and <c>-mon ...,pretty=on</c> put between the server and
/// the socket.
/// </summary>
internal sealed class PrettyQmpStream(Stream inner) : Stream
{
    private readonly ArrayBufferWriter<byte> _pending = new();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _pending.Write(buffer.Span);
        var converted = Convert();
        if (converted is not null)
        {
            await inner.WriteAsync(converted, cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    // The complete lines written so far, pretty; what follows the last CRLF waits for the rest.
    private byte[]? Convert()
    {
        var written = _pending.WrittenSpan;
        var end = written.LastIndexOf("\r\n"u8);
        if (end < 0)
        {
            return null;
        }

        var output = new ArrayBufferWriter<byte>();
        var lines = written[..end];
        while (true)
        {
            var cut = lines.IndexOf("\r\n"u8);
            var line = cut < 0 ? lines : lines[..cut];
            WritePretty(line, output);
            if (cut < 0)
            {
                break;
            }

            lines = lines[(cut + 2)..];
        }

        var rest = written[(end + 2)..].ToArray();
        _pending.Clear();
        _pending.Write(rest);
        return output.WrittenSpan.ToArray();
    }

    private static void WritePretty(ReadOnlySpan<byte> line, ArrayBufferWriter<byte> output)
    {
        if (!QJson.TryParse(line, out var message, out _))
        {
            output.Write(line);
            output.Write("\r\n"u8);
            return;
        }

        var pretty = QJson.ToUtf8Bytes(message, QJsonWriterOptions.Wire with { Pretty = true }).AsSpan();
        foreach (var b in pretty)
        {
            if (b == (byte)'\n')
            {
                output.Write("\r\n"u8);
            }
            else
            {
                output.GetSpan(1)[0] = b;
                output.Advance(1);
            }
        }

        output.Write("\r\n"u8);
    }
}
