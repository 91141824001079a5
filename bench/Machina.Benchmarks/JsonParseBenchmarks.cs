using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Benchmarks;

/// <summary>
/// Reading QEMU's 207 KB schema reply into a tree: Machina's QObject reader against
/// System.Text.Json's JsonNode and JsonDocument (read-only, no per-value objects). QJson.Parse and
/// JsonNode.Parse both validate a large message at once and build each container on first use,
/// so both are measured as parsed and with every node read.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class JsonParseSchemaBenchmarks
{
    private byte[] _schema = [];

    [GlobalSetup]
    public void Setup() => _schema = BenchmarkInputs.QmpSchema();

    [Benchmark(Baseline = true)]
    public QObject Machina_QJson_Parse() => QJson.Parse(_schema);

    /// <summary>QJson.Parse, then every node read: the whole tree built.</summary>
    [Benchmark]
    public int Machina_QJson_Parse_and_read_all() => Visit(QJson.Parse(_schema));

    [Benchmark]
    public JsonNode? SystemTextJson_JsonNode_Parse() => JsonNode.Parse(_schema);

    /// <summary>JsonNode.Parse, then every node read: the whole tree built.</summary>
    [Benchmark]
    public int SystemTextJson_JsonNode_Parse_and_read_all() => Visit(JsonNode.Parse(_schema));

    [Benchmark]
    public int SystemTextJson_JsonDocument_Parse()
    {
        using var document = JsonDocument.Parse(_schema);
        return document.RootElement.GetPropertyCount();
    }

    private static int Visit(QObject node)
    {
        var count = 1;
        switch (node)
        {
            case QDict d:
                foreach (var (_, value) in d)
                {
                    count += Visit(value);
                }

                break;
            case QList l:
                foreach (var item in l)
                {
                    count += Visit(item);
                }

                break;
            case QString s:
                count += s.Value.Length;
                break;
        }

        return count;
    }

    private static int Visit(JsonNode? node)
    {
        var count = 1;
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    count += Visit(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    count += Visit(item);
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                count += v.GetValue<string>().Length;
                break;
        }

        return count;
    }
}

/// <summary>
/// Reading 1000 small QMP commands (130 KB): one Parse per command for all three, and Machina's
/// splitter taking them as one stream, as a QMP server reads them.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
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

    /// <summary>The stream in 4 KiB chunks, each drained before the next, as a QMP server reads a socket.</summary>
    [Benchmark]
    public int Machina_Splitter_stream()
    {
        const int Chunk = 4096;
        var n = 0;
        for (var i = 0; i < _stream.Length; i += Chunk)
        {
            _splitter.Feed(_stream.AsSpan(i, Math.Min(Chunk, _stream.Length - i)));
            while (_splitter.TryRead(out var message))
            {
                n += ((QDict)message.Value!).Count;
            }
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
