using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.TestSupport;

using Machina.Qom.Tests.Commands;

namespace Machina.Tests;

/// <summary>
/// The scripted session of issue 8 (Data/qemu-qom-session.txt: negotiation; qom-list of <c>/</c> and
/// <c>/machine</c>; qom-get of <c>type</c>; the errors for a missing path, a missing property and an
/// ambiguous partial path; object-add of <c>secret</c> and <c>memory-backend-ram</c>; qom-get and
/// qom-set on them; qom-list-types with and without <c>abstract</c> and <c>implements</c>;
/// object-del; object-add of a duplicate id, an unknown type, a bad value; <c>info qom-tree</c>; the
/// run state) sent to <c>machina -machine none</c> and to <c>qemu-system-x86_64 -machine none</c>,
/// both live, over their QMP sockets. Every reply and event must be equal.
/// </summary>
/// <remarks>
/// Allowed differences: the greeting's version; event timestamps; the order of qom-list,
/// qom-list-properties and qom-list-types entries (QEMU's is its hash tables'); qom-list-types
/// compared over the types both have; the entries of what other parts make in QEMU (the monitor's
/// <c>/chardevs</c>, qdev's <c>sysbus</c>).
/// </remarks>
public sealed class SideBySideTests
{
    private static readonly HashSet<string> LeftToOtherParts = ["chardevs", "sysbus"];

    [Fact]
    public async Task Machina_and_qemu_answer_the_session_alike()
    {
        QemuProcess.Require();
        var steps = RecordedSession.Load("qemu-qom-session.txt");
        using var folder = new TempFolder();
        await using var machina = MachinaProcess.StartMachina(
            "-machine", "none", "-nodefaults", "-display", "none", "-qmp", $"unix:{folder["qmp.sock"]},server=on,wait=off");
        await using var qemu = await QemuProcess.StartAsync();
        await machina.WaitForFileAsync(folder["qmp.sock"]);
        await using var machinaClient = await RawQmpConnection.ConnectUnixAsync(folder["qmp.sock"]);
        await using var qemuClient = await qemu.ConnectAsync();
        Assert.Equal(Greeting(await qemuClient.ReadLineTextAsync()), Greeting(await machinaClient.ReadLineTextAsync()));

        var qemuTypes = new HashSet<string>();
        var machinaTypes = new HashSet<string>();
        var failures = new List<string>();
        foreach (var step in steps)
        {
            var fromQemu = await RunAsync(qemuClient, step.Request);
            var fromMachina = await RunAsync(machinaClient, step.Request);
            var command = ((QDict)QJson.Parse(step.Request)).TryGetString("execute", out var name) ? name : "";
            if (command == "qom-list-types")
            {
                qemuTypes = Names(fromQemu.Reply);
                machinaTypes = Names(fromMachina.Reply);
            }

            var shared = new HashSet<string>(qemuTypes.Intersect(machinaTypes));
            var expected = Normalize(command, fromQemu, shared);
            var actual = Normalize(command, fromMachina, shared);
            if (expected != actual)
            {
                failures.Add($"{step}\n  QEMU:    {expected}\n  machina: {actual}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static string Greeting(string? line)
    {
        var greeting = (QDict)QJson.Parse(line!);
        ((QDict)greeting["QMP"]).Remove("version");
        return QJson.ToJson(greeting, QJsonWriterOptions.Wire);
    }

    // Sends a request; returns the events that came before the reply, then the reply.
    private static async Task<(List<QDict> Events, QDict Reply)> RunAsync(RawQmpConnection client, string request)
    {
        await client.SendAsync(request + "\n");
        var events = new List<QDict>();
        while (true)
        {
            var line = await client.ReadLineTextAsync() ?? throw new InvalidOperationException($"connection closed after {request}");
            var message = (QDict)QJson.Parse(line);
            if (!message.ContainsKey("event"))
            {
                return (events, message);
            }

            message.Remove("timestamp");
            events.Add(message);
        }
    }

    private static HashSet<string> Names(QDict reply) =>
        reply.TryGetValue("return", out var list) && list is QList entries
            ? [.. entries.Cast<QDict>().Select(e => e.TryGetString("name", out var n) ? n : "")]
            : [];

    private static string Normalize(string command, (List<QDict> Events, QDict Reply) result, HashSet<string> sharedTypes)
    {
        var events = string.Join(" ", result.Events.Select(e => QJson.ToJson(e, QJsonWriterOptions.Wire)));
        var reply = result.Reply;
        if (command is "qom-list" or "qom-list-properties" or "qom-list-types" && reply.TryGetValue("return", out var value) && value is QList list)
        {
            var entries = list.Cast<QDict>()
                .Where(e => e.TryGetString("name", out var n) && (command == "qom-list-types" ? sharedTypes.Contains(n) : !LeftToOtherParts.Contains(n)))
                .Select(e => QJson.ToJson(e, QJsonWriterOptions.Wire))
                .Order(StringComparer.Ordinal);
            return $"{events} [{string.Join(", ", entries)}]";
        }

        if (reply.TryGetValue("id", out _))
        {
            reply.Remove("id");
        }

        return $"{events} {QJson.ToJson(reply, QJsonWriterOptions.Wire)}";
    }
}
