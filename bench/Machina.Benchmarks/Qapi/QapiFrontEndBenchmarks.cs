using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Machina.Qapi.Dump;
using Machina.Qapi.Parsing;
using Machina.Qapi.Schema;
using Machina.Qapi.Source;

namespace Machina.Benchmarks.Qapi;

/// <summary>
/// QEMU 7.2's full QMP schema (38 files, 890 definitions) through the front end, warm and
/// in-process. QEMU's Python front end needs about 0.25 s for the load and check.
/// </summary>
/// <remarks>
/// The machine is shared, so the minimum and median columns say more than the mean when other
/// work competes for the cores.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 15)]
public class QapiFrontEndBenchmarks
{
    private QapiSourceFiles _files = null!;
    private QapiSchema _schema = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = new QapiSourceFiles(Path.Combine(BenchmarkInputs.ReferenceFolder(), "qapi"));
        _schema = QapiSchema.Load("qapi-schema.json", _files);
    }

    [Benchmark(Description = "parse (files, tokens, docs)")]
    public int Parse() => QapiSchemaParser.Parse("qapi-schema.json", _files).Expressions.Count;

    [Benchmark(Baseline = true, Description = "load + check")]
    public int LoadAndCheck() => QapiSchema.Load("qapi-schema.json", _files).Entities.Count;

    [Benchmark(Description = "dump of a loaded schema")]
    public int Dump() => QapiSchemaDumper.Dump(_schema).Length;
}
