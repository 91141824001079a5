using System.Globalization;
using System.Text;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.TestSupport;

namespace Machina.Qmp.Tests.Load;

/// <summary>Many clients at once: every reply arrives, in order, events reach everyone, and a client that stops reading stalls nobody.</summary>
public sealed class QmpLoadTests
{
    private const int Clients = 100;
    private const int CommandsPerClient = 1000;
    private const int Window = 50;
    private const int Events = 100;

    [Fact]
    public async Task A_hundred_clients_each_get_a_thousand_replies_in_order_and_every_event()
    {
        await using var host = TestServer.Start(new QmpServerOptions { MaxPendingOutput = 256 << 10 });
        var clients = new RawQmpConnection[Clients];
        for (var i = 0; i < Clients; i++)
        {
            clients[i] = await host.ConnectNegotiatedAsync(oob: i % 2 == 0);
        }

        // One more client asks for much and reads nothing; its session must end without holding up the rest.
        var stalled = await host.ConnectNegotiatedAsync();
        var stalledSession = host.Server.Sessions.Single(s => s.Id == Clients + 1);
        var padding = new string('p', 4000);
        var flooding = Task.Run(async () =>
        {
            try
            {
                await stalled.SendAsync(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"execute\": \"query-status\", \"id\": \"{padding}{i}\"}}")));
            }
            catch (IOException)
            {
                // The server hung up on it midway: what it is there for.
            }
        }, TestContext.Current.CancellationToken);

        var emitting = Task.Run(async () =>
        {
            for (var i = 0; i < Events; i++)
            {
                host.Server.EmitEvent("RESET", new QDict { ["guest"] = false, ["reason"] = "host-qmp-system-reset", ["n"] = i });
                await Task.Delay(1);
            }
        }, TestContext.Current.CancellationToken);

        var results = await Task.WhenAll(clients.Select((c, i) => Task.Run(() => RunClientAsync(c, i), TestContext.Current.CancellationToken)));
        await emitting;
        await stalledSession.Completion.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        await flooding;

        // Each client drains the events still in flight with one last request after the last event.
        for (var i = 0; i < Clients; i++)
        {
            var events = results[i];
            await clients[i].SendAsync("""{"execute": "query-status", "id": "last"}""");
            while ((await clients[i].ReadLineTextAsync())! is var line && !line.Contains("\"id\": \"last\"", StringComparison.Ordinal))
            {
                events.Add(EventNumber(line));
            }

            Assert.Equal(Enumerable.Range(0, Events), events);
            await clients[i].DisposeAsync();
        }

        await stalled.DisposeAsync();
    }

    // Sends the commands in windows, checks each reply's id in order, and returns the numbers of the events seen.
    private static async Task<List<int>> RunClientAsync(RawQmpConnection client, int index)
    {
        var events = new List<int>();
        var next = 0;
        while (next < CommandsPerClient)
        {
            var batch = new StringBuilder();
            var end = Math.Min(next + Window, CommandsPerClient);
            for (var i = next; i < end; i++)
            {
                batch.Append(CultureInfo.InvariantCulture, $"{{\"execute\": \"{(i % 3 == 0 ? "query-version" : "query-status")}\", \"id\": [{index}, {i}]}}");
            }

            await client.SendAsync(batch.ToString());
            for (var i = next; i < end;)
            {
                var line = (await client.ReadLineTextAsync())!;
                if (line.StartsWith("{\"timestamp\"", StringComparison.Ordinal))
                {
                    events.Add(EventNumber(line));
                    continue;
                }

                Assert.EndsWith($", \"id\": [{index}, {i}]}}\r\n", line, StringComparison.Ordinal);
                Assert.StartsWith("{\"return\": {", line, StringComparison.Ordinal);
                i++;
            }

            next = end;
        }

        return events;
    }

    private static int EventNumber(string line)
    {
        var data = (QDict)((QDict)QJson.Parse(line))["data"];
        Assert.True(data.TryGetInt64("n", out var n));
        return (int)n;
    }
}
