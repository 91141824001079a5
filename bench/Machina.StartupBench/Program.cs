// Spawn-to-greeting time, resident memory at the greeting, and qom-get round trips per second,
// for one or more machina builds and for qemu-system-x86_64, all with -machine none, in one run.
// The programs take turns, one start each per round, so a change in the machine's load touches
// them alike.
//
//   dotnet run -c Release --project bench/Machina.StartupBench -- [--runs N] [--qom-gets N] [LABEL=PROGRAM]...
//
// PROGRAM is a machina executable; one ending in .dll runs through the dotnet host. Without any,
// the builds the README describes are used when present: artifacts/machina-native/machina
// (Native AOT) and artifacts/machina/machina (ReadyToRun).
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

var runs = 21;
var qomGets = 20000;
var programs = new List<(string Label, string Path)>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--qom-gets":
            qomGets = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            var split = args[i].IndexOf('=', StringComparison.Ordinal);
            programs.Add(split < 0 ? ("machina", Path.GetFullPath(args[i])) : (args[i][..split], Path.GetFullPath(args[i][(split + 1)..])));
            break;
    }
}

if (programs.Count == 0)
{
    foreach (var (label, path) in new[] { ("machina native", "artifacts/machina-native/machina"), ("machina ReadyToRun", "artifacts/machina/machina") })
    {
        if (File.Exists(path))
        {
            programs.Add((label, Path.GetFullPath(path)));
        }
    }
}

programs.Add(("qemu-system-x86_64", "qemu-system-x86_64"));

Console.WriteLine($"{Environment.ProcessorCount} CPUs, load {File.ReadAllText("/proc/loadavg").Trim()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {runs} runs each");
var starts = programs.Select(_ => new List<double>()).ToArray();
var rss = programs.Select(_ => new List<long>()).ToArray();
var rates = new double[programs.Count];

// One warm-up start each (page cache), then the measured rounds; qom-get on the last round.
for (var round = -1; round < runs; round++)
{
    for (var p = 0; p < programs.Count; p++)
    {
        var (elapsed, memory, rate) = await MeasureAsync(programs[p].Path, round == runs - 1 ? qomGets : 0);
        if (round >= 0)
        {
            starts[p].Add(elapsed);
            rss[p].Add(memory);
            rates[p] = rate;
        }
    }
}

Console.WriteLine($"{"program",-22} {"start median",14} {"start min",10} {"RSS median",11} {"qom-get/s",10}");
for (var p = 0; p < programs.Count; p++)
{
    starts[p].Sort();
    rss[p].Sort();
    Console.WriteLine($"{programs[p].Label,-22} {starts[p][runs / 2],11:F1} ms {starts[p][0],7:F1} ms {rss[p][runs / 2] / 1024.0,8:F1} MB {rates[p],10:F0}");
}

Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");

static async Task<(double StartMs, long RssKb, double QomGetsPerSecond)> MeasureAsync(string program, int qomGets)
{
    var folder = Directory.CreateTempSubdirectory("machina-bench-").FullName;
    var socket = Path.Combine(folder, "qmp.sock");
    var viaHost = program.EndsWith(".dll", StringComparison.Ordinal);
    var info = new ProcessStartInfo(viaHost ? "dotnet" : program)
    {
        UseShellExecute = false,
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    foreach (var a in (viaHost ? [program] : Array.Empty<string>()).Concat(["-machine", "none", "-nodefaults", "-display", "none", "-qmp", $"unix:{socket},server=on,wait=off"]))
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
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

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
