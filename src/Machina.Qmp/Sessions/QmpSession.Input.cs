using System.Net.Sockets;
using Machina.Qapi.Commands;
using Machina.Qmp.Internal;
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
    private Task FillAsync() =>
        _transport is NetworkStream { Socket: { SocketType: SocketType.Stream } socket }
            ? FillOnReaderThreadAsync(socket)
            : FillFromStreamAsync();

    /// <summary>
    /// Reads a socket on a thread of the session's own (one of <see cref="SessionThreads"/>) that
    /// sleeps in <c>poll</c> until input arrives, then routes and answers what it read before it
    /// sleeps again.
    /// </summary>
    /// <remarks>
    /// The asynchronous path would wake the runtime's socket thread, which queues the rest to the
    /// thread pool: two thread switches per request where this takes one, which is most of a
    /// round trip's cost. The socket stays non-blocking for the output's asynchronous writes;
    /// <see cref="Close"/> and <see cref="Abort"/> wake the poll by shutting the socket's input down.
    /// </remarks>
    private Task FillOnReaderThreadAsync(Socket socket)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        SessionThreads.Run(() =>
        {
            try
            {
                FillFromSocket(socket);
                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        return done.Task;
    }

    private void FillFromSocket(Socket socket)
    {
        var writer = _input.Writer;
        var clientGone = true;
        try
        {
            using var wake = _inputStop.Token.Register(static s => ShutDownInput((Socket)s!), socket);
            while (true)
            {
                socket.Poll(-1, SelectMode.SelectRead);
                if (_inputStop.IsCancellationRequested)
                {
                    clientGone = false;
                    break;
                }

                var read = socket.Receive(writer.GetMemory(ReadSize).Span);
                if (read == 0)
                {
                    break;
                }

                writer.Advance(read);
                var flushing = writer.FlushAsync(_inputStop.Token);
                var flush = flushing.IsCompleted ? flushing.Result : flushing.AsTask().GetAwaiter().GetResult();
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
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // A reset connection ends the session like an orderly disconnect.
        }
        finally
        {
            writer.Complete();
        }

        if (clientGone && !_inputStop.IsCancellationRequested)
        {
            // QEMU drops a disconnected client's queued requests and output at once.
            Abort();
        }
    }

    private static void ShutDownInput(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Receive);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closed already: the poll has returned.
        }
    }

    /// <summary>The same for any other stream, with asynchronous reads.</summary>
    private async Task FillFromStreamAsync()
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

                // The replies to what this read brought leave together, in one write.
                _output.Hold();
                try
                {
                    while (_splitter.TryRead(out var message))
                    {
                        if (!await WaitWhileSuspendedAsync().ConfigureAwait(false))
                        {
                            return;
                        }

                        if (message.Value is QDict request && QmpDispatcher.IsOob(request))
                        {
                            var dispatch = DispatchAsync(request);
                            if (!dispatch.IsCompleted)
                            {
                                // Nothing waits for the command behind earlier replies.
                                _output.Release();
                            }

                            if (await dispatch.ConfigureAwait(false) is { } response)
                            {
                                _output.Write(response);
                            }

                            _output.Hold();
                        }
                        else
                        {
                            Enqueue(message);
                        }
                    }
                }
                finally
                {
                    _output.Release();
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }
}
