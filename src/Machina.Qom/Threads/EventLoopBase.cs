using Machina.Qapi;
using Machina.Qapi.Visitors;

namespace Machina.Qom.Threads;

/// <summary>
/// What every event loop object has (QEMU's abstract <c>event-loop-base</c>, event-loop-base.c):
/// the batch size for asynchronous I/O and the bounds of its worker thread pool. Completing the
/// object starts the loop; changing a parameter afterwards applies it to the running loop.
/// </summary>
[QomType("event-loop-base", Abstract = true)]
public abstract class EventLoopBase : QomObject, IUserCreatable
{
    /// <summary>The default upper bound of the worker pool (QEMU's <c>THREAD_POOL_MAX_THREADS_DEFAULT</c>).</summary>
    public const long DefaultThreadPoolMax = 64;

    /// <summary>The most requests submitted in one batch; 0 for the default (property <c>aio-max-batch</c>).</summary>
    public long AioMaxBatch { get; private set; }

    /// <summary>The fewest worker threads kept (property <c>thread-pool-min</c>).</summary>
    public long ThreadPoolMin { get; private set; }

    /// <summary>The most worker threads (property <c>thread-pool-max</c>).</summary>
    public long ThreadPoolMax { get; private set; } = DefaultThreadPoolMax;

    /// <summary>Whether object-del may delete the loop now; by default always.</summary>
    public virtual bool CanBeDeleted => true;

    /// <summary>Starts the loop (QEMU's <c>event_loop_base_complete</c>, calling the class's <c>init</c>).</summary>
    /// <exception cref="QapiException">The parameters do not fit together.</exception>
    public void Complete() => Start();

    /// <summary>Starts the loop with the current parameters.</summary>
    /// <exception cref="QapiException">The parameters do not fit together.</exception>
    protected abstract void Start();

    /// <summary>Applies changed parameters to a running loop (QEMU's class <c>update_params</c>); nothing to do before it runs.</summary>
    /// <exception cref="QapiException">The parameters do not fit together.</exception>
    protected abstract void UpdateParameters();

    /// <summary>Checks the worker pool bounds as QEMU's <c>aio_context_set_thread_pool_params</c> does.</summary>
    /// <exception cref="QapiException">"bad thread-pool-min/thread-pool-max values".</exception>
    protected static void CheckThreadPool(long min, long max)
    {
        if (min > max || max == 0 || min > int.MaxValue || max > int.MaxValue)
        {
            throw new QapiException("bad thread-pool-min/thread-pool-max values");
        }
    }

    /// <summary>Reads a non-negative int64 parameter, refusing negatives with QEMU's message.</summary>
    /// <exception cref="QapiException">"NAME value must be in range [0, 9223372036854775807]".</exception>
    protected static long VisitNonNegative(Visitor v, string name, string parameter)
    {
        ArgumentNullException.ThrowIfNull(v);
        long value = 0;
        v.VisitInt64(name, ref value);
        if (value < 0)
        {
            throw new QapiException($"{parameter} value must be in range [0, {long.MaxValue}]");
        }

        return value;
    }

    [QomClassInit]
    private static void InitClass(ObjectClass klass)
    {
        AddParameter(klass, "aio-max-batch", static b => b.AioMaxBatch, static (b, v) => b.AioMaxBatch = v);
        AddParameter(klass, "thread-pool-min", static b => b.ThreadPoolMin, static (b, v) => b.ThreadPoolMin = v);
        AddParameter(klass, "thread-pool-max", static b => b.ThreadPoolMax, static (b, v) => b.ThreadPoolMax = v);
    }

    // The value is stored before the running loop is told, so a refused update leaves it stored, as in QEMU.
    private static void AddParameter(ObjectClass klass, string parameter, Func<EventLoopBase, long> load, Action<EventLoopBase, long> store) =>
        klass.AddProperty(
            parameter,
            "int",
            (obj, v, name) =>
            {
                var value = load((EventLoopBase)obj);
                v.VisitInt64(name, ref value);
            },
            (obj, v, name) =>
            {
                var loop = (EventLoopBase)obj;
                store(loop, VisitNonNegative(v, name, parameter));
                loop.UpdateParameters();
            });
}
