using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Benchmarks;

/// <summary>
/// Writing the schema reply's tree back to UTF-8: Machina's writer (insertion order, and QEMU's
/// wire order) against Utf8JsonWriter walking the same QObject tree.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class JsonWriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private QObject _tree = QNull.Instance;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tree = QJson.Parse(BenchmarkInputs.QmpSchema());
        _writer = new Utf8JsonWriter(_output, new JsonWriterOptions { SkipValidation = true });
    }

    [Benchmark(Baseline = true)]
    public int Machina_QJson_Write()
    {
        _output.ResetWrittenCount();
        QJson.Write(_tree, _output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int Machina_QJson_Write_wire_order()
    {
        _output.ResetWrittenCount();
        QJson.Write(_tree, _output, QJsonWriterOptions.Wire);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int SystemTextJson_Utf8JsonWriter()
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        Write(_writer, _tree);
        _writer.Flush();
        return _output.WrittenCount;
    }

    private static void Write(Utf8JsonWriter writer, QObject value)
    {
        switch (value)
        {
            case QDict dict:
                writer.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case QList list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case QString s:
                writer.WriteStringValue(s.Value);
                break;
            case QNum { Kind: QNumKind.Int64 } n:
                writer.WriteNumberValue(n.GetInt64());
                break;
            case QNum { Kind: QNumKind.UInt64 } n:
                writer.WriteNumberValue(n.GetUInt64());
                break;
            case QNum n:
                writer.WriteNumberValue(n.ToDouble());
                break;
            case QBool b:
                writer.WriteBooleanValue(b.Value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}

/// <summary>A 10 MB string message through the splitter, fed in 64 KiB chunks as a socket delivers it.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class JsonSplitterLongStringBenchmarks
{
    private const int Chunk = 64 * 1024;
    private readonly QJsonMessageSplitter _splitter = new();
    private byte[] _message = [];

    [GlobalSetup]
    public void Setup() => _message = BenchmarkInputs.LongStringMessage(10);

    [Benchmark]
    public int Machina_Splitter_10MB_string()
    {
        for (var i = 0; i < _message.Length; i += Chunk)
        {
            _splitter.Feed(_message.AsSpan(i, Math.Min(Chunk, _message.Length - i)));
        }

        _splitter.TryRead(out var message);
        return ((QDict)message.Value!).Count;
    }
}
