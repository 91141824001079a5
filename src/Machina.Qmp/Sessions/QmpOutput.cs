using System.Buffers;
using Machina.Qmp.Internal;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Qmp.Sessions;

/// <summary>
/// One session's outgoing messages: any thread appends (replies, out-of-band replies, events),
/// one loop writes them to the transport in batches.
/// </summary>
/// <remarks>
/// <para>Messages are serialized at once into a pending buffer in QEMU's wire form (compact,
/// QEMU's key order, CRLF after each), so nobody waits for the transport. The writer loop swaps
/// the pending buffer for an empty one and writes the whole batch; pipelined replies thus leave in
/// few large writes.</para>
/// <para>The thread that routes a burst of requests holds the output (<see cref="Hold"/>): the
/// replies it writes meanwhile wait in the pending buffer, up to <see cref="HeldFlushSize"/>, and
/// leave in one write when it lets go (<see cref="Release"/>), instead of one system call each.
/// Writes from other threads (events, replies of commands that finished asynchronously) are never held.</para>
/// <para>The pending buffer is bounded: a message is always accepted into an empty buffer, but
/// once the buffer holds more than the limit the session is over (a client that stops reading
/// must not make the server hold its output without end, nor stall anyone else). So the memory
/// a session can hold is at most the batch being written plus the limit plus one message.</para>
/// </remarks>
internal sealed class QmpOutput
{
    private static ReadOnlySpan<byte> LineEnd => "\r\n"u8;

    // Buffers grown beyond this by a large message are dropped after use rather than kept.
    private const int KeepCapacity = 1 << 20;

    /// <summary>How much held output makes a write go out anyway.</summary>
    internal const int HeldFlushSize = 64 << 10;

    private readonly Lock _gate = new();
    private readonly AsyncSignal _wake = new();
    private readonly int _limit;
    private readonly Action _overflow;
    private ArrayBufferWriter<byte> _pending = new(4096);
    private ArrayBufferWriter<byte> _batch = new(4096);
    private State _state;

    // The managed thread id of the thread holding the output; 0 when none.
    private int _holder;

    /// <summary>An output bounded to <paramref name="limit"/> pending bytes; <paramref name="overflow"/> runs (once, outside any lock) when that is exceeded.</summary>
    public QmpOutput(int limit, Action overflow)
    {
        _limit = limit;
        _overflow = overflow;
    }

    private enum State
    {
        Open,
        Completing,
        Aborted,
    }

    /// <summary>Appends <paramref name="message"/> in wire form; false when the output is closed or just overflowed.</summary>
    public bool Write(QDict message)
    {
        bool overflowed;
        int pending;
        lock (_gate)
        {
            if (_state != State.Open)
            {
                return false;
            }

            var before = _pending.WrittenCount;
            QJson.Write(message, _pending, QJsonWriterOptions.Wire);
            _pending.Write(LineEnd);
            overflowed = CheckLimit(before);
            pending = _pending.WrittenCount;
        }

        return Signal(overflowed, pending);
    }

    /// <summary>Appends an already serialized message (with its CRLF); false when the output is closed or just overflowed.</summary>
    public bool Write(ReadOnlySpan<byte> line)
    {
        bool overflowed;
        int pending;
        lock (_gate)
        {
            if (_state != State.Open)
            {
                return false;
            }

            var before = _pending.WrittenCount;
            _pending.Write(line);
            overflowed = CheckLimit(before);
            pending = _pending.WrittenCount;
        }

        return Signal(overflowed, pending);
    }

    /// <summary>Holds what this thread writes from now on until <see cref="Release"/> (or until it grows large).</summary>
    public void Hold() => Volatile.Write(ref _holder, Environment.CurrentManagedThreadId);

    /// <summary>Ends a <see cref="Hold"/>: what is pending goes out now.</summary>
    public void Release()
    {
        if (Volatile.Read(ref _holder) == 0)
        {
            return;
        }

        Volatile.Write(ref _holder, 0);
        bool pending;
        lock (_gate)
        {
            pending = _pending.WrittenCount > 0;
        }

        if (pending)
        {
            _wake.Set(inline: true);
        }
    }

    /// <summary>Accepts nothing more; the writer loop ends once everything accepted is written.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_state == State.Open)
            {
                _state = State.Completing;
            }
        }

        _wake.Set();
    }

    /// <summary>Accepts nothing more and drops what is pending; the writer loop ends after its current write.</summary>
    public void Abort()
    {
        lock (_gate)
        {
            _state = State.Aborted;
            _pending.ResetWrittenCount();
        }

        _wake.Set();
    }

    /// <summary>Writes batches to <paramref name="transport"/> until completed or aborted.</summary>
    /// <exception cref="IOException">The transport failed (the peer went away).</exception>
    public async Task RunAsync(Stream transport)
    {
        while (true)
        {
            await _wake.WaitAsync().ConfigureAwait(false);
            while (true)
            {
                ArrayBufferWriter<byte> batch;
                lock (_gate)
                {
                    if (_state == State.Aborted)
                    {
                        return;
                    }

                    if (_pending.WrittenCount == 0)
                    {
                        if (_state == State.Completing)
                        {
                            return;
                        }

                        break;
                    }

                    batch = _pending;
                    _pending = _batch;
                    _batch = batch;
                }

                await transport.WriteAsync(batch.WrittenMemory).ConfigureAwait(false);
                await transport.FlushAsync().ConfigureAwait(false);
                if (batch.Capacity > KeepCapacity)
                {
                    lock (_gate)
                    {
                        _batch = new ArrayBufferWriter<byte>(4096);
                    }
                }
                else
                {
                    batch.ResetWrittenCount();
                }
            }
        }
    }

    private bool CheckLimit(int before)
    {
        if (before == 0 || _pending.WrittenCount <= _limit)
        {
            return false;
        }

        _state = State.Aborted;
        _pending = new ArrayBufferWriter<byte>(4096);
        return true;
    }

    private bool Signal(bool overflowed, int pending)
    {
        if (overflowed)
        {
            _wake.Set(inline: true);
            _overflow();
            return false;
        }

        if (pending < HeldFlushSize && Volatile.Read(ref _holder) == Environment.CurrentManagedThreadId)
        {
            return true;
        }

        // The writer loop runs on the caller's thread until its write would block: a reply or an
        // event usually leaves without a thread hop, and a slow client never holds the caller.
        _wake.Set(inline: true);
        return true;
    }
}
