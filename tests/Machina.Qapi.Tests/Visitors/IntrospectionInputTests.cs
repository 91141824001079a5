using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi.Tests.Generation;
using Machina.Qapi.Tests.Introspected;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;
using Machina.TestSupport;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>
/// QEMU's <c>test_visitor_in_qmp_introspect</c>: the <c>query-qmp-schema</c> value of a schema
/// reads through the strict input visitor as a list of <c>SchemaInfo</c> (the types generated
/// here from Machina's <c>qapi/introspect.json</c>). Beyond QEMU's test, the value written back
/// by the output visitor must equal what was read, so no member is lost or invented.
/// </summary>
public class IntrospectionInputTests
{
    public static TheoryData<bool> SymbolSets => [true, false];

    [Theory]
    [MemberData(nameof(SymbolSets))]
    public void Test_schema_introspection_reads_as_a_SchemaInfo_list(bool allSymbolsDefined)
    {
        // The test schema guards definitions with TEST_IF_* symbols; both settings must read.
        var value = QapiSchemaTestIntrospection.Schema.GetSchemaInfo(_ => allSymbolsDefined);
        var schema = ReadAndCheckRoundTrip(value);

        Assert.Contains(schema, i => i is SchemaInfo.Command);
        Assert.Contains(schema, i => i is SchemaInfo.Enum);
        Assert.Contains(schema, i => i is SchemaInfo.Alternate);
    }

    [Fact]
    public void Real_qemu_reply_reads_as_a_SchemaInfo_list()
    {
        var reply = (QDict)QJson.Parse(File.ReadAllBytes(QemuReference.PathOf("query-qmp-schema.json")));
        var schema = ReadAndCheckRoundTrip(reply["return"]);

        var status = Assert.IsType<SchemaInfo.Command>(Assert.Single(schema, i => i.Name == "query-status"));
        Assert.Equal("0", status.ArgType);
    }

    [Fact]
    public void Full_schema_introspection_with_debian_symbols_reads_as_a_SchemaInfo_list()
    {
        var schema = GeneratedTestSchema.Load(QemuReference.PathOf("qapi/qapi-schema.json"));
        var data = new Machina.Qapi.Introspection.QmpSchemaIntrospection(Machina.Qapi.Generation.CSharpGenerator.GenerateIntrospectionData(schema));
        ReadAndCheckRoundTrip(data.GetSchemaInfo(IntrospectionTests.DebianSymbols.Contains, unmask: true));
    }

    private static QapiList<SchemaInfo> ReadAndCheckRoundTrip(QObject value)
    {
        var v = new QObjectInputVisitor(value);
        QapiList<SchemaInfo>? schema = null;
        v.VisitList(null, ref schema);
        Assert.NotNull(schema);
        Assert.Equal(((QList)value).Count, schema.Count);

        var output = new QObjectOutputVisitor();
        output.VisitList(null, ref schema);
        Assert.True(value.Equals(output.Complete()), "written back, the SchemaInfo list differs from the value read");
        return schema;
    }
}
