using Machina.Qapi;
using Machina.Qom.Memory;

namespace Machina.Qom.Backends;

/// <summary>
/// Guest RAM in anonymous host memory (QEMU's <c>memory-backend-ram</c>, backends/hostmem-ram.c):
/// <c>-object memory-backend-ram,id=mem0,size=1G</c>. The memory is a real mapping, committed page
/// by page as it is first touched unless <c>prealloc=on</c>.
/// </summary>
[QomType("memory-backend-ram", Options = typeof(MemoryBackendProperties))]
public sealed class MemoryBackendRam : MemoryBackend
{
    /// <inheritdoc/>
    protected override void Allocate()
    {
        if (Size == 0)
        {
            throw new QapiException("can't create backend with size 0");
        }

        Region = MemoryRegion.CreateRam(Runtime, this, BackendName, Size, Share, Reserve);
    }
}
