namespace Machina.Qmp.Events;

/// <summary>
/// A rate limit on one event (QEMU's <c>monitor_qapi_event_conf</c>): at most one such event per
/// <see cref="Interval"/>. One sent within the interval after another is held back; when the
/// interval ends, the last one held is sent (with its own timestamp) and the others are dropped.
/// </summary>
/// <param name="Event">The event's name, for example <c>RTC_CHANGE</c>.</param>
/// <param name="Interval">The least time between two such events.</param>
/// <param name="KeyMember">
/// When not null, events are limited separately for each value of this string member of their
/// data (QEMU does so for <c>VSERPORT_CHANGE</c> by <c>id</c>, for example); otherwise all events
/// of the name share one limit.
/// </param>
public sealed record QmpEventRateLimit(string Event, TimeSpan Interval, string? KeyMember = null)
{
    /// <summary>The events QEMU 7.2 limits: those a guest can cause, one per second.</summary>
    public static IReadOnlyList<QmpEventRateLimit> QemuDefaults { get; } =
    [
        new("RTC_CHANGE", TimeSpan.FromSeconds(1)),
        new("WATCHDOG", TimeSpan.FromSeconds(1)),
        new("BALLOON_CHANGE", TimeSpan.FromSeconds(1)),
        new("QUORUM_REPORT_BAD", TimeSpan.FromSeconds(1), "node-name"),
        new("QUORUM_FAILURE", TimeSpan.FromSeconds(1)),
        new("VSERPORT_CHANGE", TimeSpan.FromSeconds(1), "id"),
        new("MEMORY_DEVICE_SIZE_CHANGE", TimeSpan.FromSeconds(1), "qom-path"),
    ];
}
