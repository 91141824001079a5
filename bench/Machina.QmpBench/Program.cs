// QMP server rates, Machina against QEMU 7.2, with one client for both:
//
//   dotnet run -c Release --project bench/Machina.QmpBench [-- --sequential N --pipelined N --ingest-mb N
//       --rounds N --qemu-ingest-mb N --machina-only]
//
// Each server runs in its own process: QEMU as `qemu-system-x86_64 -machine none -nodefaults
// -display none -qmp unix:...,server=on,wait=off`, Machina as this program with `serve SOCKET`.
// The client (BenchClient: blocking socket, no allocation per line) negotiates without
// capabilities and measures
// 1. sequential: round trips of query-status, each waiting for its reply;
// 2. pipelined: N query-status commands with ids in one write (sent from a second thread), until
//    the last reply;
// 3. ingest: one message carrying a string of the given size (an unknown argument of query-status),
//    until its error reply "Parameter 'x' is unexpected".
// Both servers get a short warm-up pass, then the rounds alternate between them so that changes in
// the machine's load hit both alike; the table gives the median and the range. Ingest is measured
// once per round for Machina (the first is its process's first large message) and once for QEMU,
// whose rate does not change with warming up: it reads its socket one byte at a time.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Machina.Qmp;
using Machina.TestSupport;

if (args.Length == 2 && args[0] == "serve")
{
    await using var server = new QmpServer();
    server.ListenUnix(args[1]);
    Console.WriteLine("ready");
    await Console.In.ReadLineAsync();
    return 0;
}

var sequential = Option("--sequential", 10_000);
var pipelined = Option("--pipelined", 20_000);
var ingestMb = Option("--ingest-mb", 10);
var rounds = Option("--rounds", 3);
var qemuIngestMb = Option("--qemu-ingest-mb", ingestMb);

Console.Error.WriteLine($"load average at start: {LoadAverage()}");
var engines = new List<Engine>();
await using var machina = await MachinaProcess.StartAsync();
engines.Add(new Engine("Machina", machina.SocketPath, ingestMb));
QemuProcess? qemu = null;
if (args.Contains("--machina-only"))
{
    Console.Error.WriteLine("QEMU not measured (--machina-only)");
}
else if (QemuProcess.IsInstalled)
{
    qemu = await QemuProcess.StartAsync();
    engines.Add(new Engine("QEMU 7.2", qemu.SocketPath, qemuIngestMb));
}
else
{
    Console.Error.WriteLine($"{QemuProcess.ProgramName} not found: QEMU not measured");
}

try
{
    foreach (var engine in engines)
    {
        // Compiles Machina's code before it is timed; QEMU gets the same pass.
        engine.Sequential(2_000);
        engine.Pipelined(2_000);
    }

    for (var round = 0; round < rounds; round++)
    {
        foreach (var engine in engines)
        {
            engine.SequentialRates.Add(engine.Sequential(sequential));
            engine.PipelinedRates.Add(engine.Pipelined(pipelined));
            if (engine.Name == "Machina" || round == 0)
            {
                engine.IngestRates.Add(engine.Ingest());
            }

            Console.Error.WriteLine($"round {round + 1}, {engine.Name}: {engine.SequentialRates[^1]:N0} sequential/s, " +
                $"{engine.PipelinedRates[^1]:N0} pipelined/s, {(engine.IngestRates.Count > round ? $"{engine.IngestRates[^1]:N2} MB/s ingest" : "-")}");
        }
    }
}
finally
{
    if (qemu is not null)
    {
        await qemu.DisposeAsync();
    }
}

Console.Error.WriteLine($"load average at end: {LoadAverage()}");
Console.WriteLine();
Console.WriteLine($"| Server | Sequential (query-status/s, {sequential:N0}) | Pipelined (commands/s, {pipelined:N0}) | Ingest of one {ingestMb} MB message (MB/s): first / median |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var engine in engines)
{
    Console.WriteLine($"| {engine.Name} | {Summary(engine.SequentialRates, "N0")} | {Summary(engine.PipelinedRates, "N0")} | " +
        $"{engine.IngestRates[0].ToString("N2", CultureInfo.InvariantCulture)} / {Median(engine.IngestRates).ToString("N2", CultureInfo.InvariantCulture)} |");
}

if (engines.Count == 2)
{
    var (m, q) = (engines[0], engines[1]);
    Console.WriteLine();
    Console.WriteLine($"Machina / QEMU: sequential {Median(m.SequentialRates) / Median(q.SequentialRates):N1}x, " +
        $"pipelined {Median(m.PipelinedRates) / Median(q.PipelinedRates):N1}x, ingest {Median(m.IngestRates) / Median(q.IngestRates):N0}x");
}

return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Summary(List<double> values, string format) => values.Count == 1
    ? values[0].ToString(format, CultureInfo.InvariantCulture)
    : $"{Median(values).ToString(format, CultureInfo.InvariantCulture)} ({values.Min().ToString(format, CultureInfo.InvariantCulture)}–{values.Max().ToString(format, CultureInfo.InvariantCulture)})";

/// <summary>One server under measurement and its results.</summary>
internal sealed class Engine(string name, string socketPath, int ingestMb)
{
    private static readonly byte[] Query = Encoding.ASCII.GetBytes("""{"execute": "query-status"}""");

    public string Name { get; } = name;

    public List<double> SequentialRates { get; } = [];

    public List<double> PipelinedRates { get; } = [];

    public List<double> IngestRates { get; } = [];

    public double Sequential(int count)
    {
        using var client = BenchClient.Connect(socketPath);
        client.Negotiate();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            client.Send(Query);
            client.ReadLine();
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    public double Pipelined(int count)
    {
        using var client = BenchClient.Connect(socketPath);
        client.Negotiate();
        var batch = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            batch.Append(CultureInfo.InvariantCulture, $"{{\"execute\": \"query-status\", \"id\": {i}}}");
        }

        var bytes = Encoding.ASCII.GetBytes(batch.ToString());
        var clock = Stopwatch.StartNew();
        var sender = new Thread(() => client.Send(bytes));
        sender.Start();
        for (var i = 0; i < count; i++)
        {
            client.ReadLine();
        }

        var rate = count / clock.Elapsed.TotalSeconds;
        sender.Join();
        return rate;
    }

    // Made once, so the client does no large allocation (nor the collections it brings) in a round.
    private readonly Lazy<byte[]> _largeMessage = new(() =>
    {
        var size = ingestMb * 1_000_000;
        var head = "{\"execute\": \"query-status\", \"arguments\": {\"x\": \""u8;
        var tail = "\"}}"u8;
        var message = new byte[head.Length + size + tail.Length];
        head.CopyTo(message);
        message.AsSpan(head.Length, size).Fill((byte)'a');
        tail.CopyTo(message.AsSpan(head.Length + size));
        return message;
    });

    public double Ingest()
    {
        var message = _largeMessage.Value;
        using var client = BenchClient.Connect(socketPath);
        client.Negotiate();
        var clock = Stopwatch.StartNew();
        var sender = new Thread(() => client.Send(message));
        sender.Start();
        var reply = client.ReadLineText();
        var rate = message.Length / 1e6 / clock.Elapsed.TotalSeconds;
        sender.Join();
        if (!reply.Contains("Parameter 'x' is unexpected", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Name}: unexpected reply to the large message: {reply}");
        }

        return rate;
    }
}

/// <summary>This program as a Machina QMP server in a process of its own.</summary>
internal sealed class MachinaProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private MachinaProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public string SocketPath => Path.Combine(_folder, "qmp.sock");

    public static async Task<MachinaProcess> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("machina-qmpbench-").FullName;
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        var entry = typeof(MachinaProcess).Assembly.Location;
        if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals(Path.GetFileNameWithoutExtension(entry), StringComparison.Ordinal))
        {
            info.ArgumentList.Add(entry);
        }

        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(Path.Combine(folder, "qmp.sock"));
        var process = Process.Start(info)!;
        await process.StandardOutput.ReadLineAsync();
        return new MachinaProcess(process, folder);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
