using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Benchmarks;

/// <summary>
/// The JSON parse comparisons of <see cref="JsonParseSchemaBenchmarks"/> and
/// <see cref="JsonParseCommandsBenchmarks"/>, run in one process with the contenders taking turns:
/// on a shared machine whose speed drifts from minute to minute, the ratios then compare runs that
/// saw the same conditions. BenchmarkDotNet runs each method in its own process, one after the other.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project bench/Machina.Benchmarks -- --interleaved-json [rounds]</c>.
/// Each round runs every contender for about a quarter of a second; the report gives each one's
/// fastest and median round and the ratios of the fastest rounds.
/// </remarks>
public static class JsonParseInterleaved
{
    /// <summary>The command-line switch that selects this runner instead of BenchmarkDotNet.</summary>
    public const string Switch = "--interleaved-json";

    /// <summary>Runs the comparison and prints the report.</summary>
    public static void Run(int rounds)
    {
        var schemaBenchmarks = new JsonParseSchemaBenchmarks();
        schemaBenchmarks.Setup();
        var commandBenchmarks = new JsonParseCommandsBenchmarks();
        commandBenchmarks.Setup();

        Report("QEMU 7.2's query-qmp-schema reply (207 KB)", rounds,
        [
            ("QJson.Parse", () => schemaBenchmarks.Machina_QJson_Parse()),
            ("QJson.Parse + read all", () => schemaBenchmarks.Machina_QJson_Parse_and_read_all()),
            ("JsonNode.Parse", () => schemaBenchmarks.SystemTextJson_JsonNode_Parse()),
            ("JsonNode.Parse + read all", () => schemaBenchmarks.SystemTextJson_JsonNode_Parse_and_read_all()),
            ("JsonDocument.Parse", () => schemaBenchmarks.SystemTextJson_JsonDocument_Parse()),
        ]);
        Report("1000 small QMP commands (130 KB)", rounds,
        [
            ("QJson.Parse each", () => commandBenchmarks.Machina_QJson_Parse_each()),
            ("JsonNode.Parse each", () => commandBenchmarks.SystemTextJson_JsonNode_Parse_each()),
            ("JsonDocument.Parse each", () => commandBenchmarks.SystemTextJson_JsonDocument_Parse_each()),
        ]);
    }

    private static void Report(string title, int rounds, (string Name, Func<object?> Run)[] contenders)
    {
        // Warm up (tiered compilation) and size a round to about 250 ms for the slowest contender.
        var perCall = contenders.Select(c => TimeCalls(c.Run, 200) / 200).ToArray();
        var calls = Math.Max(10, (int)(0.25 / perCall.Max()));
        var times = contenders.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < contenders.Length; i++)
            {
                times[i].Add(TimeCalls(contenders[i].Run, calls) / calls);
            }
        }

        Console.WriteLine($"{title}: {rounds} rounds of {calls} calls each, contenders taking turns");
        Console.WriteLine($"{"",-28}{"fastest",12}{"median",12}  {"JsonNode.Parse / this",-22}{"JsonDocument.Parse / this",-26}");
        var nodeBest = times[Array.FindIndex(contenders, c => c.Name.StartsWith("JsonNode.Parse", StringComparison.Ordinal))].Min();
        var documentBest = times[Array.FindIndex(contenders, c => c.Name.StartsWith("JsonDocument.Parse", StringComparison.Ordinal))].Min();
        for (var i = 0; i < contenders.Length; i++)
        {
            var best = times[i].Min();
            var median = times[i].Order().ElementAt(times[i].Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{contenders[i].Name,-28}{best * 1e6,9:F1} us{median * 1e6,9:F1} us  {nodeBest / best,-22:F2}{documentBest / best,-26:F2}"));
        }

        Console.WriteLine();
    }

    private static double TimeCalls(Func<object?> run, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            GC.KeepAlive(run());
        }

        return watch.Elapsed.TotalSeconds;
    }
}
