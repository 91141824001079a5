// Spawn-to-greeting time, resident memory after start-up, and qom-get round trips per second,
// for machina and for qemu-system-x86_64, both with -machine none, in one run.
//
//   dotnet run -c Release --project bench/Machina.StartupBench -- [MACHINA] [RUNS] [QOM_GETS]
//
// MACHINA is the machina executable (default: the published one in ./artifacts/machina/machina);
// a path ending in .dll runs through the dotnet host.
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

var machina = args.Length > 0 ? args[0] : Path.GetFullPath("artifacts/machina/machina");
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var qomGets = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20000;

Console.WriteLine($"{Environment.ProcessorCount} CPUs, load {File.ReadAllText("/proc/loadavg").Trim()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($"{"program",-22} {"start median",14} {"start min",10} {"RSS median",11} {"qom-get/s",10}");
foreach (var (name, program, prefix) in new[]
{
    ("machina", machina.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : machina, machina.EndsWith(".dll", StringComparison.Ordinal) ? new[] { machina } : []),
    ("qemu-system-x86_64", "qemu-system-x86_64", Array.Empty<string>()),
})
{
    var starts = new List<double>();
    var rss = new List<long>();
    double rate = 0;
    for (var i = 0; i < runs; i++)
    {
        var (elapsed, memory, qomRate) = await MeasureAsync(program, prefix, i == runs - 1 ? qomGets : 0);
        starts.Add(elapsed);
        rss.Add(memory);
        rate = qomRate;
    }

    starts.Sort();
    rss.Sort();
    Console.WriteLine($"{name,-22} {starts[starts.Count / 2],11:F1} ms {starts[0],7:F1} ms {rss[rss.Count / 2] / 1024.0,8:F1} MB {rate,10:F0}");
}

static async Task<(double StartMs, long RssKb, double QomGetsPerSecond)> MeasureAsync(string program, string[] prefix, int qomGets)
{
    var folder = Directory.CreateTempSubdirectory("machina-bench-").FullName;
    var socket = Path.Combine(folder, "qmp.sock");
    var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in prefix.Concat(["-machine", "none", "-nodefaults", "-display", "none", "-qmp", $"unix:{socket},server=on,wait=off"]))
    {
        info.ArgumentList.Add(a);
    }

    var clock = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    while (true)
    {
        try
        {
            await client.ConnectAsync(new UnixDomainSocketEndPoint(socket));
            break;
        }
        catch (SocketException)
        {
            await Task.Delay(1);
        }
    }

    using var stream = new NetworkStream(client);
    var reader = new StreamReader(stream, Encoding.UTF8);
    await reader.ReadLineAsync();
    var startMs = clock.Elapsed.TotalMilliseconds;
    var rssKb = ReadRss(process.Id);

    async Task<string?> Execute(string request)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request + "\n"));
        return await reader.ReadLineAsync();
    }

    await Execute("{\"execute\":\"qmp_capabilities\"}");
    double rate = 0;
    if (qomGets > 0)
    {
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < qomGets; i++)
        {
            await Execute("{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"/machine\",\"property\":\"type\"}}");
        }

        rate = qomGets / timer.Elapsed.TotalSeconds;
    }

    await stream.WriteAsync("{\"execute\":\"quit\"}\n"u8.ToArray());
    await process.WaitForExitAsync();
    Directory.Delete(folder, recursive: true);
    return (startMs, rssKb, rate);
}

static long ReadRss(int pid)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
        {
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
    }

    return 0;
}
