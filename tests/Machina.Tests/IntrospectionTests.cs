using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.TestSupport;

namespace Machina.Tests;

/// <summary>The program's <c>query-qmp-schema</c> describes what it serves: the QMP server's, QOM's and its own commands.</summary>
public sealed class IntrospectionTests
{
    [Fact]
    public async Task Query_qmp_schema_describes_every_command_query_commands_lists()
    {
        using var folder = new TempFolder();
        await using var machina = MachinaProcess.StartMachina("-machine", "none", "-qmp", $"unix:{folder["qmp.sock"]},server=on,wait=off");
        await machina.WaitForFileAsync(folder["qmp.sock"]);
        await using var client = await LifecycleTests.Negotiated(folder["qmp.sock"]);

        var listed = (await ReturnAsync(client, "query-commands")).Cast<QDict>().Select(c => ((QString)c["name"]).Value).Order(StringComparer.Ordinal);
        var schema = (await ReturnAsync(client, "query-qmp-schema")).Cast<QDict>().ToList();
        var described = schema.Where(e => ((QString)e["meta-type"]).Value == "command").Select(e => ((QString)e["name"]).Value).Order(StringComparer.Ordinal);
        Assert.Equal(listed, described);
        Assert.Contains("qom-list", described);
        Assert.Contains("query-name", described);

        // Every type a command refers to is described, under a masked name.
        var names = schema.Select(e => ((QString)e["name"]).Value).ToHashSet(StringComparer.Ordinal);
        foreach (var command in schema.Where(e => ((QString)e["meta-type"]).Value == "command"))
        {
            Assert.Contains(((QString)command["arg-type"]).Value, names);
            Assert.Contains(((QString)command["ret-type"]).Value, names);
        }
    }

    private static async Task<QList> ReturnAsync(RawQmpConnection client, string command)
    {
        await client.SendAsync($$"""{"execute": "{{command}}"}""");
        return (QList)((QDict)QJson.Parse((await client.ReadLineTextAsync())!))["return"];
    }
}
