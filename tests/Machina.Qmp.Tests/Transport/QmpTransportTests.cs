using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Machina.TestSupport;

namespace Machina.Qmp.Tests.Transport;

/// <summary>The same session over every transport, and several clients at once.</summary>
public sealed class QmpTransportTests
{
    private const string Greeting = """{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "Machina"}, "capabilities": ["oob"]}}""" + "\r\n";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    public async Task A_session_over_tcp(string address)
    {
        await using var server = new QmpServer();
        var listener = server.ListenTcp(new IPEndPoint(IPAddress.Parse(address), 0));
        var port = ((IPEndPoint)listener.EndPoint).Port;

        // The dual-stack listener takes IPv4 clients too.
        var target = address == "::" ? IPAddress.Loopback : IPAddress.Parse(address);
        await using var client = await RawQmpConnection.ConnectTcpAsync(new IPEndPoint(target, port));
        await RunSessionAsync(client);
    }

    [Fact]
    public async Task A_session_over_any_stream()
    {
        await using var server = new QmpServer();
        var toServer = new Pipe();
        var toClient = new Pipe();
        var serving = server.ServeAsync(new DuplexStream(toServer.Reader, toClient.Writer), "in-memory", TestContext.Current.CancellationToken);
        var client = new RawQmpConnection(new DuplexStream(toClient.Reader, toServer.Writer));
        await RunSessionAsync(client);

        // Closing the client's side ends the session and ServeAsync.
        await client.DisposeAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Serve_ends_the_session_when_its_token_is_cancelled()
    {
        await using var server = new QmpServer();
        var toServer = new Pipe();
        var toClient = new Pipe();
        using var stop = new CancellationTokenSource();
        var serving = server.ServeAsync(new DuplexStream(toServer.Reader, toClient.Writer), cancellationToken: stop.Token);
        await using var client = new RawQmpConnection(new DuplexStream(toClient.Reader, toServer.Writer));
        Assert.Equal(Greeting, await client.ReadLineTextAsync());
        await stop.CancelAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Null(await client.ReadLineTextAsync());
    }

    [Fact]
    public async Task Every_client_of_a_socket_is_served_at_once()
    {
        await using var host = TestServer.Start();

        // QEMU would make the second wait for the first to leave; Machina greets both.
        await using var first = await host.ConnectAsync();
        await using var second = await host.ConnectAsync();
        Assert.Equal(Greeting, await second.ReadLineTextAsync());
        Assert.Equal(Greeting, await first.ReadLineTextAsync());

        // Negotiation is per session.
        await second.SendAsync("""{"execute": "qmp_capabilities"}""");
        Assert.Equal("{\"return\": {}}\r\n", await second.ReadLineTextAsync());
        await first.SendAsync("""{"execute": "query-status"}""");
        Assert.Contains("Expecting capabilities negotiation", await first.ReadLineTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unix_socket_left_behind_is_replaced_and_removed_on_dispose()
    {
        var folder = Directory.CreateTempSubdirectory("machina-qmp-").FullName;
        var path = Path.Combine(folder, "qmp.sock");
        try
        {
            await using (var stale = new QmpServer())
            {
                stale.ListenUnix(path);
            }

            await File.WriteAllTextAsync(path, "left behind", TestContext.Current.CancellationToken);
            await using (var server = new QmpServer())
            {
                var listener = server.ListenUnix(path);
                await using var client = await RawQmpConnection.ConnectUnixAsync(path);
                Assert.Equal(Greeting, await client.ReadLineTextAsync());
                await listener.DisposeAsync();
                Assert.False(File.Exists(path));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunSessionAsync(RawQmpConnection client)
    {
        Assert.Equal(Greeting, await client.ReadLineTextAsync());
        await client.SendAsync("""{"execute": "qmp_capabilities"}{"execute": "query-status", "id": 1}""");
        Assert.Equal("{\"return\": {}}\r\n", await client.ReadLineTextAsync());
        Assert.Equal("""{"return": {"status": "running", "singlestep": false, "running": true}, "id": 1}""" + "\r\n", await client.ReadLineTextAsync());
    }

    /// <summary>A stream made of two pipes: what a host hands over when its transport is not a socket.</summary>
    private sealed class DuplexStream(PipeReader input, PipeWriter output) : Stream
    {
        private readonly Stream _input = input.AsStream();
        private readonly Stream _output = output.AsStream();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => _output.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _input.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => _output.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _output.WriteAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // The peer's reads end, as when a socket closes.
                output.Complete();
                input.Complete();
            }

            base.Dispose(disposing);
        }
    }
}
