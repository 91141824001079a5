using System.Threading.Tasks.Sources;

namespace Machina.Qmp.Internal;

/// <summary>
/// An auto-reset signal for one waiting consumer and any number of setters, without an
/// allocation per wait: the loops of a session sleep on it between bursts of work.
/// </summary>
/// <remarks>
/// A <see cref="Set"/> with nobody waiting is remembered (once), so a consumer that checks its
/// work, finds none and then waits never misses a <see cref="Set"/> made in between.
/// </remarks>
internal sealed class AsyncSignal : IValueTaskSource
{
    private const int Idle = 0;
    private const int Signalled = 1;
    private const int Waiting = 2;

    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private int _state;

    /// <summary>Wakes the consumer, now or at its next wait.</summary>
    /// <param name="inline">
    /// Run a waiting consumer's continuation on this thread, until it next waits, instead of
    /// queueing it to the thread pool: saves a thread hop when the caller has nothing better to do.
    /// </param>
    public void Set(bool inline = false)
    {
        while (true)
        {
            switch (Volatile.Read(ref _state))
            {
                case Signalled:
                    return;
                case Idle:
                    if (Interlocked.CompareExchange(ref _state, Signalled, Idle) == Idle)
                    {
                        return;
                    }

                    break;
                default:
                    if (Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting)
                    {
                        _core.RunContinuationsAsynchronously = !inline;
                        _core.SetResult(true);
                        return;
                    }

                    break;
            }
        }
    }

    /// <summary>Completes at the next <see cref="Set"/>, or at once when one is pending. One caller at a time.</summary>
    public ValueTask WaitAsync()
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Signalled) == Signalled)
        {
            return ValueTask.CompletedTask;
        }

        _core.Reset();
        if (Interlocked.CompareExchange(ref _state, Waiting, Idle) == Idle)
        {
            return new ValueTask(this, _core.Version);
        }

        // A Set arrived between the two steps: take it.
        Volatile.Write(ref _state, Idle);
        return ValueTask.CompletedTask;
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
