using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Machina.Qmp.Client;

/// <summary>
/// Events of interest, buffered from the moment of subscribing: subscribe, then send the command
/// that triggers the event, then wait, and no event can slip through in between.
/// </summary>
/// <remarks>
/// <para>Enumerate it with <c>await foreach</c> (ends when the connection ends or the subscription is
/// disposed) or take events one by one with <see cref="NextAsync(CancellationToken)"/> (which fails
/// with <see cref="QmpDisconnectedException"/> when the connection ends first).</para>
/// <para>The buffer holds <see cref="QmpClientOptions.EventBufferCapacity"/> events; beyond that the
/// oldest is dropped and counted in <see cref="Dropped"/>. Dispose the subscription when done.</para>
/// </remarks>
public sealed class QmpEventSubscription : IAsyncEnumerable<QmpEventMessage>, IDisposable
{
    private readonly QmpClient _client;
    private readonly Func<QmpEventMessage, bool> _filter;
    private readonly Channel<QmpEventMessage> _events;
    private long _dropped;

    internal QmpEventSubscription(QmpClient client, Func<QmpEventMessage, bool> filter, int capacity)
    {
        _client = client;
        _filter = filter;
        _events = Channel.CreateBounded<QmpEventMessage>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>How many events were dropped because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The next matching event, waiting for it if none is buffered.</summary>
    /// <exception cref="QmpDisconnectedException">The connection ended (or the subscription was disposed) before one came.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<QmpEventMessage> NextAsync(CancellationToken cancellationToken = default)
    {
        while (await _events.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_events.Reader.TryRead(out var message))
            {
                return message;
            }
        }

        throw new QmpDisconnectedException("the QMP connection ended before the event came", _client.CloseReason);
    }

    /// <summary>The next matching event, waiting at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">No matching event came in time.</exception>
    /// <exception cref="QmpDisconnectedException">The connection ended before one came.</exception>
    public async ValueTask<QmpEventMessage> NextAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await NextAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no matching QMP event within {timeout}");
        }
    }

    /// <summary>Takes a buffered event without waiting.</summary>
    public bool TryNext([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out QmpEventMessage message) => _events.Reader.TryRead(out message);

    /// <inheritdoc/>
    public async IAsyncEnumerator<QmpEventMessage> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var message in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }

    /// <summary>Stops buffering; an enumeration in progress ends after the events already buffered.</summary>
    public void Dispose()
    {
        _client.Unsubscribe(this);
        _events.Writer.TryComplete();
    }

    /// <summary>Buffers <paramref name="message"/> if it matches; called on the client's reading thread only.</summary>
    internal void Offer(QmpEventMessage message)
    {
        if (_filter(message))
        {
            _events.Writer.TryWrite(message);
        }
    }

    internal void Complete() => _events.Writer.TryComplete();

    /// <summary>An enumeration that subscribes when it starts (events before that are not seen).</summary>
    internal static async IAsyncEnumerable<QmpEventMessage> Enumerate(QmpClient client, Func<QmpEventMessage, bool> filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = client.Subscribe(filter);
        await foreach (var message in subscription.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }
}
