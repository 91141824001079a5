// Per-call overhead of Machina's QMP client against a bare socket client, in the same run, against
// the same real QEMU 7.2 (`qemu-system-x86_64 -M pc -S -nodefaults -display none`):
//
//   dotnet run -c Release --project bench/Machina.QmpClientBench [-- --calls N --rounds R --pipelined N]
//
// QEMU serves one QMP client at a time, so the clients take turns: each round runs N sequential
// query-status calls with every client (raw socket, QmpClient.ExecuteAsync, typed QueryStatusAsync),
// in rotating order, and the report gives the median round's microseconds per call. A last pass sends
// N typed calls at once (pipelined) to show what id correlation buys.
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Machina.Qmp.Client;
using Machina.Qmp.Qemu;
using Machina.TestSupport;

var calls = Option("--calls", 5_000);
var rounds = Option("--rounds", 5);
var pipelined = Option("--pipelined", 20_000);

await using var qemu = await QemuProcess.StartAsync(["-M", "pc", "-S"]);
var clients = new (string Name, Func<Task<double>> Run)[]
{
    ("raw socket (bytes out, line in)", () => RawAsync(qemu.SocketPath, calls)),
    ("QmpClient.ExecuteAsync (QObject)", () => ExecuteAsync(qemu.SocketPath, calls)),
    ("typed QueryStatusAsync (StatusInfo)", () => TypedAsync(qemu.SocketPath, calls)),
};

// Warm-up: compile every path before timing.
foreach (var (_, run) in clients)
{
    await run();
}

var results = clients.Select(_ => new List<double>()).ToArray();
for (var round = 0; round < rounds; round++)
{
    for (var i = 0; i < clients.Length; i++)
    {
        var index = (i + round) % clients.Length;
        results[index].Add(await clients[index].Run());
    }
}

Console.WriteLine($"{calls} sequential query-status calls per client and round, {rounds} rounds; median round:");
var baseline = Median(results[0]);
for (var i = 0; i < clients.Length; i++)
{
    var median = Median(results[i]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {clients[i].Name,-38} {median,8:F1} us/call  (+{median - baseline,6:F1} us over raw; rounds {string.Join(" ", results[i].Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))})"));
}

await using (var client = await QmpClient.ConnectUnixAsync(qemu.SocketPath))
{
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, pipelined).Select(_ => client.QueryStatusAsync()));
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{pipelined} typed calls in flight at once: {watch.Elapsed.TotalMicroseconds / pipelined:F1} us/call ({pipelined / watch.Elapsed.TotalSeconds:F0} calls/s)"));
}

return 0;

static async Task<double> RawAsync(string path, int count)
{
    using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
    await using var stream = new NetworkStream(socket);
    var reader = new LineReader(stream);
    await reader.ReadLineAsync(); // greeting
    await stream.WriteAsync(Encoding.ASCII.GetBytes("""{"execute": "qmp_capabilities"}"""));
    await reader.ReadLineAsync();
    var request = Encoding.ASCII.GetBytes("""{"execute": "query-status"}""");
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await stream.WriteAsync(request);
        await reader.ReadLineAsync();
    }

    return watch.Elapsed.TotalMicroseconds / count;
}

static async Task<double> ExecuteAsync(string path, int count)
{
    await using var client = await QmpClient.ConnectUnixAsync(path);
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await client.ExecuteAsync("query-status");
    }

    return watch.Elapsed.TotalMicroseconds / count;
}

static async Task<double> TypedAsync(string path, int count)
{
    await using var client = await QmpClient.ConnectUnixAsync(path);
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await client.QueryStatusAsync();
    }

    return watch.Elapsed.TotalMicroseconds / count;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>Reads lines from a stream with one reusable buffer; the bare minimum a raw client does.</summary>
internal sealed class LineReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;

    public async Task ReadLineAsync()
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                _start = newline + 1;
                return;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end));
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            _end += read;
        }
    }
}
