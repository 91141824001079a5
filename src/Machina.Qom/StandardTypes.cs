using Machina.Qom.Authz;
using Machina.Qom.Backends;
using Machina.Qom.Crypto;
using Machina.Qom.Machines;
using Machina.Qom.Memory;
using Machina.Qom.Threads;

namespace Machina.Qom;

/// <summary>The real QOM types Machina implements, registered in one call.</summary>
public static class StandardTypes
{
    /// <summary>
    /// Registers <c>secret_common</c>, <c>secret</c>, <c>memory-region</c>, <c>memory-backend</c>,
    /// <c>memory-backend-ram</c>, <c>event-loop-base</c>, <c>iothread</c>, <c>authz</c>,
    /// <c>authz-simple</c>, <c>machine</c> and <c>none-machine</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">One of them is registered already.</exception>
    public static void RegisterAll(QomTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(types);
        types.Register<SecretCommon>();
        types.Register<Secret>();
        types.Register<MemoryRegion>();
        types.Register<MemoryBackend>();
        types.Register<MemoryBackendRam>();
        types.Register<EventLoopBase>();
        types.Register<IoThread>();
        types.Register<AuthZ>();
        types.Register<AuthZSimple>();
        types.Register<Machine>();
        types.Register<NoneMachine>();
    }

    /// <summary>A runtime with every standard type registered.</summary>
    public static QomRuntime CreateRuntime()
    {
        var runtime = new QomRuntime();
        RegisterAll(runtime.Types);
        return runtime;
    }
}
