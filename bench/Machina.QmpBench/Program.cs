// QMP server rates, Machina against QEMU 7.2, with one client for both:
//
//   dotnet run -c Release --project bench/Machina.QmpBench [-- --sequential N --pipelined N --ingest-mb N --machina-only]
//
// Each engine runs in its own process: QEMU as `qemu-system-x86_64 -machine none -qmp unix:...`,
// Machina as this program with `serve SOCKET`. The client negotiates (no oob) and measures
// 1. sequential round trips of query-status, each waiting for its reply;
// 2. pipelined: N query-status commands with ids in one write, until the last reply;
// 3. ingest: one message carrying a string of the given size (an unknown argument of query-status),
//    until its (error) reply.
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

var rows = new List<string[]>();
await using (var machina = await MachinaProcess.StartAsync())
{
    // One short pass first, so the server's code is compiled before it is timed.
    await MeasureAsync("warm-up", machina.ConnectAsync, 2_000, 2_000, 1, quiet: true);
    rows.Add(await MeasureAsync("Machina", machina.ConnectAsync, sequential, pipelined, ingestMb));
}

if (args.Contains("--machina-only"))
{
    Console.Error.WriteLine("QEMU not measured (--machina-only)");
}
else if (QemuProcess.IsInstalled)
{
    await using var qemu = await QemuProcess.StartAsync();
    rows.Add(await MeasureAsync("QEMU 7.2", qemu.ConnectAsync, sequential, pipelined, ingestMb));
}
else
{
    Console.Error.WriteLine($"{QemuProcess.ProgramName} not found: QEMU not measured");
}

Console.WriteLine();
Console.WriteLine($"| Server | Sequential (commands/s, {sequential:N0}) | Pipelined (commands/s, {pipelined:N0}) | Ingest of {ingestMb} MB (MB/s) |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var row in rows)
{
    Console.WriteLine($"| {string.Join(" | ", row)} |");
}

return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task<string[]> MeasureAsync(string name, Func<Task<RawQmpConnection>> connect, int sequential, int pipelined, int ingestMb, bool quiet = false)
{
    await using var client = await connect();
    await client.ReadLineAsync();
    await client.SendAsync("""{"execute": "qmp_capabilities"}""");
    await client.ReadLineAsync();

    var query = Encoding.ASCII.GetBytes("""{"execute": "query-status"}""");
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < sequential; i++)
    {
        await client.SendAsync(query);
        await client.ReadLineAsync();
    }

    var sequentialRate = sequential / clock.Elapsed.TotalSeconds;

    var batch = new StringBuilder();
    for (var i = 0; i < pipelined; i++)
    {
        batch.Append(CultureInfo.InvariantCulture, $"{{\"execute\": \"query-status\", \"id\": {i}}}");
    }

    var batchBytes = Encoding.ASCII.GetBytes(batch.ToString());
    clock.Restart();
    var sending = client.SendAsync(batchBytes);
    for (var i = 0; i < pipelined; i++)
    {
        await client.ReadLineAsync();
    }

    await sending;
    var pipelinedRate = pipelined / clock.Elapsed.TotalSeconds;

    var size = ingestMb * 1_000_000;
    var message = new byte[size + 64];
    var head = Encoding.ASCII.GetBytes("{\"execute\": \"query-status\", \"arguments\": {\"x\": \"");
    head.CopyTo(message, 0);
    message.AsSpan(head.Length, size).Fill((byte)'a');
    var tail = Encoding.ASCII.GetBytes("\"}}");
    tail.CopyTo(message, head.Length + size);
    var total = head.Length + size + tail.Length;
    clock.Restart();
    var ingesting = client.SendAsync(message.AsMemory(0, total));
    var reply = await client.ReadLineTextAsync(TimeSpan.FromMinutes(30));
    await ingesting;
    var ingestRate = total / 1e6 / clock.Elapsed.TotalSeconds;
    if (reply is null || !reply.Contains("Parameter 'x' is unexpected", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"{name}: unexpected reply to the large message: {reply}");
    }

    if (!quiet)
    {
        Console.Error.WriteLine($"{name}: {sequentialRate:N0} sequential/s, {pipelinedRate:N0} pipelined/s, {ingestRate:N2} MB/s ingest");
    }

    return [name, sequentialRate.ToString("N0", CultureInfo.InvariantCulture), pipelinedRate.ToString("N0", CultureInfo.InvariantCulture),
        ingestRate.ToString("N2", CultureInfo.InvariantCulture)];
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

    private string SocketPath => Path.Combine(_folder, "qmp.sock");

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

    public Task<RawQmpConnection> ConnectAsync() => RawQmpConnection.ConnectUnixAsync(SocketPath);

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
