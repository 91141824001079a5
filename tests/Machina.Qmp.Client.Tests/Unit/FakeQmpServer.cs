using System.IO.Pipelines;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Qmp.Client.Tests.Unit;

/// <summary>
/// The server end of an in-memory connection, scripted by a test: it reads the client's messages
/// one by one and writes whatever bytes the test wants, so replies can come in any order or not at all.
/// </summary>
internal sealed class FakeQmpServer : IAsyncDisposable
{
    public const string GreetingWithOob = """{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "fake"}, "capabilities": ["oob"]}}""";
    public const string GreetingWithoutOob = """{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": ""}, "capabilities": []}}""";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly QJsonMessageSplitter _splitter = new();

    public FakeQmpServer() => ClientStream = new DuplexStream(_toClient.Reader.AsStream(), _toServer.Writer.AsStream());

    /// <summary>The stream to give the client.</summary>
    public Stream ClientStream { get; }

    /// <summary>Starts a client on this server: greets, answers qmp_capabilities.</summary>
    public static async Task<(FakeQmpServer Server, QmpClient Client)> ConnectAsync(string greeting = GreetingWithOob, QmpClientOptions? options = null)
    {
        var server = new FakeQmpServer();
        await server.SendAsync(greeting);
        var connecting = QmpClient.ConnectAsync(server.ClientStream, options);
        var negotiation = await server.ReadAsync();
        await server.ReplyAsync(negotiation, "{}");
        var client = await connecting.WaitAsync(Patience);
        server.Negotiation = negotiation;
        return (server, client);
    }

    /// <summary>What the client sent to negotiate.</summary>
    public QDict Negotiation { get; private set; } = null!;

    public async Task SendAsync(string text)
    {
        await _toClient.Writer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text + "\r\n"));
    }

    /// <summary>Replies to <paramref name="request"/> with <c>{"return": RESULT, "id": ID}</c>.</summary>
    public Task ReplyAsync(QDict request, string resultJson) =>
        SendAsync($$"""{"return": {{resultJson}}, "id": {{QJson.ToJson(request["id"])}}}""");

    /// <summary>The client's next message.</summary>
    public async Task<QDict> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            if (_splitter.TryRead(out var message))
            {
                return (QDict)message.Value!;
            }

            var result = await _toServer.Reader.ReadAsync(timeout.Token);
            foreach (var segment in result.Buffer)
            {
                _splitter.Feed(segment.Span);
            }

            _toServer.Reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted && _splitter.Count == 0)
            {
                throw new EndOfStreamException("the client closed the connection");
            }
        }
    }

    /// <summary>Closes the server's side, as a dying QEMU would.</summary>
    public async Task HangUpAsync() => await _toClient.Writer.CompleteAsync();

    public async ValueTask DisposeAsync()
    {
        await _toClient.Writer.CompleteAsync();
        await _toServer.Reader.CompleteAsync();
    }

    /// <summary>A stream reading from one pipe and writing to another.</summary>
    private sealed class DuplexStream(Stream input, Stream output) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => output.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => input.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => output.WriteAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                input.Dispose();
                output.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
