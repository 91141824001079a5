using Machina.TestSupport;

namespace Machina.Qmp.Tests.Conformance;

/// <summary>A QMP server the conformance suite talks to through its socket: real QEMU or Machina.</summary>
public abstract class QmpEngine : IAsyncDisposable
{
    /// <summary>The engine's name in failure messages.</summary>
    public abstract string Name { get; }

    /// <summary>A new client connection (its greeting not read yet).</summary>
    public abstract Task<RawQmpConnection> ConnectAsync();

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();
}

/// <summary>Real <c>qemu-system-x86_64 -machine none</c>.</summary>
internal sealed class QemuEngine(QemuProcess qemu) : QmpEngine
{
    public override string Name => "QEMU";

    public static async Task<QemuEngine> StartAsync() => new(await QemuProcess.StartAsync());

    public override Task<RawQmpConnection> ConnectAsync() => qemu.ConnectAsync();

    public override ValueTask DisposeAsync() => qemu.DisposeAsync();
}

/// <summary>Machina's server with the built-in commands and the test ones (<see cref="TestServer"/>).</summary>
internal sealed class MachinaEngine(TestServer server) : QmpEngine
{
    public override string Name => "Machina";

    public static MachinaEngine Start() => new(TestServer.Start());

    public override Task<RawQmpConnection> ConnectAsync() => server.ConnectAsync();

    public override ValueTask DisposeAsync() => server.DisposeAsync();
}
