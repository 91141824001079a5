using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Machina.Qapi;

namespace Machina.Qom.Threads;

/// <summary>
/// A dedicated I/O thread with its own event loop (QEMU's <c>iothread</c>, iothread.c):
/// <c>-object iothread,id=io0</c>. Completing the object starts a real thread named <c>IO ID</c>
/// that runs work handed to it with <see cref="Post"/> or <see cref="RunAsync"/>, in order, until
/// the object is finalised.
/// </summary>
[QomType("iothread", Options = typeof(IothreadProperties))]
public sealed class IoThread : EventLoopBase
{
    /// <summary>The default longest busy-wait before sleeping, in ns (QEMU's <c>IOTHREAD_POLL_MAX_NS_DEFAULT</c> on POSIX).</summary>
    public const long DefaultPollMaxNs = 32768;

    private BlockingCollection<Action>? _work;
    private Thread? _thread;
    private long _pollMaxNs = DefaultPollMaxNs;
    private long _pollGrow;
    private long _pollShrink;

    /// <summary>The longest busy-wait for events before sleeping, in ns (property <c>poll-max-ns</c>).</summary>
    public long PollMaxNs => _pollMaxNs;

    /// <summary>The factor the busy-wait grows by (property <c>poll-grow</c>).</summary>
    public long PollGrow => _pollGrow;

    /// <summary>The factor the busy-wait shrinks by (property <c>poll-shrink</c>).</summary>
    public long PollShrink => _pollShrink;

    /// <summary>The host thread id of the loop's thread; -1 before it runs.</summary>
    public int ThreadId { get; private set; } = -1;

    /// <summary>True while the thread runs.</summary>
    public bool IsRunning => _thread is { IsAlive: true };

    /// <summary>The object's id (QEMU's <c>iothread_get_id</c>).</summary>
    public string? Id => CanonicalPathComponent;

    /// <summary>Queues <paramref name="work"/> to run on the thread.</summary>
    /// <exception cref="InvalidOperationException">The thread is not running.</exception>
    public void Post(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var queue = _work ?? throw new InvalidOperationException($"iothread '{Id}' is not running");
        try
        {
            queue.Add(work);
        }
        catch (InvalidOperationException)
        {
            throw new InvalidOperationException($"iothread '{Id}' is stopping");
        }
    }

    /// <summary>Runs <paramref name="work"/> on the thread and completes when it has run.</summary>
    /// <exception cref="InvalidOperationException">The thread is not running.</exception>
    public Task RunAsync(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    /// <inheritdoc/>
    protected override void Start()
    {
        UpdateParameters(checkOnly: true);

        var queue = new BlockingCollection<Action>();
        var ready = new ManualResetEventSlim();
        var thread = new Thread(() => Run(queue, ready))
        {
            Name = $"IO {CanonicalPathComponent}",
            IsBackground = true,
        };
        _work = queue;
        _thread = thread;
        thread.Start();
        ready.Wait();
        ready.Dispose();
    }

    /// <inheritdoc/>
    protected override void UpdateParameters() => UpdateParameters(checkOnly: false);

    [QomClassInit]
    private static void InitClass(ObjectClass klass)
    {
        AddPollParameter(klass, "poll-max-ns", static t => t._pollMaxNs, static (t, v) => t._pollMaxNs = v);
        AddPollParameter(klass, "poll-grow", static t => t._pollGrow, static (t, v) => t._pollGrow = v);
        AddPollParameter(klass, "poll-shrink", static t => t._pollShrink, static (t, v) => t._pollShrink = v);
    }

    private static void AddPollParameter(ObjectClass klass, string parameter, Func<IoThread, long> load, Action<IoThread, long> store) =>
        klass.AddProperty(
            parameter,
            "int",
            (obj, v, name) =>
            {
                var value = load((IoThread)obj);
                v.VisitInt64(name, ref value);
            },
            (obj, v, name) => store((IoThread)obj, VisitNonNegative(v, name, parameter)));

    // QEMU's iothread_set_aio_context_params: poll and batch parameters cannot fail; the pool bounds can.
    private void UpdateParameters(bool checkOnly)
    {
        if (!checkOnly && _work is null)
        {
            return;
        }

        CheckThreadPool(ThreadPoolMin, ThreadPoolMax);
    }

    private void Run(BlockingCollection<Action> queue, ManualResetEventSlim ready)
    {
        ThreadId = CurrentThreadId();
        ready.Set();
        foreach (var work in queue.GetConsumingEnumerable())
        {
            work();
        }
    }

    [QomInstanceFinalize]
    private void Stop()
    {
        var queue = _work;
        var thread = _thread;
        if (queue is null || thread is null)
        {
            return;
        }

        queue.CompleteAdding();
        if (thread != Thread.CurrentThread)
        {
            thread.Join();
        }

        queue.Dispose();
        _work = null;
        _thread = null;
    }

    private static int CurrentThreadId()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return Native.gettid();
            }
            catch (EntryPointNotFoundException)
            {
                // An old C library without gettid: fall through.
            }
        }

        return Environment.CurrentManagedThreadId;
    }

    private static class Native
    {
        [DllImport("libc")]
        public static extern int gettid();
    }
}
