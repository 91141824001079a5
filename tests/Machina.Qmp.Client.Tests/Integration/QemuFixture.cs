using Machina.TestSupport;

namespace Machina.Qmp.Client.Tests.Integration;

/// <summary>A real <c>qemu-system-x86_64 -M pc -S</c> and a client connected to it.</summary>
internal sealed class QemuSession : IAsyncDisposable
{
    public static readonly string[] PcPaused = ["-M", "pc", "-S"];

    private QemuSession(QemuProcess qemu, QmpClient client)
    {
        Qemu = qemu;
        Client = client;
    }

    public QemuProcess Qemu { get; }

    public QmpClient Client { get; }

    public static async Task<QemuSession> StartAsync()
    {
        var qemu = await QemuProcess.StartAsync(PcPaused);
        try
        {
            var client = await QmpClient.ConnectUnixAsync(qemu.SocketPath, cancellationToken: TestContext.Current.CancellationToken);
            return new QemuSession(qemu, client);
        }
        catch
        {
            await qemu.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Qemu.DisposeAsync();
    }
}
