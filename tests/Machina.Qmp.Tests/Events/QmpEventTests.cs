using Machina.QObjects;
using Machina.Qmp.Events;
using Machina.Qmp.Schema;
using Machina.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Machina.Qmp.Tests.Events;

/// <summary>Event messages and QEMU's rate limits, on a fake clock.</summary>
public sealed class QmpEventTests
{
    // 2023-11-14 22:13:20.123456 UTC.
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddTicks(1_234_560);

    [Fact]
    public async Task An_event_carries_the_time_it_was_emitted_in_seconds_and_microseconds()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = TestServer.Start(new QmpServerOptions { TimeProvider = clock });
        await using var client = await host.ConnectNegotiatedAsync();
        host.Server.EmitEvent("STOP");
        Assert.Equal("""{"timestamp": {"seconds": 1700000000, "microseconds": 123456}, "event": "STOP"}""" + "\r\n", await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task A_typed_event_goes_out_with_the_server_clock_and_the_rate_limits()
    {
        // The held-back one keeps the time it was emitted at, as QEMU's held events do.
        var clock = new FakeTimeProvider(Start);
        await using var host = TestServer.Start(new QmpServerOptions
        {
            TimeProvider = clock,
            EventRateLimits = [new QmpEventRateLimit("RESET", TimeSpan.FromSeconds(1))],
        });
        await using var client = await host.ConnectNegotiatedAsync();
        host.Server.Events.SendReset(guest: true, reason: ShutdownCause.GuestReset);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        host.Server.Events.SendReset(guest: false, reason: ShutdownCause.HostQmpSystemReset);
        Assert.Equal(
            """{"timestamp": {"seconds": 1700000000, "microseconds": 123456}, "event": "RESET", "data": {"guest": true, "reason": "guest-reset"}}""" + "\r\n",
            await client.ReadLineTextAsync());
        await AssertNothingPendingAsync(client);
        clock.Advance(TimeSpan.FromMilliseconds(750));
        Assert.Equal(
            """{"timestamp": {"seconds": 1700000000, "microseconds": 373456}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}""" + "\r\n",
            await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task A_limited_event_is_held_back_and_only_the_last_one_is_sent_when_the_interval_ends()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = TestServer.Start(new QmpServerOptions { TimeProvider = clock });
        await using var client = await host.ConnectNegotiatedAsync();

        host.Server.EmitEvent("RTC_CHANGE", new QDict { ["offset"] = 1 });
        clock.Advance(TimeSpan.FromMilliseconds(100));
        host.Server.EmitEvent("RTC_CHANGE", new QDict { ["offset"] = 2 });
        clock.Advance(TimeSpan.FromMilliseconds(100));
        host.Server.EmitEvent("RTC_CHANGE", new QDict { ["offset"] = 3 });
        Assert.Equal(Rtc(0, 1), await client.ReadLineTextAsync());
        await AssertNothingPendingAsync(client);

        // At the end of the second the last one goes out with its own timestamp; the second is dropped.
        clock.Advance(TimeSpan.FromMilliseconds(800));
        Assert.Equal(Rtc(200_000, 3), await client.ReadLineTextAsync());

        // A new interval started then: the next one waits again.
        host.Server.EmitEvent("RTC_CHANGE", new QDict { ["offset"] = 4 });
        await AssertNothingPendingAsync(client);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Rtc(1_000_000, 4), await client.ReadLineTextAsync());

        // A quiet interval ends the limit: the next event goes out at once.
        clock.Advance(TimeSpan.FromSeconds(1));
        host.Server.EmitEvent("RTC_CHANGE", new QDict { ["offset"] = 5 });
        Assert.Equal(Rtc(3_000_000, 5), await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task Events_limited_per_key_are_limited_separately()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = TestServer.Start(new QmpServerOptions { TimeProvider = clock });
        await using var client = await host.ConnectNegotiatedAsync();

        host.Server.EmitEvent("VSERPORT_CHANGE", new QDict { ["id"] = "a", ["open"] = true });
        host.Server.EmitEvent("VSERPORT_CHANGE", new QDict { ["id"] = "b", ["open"] = true });
        host.Server.EmitEvent("VSERPORT_CHANGE", new QDict { ["id"] = "a", ["open"] = false });
        Assert.Contains("\"id\": \"a\"", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        Assert.Contains("\"id\": \"b\"", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        await AssertNothingPendingAsync(client);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("\"open\": false", await client.ReadLineTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_not_in_the_table_are_never_held_back()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = TestServer.Start(new QmpServerOptions { TimeProvider = clock });
        await using var client = await host.ConnectNegotiatedAsync();
        for (var i = 0; i < 3; i++)
        {
            host.Server.EmitEvent("STOP");
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("\"event\": \"STOP\"", await client.ReadLineTextAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_negotiated_session_gets_every_event_in_the_same_order()
    {
        await using var host = TestServer.Start();
        var clients = new List<RawQmpConnection>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await host.ConnectNegotiatedAsync());
        }

        var emitters = Enumerable.Range(0, 4).Select(e => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                host.Server.EmitEvent("RESET", new QDict { ["guest"] = true, ["reason"] = $"{e}-{i}" });
            }
        })).ToArray();
        await Task.WhenAll(emitters);

        List<string>? first = null;
        foreach (var client in clients)
        {
            var reasons = new List<string>();
            for (var i = 0; i < 200; i++)
            {
                var line = (await client.ReadLineTextAsync())!;
                reasons.Add(line[line.IndexOf("\"reason\"", StringComparison.Ordinal)..]);
            }

            first ??= reasons;
            Assert.Equal(first, reasons);
            await client.DisposeAsync();
        }
    }

    private static string Rtc(long microsecondsAfterStart, int offset)
    {
        var micros = 1_700_000_000_123_456L + microsecondsAfterStart;
        return "{\"timestamp\": {\"seconds\": " + (micros / 1_000_000) + ", \"microseconds\": " + (micros % 1_000_000) +
            "}, \"event\": \"RTC_CHANGE\", \"data\": {\"offset\": " + offset + "}}\r\n";
    }

    // The next line is the reply to a request sent now: no event was waiting before it.
    private static async Task AssertNothingPendingAsync(RawQmpConnection client)
    {
        await client.SendAsync("""{"execute": "query-status", "id": "probe"}""");
        Assert.Contains("\"id\": \"probe\"", await client.ReadLineTextAsync(), StringComparison.Ordinal);
    }
}
