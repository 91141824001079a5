using Machina.Qapi.Commands;
using Machina.QObjects;

namespace Machina.Qmp.Sessions;

public sealed partial class QmpSession
{
    // A read asks the transport for at least this much room: large messages then arrive in few
    // reads (each read that waits costs a thread hop), and the buffer goes back to the pool as
    // soon as the routing loop has fed it to the splitter.
    private const int ReadSize = 64 << 10;

    /// <summary>
    /// Copies the transport into the input pipe until the client disconnects. It runs ahead of the
    /// routing loop by at most <see cref="QmpServerOptions.MaxPendingInput"/> bytes, so it sees a
    /// disconnect even while the routing loop waits for the in-band queue.
    /// </summary>
    private async Task FillAsync()
    {
        var writer = _input.Writer;
        var clientGone = true;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(ReadSize);
                var read = await _transport.ReadAsync(memory, _inputStop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                writer.Advance(read);
                var flush = await writer.FlushAsync(_inputStop.Token).ConfigureAwait(false);
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    clientGone = false;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_inputStop.IsCancellationRequested)
        {
            clientGone = false;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            // A reset connection ends the session like an orderly disconnect.
        }
        finally
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }

        if (clientGone && !_inputStop.IsCancellationRequested)
        {
            // QEMU drops a disconnected client's queued requests and output at once.
            Abort();
        }
    }

    /// <summary>
    /// Splits the input into messages and routes each in order: out-of-band requests run at once,
    /// everything else (requests, non-objects, parse errors) joins the in-band queue (QEMU's
    /// <c>handle_qmp_command</c>). While the queue is full the next message waits, as QEMU stops
    /// reading a suspended monitor.
    /// </summary>
    private async Task RouteAsync()
    {
        var reader = _input.Reader;
        try
        {
            while (!IsClosing)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled || IsClosing)
                {
                    break;
                }

                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    _splitter.Feed(segment.Span);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    // The client is gone; what it sent last goes with it.
                    break;
                }

                while (_splitter.TryRead(out var message))
                {
                    if (!await WaitWhileSuspendedAsync().ConfigureAwait(false))
                    {
                        return;
                    }

                    if (message.Value is QDict request && QmpDispatcher.IsOob(request))
                    {
                        if (await DispatchAsync(request).ConfigureAwait(false) is { } response)
                        {
                            _output.Write(response);
                        }
                    }
                    else
                    {
                        Enqueue(message);
                    }
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }
}
