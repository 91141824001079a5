using System.Buffers;
using System.Collections.Concurrent;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi.Commands;

namespace Machina.Qmp.Client;

/// <summary>
/// A QMP client: connects to QEMU (or any QMP server), negotiates, and runs commands with their
/// replies matched by <c>id</c>, so any number of calls can be in flight at once.
/// </summary>
/// <remarks>
/// <para><b>Data path.</b> Requests are written as compact JSON, one message per write, under a
/// lock (so concurrent calls never interleave bytes). One reading loop takes the server's bytes
/// from a <see cref="System.IO.Pipelines.PipeReader"/>, splits them into messages with QEMU's own
/// streaming splitter (<see cref="QJsonMessageSplitter"/>), and routes each: a reply completes the
/// call with its <c>id</c>, an event goes to every matching <see cref="QmpEventSubscription"/>.</para>
/// <para><b>Failure.</b> An error reply raises <see cref="QmpErrorException"/> with the class and
/// text; a call that outlives its timeout raises <see cref="TimeoutException"/>; cancelling a
/// call's token raises <see cref="OperationCanceledException"/> (the server may still run the
/// command; its late reply is dropped). When the connection ends, every waiting call fails with
/// <see cref="QmpDisconnectedException"/>, at once.</para>
/// <para>Typed calls are the extension methods generated from a QAPI schema
/// (<c>Machina.Qmp.Qemu</c> for QEMU 7.2: <c>await client.QueryStatusAsync()</c>). All members
/// are thread-safe. docs/qmp-client.md describes the whole client.</para>
/// </remarks>
public sealed partial class QmpClient : IQmpCommandSender, IAsyncDisposable, IDisposable
{
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _writeBuffer = new(1024);
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly Lock _subscriptionsLock = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<QDict> _greeting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private QmpEventSubscription[] _subscriptions = [];
    private Task _readLoop = Task.CompletedTask;
    private Exception? _closeReason;
    private long _nextId;

    private QmpClient(Stream stream, QmpClientOptions options)
    {
        _stream = stream;
        Options = options;
    }

    /// <summary>The options the client was made with.</summary>
    public QmpClientOptions Options { get; }

    /// <summary>The server's greeting.</summary>
    public QmpGreeting Greeting { get; private set; } = null!;

    /// <summary>Whether out-of-band execution was negotiated (<see cref="QmpCallOptions.OutOfBand"/> works).</summary>
    public bool OutOfBandEnabled { get; private set; }

    /// <summary>False once the connection has ended, for whatever reason.</summary>
    public bool IsConnected => Volatile.Read(ref _closeReason) is null;

    /// <summary>Completes when the connection ends (it never fails).</summary>
    public Task Completion => _completion.Task;

    /// <summary>Why the connection ended; null while it is open.</summary>
    public Exception? CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>Runs <paramref name="command"/> and returns the reply's <c>return</c> value.</summary>
    /// <param name="command">The command's name, such as <c>query-status</c>.</param>
    /// <param name="arguments">Its arguments; null sends none.</param>
    /// <param name="cancellationToken">Stops waiting for the reply.</param>
    /// <exception cref="QmpErrorException">The server replied with an error.</exception>
    /// <exception cref="QmpDisconnectedException">The connection ended before the reply came.</exception>
    /// <exception cref="TimeoutException">No reply within <see cref="QmpClientOptions.DefaultTimeout"/>.</exception>
    public Task<QObject> ExecuteAsync(string command, QDict? arguments = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(command, arguments, default, cancellationToken);

    /// <summary>Runs <paramref name="command"/> with per-call <paramref name="options"/> (out-of-band, timeout).</summary>
    /// <inheritdoc cref="ExecuteAsync(string, QDict?, CancellationToken)"/>
    /// <param name="command">The command's name.</param>
    /// <param name="arguments">Its arguments; null sends none.</param>
    /// <param name="options">How to send it and how long to wait.</param>
    /// <param name="cancellationToken">Stops waiting for the reply.</param>
    /// <exception cref="InvalidOperationException">Out-of-band was asked for but not negotiated.</exception>
    public async Task<QObject> ExecuteAsync(string command, QDict? arguments, QmpCallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        if (options.OutOfBand && !OutOfBandEnabled)
        {
            throw new InvalidOperationException($"cannot run '{command}' out of band: the connection did not negotiate the 'oob' capability");
        }

        var request = new QDict(3) { [options.OutOfBand ? "exec-oob" : "execute"] = command };
        if (arguments is not null)
        {
            request["arguments"] = arguments;
        }

        var reply = await CallAsync(command, request, options.Timeout, cancellationToken).ConfigureAwait(false);
        return ResultOf(command, reply);
    }

    /// <summary>
    /// Sends <paramref name="request"/> (a whole message such as <c>{"execute": "stop"}</c>) and
    /// returns the whole reply, error replies included, without raising for them: what a shell
    /// needs for JSON typed by a person. The client puts its own <c>id</c> on the wire and gives the
    /// reply back with the request's <c>id</c> (or none), as the server would.
    /// </summary>
    /// <exception cref="QmpDisconnectedException">The connection ended before the reply came.</exception>
    /// <exception cref="TimeoutException">No reply in time.</exception>
    public async Task<QDict> SendRequestAsync(QDict request, QmpCallOptions options = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = (QDict)request.DeepClone();
        copy.Remove("id", out var theirId);
        var name = copy.TryGetString("execute", out var execute) ? execute : copy.TryGetString("exec-oob", out var oob) ? oob : "request";
        var reply = await CallAsync(name, copy, options.Timeout, cancellationToken).ConfigureAwait(false);
        var result = (QDict)reply.DeepClone();
        result.Remove("id");
        if (theirId is not null)
        {
            result["id"] = theirId;
        }

        return result;
    }

    /// <summary>Subscribes to the events named <paramref name="names"/> (every event when none are given).</summary>
    /// <remarks>Events are buffered from this call on: subscribe before sending the command that triggers them.</remarks>
    public QmpEventSubscription Subscribe(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length == 0)
        {
            return Subscribe(static _ => true);
        }

        var set = new HashSet<string>(names, StringComparer.Ordinal);
        return Subscribe(e => set.Contains(e.Name));
    }

    /// <summary>Subscribes to the events that satisfy <paramref name="filter"/>.</summary>
    /// <remarks>
    /// The filter runs on the client's reading thread for every event: keep it quick and never
    /// let it throw (an exception from it ends the connection).
    /// </remarks>
    public QmpEventSubscription Subscribe(Func<QmpEventMessage, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var subscription = new QmpEventSubscription(this, filter, Options.EventBufferCapacity);
        lock (_subscriptionsLock)
        {
            if (!IsConnected)
            {
                subscription.Complete();
                return subscription;
            }

            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    /// <summary>
    /// The events named <paramref name="name"/> (all when null) from when enumeration starts until the
    /// connection ends. To catch an event a command is about to cause, use <see cref="Subscribe(string[])"/> first.
    /// </summary>
    public IAsyncEnumerable<QmpEventMessage> EventsAsync(string? name = null, CancellationToken cancellationToken = default) =>
        QmpEventSubscription.Enumerate(this, name is null ? static _ => true : e => e.Name == name, cancellationToken);

    /// <summary>Closes the connection; waiting calls fail with <see cref="QmpDisconnectedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        Close(new QmpDisconnectedException("the QMP client was disposed"));
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }

        _writeLock.Dispose();
        _closing.Dispose();
    }

    /// <summary>Closes the connection (as <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal void Unsubscribe(QmpEventSubscription subscription)
    {
        lock (_subscriptionsLock)
        {
            var index = Array.IndexOf(_subscriptions, subscription);
            if (index >= 0)
            {
                _subscriptions = [.. _subscriptions[..index], .. _subscriptions[(index + 1)..]];
            }
        }
    }

    private static QObject ResultOf(string command, QDict reply)
    {
        if (reply.TryGetValue("return", out var value))
        {
            return value;
        }

        if (reply.TryGet<QDict>("error", out var error))
        {
            var className = error.TryGetString("class", out var c) ? c : "GenericError";
            var description = error.TryGetString("desc", out var d) ? d : string.Empty;
            throw new QmpErrorException(command, className, description);
        }

        throw new QmpProtocolException($"reply to '{command}' has neither 'return' nor 'error': {QJson.ToJson(reply)}");
    }

    /// <summary>Sends <paramref name="request"/> with a fresh id and waits for the reply with that id.</summary>
    private async Task<QDict> CallAsync(string command, QDict request, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = Interlocked.Increment(ref _nextId);
        var call = new PendingCall();
        _pending[id] = call;
        try
        {
            if (CloseReason is { } reason)
            {
                throw Disconnected(command, reason);
            }

            request["id"] = id;
            await SendAsync(command, request, cancellationToken).ConfigureAwait(false);
            var limit = timeout ?? Options.DefaultTimeout;
            if (limit == Timeout.InfiniteTimeSpan)
            {
                return await call.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await call.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"QMP command '{command}' got no reply within {limit}");
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task SendAsync(string command, QDict request, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writeBuffer.ResetWrittenCount();
            QJson.Write(request, _writeBuffer);

            // Not cancellable by the call: half a message would break the connection for everyone.
            await _stream.WriteAsync(_writeBuffer.WrittenMemory, _closing.Token).ConfigureAwait(false);
            await _stream.FlushAsync(_closing.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = CloseReason ?? e;
            Close(new QmpDisconnectedException("writing to the QMP server failed: " + e.Message, e));
            throw Disconnected(command, reason);
        }
        finally
        {
            _writeBuffer.ResetWrittenCount();
            if (_writeBuffer.Capacity > 1 << 20)
            {
                // A huge request must not pin its buffer for the connection's life.
                _writeBuffer.Clear();
            }

            ReleaseWriteLock();
        }
    }

    private void ReleaseWriteLock()
    {
        try
        {
            _writeLock.Release();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static QmpDisconnectedException Disconnected(string command, Exception reason) =>
        new($"QMP command '{command}' failed: {reason.Message}", reason);

    /// <summary>Ends the connection once: fails waiting calls, ends subscriptions, closes the stream.</summary>
    private void Close(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _closeReason, reason, null) is not null)
        {
            return;
        }

        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        _stream.Dispose();
        _greeting.TrySetException(reason);
        foreach (var (id, call) in _pending)
        {
            if (_pending.TryRemove(id, out _))
            {
                call.TrySetException(new QmpDisconnectedException(reason.Message, reason));
            }
        }

        QmpEventSubscription[] subscriptions;
        lock (_subscriptionsLock)
        {
            subscriptions = _subscriptions;
            _subscriptions = [];
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Complete();
        }

        _completion.TrySetResult();
    }

    /// <summary>A call waiting for its reply.</summary>
    private sealed class PendingCall() : TaskCompletionSource<QDict>(TaskCreationOptions.RunContinuationsAsynchronously);
}
