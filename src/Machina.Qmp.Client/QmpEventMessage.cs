using Machina.QObjects;

namespace Machina.Qmp.Client;

/// <summary>
/// An event the server sent: <c>{"event": NAME, "data": {...}, "timestamp": {"seconds": S, "microseconds": US}}</c>.
/// </summary>
/// <param name="Name">The event's name, such as <c>STOP</c>.</param>
/// <param name="Data">Its <c>data</c> member; null when it has none.</param>
/// <param name="Timestamp">When the server sent it (its wall clock); <see cref="DateTimeOffset.UnixEpoch"/> when the message had no valid timestamp.</param>
/// <param name="Raw">The whole message as received.</param>
public sealed record QmpEventMessage(string Name, QDict? Data, DateTimeOffset Timestamp, QDict Raw)
{
    /// <summary>Reads an event message; null when <paramref name="message"/> is not one.</summary>
    public static QmpEventMessage? TryParse(QDict message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.TryGetString("event", out var name))
        {
            return null;
        }

        message.TryGet<QDict>("data", out var data);
        var timestamp = DateTimeOffset.UnixEpoch;
        if (message.TryGet<QDict>("timestamp", out var time)
            && time.TryGetInt64("seconds", out var seconds)
            && time.TryGetInt64("microseconds", out var microseconds)
            && seconds is >= 0 and < 253402300800 && microseconds is >= 0 and < 1_000_000)
        {
            timestamp = DateTimeOffset.UnixEpoch.AddTicks((seconds * TimeSpan.TicksPerSecond) + (microseconds * 10));
        }

        return new QmpEventMessage(name, data, timestamp, message);
    }
}
