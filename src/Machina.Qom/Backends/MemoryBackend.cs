using System.Numerics;
using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.Qom.Machines;
using Machina.Qom.Memory;

namespace Machina.Qom.Backends;

/// <summary>
/// Host memory for guest RAM (QEMU's abstract <c>memory-backend</c>, backends/hostmem.c): its size,
/// whether it is shared, merged, dumped, preallocated and bound to host NUMA nodes. Completing the
/// object allocates the memory as a <see cref="MemoryRegion"/> child; after that the size, sharing
/// and reservation are fixed, while merge, dump and prealloc apply at once.
/// </summary>
[QomType("memory-backend", Abstract = true)]
public abstract class MemoryBackend : QomObject, IUserCreatable
{
    /// <summary>The most host NUMA nodes a backend can be bound to (QEMU's <c>MAX_NODES</c>).</summary>
    public const int MaxNodes = 128;

    private readonly ulong[] _hostNodes = new ulong[(MaxNodes + 1 + 63) / 64];
    private ulong _size;
    private bool _merge;
    private bool _dump;
    private bool _prealloc;
    private uint _preallocThreads;
    private bool _share;
    private bool _reserve;

    /// <summary>The memory region holding the memory, once allocated.</summary>
    public MemoryRegion? Region { get; protected set; }

    /// <summary>The size in bytes (property <c>size</c>).</summary>
    public ulong Size => _size;

    /// <summary>Whether the memory is shared with other processes (property <c>share</c>).</summary>
    public bool Share => _share;

    /// <summary>Whether swap space is reserved (property <c>reserve</c>).</summary>
    public bool Reserve => _reserve;

    /// <summary>The NUMA policy (property <c>policy</c>).</summary>
    public HostMemPolicy Policy { get; private set; }

    /// <summary>The thread context preallocation runs in (property <c>prealloc-context</c>, a strong link).</summary>
    public QomObject? PreallocContext { get; private set; }

    /// <summary>Whether the region's RAM block is named by its full path rather than its id (property <c>x-use-canonical-path-for-ramblock-id</c>).</summary>
    public bool UseCanonicalPath { get; set; }

    /// <summary>True while a machine maps the memory into a guest; then <c>object-del</c> refuses to delete it.</summary>
    public bool IsMapped { get; set; }

    /// <summary>True once the memory is allocated (QEMU's <c>host_memory_backend_mr_inited</c>).</summary>
    public bool IsAllocated => Region is not null;

    /// <summary>The backend's id, or its full path with <see cref="UseCanonicalPath"/> (QEMU's <c>host_memory_backend_get_name</c>).</summary>
    public string? BackendName => UseCanonicalPath ? CanonicalPath : CanonicalPathComponent;

    /// <summary>Whether object-del may delete it: not while it is mapped.</summary>
    public bool CanBeDeleted => !IsMapped;

    /// <summary>The host NUMA nodes the memory is bound to, in ascending order.</summary>
    public IReadOnlyList<ushort> HostNodes
    {
        get
        {
            var nodes = new List<ushort>();
            for (var node = 0; node < MaxNodes; node++)
            {
                if ((_hostNodes[node / 64] & (1UL << (node % 64))) != 0)
                {
                    nodes.Add((ushort)node);
                }
            }

            return nodes;
        }
    }

    /// <summary>Allocates the memory, applies merge, dump, NUMA binding and preallocation (QEMU's <c>host_memory_backend_memory_complete</c>).</summary>
    /// <exception cref="QapiException">Allocation, the NUMA settings or binding failed, with QEMU's messages.</exception>
    public virtual void Complete()
    {
        Allocate();
        var ram = Region?.Ram;
        if (ram is null)
        {
            return;
        }

        if (_merge)
        {
            ram.SetMergeable(true);
        }

        if (!_dump)
        {
            ram.SetDumpable(false);
        }

        var maxNode = HighestNode() + 1;
        if (maxNode != 0 && Policy == HostMemPolicy.Default)
        {
            throw new QapiException("host-nodes must be empty for policy default, or you should explicitly specify a policy other than default");
        }

        if (maxNode == 0 && Policy != HostMemPolicy.Default)
        {
            throw new QapiException($"host-nodes must be set for policy {Policy.ToQapiName()}");
        }

        if (maxNode != 0)
        {
            var errno = ram.Bind((int)Policy, _hostNodes, (ulong)maxNode + 1);
            if (errno != 0 && (Policy != HostMemPolicy.Default || errno != 38))
            {
                throw new QapiException($"cannot bind memory to host NUMA nodes: {HostMemory.Describe(errno)}");
            }
        }

        if (_prealloc)
        {
            ram.Preallocate((int)_preallocThreads);
        }
    }

    /// <summary>Allocates the memory into <see cref="Region"/> (QEMU's backend class <c>alloc</c>).</summary>
    /// <exception cref="QapiException">Allocation failed.</exception>
    protected abstract void Allocate();

    [QomClassInit]
    private static void InitClass(ObjectClass klass)
    {
        klass.AddBoolProperty<MemoryBackend>("merge", static b => b._merge, static (b, v) => b.SetMerge(v))
            .Description = "Mark memory as mergeable";
        klass.AddBoolProperty<MemoryBackend>("dump", static b => b._dump, static (b, v) => b.SetDump(v))
            .Description = "Set to 'off' to exclude from core dump";
        klass.AddBoolProperty<MemoryBackend>("prealloc", static b => b._prealloc, static (b, v) => b.SetPrealloc(v))
            .Description = "Preallocate memory";
        klass.AddProperty("prealloc-threads", "int", GetPreallocThreads, SetPreallocThreads)
            .Description = "Number of CPU threads to use for prealloc";
        klass.AddLinkProperty<MemoryBackend>("prealloc-context", "thread-context",
                static b => b.PreallocContext, static (b, t) => b.PreallocContext = t, LinkChecks.AllowSet, strong: true)
            .Description = "Context to use for creating CPU threads for preallocation";
        klass.AddProperty("size", "int", GetSize, SetSize)
            .Description = "Size of the memory region (ex: 500M)";
        klass.AddProperty("host-nodes", "int", GetHostNodes, SetHostNodes)
            .Description = "Binds memory to the list of NUMA host nodes";
        klass.AddEnumProperty<MemoryBackend, HostMemPolicy>("policy", static b => b.Policy, static (b, v) => b.SetPolicy(v))
            .Description = "Set the NUMA policy";
        klass.AddBoolProperty<MemoryBackend>("share", static b => b._share, static (b, v) => b.SetShare(v))
            .Description = "Mark the memory as private to QEMU or shared";
        klass.AddBoolProperty<MemoryBackend>("reserve", static b => b._reserve, static (b, v) => b.SetReserve(v))
            .Description = "Reserve swap space (or huge pages) if applicable";
        klass.AddBoolProperty<MemoryBackend>("x-use-canonical-path-for-ramblock-id",
            static b => b.UseCanonicalPath, static (b, v) => b.UseCanonicalPath = v);
    }

    private static void GetSize(QomObject obj, Visitor v, string name)
    {
        var value = ((MemoryBackend)obj)._size;
        v.VisitSize(name, ref value);
    }

    private static void SetSize(QomObject obj, Visitor v, string name)
    {
        var backend = (MemoryBackend)obj;
        if (backend.IsAllocated)
        {
            throw new QapiException($"cannot change property {name} of {obj.TypeName} ");
        }

        ulong value = 0;
        v.VisitSize(name, ref value);
        if (value == 0)
        {
            throw new QapiException($"property '{name}' of {obj.TypeName} doesn't take value '0'");
        }

        backend._size = value;
    }

    private static void GetPreallocThreads(QomObject obj, Visitor v, string name)
    {
        var value = ((MemoryBackend)obj)._preallocThreads;
        v.VisitUInt32(name, ref value);
    }

    private static void SetPreallocThreads(QomObject obj, Visitor v, string name)
    {
        uint value = 0;
        v.VisitUInt32(name, ref value);
        if (value == 0)
        {
            throw new QapiException($"property '{name}' of {obj.TypeName} doesn't take value '0'");
        }

        ((MemoryBackend)obj)._preallocThreads = value;
    }

    private static void GetHostNodes(QomObject obj, Visitor v, string name)
    {
        QapiList<ushort>? nodes = [.. ((MemoryBackend)obj).HostNodes];
        v.VisitUInt16List(name, ref nodes);
    }

    private static void SetHostNodes(QomObject obj, Visitor v, string name)
    {
        var backend = (MemoryBackend)obj;
        QapiList<ushort>? nodes = null;
        v.VisitUInt16List(name, ref nodes);
        foreach (var node in nodes)
        {
            if (node >= MaxNodes)
            {
                throw new QapiException($"Invalid host-nodes value: {node}");
            }
        }

        // QEMU adds to the nodes already set; it never clears any.
        foreach (var node in nodes)
        {
            backend._hostNodes[node / 64] |= 1UL << (node % 64);
        }
    }

    [QomInstanceInit]
    private void Init()
    {
        // QEMU takes these defaults from the machine (-machine mem-merge, dump-guest-core, -smp).
        var machine = Runtime.ResolvePath("/machine", out _) as Machine;
        _merge = machine?.MemMerge ?? true;
        _dump = machine?.DumpGuestCore ?? true;
        _reserve = true;
        _preallocThreads = machine?.Cpus ?? 1;
    }

    private int HighestNode()
    {
        for (var word = _hostNodes.Length - 1; word >= 0; word--)
        {
            if (_hostNodes[word] != 0)
            {
                var node = (word * 64) + 63 - BitOperations.LeadingZeroCount(_hostNodes[word]);
                if (node < MaxNodes)
                {
                    return node;
                }
            }
        }

        return -1;
    }

    private void SetMerge(bool value)
    {
        if (Region?.Ram is { } ram && value != _merge)
        {
            ram.SetMergeable(value);
        }

        _merge = value;
    }

    private void SetDump(bool value)
    {
        if (Region?.Ram is { } ram && value != _dump)
        {
            ram.SetDumpable(value);
        }

        _dump = value;
    }

    private void SetPrealloc(bool value)
    {
        if (!_reserve && value)
        {
            throw new QapiException("'prealloc=on' and 'reserve=off' are incompatible");
        }

        if (Region?.Ram is not { } ram)
        {
            _prealloc = value;
            return;
        }

        if (value && !_prealloc)
        {
            ram.Preallocate((int)_preallocThreads);
            _prealloc = true;
        }
    }

    private void SetPolicy(HostMemPolicy value) => Policy = value;

    private void SetShare(bool value)
    {
        if (IsAllocated)
        {
            throw new QapiException("cannot change property value");
        }

        _share = value;
    }

    private void SetReserve(bool value)
    {
        if (IsAllocated)
        {
            throw new QapiException("cannot change property value");
        }

        if (_prealloc && !value)
        {
            throw new QapiException("'prealloc=on' and 'reserve=off' are incompatible");
        }

        _reserve = value;
    }
}
