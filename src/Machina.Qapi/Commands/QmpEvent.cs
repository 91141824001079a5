using Machina.QObjects;

namespace Machina.Qapi.Commands;

/// <summary>Builds QMP event messages (QEMU's <c>qmp_event_build_dict</c>).</summary>
public static class QmpEvent
{
    /// <summary>
    /// The message for event <paramref name="name"/>:
    /// <c>{"event": NAME, "timestamp": {"seconds": S, "microseconds": US}, "data": DATA}</c>,
    /// without <c>data</c> when <paramref name="data"/> is null. The timestamp is wall-clock time
    /// from <paramref name="time"/> (the system clock when null), in whole microseconds.
    /// </summary>
    public static QDict Build(string name, QDict? data = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var microseconds = ((time ?? TimeProvider.System).GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        var message = new QDict
        {
            ["event"] = name,
            ["timestamp"] = new QDict
            {
                ["seconds"] = microseconds / 1_000_000,
                ["microseconds"] = microseconds % 1_000_000,
            },
        };
        if (data is not null)
        {
            message["data"] = data;
        }

        return message;
    }
}
