using System.IO.Pipelines;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Qmp.Client;

// The reading side: one loop turns the server's bytes into messages and routes them.
public sealed partial class QmpClient
{
    private bool _greeted;

    private async Task ReadLoopAsync()
    {
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 << 10, minimumReadSize: 4096, leaveOpen: true));
        var splitter = new QJsonMessageSplitter();
        Exception reason;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_closing.Token).ConfigureAwait(false);
                foreach (var segment in result.Buffer)
                {
                    splitter.Feed(segment.Span);
                }

                reader.AdvanceTo(result.Buffer.End);
                while (splitter.TryRead(out var message))
                {
                    Route(message);
                }

                if (result.IsCompleted)
                {
                    reason = new QmpDisconnectedException("the QMP server closed the connection");
                    break;
                }
            }
        }
        catch (QmpProtocolException e)
        {
            reason = e;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            reason = new QmpDisconnectedException("the QMP connection failed: " + e.Message, e);
        }
#pragma warning disable CA1031 // Whatever goes wrong (an event filter that throws), the connection must end cleanly, never hang its callers.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reason = new QmpDisconnectedException("the QMP client's reading loop failed: " + e.Message, e);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }

        Close(reason);
    }

    private void Route(QJsonMessage message)
    {
        if (message.Error is { } error)
        {
            throw new QmpProtocolException($"the QMP server sent bad JSON: {error}");
        }

        if (message.Value is not QDict dict)
        {
            throw new QmpProtocolException($"the QMP server sent a message that is not an object: {QJson.ToJson(message.Value!)}");
        }

        if (!_greeted)
        {
            _greeted = true;
            _greeting.TrySetResult(dict);
            return;
        }

        if (QmpEventMessage.TryParse(dict) is { } @event)
        {
            foreach (var subscription in Volatile.Read(ref _subscriptions))
            {
                subscription.Offer(@event);
            }

            return;
        }

        if (dict.TryGetInt64("id", out var id))
        {
            if (_pending.TryRemove(id, out var call))
            {
                call.TrySetResult(dict);
            }

            // Else the caller gave up (cancelled or timed out); its late reply has no reader.
            return;
        }

        if (!dict.ContainsKey("return") && !dict.ContainsKey("error"))
        {
            throw new QmpProtocolException($"the QMP server sent a message of no known kind: {QJson.ToJson(dict)}");
        }

        // A reply without id answers a request the server could not read; this client sends none.
    }
}
