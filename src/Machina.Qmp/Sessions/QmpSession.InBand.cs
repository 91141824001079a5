using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qmp.Internal;

namespace Machina.Qmp.Sessions;

public sealed partial class QmpSession
{
    /// <summary>How many in-band requests may wait with out-of-band execution on (QEMU's <c>QMP_REQ_QUEUE_LEN_MAX</c>); without it, one.</summary>
    public const int MaxQueuedRequests = 8;

    private const string NegotiationHint = "Expecting capabilities negotiation with 'qmp_capabilities'";

    // Guards the queue, the suspend count and the capabilities.
    private readonly Lock _gate = new();
    private readonly Queue<QJsonMessage> _requests = new();
    private readonly AsyncSignal _requestsReady = new();
    private readonly AsyncSignal _resumed = new();

    // QEMU's monitor suspend count: the routing loop takes no message while it is above zero.
    private int _suspendCount;

    /// <summary>
    /// Queues an in-band request. With out-of-band execution off, reading stops after every
    /// request until it has been answered; with it on, once eight wait (QEMU's rules).
    /// </summary>
    private void Enqueue(QJsonMessage message)
    {
        bool oob;
        lock (_gate)
        {
            oob = _oobEnabled;
            if (!oob || _requests.Count == MaxQueuedRequests - 1)
            {
                _suspendCount++;
            }

            _requests.Enqueue(message);
        }

        // Without out-of-band execution the routing loop would only wait for this request's answer,
        // so the in-band loop may as well run on its thread; with it, the routing loop must stay
        // free to read out-of-band requests meanwhile.
        _requestsReady.Set(inline: !oob);
    }

    /// <summary>Waits until the monitor is resumed; false when the session closes meanwhile.</summary>
    private async ValueTask<bool> WaitWhileSuspendedAsync()
    {
        while (Volatile.Read(ref _suspendCount) > 0)
        {
            if (IsClosing)
            {
                return false;
            }

            // What is held goes out before waiting: the reply being waited for may need it first.
            _output.Release();
            await _resumed.WaitAsync().ConfigureAwait(false);
            _output.Hold();
        }

        return !IsClosing;
    }

    private void Resume()
    {
        if (Interlocked.Decrement(ref _suspendCount) == 0)
        {
            _resumed.Set();
        }
    }

    /// <summary>Runs queued in-band requests one after the other (QEMU's <c>monitor_qmp_dispatcher_co</c>).</summary>
    private async Task RunInBandAsync()
    {
        while (true)
        {
            QJsonMessage request;
            bool oobEnabled;
            bool dequeued;
            lock (_gate)
            {
                if (IsClosing)
                {
                    // QEMU answers nothing that was still queued when the monitor closed.
                    _requests.Clear();
                    return;
                }

                dequeued = _requests.TryDequeue(out request);
                oobEnabled = false;
                if (dequeued)
                {
                    // Saved now: qmp_capabilities may turn it on while the request runs.
                    oobEnabled = _oobEnabled;
                    if (oobEnabled && _requests.Count == MaxQueuedRequests - 1)
                    {
                        // The queue has room again: read on while this request runs.
                        Resume();
                    }
                }
            }

            if (!dequeued)
            {
                await _requestsReady.WaitAsync().ConfigureAwait(false);
                continue;
            }

            var response = request.IsError
                ? QmpDispatcher.ErrorResponse(new QapiException(request.Error.Message))
                : await DispatchAsync(request.Value).ConfigureAwait(false);
            if (response is not null)
            {
                _output.Write(response);
            }

            if (!oobEnabled)
            {
                Resume();
            }
        }
    }

    /// <summary>
    /// Runs one request against the session's current command table (QEMU's
    /// <c>monitor_qmp_dispatch</c>); null when there is nothing to send.
    /// </summary>
    private async ValueTask<QDict?> DispatchAsync(QObject request)
    {
        var dispatcher = _negotiated ? _server.Dispatcher : _server.NegotiationDispatcher;
        QDict? response;
        try
        {
            response = await dispatcher.DispatchAsync(request, _oobEnabled, _context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_commandsCancellation.IsCancellationRequested)
        {
            // The client went away while the command ran; nobody is left to answer.
            return null;
        }

        // Still negotiating after the request: a command that was not found gets a better hint.
        if (!_negotiated && response?.GetValueOrDefault("error") is QDict error &&
            error.TryGetString("class", out var errorClass) && errorClass == "CommandNotFound")
        {
            error.Remove("desc");
            error["desc"] = NegotiationHint;
        }

        return response;
    }
}
