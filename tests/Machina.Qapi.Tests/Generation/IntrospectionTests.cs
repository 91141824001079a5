using System.Text;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi.Generation;
using Machina.Qapi.Introspection;
using Machina.Qapi.Schema;
using Machina.TestSupport;

namespace Machina.Qapi.Tests.Generation;

/// <summary>
/// The generated query-qmp-schema value: for QEMU 7.2's schema and the symbols Debian's binary was
/// built with, exactly the real binary's reply; QEMU's masking; the unmasked mode; conditions at run time.
/// </summary>
public class IntrospectionTests
{
    private static readonly Lazy<(QapiSchema Schema, QmpSchemaIntrospection Data)> FullSchema = new(() =>
    {
        var schema = GeneratedTestSchema.Load(QemuReference.PathOf("qapi/qapi-schema.json"));
        return (schema, new QmpSchemaIntrospection(CSharpGenerator.GenerateIntrospectionData(schema)));
    });

    internal static IReadOnlySet<string> DebianSymbols { get; } = File.ReadAllLines(
            Path.Combine(QemuReference.RepositoryRoot, "src", "Machina.Qmp.Qemu", "debian-qemu-system-x86_64-7.2.symbols"))
        .Where(l => l.Length > 0 && l[0] != '#')
        .ToHashSet(StringComparer.Ordinal);

    private static (QapiSchema Schema, QmpSchemaIntrospection Data) Full()
    {
        QemuReference.Require();
        return FullSchema.Value;
    }

    private static QList RealReply() =>
        (QList)((QDict)QJson.Parse(File.ReadAllBytes(QemuReference.PathOf("query-qmp-schema.json"))))["return"];

    [Fact]
    public void Full_schema_with_debian_symbols_equals_the_real_reply_element_by_element()
    {
        var ours = Full().Data.GetSchemaInfo(DebianSymbols.Contains);
        var real = RealReply();
        for (var i = 0; i < Math.Min(ours.Count, real.Count); i++)
        {
            Assert.True(real[i].Equals(ours[i]), $"element {i}: expected {QJson.ToJson(real[i])}, got {QJson.ToJson(ours[i])}");
        }

        Assert.Equal(real.Count, ours.Count);
    }

    [Fact]
    public void Full_schema_reply_is_the_real_reply_byte_for_byte()
    {
        var reply = new QDict { ["return"] = Full().Data.GetSchemaInfo(DebianSymbols.Contains) };
        var bytes = Encoding.UTF8.GetBytes(QJson.ToJson(reply, QJsonWriterOptions.Wire));
        Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(QemuReference.PathOf("query-qmp-schema.json"))), "the reply differs from the real binary's");
    }

    [Fact]
    public void Debian_symbols_are_the_only_set_that_reproduces_the_reply()
    {
        var (schema, data) = Full();
        var real = RealReply();
        var symbols = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var definition in schema.Definitions)
        {
            Collect(definition.IfCond);
            foreach (var feature in definition.Features)
            {
                Collect(feature.IfCond);
            }

            switch (definition)
            {
                case QapiEnumType e:
                    e.Members.ToList().ForEach(m => Collect(m.IfCond));
                    break;
                case QapiObjectType o:
                    o.LocalMembers.ToList().ForEach(m => Collect(m.IfCond));
                    o.Variants?.Variants.ToList().ForEach(v => Collect(v.IfCond));
                    break;
                case QapiAlternateType a:
                    a.Variants.Variants.ToList().ForEach(v => Collect(v.IfCond));
                    break;
            }
        }

        Assert.Superset(new SortedSet<string>(DebianSymbols), symbols);
        Assert.Equal(34, symbols.Count);
        Assert.True(real.Equals(data.GetSchemaInfo(DebianSymbols.Contains)));
        var undetermined = new List<string>();
        foreach (var symbol in symbols)
        {
            var flipped = new HashSet<string>(DebianSymbols, StringComparer.Ordinal);
            if (!flipped.Remove(symbol))
            {
                flipped.Add(symbol);
            }

            if (real.Equals(data.GetSchemaInfo(flipped.Contains)))
            {
                undetermined.Add(symbol);
            }
        }

        // The reply cannot tell these apart: they only occur next to TARGET_I386 in an 'any'. A
        // binary is built for one target, so the other targets' symbols are undefined.
        Assert.Equal(["TARGET_LOONGARCH64", "TARGET_MIPS", "TARGET_PPC"], undetermined);

        void Collect(QapiIfCond condition)
        {
            if (condition.Condition is { } root)
            {
                Walk(root);
            }
        }

        void Walk(QapiCondition node)
        {
            switch (node)
            {
                case QapiConditionSymbol s:
                    symbols.Add(s.Name);
                    break;
                case QapiConditionNot n:
                    Walk(n.Operand);
                    break;
                case QapiConditionAll all:
                    all.Operands.ToList().ForEach(Walk);
                    break;
                case QapiConditionAny any:
                    any.Operands.ToList().ForEach(Walk);
                    break;
            }
        }
    }

    [Fact]
    public void Unmasked_mode_names_types_and_masked_mode_numbers_them_in_order_of_first_use()
    {
        var data = Full().Data;
        var unmasked = data.GetSchemaInfo(DebianSymbols.Contains, unmask: true);
        var first = (QDict)unmasked[0];
        Assert.Equal(QJson.Parse("""{"arg-type": "q_empty", "meta-type": "command", "name": "query-status", "ret-type": "StatusInfo"}"""), first);
        Assert.Contains(unmasked.Cast<QDict>(), e => e["name"].Equals(new QString("StatusInfo")) && e["meta-type"].Equals(new QString("object")));
        Assert.Contains(unmasked.Cast<QDict>(), e => e["name"].Equals(new QString("[int]")) && e["meta-type"].Equals(new QString("array")));

        var masked = data.GetSchemaInfo(DebianSymbols.Contains);
        Assert.Equal(QJson.Parse("""{"arg-type": "0", "meta-type": "command", "name": "query-status", "ret-type": "1"}"""), masked[0]);
    }

    [Fact]
    public void Test_schema_introspection_evaluates_conditions_at_run_time()
    {
        var schema = GeneratedTestSchema.Load(QemuReference.PathOf("tests/qapi-schema/qapi-schema-test.json"));
        var data = new QmpSchemaIntrospection(CSharpGenerator.GenerateIntrospectionData(schema));

        var none = Names(data.GetSchemaInfo(_ => false, unmask: true));
        Assert.DoesNotContain("TestIfStruct", none);
        Assert.DoesNotContain("test-if-cmd", none);
        Assert.Contains("test-cmd-return-def-three", none);

        var all = data.GetSchemaInfo(_ => true, unmask: true);
        var names = Names(all);
        Assert.Contains("TestIfStruct", names);
        Assert.Contains("test-if-cmd", names);
        Assert.Contains("TEST_IF_EVENT2", names);
        var testIfStruct = all.Cast<QDict>().Single(e => e["name"].Equals(new QString("TestIfStruct")));
        Assert.Equal(2, ((QList)testIfStruct["members"]).Count);

        // TEST_IF_EVENT2 holds when both TEST_IF_EVT and TEST_IF_STRUCT do: not (not A or not B).
        Assert.DoesNotContain("TEST_IF_EVENT2", Names(data.GetSchemaInfo(s => s == "TEST_IF_EVT", unmask: true)));
        Assert.Contains("TEST_IF_EVENT2", Names(data.GetSchemaInfo(s => s is "TEST_IF_EVT" or "TEST_IF_STRUCT", unmask: true)));

        // A feature whose condition is false leaves an empty list, as QEMU's literal does.
        var cond = data.GetSchemaInfo(_ => false, unmask: true).Cast<QDict>().Single(e => e["name"].Equals(new QString("CondFeatureStruct1")));
        Assert.Equal(new QList(), cond["features"]);

        static List<string> Names(QList list) => list.Cast<QDict>().Select(e => ((QString)e["name"]).Value).ToList();
    }

    [Fact]
    public void Generated_introspection_class_uses_the_compiled_symbols()
    {
        // The committed test schema code is compiled with none of the TEST_IF_ symbols.
        Assert.Empty(Visitors.TestSchema.QapiSchemaTestIntrospection.DefinedSymbols);
        var names = Visitors.TestSchema.QapiSchemaTestIntrospection.QueryQmpSchema(unmask: true).Cast<QDict>().Select(e => ((QString)e["name"]).Value).ToList();
        Assert.Equal("user-def-cmd0", names[0]);
        Assert.DoesNotContain("TestIfStruct", names);
        var masked = Visitors.TestSchema.QapiSchemaTestIntrospection.QueryQmpSchema();
        Assert.Equal(QJson.Parse("""{"arg-type": "0", "meta-type": "command", "name": "user-def-cmd0", "ret-type": "0"}"""), masked[0]);
    }

    [Fact]
    public void Bad_data_is_reported_as_a_format_error()
    {
        Assert.Throws<FormatException>(() => new QmpSchemaIntrospection("[]").GetSchemaInfo(_ => true));
        Assert.Throws<FormatException>(() => new QmpSchemaIntrospection("""{"names": [1], "schema": []}""").GetSchemaInfo(_ => true));
    }
}
