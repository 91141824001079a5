using Machina.QObjects;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Commands;

/// <summary>
/// The base of generated event emitters (QEMU's <c>qapi_event_send_FOO</c> functions): builds each
/// event's message, applies the output compatibility policy, and hands the message to a sink.
/// </summary>
/// <typeparam name="TEvent">The schema's event enum.</typeparam>
public abstract class QmpEventEmitter<TEvent>
    where TEvent : struct, Enum
{
    private readonly Action<TEvent, QDict> _sink;
    private readonly TimeProvider? _time;

    /// <summary>An emitter handing messages to <paramref name="sink"/>, timestamped from <paramref name="time"/> (the system clock when null).</summary>
    protected QmpEventEmitter(Action<TEvent, QDict> sink, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _time = time;
    }

    /// <summary>
    /// The compatibility policy (QEMU's <c>-compat</c>): with <c>deprecated-output=hide</c> a
    /// deprecated event is not sent and deprecated members are left out of the data; likewise for unstable.
    /// </summary>
    public CompatPolicy Policy { get; set; } = new();

    /// <summary>Sends an event without data, unless the policy hides it.</summary>
    protected void Emit(TEvent @event, string name, QapiSpecialFeatures features)
    {
        if (!Policy.HidesOutput(features))
        {
            _sink(@event, QmpEvent.Build(name, null, _time));
        }
    }

    /// <summary>
    /// Sends an event with <paramref name="data"/>, unless the policy hides it; data that comes out
    /// empty (every member absent or hidden) is left out of the message, as QEMU does.
    /// </summary>
    protected void Emit<TData>(TEvent @event, string name, TData data, QapiSpecialFeatures features)
        where TData : class, IQapiType<TData>
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Policy.HidesOutput(features))
        {
            return;
        }

        var written = (QDict)QObjectOutputVisitor.Write(data, Policy);
        _sink(@event, QmpEvent.Build(name, written.Count > 0 ? written : null, _time));
    }
}
