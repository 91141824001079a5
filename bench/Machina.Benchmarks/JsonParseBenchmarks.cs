using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Benchmarks;

/// <summary>
/// Reading QEMU's 207 KB schema reply into a tree: Machina's QObject reader against
/// System.Text.Json's JsonNode (a mutable tree, like QObject) and JsonDocument (read-only, no
/// per-value objects).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class JsonParseSchemaBenchmarks
{
    private byte[] _schema = [];

    [GlobalSetup]
    public void Setup() => _schema = BenchmarkInputs.QmpSchema();

    [Benchmark(Baseline = true)]
    public QObject Machina_QJson_Parse() => QJson.Parse(_schema);

    [Benchmark]
    public JsonNode? SystemTextJson_JsonNode_Parse() => JsonNode.Parse(_schema);

    [Benchmark]
    public int SystemTextJson_JsonDocument_Parse()
    {
        using var document = JsonDocument.Parse(_schema);
        return document.RootElement.GetArrayLength();
    }
}

/// <summary>
/// Reading 1000 small QMP commands: one Parse per command for all three, and Machina's splitter
/// taking them as one stream, as a QMP server reads them.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class JsonParseCommandsBenchmarks
{
    private byte[][] _commands = [];
    private byte[] _stream = [];
    private readonly QJsonMessageSplitter _splitter = new();

    [GlobalSetup]
    public void Setup()
    {
        _commands = BenchmarkInputs.SmallCommands();
        _stream = [.. _commands.SelectMany(c => c)];
    }

    [Benchmark(Baseline = true)]
    public int Machina_QJson_Parse_each()
    {
        var n = 0;
        foreach (var command in _commands)
        {
            n += ((QDict)QJson.Parse(command)).Count;
        }

        return n;
    }

    [Benchmark]
    public int Machina_Splitter_stream()
    {
        var n = 0;
        _splitter.Feed(_stream);
        while (_splitter.TryRead(out var message))
        {
            n += ((QDict)message.Value!).Count;
        }

        return n;
    }

    [Benchmark]
    public int SystemTextJson_JsonNode_Parse_each()
    {
        var n = 0;
        foreach (var command in _commands)
        {
            n += JsonNode.Parse(command)!.AsObject().Count;
        }

        return n;
    }

    [Benchmark]
    public int SystemTextJson_JsonDocument_Parse_each()
    {
        var n = 0;
        foreach (var command in _commands)
        {
            using var document = JsonDocument.Parse(command);
            n += document.RootElement.GetPropertyCount();
        }

        return n;
    }
}
