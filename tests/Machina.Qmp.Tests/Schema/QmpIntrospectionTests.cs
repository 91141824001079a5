using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qmp.Schema;
using Machina.Qmp.Tests.Conformance;

namespace Machina.Qmp.Tests.Schema;

/// <summary>Combining the introspection of several schemas into one <c>query-qmp-schema</c> value.</summary>
public sealed class QmpIntrospectionTests
{
    private static QList Machina(bool unmask) => MachinaIntrospection.QueryQmpSchema(unmask);

    // A host's schema: one command without arguments returning a string, one event with data.
    private static QList Host() => (QList)QJson.Parse("""
        [{"name": "x-host-info", "meta-type": "command", "arg-type": "q_empty", "ret-type": "str"},
         {"name": "X_HOST_EVENT", "meta-type": "event", "arg-type": "q_obj_X_HOST_EVENT-arg"},
         {"name": "q_empty", "meta-type": "object", "members": []},
         {"name": "str", "meta-type": "builtin", "json-type": "string"},
         {"name": "q_obj_X_HOST_EVENT-arg", "meta-type": "object", "members": [{"name": "ids", "type": "[int]"}]},
         {"name": "[int]", "meta-type": "array", "element-type": "int"},
         {"name": "int", "meta-type": "builtin", "json-type": "int"}]
        """);

    [Fact]
    public void One_schema_combined_alone_is_described_as_its_generated_value()
    {
        var generated = new QmpSchemaShape(Machina(unmask: false));
        var combined = QmpIntrospection.Combine([Machina(unmask: true)]);
        var shape = new QmpSchemaShape(combined);
        Assert.Equal(Machina(unmask: false).Count, combined.Count);
        foreach (var name in generated.NamesOf("command").Concat(generated.NamesOf("event")))
        {
            Assert.Equal(generated.Describe(name), shape.Describe(name));
        }

        AssertMasked(combined);
    }

    [Fact]
    public void Unmasked_the_combination_of_one_schema_is_that_schema()
    {
        Assert.Equal(Machina(unmask: true), QmpIntrospection.Combine([Machina(unmask: true)], unmask: true));
    }

    [Fact]
    public void Two_schemas_share_their_common_types_and_keep_everything_else()
    {
        var combined = QmpIntrospection.Combine([Machina(unmask: true), Host()]);
        AssertMasked(combined);
        var entities = combined.Cast<QDict>().ToList();
        var machinaNames = Machina(unmask: true).Cast<QDict>().Select(e => ((QString)e["name"]).Value).ToHashSet(StringComparer.Ordinal);
        var added = Host().Cast<QDict>().Select(e => ((QString)e["name"]).Value).Where(n => !machinaNames.Contains(n));
        Assert.Equal(["x-host-info", "X_HOST_EVENT", "q_obj_X_HOST_EVENT-arg", "[int]"], added);
        Assert.Equal(machinaNames.Count + 4, entities.Count);

        var shape = new QmpSchemaShape(combined);
        Assert.Contains("x-host-info", shape.NamesOf("command"));
        Assert.Contains("X_HOST_EVENT", shape.NamesOf("event"));
        Assert.Equal(
            """{"name": "X_HOST_EVENT", "meta-type": "event", "arg-type": {"meta-type": "object", "members": [{"name": "ids", "type": {"meta-type": "array", "element-type": "int"}}]}}""",
            shape.Describe("X_HOST_EVENT"));

        // q_empty is one type: both schemas' commands without arguments name the same number.
        string ArgType(string command) => entities.Single(e => ((QString)e["name"]).Value == command).TryGetString("arg-type", out var t) ? t : "";
        Assert.Equal(ArgType("query-status"), ArgType("x-host-info"));
    }

    [Fact]
    public void Two_schemas_that_disagree_on_a_name_are_refused()
    {
        var other = Host();
        ((QDict)other[2])["members"] = new QList { new QDict { ["name"] = "x", ["type"] = "str" } };
        var error = Assert.Throws<ArgumentException>(() => QmpIntrospection.Combine([Machina(unmask: true), other]));
        Assert.StartsWith("two schemas describe 'q_empty' differently", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_serves_a_combined_schema()
    {
        await using var host = TestServer.Start(new QmpServerOptions { QmpSchema = () => QmpIntrospection.Combine([Machina(unmask: true), Host()]) });
        await using var client = await host.ConnectNegotiatedAsync();
        await client.SendAsync("""{"execute": "query-qmp-schema"}""");
        var reply = (QList)((QDict)QJson.Parse((await client.ReadLineTextAsync())!))["return"];
        Assert.Contains("x-host-info", new QmpSchemaShape(reply).NamesOf("command"));
    }

    // Built-in types by name, arrays as [element], everything else as a number.
    private static void AssertMasked(QList schema)
    {
        var builtins = schema.Cast<QDict>().Where(e => e.TryGetString("meta-type", out var m) && m == "builtin")
            .Select(e => ((QString)e["name"]).Value).ToHashSet(StringComparer.Ordinal);

        bool IsMasked(string name) => name.StartsWith('[') && name.EndsWith(']')
            ? IsMasked(name[1..^1])
            : builtins.Contains(name) || int.TryParse(name, out _);

        foreach (var entity in schema.Cast<QDict>())
        {
            var name = ((QString)entity["name"]).Value;
            var metaType = ((QString)entity["meta-type"]).Value;
            Assert.True(metaType is "command" or "event" || IsMasked(name), $"{metaType} {name} is not masked");
        }
    }
}
