using System.IO.Pipelines;
using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi.Visitors;
using Machina.Qmp.Internal;
using Machina.Qmp.Schema;

namespace Machina.Qmp.Sessions;

/// <summary>
/// One client's QMP session (QEMU's <c>MonitorQMP</c>): greeting, capabilities negotiation, the
/// in-band request queue, out-of-band execution and the bounded output.
/// </summary>
/// <remarks>
/// <para>Four loops run per session: one reads the transport into a bounded pipe (so a disconnect
/// is seen even while requests wait), one splits that input into messages and routes them, one
/// runs in-band requests in order, one writes output. Out-of-band requests run on the routing
/// loop at once, even while an in-band command runs; events are written from whatever thread
/// emits them, so a slow command delays neither.</para>
/// <para>Commands get the session as <see cref="QmpCommandContext.Monitor"/> and a cancellation
/// token that fires when the client disconnects.</para>
/// </remarks>
public sealed partial class QmpSession
{
    private const int Open = 0;
    private const int Closing = 1;
    private const int Aborted = 2;

    private readonly QmpServer _server;
    private readonly Stream _transport;
    private readonly Pipe _input;
    private readonly QmpOutput _output;
    private readonly QJsonMessageSplitter _splitter = new();
    private readonly CancellationTokenSource _commandsCancellation = new();
    private readonly CancellationTokenSource _inputStop = new();
    private readonly QmpCommandContext _context;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private volatile bool _negotiated;
    private volatile bool _oobEnabled;

    internal QmpSession(QmpServer server, Stream transport, long id, string? peer)
    {
        _server = server;
        _transport = transport;
        Id = id;
        Peer = peer;
        var options = server.Options;
        _input = new Pipe(new PipeOptions(
            pauseWriterThreshold: options.MaxPendingInput,
            resumeWriterThreshold: Math.Max(1, options.MaxPendingInput / 2),
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.Inline,
            useSynchronizationContext: false));
        _output = new QmpOutput(options.MaxPendingOutput, Abort);
        _context = new QmpCommandContext
        {
            Policy = options.Policy,
            Monitor = this,
            CancellationToken = _commandsCancellation.Token,
        };
    }

    /// <summary>The session's number, unique within its server, counting from 1.</summary>
    public long Id { get; }

    /// <summary>Who the client is (a socket's remote end point), when known.</summary>
    public string? Peer { get; }

    /// <summary>True once <c>qmp_capabilities</c> has succeeded: all commands run and events arrive.</summary>
    public bool IsNegotiated => _negotiated;

    /// <summary>True when the client enabled the <c>oob</c> capability.</summary>
    public bool IsOobEnabled => _oobEnabled;

    /// <summary>Completes when the session is over and its transport is closed.</summary>
    public Task Completion => _completion.Task;

    private bool IsClosing => Volatile.Read(ref _state) != Open;

    /// <summary>
    /// Ends the session gracefully: reads nothing more, finishes the in-band command running (queued
    /// ones are dropped, as QEMU drops them), writes all pending output, then disconnects.
    /// </summary>
    public void Close()
    {
        if (Interlocked.CompareExchange(ref _state, Closing, Open) != Open)
        {
            return;
        }

        _inputStop.Cancel();
        _input.Reader.CancelPendingRead();
        WakeLoops();
    }

    /// <summary>Ends the session at once: running commands are cancelled and pending output is dropped.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _state, Aborted) == Aborted)
        {
            return;
        }

        _inputStop.Cancel();
        _commandsCancellation.Cancel();
        _output.Abort();
        _input.Reader.CancelPendingRead();
        WakeLoops();

        // Unblocks a read or write stuck in the transport.
        _transport.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => Peer is null ? $"QMP session {Id}" : $"QMP session {Id} ({Peer})";

    /// <summary>Greets the client and starts the session's loops.</summary>
    internal void Start()
    {
        _output.Write(Greeting());
        _ = RunAsync();
    }

    /// <summary>Passes an event (serialized, with CRLF) on when the session has negotiated.</summary>
    internal void SendEvent(ReadOnlySpan<byte> line)
    {
        if (_negotiated)
        {
            _output.Write(line);
        }
    }

    /// <summary>
    /// <c>qmp_capabilities</c> for this session (QEMU's <c>qmp_qmp_capabilities</c>): fails when
    /// negotiation is over or a capability was not offered; otherwise enables what was asked and
    /// leaves negotiation mode.
    /// </summary>
    internal void NegotiateCapabilities(IReadOnlyList<QMPCapability>? enable)
    {
        lock (_gate)
        {
            if (_negotiated)
            {
                throw new QapiException(QapiErrorClass.CommandNotFound, "Capabilities negotiation is already complete, command ignored");
            }

            var oob = false;
            List<string>? unavailable = null;
            foreach (var capability in enable ?? [])
            {
                if (capability == QMPCapability.Oob && !_server.Options.OfferOob)
                {
                    (unavailable ??= []).Add(capability.ToQapiName());
                }

                oob |= capability == QMPCapability.Oob;
            }

            if (unavailable is not null)
            {
                throw new QapiException($"Capability {string.Join(", ", unavailable)} not available");
            }

            _oobEnabled = oob;
            _negotiated = true;
        }
    }

    private QDict Greeting()
    {
        var capabilities = new QList();
        if (_server.Options.OfferOob)
        {
            capabilities.Add(QMPCapability.Oob.ToQapiName());
        }

        return new QDict
        {
            ["QMP"] = new QDict
            {
                ["version"] = QObjectOutputVisitor.Write(_server.Options.Version),
                ["capabilities"] = capabilities,
            },
        };
    }

    private async Task RunAsync()
    {
        var output = WriteOutputAsync();
        var fill = FillAsync();
        var route = RouteAsync();
        var inBand = RunInBandAsync();
        try
        {
            await route.ConfigureAwait(false);
            await inBand.ConfigureAwait(false);
            _output.Complete();
            await output.ConfigureAwait(false);
            _inputStop.Cancel();
            await fill.ConfigureAwait(false);
        }
        finally
        {
            _commandsCancellation.Cancel();
            Interlocked.Exchange(ref _state, Aborted);
            await _transport.DisposeAsync().ConfigureAwait(false);
            _completion.TrySetResult();
        }
    }

    private async Task WriteOutputAsync()
    {
        try
        {
            await _output.RunAsync(_transport).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or NotSupportedException)
        {
            // The client is gone.
            Abort();
        }
    }

    private void WakeLoops()
    {
        _resumed.Set();
        _requestsReady.Set();
    }
}
