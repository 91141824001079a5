using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.Qom.Commands;
using Machina.Qom.Machines;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Qom.Tests.Commands;

/// <summary>
/// Replays Data/qemu-qom-session.txt, recorded from <c>qemu-system-x86_64 -machine none -nodefaults
/// -display none -qmp stdio</c> (QEMU 7.2), through Machina's QOM commands on a Machina
/// <c>-machine none</c>, and checks every reply, byte for byte where QEMU's order is defined.
/// </summary>
/// <remarks>
/// What Machina leaves to other parts is left out of QEMU's answers before comparing: the
/// monitor's chardev (<c>/chardevs</c>, created by the QMP server) and qdev's system bus
/// (<c>/machine/unattached/sysbus</c>). Lists whose order is QEMU's hash-table order
/// (<c>qom-list</c>, <c>qom-list-properties</c>, <c>qom-list-types</c>) are compared as sets;
/// <c>qom-list-types</c> only over the types both have. The run-state requests (<c>query-status</c>,
/// <c>stop</c>, <c>cont</c>) belong to the QMP server's machine and are left out here;
/// tests/Machina.Tests replays the whole session through the machina program.
/// </remarks>
public sealed class QemuSessionTests
{
    private static readonly HashSet<string> LeftToOtherParts = ["chardevs", "sysbus"];
    private static readonly HashSet<string> RunStateCommands = ["query-status", "stop", "cont"];


    [Fact]
    public async Task Every_reply_matches_what_qemu_answered()
    {
        var session = new MachinaSession();
        var failures = new List<string>();
        foreach (var step in RecordedSession.Load("qemu-qom-session.txt"))
        {
            if (((QDict)QJson.Parse(step.Request)).TryGetString("execute", out var name) && RunStateCommands.Contains(name))
            {
                continue;
            }

            var (reply, events) = await session.RunAsync(step.Request);
            var problem = Compare(step, reply, events, session.Runtime);
            if (problem is not null)
            {
                failures.Add($"{step}\n  QEMU:    {step.Reply}\n  Machina: {reply}\n  {problem}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static string? Compare(RecordedStep step, string reply, IReadOnlyList<string> events, QomRuntime runtime)
    {
        if (!events.SequenceEqual(step.Events))
        {
            return $"events differ: QEMU [{string.Join(", ", step.Events)}], Machina [{string.Join(", ", events)}]";
        }

        var command = ((QDict)QJson.Parse(step.Request)).TryGetString("execute", out var name) ? name : "";
        var expected = (QDict)QJson.Parse(step.Reply);
        var actual = (QDict)QJson.Parse(reply);
        if (!expected.TryGetValue("return", out var expectedList) || expectedList is not QList qemuList
            || command is not ("qom-list" or "qom-list-properties" or "qom-list-types"))
        {
            return reply == step.Reply ? null : "replies differ";
        }

        if (!actual.TryGetValue("return", out var actualList) || actualList is not QList machinaList)
        {
            return "Machina did not return a list";
        }

        var qemuEntries = qemuList.Cast<QDict>().ToList();
        var machinaEntries = machinaList.Cast<QDict>().ToList();
        if (command == "qom-list-types")
        {
            var qemuNames = qemuEntries.Select(e => e.TryGetString("name", out var n) ? n : "").ToHashSet();
            qemuEntries = [.. qemuEntries.Where(e => e.TryGetString("name", out var n) && runtime.Types.FindType(n) is not null)];
            machinaEntries = [.. machinaEntries.Where(e => e.TryGetString("name", out var n) && qemuNames.Contains(n))];
        }
        else
        {
            qemuEntries = [.. qemuEntries.Where(e => !(e.TryGetString("name", out var n) && LeftToOtherParts.Contains(n)))];
        }

        var qemuSet = qemuEntries.Select(e => QJson.ToJson(e, QJsonWriterOptions.Wire)).Order(StringComparer.Ordinal).ToList();
        var machinaSet = machinaEntries.Select(e => QJson.ToJson(e, QJsonWriterOptions.Wire)).Order(StringComparer.Ordinal).ToList();
        if (qemuSet.SequenceEqual(machinaSet))
        {
            return null;
        }

        return $"only QEMU: [{string.Join(", ", qemuSet.Except(machinaSet))}]; only Machina: [{string.Join(", ", machinaSet.Except(qemuSet))}]";
    }

    /// <summary>Machina's side: what the <c>machina</c> program will set up for <c>-machine none</c>.</summary>
    private sealed class MachinaSession
    {
        private readonly QmpDispatcher _dispatcher;
        private readonly List<string> _events = [];

        public MachinaSession()
        {
            Runtime = StandardTypes.CreateRuntime();
            Machine.Create(Runtime, "none");
            var commands = new QomCommands(Runtime);
            var table = new QmpCommandTable();
            commands.Register(table);
            table.Register("qmp_capabilities", (_, _) => ValueTask.FromResult<QObject?>(new QDict()));
            table.Register("human-monitor-command", (arguments, _) =>
            {
                // The part of HMP the session uses: info qom-tree, with the monitor's line ends.
                var line = arguments.TryGetString("command-line", out var text) ? text : "";
                const string Prefix = "info qom-tree";
                if (!line.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    throw new QapiException($"unsupported in this test: {line}");
                }

                var path = line[Prefix.Length..].Trim();
                var output = commands.InfoQomTree(path.Length == 0 ? null : path).Replace("\n", "\r\n", StringComparison.Ordinal);
                return ValueTask.FromResult<QObject?>(new QString(output));
            });
            _dispatcher = new QmpDispatcher(table);
        }

        public QomRuntime Runtime { get; }

        public async Task<(string Reply, IReadOnlyList<string> Events)> RunAsync(string request)
        {
            _events.Clear();
            var reply = await _dispatcher.DispatchAsync(QJson.Parse(request), allowOob: false, new QmpCommandContext());
            return (QJson.ToJson(reply!, QJsonWriterOptions.Wire), [.. _events]);
        }
    }
}
