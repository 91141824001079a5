using System.Collections.Concurrent;

namespace Machina.Qmp.Internal;

/// <summary>
/// The threads that read sessions' sockets, kept for the next session when one ends: a new
/// connection then costs no thread start, and what a thread has cached (the shared array pool
/// keeps a per-thread cache) serves its next session too.
/// </summary>
/// <remarks>A thread that finds no work for <see cref="IdleTimeout"/> ends.</remarks>
internal static class SessionThreads
{
    /// <summary>How long an idle thread waits for a session before it ends.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentStack<Worker> Idle = new();

    /// <summary>Runs <paramref name="work"/>, which must not throw, on an idle thread or a new one.</summary>
    public static void Run(Action work)
    {
        while (Idle.TryPop(out var worker))
        {
            if (worker.TryAssign(work))
            {
                return;
            }
        }

        new Worker(work).Start();
    }

    private sealed class Worker
    {
        private const int Busy = 0;
        private const int Waiting = 1;
        private const int Ended = 2;

        private readonly SemaphoreSlim _assigned = new(0);
        private readonly Thread _thread;
        private Action? _work;
        private int _state = Busy;

        public Worker(Action work)
        {
            _work = work;
            _thread = new Thread(Loop) { IsBackground = true, Name = "QMP session" };
        }

        public void Start() => _thread.Start();

        public bool TryAssign(Action work)
        {
            if (Interlocked.CompareExchange(ref _state, Busy, Waiting) != Waiting)
            {
                return false;
            }

            _work = work;
            _assigned.Release();
            return true;
        }

        private void Loop()
        {
            while (true)
            {
                var work = _work!;
                _work = null;
                work();

                Volatile.Write(ref _state, Waiting);
                Idle.Push(this);
                if (_assigned.Wait(IdleTimeout))
                {
                    continue;
                }

                if (Interlocked.CompareExchange(ref _state, Ended, Waiting) == Waiting)
                {
                    // Left in the idle stack, where TryAssign passes it over.
                    return;
                }

                // Assigned just as the wait ended: the work is on its way.
                _assigned.Wait();
            }
        }
    }
}
