using System.Text.Json;
using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.Qapi.Visitors;
using Machina.Qom.Commands;
using Machina.Qom.Machines;
using Machina.QObjects;
using Machina.TestSupport;

namespace Machina.Qom.Tests.Commands;

/// <summary>The command service beyond the recorded session: the default qom-tree, registration, the schema.</summary>
public sealed class QomCommandsTests
{
    [Fact]
    public void Info_qom_tree_starts_at_the_machine_and_sorts_children()
    {
        var runtime = StandardTypes.CreateRuntime();
        Machine.Create(runtime, "none");
        var commands = new QomCommands(runtime);

        // QEMU's answer to "info qom-tree" under -machine none, without qdev's /sysbus line.
        Assert.Equal(
            "/machine (none-machine)\n  /peripheral (container)\n  /peripheral-anon (container)\n  /unattached (container)\n" +
            "    /io[0] (memory-region)\n    /system[0] (memory-region)\n",
            commands.InfoQomTree());
        Assert.StartsWith("/ (container)\n  /machine (none-machine)\n    /peripheral (container)\n", commands.InfoQomTree("/"), StringComparison.Ordinal);
        Assert.Equal("Path '' could not be resolved.\n", commands.InfoQomTree(""));
    }

    [Fact]
    public void Register_adds_every_command_once()
    {
        var commands = new QomCommands(StandardTypes.CreateRuntime());
        var table = new QmpCommandTable();

        commands.Register(table);

        Assert.Equal(
            ["qom-list", "qom-get", "qom-set", "qom-list-types", "qom-list-properties", "object-del", "object-add"],
            table.Select(c => c.Name));
        Assert.All(table, c => Assert.True((c.Options & QmpCommandOptions.AllowPreconfig) != 0));
        Assert.Throws<ArgumentException>(() => commands.Register(table));
    }

    [Fact]
    public void Qom_list_types_marks_only_abstract_types_and_names_parents()
    {
        var commands = new QomCommands(StandardTypes.CreateRuntime());

        var types = commands.QomListTypes(TypeNames.UserCreatable, includeAbstract: true);

        Assert.Contains(new ObjectTypeInfo { Name = "user-creatable", Abstract = true, Parent = "interface" }, types);
        Assert.Contains(new ObjectTypeInfo { Name = "secret", Parent = "secret_common" }, types);
        Assert.DoesNotContain(types, t => t.Name == "container");
    }

    [Fact]
    public void Qom_list_properties_of_a_concrete_type_drops_the_object_it_made()
    {
        var runtime = StandardTypes.CreateRuntime();
        var made = new List<QomObject>();
        runtime.Types.Register(new QomTypeInfo("probe") { Parent = TypeNames.Object, InstanceInit = made.Add });
        var commands = new QomCommands(runtime);

        var properties = commands.QomListProperties("probe");

        Assert.Equal(["type"], properties.Select(p => p.Name));
        Assert.True(Assert.Single(made).IsFinalized);
    }

    [Fact]
    public void Object_type_lists_what_the_real_binary_accepts()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(QemuReference.PathOf("query-qmp-schema.json"))).RootElement;
        if (schema.ValueKind == JsonValueKind.Object)
        {
            schema = schema.GetProperty("return");
        }

        var entities = schema.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        var union = entities[entities["object-add"].GetProperty("arg-type").GetString()!];
        var discriminator = union.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "qom-type");
        var values = entities[discriminator.GetProperty("type").GetString()!].GetProperty("values").EnumerateArray().Select(v => v.GetString()!);

        Assert.Equal(values, QapiEnum.GetNames<ObjectType>());
        Assert.Equal(QapiSpecialFeatures.Unstable, QapiEnum.GetSpecialFeatures(ObjectType.XRemoteObject));
    }

    [Fact]
    public async Task Handlers_refuse_arguments_as_qemus_marshallers_do()
    {
        var commands = new QomCommands(StandardTypes.CreateRuntime());
        var table = new QmpCommandTable();
        commands.Register(table);
        table.TryFind("qom-list", out var qomList);
        table.TryFind("object-del", out var objectDel);

        var missing = await Assert.ThrowsAsync<QapiException>(async () => await qomList!.Handler(new QDict(), new QmpCommandContext()));
        var unexpected = await Assert.ThrowsAsync<QapiException>(async () => await objectDel!.Handler(new QDict { ["id"] = "x", ["now"] = true }, new QmpCommandContext()));

        Assert.Equal("Parameter 'path' is missing", missing.Message);
        Assert.Equal("Parameter 'now' is unexpected", unexpected.Message);
    }
}
