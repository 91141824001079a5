using Machina.QObjects;

namespace Machina.Qmp.Events;

/// <summary>
/// Applies <see cref="QmpEventRateLimit"/>s before events reach the sessions (QEMU's
/// <c>monitor_qapi_event_queue</c> and <c>monitor_qapi_event_handler</c>). The limits are global,
/// not per session, as in QEMU.
/// </summary>
internal sealed class QmpEventThrottle : IDisposable
{
    private readonly Dictionary<string, QmpEventRateLimit> _limits = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Event, string? Key), Window> _windows = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Action<QDict> _send;
    private bool _disposed;

    /// <summary>A throttle that passes events on to <paramref name="send"/>.</summary>
    public QmpEventThrottle(IEnumerable<QmpEventRateLimit> limits, TimeProvider time, Action<QDict> send)
    {
        foreach (var limit in limits)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit.Interval, TimeSpan.Zero, nameof(limits));
            _limits[limit.Event] = limit;
        }

        _time = time;
        _send = send;
    }

    /// <summary>Sends <paramref name="message"/> now, or holds it back when its event is within its interval.</summary>
    public void Emit(string name, QDict message)
    {
        if (!_limits.TryGetValue(name, out var limit))
        {
            _send(message);
            return;
        }

        string? key = null;
        if (limit.KeyMember is { } member && message.GetValueOrDefault("data") is QDict data)
        {
            data.TryGetString(member, out key);
        }

        // Sending under the lock keeps a held-back event from overtaking a newer one.
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_windows.TryGetValue((name, key), out var window))
            {
                window.Held = message;
                return;
            }

            _send(message);
            window = new Window(this, name, key, limit.Interval);
            _windows[(name, key)] = window;
            window.Start();
        }
    }

    /// <summary>Stops every timer; held events are dropped.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var window in _windows.Values)
            {
                window.Timer?.Dispose();
            }

            _windows.Clear();
        }
    }

    private void OnIntervalEnded(Window window)
    {
        lock (_gate)
        {
            if (_disposed || !_windows.TryGetValue((window.Event, window.Key), out var current) || current != window)
            {
                return;
            }

            if (window.Held is { } held)
            {
                // Send the last one held and start a new interval from now.
                window.Held = null;
                _send(held);
                window.Timer!.Change(window.Interval, Timeout.InfiniteTimeSpan);
            }
            else
            {
                window.Timer!.Dispose();
                _windows.Remove((window.Event, window.Key));
            }
        }
    }

    private sealed class Window(QmpEventThrottle owner, string @event, string? key, TimeSpan interval)
    {
        public string Event { get; } = @event;

        public string? Key { get; } = key;

        public TimeSpan Interval { get; } = interval;

        public QDict? Held { get; set; }

        public ITimer? Timer { get; private set; }

        public void Start() =>
            Timer = owner._time.CreateTimer(static state => ((Window)state!).Fire(), this, Interval, Timeout.InfiniteTimeSpan);

        private void Fire() => owner.OnIntervalEnded(this);
    }
}
