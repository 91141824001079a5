namespace Machina.Qmp.Client;

/// <summary>How a <see cref="QmpClient"/> connects and behaves.</summary>
public sealed record QmpClientOptions
{
    /// <summary>The options every client gets when none are given.</summary>
    public static QmpClientOptions Default { get; } = new();

    /// <summary>
    /// Whether to enable out-of-band execution when the server offers it (capability <c>oob</c>).
    /// Default true. Without it, <see cref="QmpCallOptions.OutOfBand"/> calls fail before sending.
    /// </summary>
    public bool EnableOutOfBand { get; init; } = true;

    /// <summary>
    /// How long a call waits for its reply unless its <see cref="QmpCallOptions"/> say otherwise;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits for ever. Default infinite: a command such as
    /// <c>migrate</c> or a blocked monitor may take long, and cancellation tokens bound single calls.
    /// </summary>
    public TimeSpan DefaultTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>How long connecting and negotiating may take. Default 30 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many events one subscription holds before it drops its oldest (counted in
    /// <see cref="QmpEventSubscription.Dropped"/>), so a subscriber that stops reading cannot make
    /// the client grow without bound. Default 65536.
    /// </summary>
    public int EventBufferCapacity { get; init; } = 65536;
}

/// <summary>How one call is sent and how long it may wait.</summary>
public readonly record struct QmpCallOptions
{
    /// <summary>
    /// Send the command as <c>exec-oob</c>: the server runs it at once, ahead of queued in-band
    /// commands; only commands with <c>allow-oob</c> accept this, and only when the connection
    /// negotiated out-of-band execution.
    /// </summary>
    public bool OutOfBand { get; init; }

    /// <summary>How long to wait for the reply; null uses <see cref="QmpClientOptions.DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}
