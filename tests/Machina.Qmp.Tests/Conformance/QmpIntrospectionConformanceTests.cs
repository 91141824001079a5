using Machina.Qapi.Visitors;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.TestSupport;

namespace Machina.Qmp.Tests.Conformance;

/// <summary>
/// What Machina says about its interface against what QEMU 7.2 says: Machina serves a subset of
/// QEMU's commands and events, so the replies of <c>query-commands</c> and <c>query-qmp-schema</c>
/// cannot be equal byte for byte, but every command and event Machina describes must be described
/// exactly as QEMU describes it (type numbers aside), and listed in QEMU's order.
/// </summary>
public sealed class QmpIntrospectionConformanceTests(ConformanceEngines engines) : IClassFixture<ConformanceEngines>
{
    [Fact]
    public async Task Every_command_and_event_is_described_as_qemu_describes_it()
    {
        var qemu = await engines.QemuAsync();
        AssertSameShapes(await QueryAsync(qemu, "query-qmp-schema"), await QueryAsync(engines.Machina, "query-qmp-schema"));
    }

    [Fact]
    public async Task With_deprecated_output_hidden_the_descriptions_still_match_qemu()
    {
        // The one deprecated member in Machina's schema, SchemaInfoEnum's 'values', then leaves
        // every enum's description, as QEMU leaves it with -compat deprecated-output=hide.
        await using var qemu = new QemuEngine(await QemuProcess.StartAsync(["-machine", "none", "-compat", "deprecated-output=hide"]));
        await using var machina = new MachinaEngine(TestServer.Start(new QmpServerOptions
        {
            Policy = new CompatPolicy { DeprecatedOutput = CompatPolicyOutput.Hide },
        }));
        var machinaSchema = await QueryAsync(machina, "query-qmp-schema");
        Assert.Contains(machinaSchema, e => ((QDict)e).TryGetString("meta-type", out var m) && m == "enum");
        Assert.DoesNotContain(machinaSchema, e => ((QDict)e).ContainsKey("values"));
        AssertSameShapes(await QueryAsync(qemu, "query-qmp-schema"), machinaSchema);
    }

    [Fact]
    public async Task Query_commands_lists_the_schema_commands_in_qemu_order()
    {
        var qemu = await engines.QemuAsync();
        var described = new QmpSchemaShape(await QueryAsync(engines.Machina, "query-qmp-schema")).NamesOf("command").ToHashSet(StringComparer.Ordinal);
        var machinaList = Names(await QueryAsync(engines.Machina, "query-commands")).ToList();
        var qemuList = Names(await QueryAsync(qemu, "query-commands")).ToList();

        // Machina lists every command it describes (and the test server's own, which it does not).
        Assert.Subset(machinaList.ToHashSet(StringComparer.Ordinal), described);
        Assert.Subset(qemuList.ToHashSet(StringComparer.Ordinal), described);
        Assert.Equal(qemuList.Where(described.Contains), machinaList.Where(described.Contains));
    }

    private static void AssertSameShapes(QList qemuReply, QList machinaReply)
    {
        var qemu = new QmpSchemaShape(qemuReply);
        var machina = new QmpSchemaShape(machinaReply);
        var compared = 0;
        foreach (var metaType in new[] { "command", "event" })
        {
            foreach (var name in machina.NamesOf(metaType))
            {
                Assert.True(qemu.Contains(name), $"QEMU 7.2 has no {metaType} {name}");
                Assert.Equal(qemu.Describe(name), machina.Describe(name));
                compared++;
            }
        }

        // The schema's eight commands and five events.
        Assert.Equal(13, compared);
    }

    private static IEnumerable<string> Names(QList commands) => commands.Select(c => ((QString)((QDict)c)["name"]).Value);

    private static async Task<QList> QueryAsync(QmpEngine engine, string command)
    {
        await using var connection = await engine.ConnectAsync();
        await connection.ReadLineAsync();
        await connection.SendAsync("""{"execute": "qmp_capabilities"}""");
        await connection.ReadLineAsync();
        await connection.SendAsync($$"""{"execute": "{{command}}"}""");
        var reply = (QDict)QJson.Parse((await connection.ReadLineTextAsync())!);
        return (QList)reply["return"];
    }
}
