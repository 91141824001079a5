using Machina.Qapi.Dump;
using Machina.Qapi.Schema;
using Machina.Qapi.Source;
using Machina.TestSupport;

namespace Machina.Qapi.Tests;

/// <summary>QEMU 7.2's complete QMP schema: it loads, and its dump is QEMU's, line for line.</summary>
public class FullSchemaTests
{
    private static readonly Lazy<QapiSchema> Schema = new(() =>
        QapiSchema.Load("qapi-schema.json", new QapiSourceFiles(QemuReference.PathOf("qapi"))));

    [Fact]
    public void Dump_equals_qemus()
    {
        var expected = File.ReadAllText(QemuReference.PathOf("qapi-schema.dump"));
        var actual = QapiSchemaDumper.Dump(Schema.Value);
        QapiCase.AssertSameLines(expected, actual, "qapi-schema.dump");
        Assert.Equal(22_287, actual.Count(c => c == '\n'));
    }

    [Fact]
    public void Holds_the_890_definitions_and_what_qemu_derives_from_them()
    {
        var schema = Schema.Value;
        var user = schema.Definitions.Where(d => !d.IsImplicit).ToList();
        Assert.Equal(890, user.Count);
        Assert.Equal(418, user.Count(d => d is QapiObjectType { Variants: null }));
        Assert.Equal(39, user.Count(d => d is QapiObjectType { Variants: not null }));
        Assert.Equal(6, user.Count(d => d is QapiAlternateType));
        Assert.Equal(155, user.Count(d => d is QapiEnumType));
        Assert.Equal(220, user.Count(d => d is QapiCommand));
        Assert.Equal(52, user.Count(d => d is QapiEvent));
        var implicitObjects = schema.Definitions.OfType<QapiObjectType>().Where(t => t.Name.StartsWith("q_obj_", StringComparison.Ordinal)).ToList();
        Assert.Equal(191, implicitObjects.Count);
        Assert.Equal(157, implicitObjects.Count(t => t.Name.EndsWith("-arg", StringComparison.Ordinal)));
        Assert.Equal(34, implicitObjects.Count(t => t.Name.EndsWith("-base", StringComparison.Ordinal)));
        Assert.Equal(88, schema.Definitions.Count(d => d is QapiArrayType { Info: not null }));
    }

    [Fact]
    public void Modules_are_the_schema_files_relative_to_the_main_ones_folder()
    {
        var names = Schema.Value.Modules.Select(m => m.Name).ToList();
        Assert.Equal("./builtin", names[0]);
        Assert.Equal("qapi-schema.json", names[1]);
        Assert.Equal(39, names.Count);
        Assert.Contains("block-core.json", names);
        Assert.All(Schema.Value.Modules.Skip(1), m => Assert.True(m.IsUser));
    }

    [Fact]
    public void Every_definition_is_documented_and_every_member_connected()
    {
        foreach (var definition in Schema.Value.Definitions.Where(d => !d.IsImplicit))
        {
            var doc = definition.Doc;
            Assert.NotNull(doc);
            Assert.Equal(definition.Name, doc.Symbol);
            Assert.All(doc.Arguments, a => Assert.NotNull(a.Member));
        }
    }

    [Fact]
    public void Conditions_evaluate_against_the_symbols_debians_binary_defines()
    {
        var defined = new HashSet<string>(StringComparer.Ordinal) { "CONFIG_SPICE", "CONFIG_VNC", "CONFIG_LINUX", "TARGET_I386" };
        var schema = Schema.Value;
        var spice = schema.Lookup<QapiCommand>("query-spice")!;
        Assert.Equal("CONFIG_SPICE", spice.IfCond.ToString());
        Assert.True(spice.IfCond.Evaluate(defined));
        Assert.False(schema.Lookup<QapiCommand>("query-gic-capabilities")!.IfCond.Evaluate(defined));
        Assert.True(schema.Lookup<QapiCommand>("query-status")!.IfCond.Evaluate(defined));
    }
}
