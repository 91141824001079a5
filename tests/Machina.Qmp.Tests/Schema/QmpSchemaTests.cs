using Machina.Qapi.Commands;
using Machina.Qapi.Schema;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qmp.Schema;
using Machina.TestSupport;

namespace Machina.Qmp.Tests.Schema;

/// <summary>
/// Machina's schema (qapi/) is what the server serves: its commands are registered through the
/// generated marshalling with the schema's flags, and <c>query-qmp-schema</c> describes exactly them.
/// </summary>
public sealed class QmpSchemaTests
{
    private static readonly Lazy<QapiSchema> MachinaSchema =
        new(() => QapiSchema.Load(Path.Combine(QemuReference.RepositoryRoot, "qapi", "machina.json")));

    private static IEnumerable<QapiCommand> SchemaCommands => MachinaSchema.Value.Definitions.OfType<QapiCommand>();

    [Fact]
    public void The_server_registers_the_schema_commands_in_schema_order()
    {
        var server = new QmpServer();
        Assert.Equal(SchemaCommands.Where(c => c.Gen).Select(c => c.Name), server.Commands.Select(c => c.Name));
        Assert.DoesNotContain(SchemaCommands, c => !c.Gen);
    }

    [Fact]
    public void Every_command_is_registered_with_the_schema_flags()
    {
        var server = new QmpServer();
        foreach (var command in server.Commands)
        {
            var declared = MachinaSchema.Value.Lookup<QapiCommand>(command.Name);
            Assert.True(declared is not null, $"command {command.Name} is not in qapi/");
            Assert.Equal(declared.AllowOob, (command.Options & QmpCommandOptions.AllowOob) != 0);
            Assert.Equal(declared.AllowPreconfig, (command.Options & QmpCommandOptions.AllowPreconfig) != 0);
            Assert.Equal(declared.Coroutine, (command.Options & QmpCommandOptions.Coroutine) != 0);
            Assert.Equal(declared.SuccessResponse, command.HasSuccessResponse);
        }
    }

    [Fact]
    public void The_emitter_knows_every_event_of_the_schema()
    {
        var events = MachinaSchema.Value.Definitions.OfType<QapiEvent>().Select(e => e.Name);
        Assert.Equal(events, Enum.GetValues<MachinaEvent>().Select(e => Machina.Qapi.Visitors.QapiEnum.ToQapiName(e)));
    }

    [Fact]
    public async Task Query_qmp_schema_serves_the_generated_introspection_byte_for_byte()
    {
        await using var host = TestServer.Start();
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "query-qmp-schema"}""");
        var expected = QJson.ToJson(new QDict { ["return"] = MachinaIntrospection.QueryQmpSchema() }, QJsonWriterOptions.Wire) + "\r\n";
        Assert.Equal(expected, await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task Query_qmp_schema_describes_every_command_and_event_and_masks_type_names()
    {
        await using var host = TestServer.Start();
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "query-qmp-schema"}""");
        var reply = (QList)((QDict)QJson.Parse((await client.ReadLineTextAsync())!))["return"];
        var entities = reply.Cast<QDict>().ToList();

        string[] MetaType(string metaType) =>
            [.. entities.Where(e => e.TryGetString("meta-type", out var m) && m == metaType).Select(e => ((QString)e["name"]).Value)];

        Assert.Equal(SchemaCommands.Select(c => c.Name), MetaType("command"));
        Assert.Equal(MachinaSchema.Value.Definitions.OfType<QapiEvent>().Select(e => e.Name), MetaType("event"));

        // Types other than built-ins appear only as numbers; an array as its element type's name in brackets.
        var builtins = MetaType("builtin").ToHashSet(StringComparer.Ordinal);
        foreach (var metaType in new[] { "enum", "object", "alternate" })
        {
            Assert.All(MetaType(metaType), name => Assert.True(int.TryParse(name, out _), $"{metaType} {name} is not masked"));
        }

        Assert.All(MetaType("array"), name =>
            Assert.True(name[0] == '[' && name[^1] == ']' && (int.TryParse(name[1..^1], out _) || builtins.Contains(name[1..^1])), $"array {name} is not masked"));
    }

    [Fact]
    public async Task A_host_can_describe_its_own_schema()
    {
        var described = new QList
        {
            new QDict { ["name"] = "str", ["meta-type"] = "builtin", ["json-type"] = "string" },
        };
        await using var host = TestServer.Start(new QmpServerOptions { QmpSchema = () => described });
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "query-qmp-schema"}""");
        var expected = QJson.ToJson(new QDict { ["return"] = described.DeepClone() }, QJsonWriterOptions.Wire) + "\r\n";
        Assert.Equal(expected, await client.ReadLineTextAsync());
    }
}
