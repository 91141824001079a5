using System.Text;

namespace Machina.Qom.Memory;

/// <summary>
/// A region of guest-visible memory (QEMU's <c>memory-region</c>, softmmu/memory.c), as far as
/// the object model sees it: a named child of its owner (<c>mem0[0]</c>), with read-only
/// properties <c>container</c>, <c>addr</c>, <c>priority</c> and <c>size</c>. A RAM region owns
/// its <see cref="HostMemory"/> and frees it when finalised.
/// </summary>
[QomType("memory-region")]
public class MemoryRegion : QomObject
{
    /// <summary>The region this one is mapped into, or null.</summary>
    public MemoryRegion? Container { get; set; }

    /// <summary>The offset within <see cref="Container"/> (property <c>addr</c>).</summary>
    public ulong Address { get; set; }

    /// <summary>The priority among overlapping regions (property <c>priority</c>, shown as <c>uint32</c> and read as an int32, as QEMU does).</summary>
    public int Priority { get; set; }

    /// <summary>The size in bytes (property <c>size</c>); <see cref="ulong.MaxValue"/> stands for the whole 2^64 space.</summary>
    public ulong Size { get; private set; }

    /// <summary>The region's name, or null for an anonymous region.</summary>
    public string? Name { get; private set; }

    /// <summary>The object that owns the region.</summary>
    public QomObject? Owner { get; private set; }

    /// <summary>The host memory behind a RAM region, or null.</summary>
    public HostMemory? Ram { get; private set; }

    /// <summary>
    /// Creates a region and, when it has a name, adds it as child <c>NAME[*]</c> of
    /// <paramref name="owner"/>, or of <c>/machine/unattached</c> without an owner (QEMU's
    /// <c>memory_region_init</c>). The owner then holds the region's only reference.
    /// </summary>
    public static MemoryRegion Create(QomRuntime runtime, QomObject? owner, string? name, ulong size)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var region = runtime.New<MemoryRegion>();
        region.Initialize(runtime, owner, name, size);
        return region;
    }

    /// <summary>
    /// Creates a RAM region backed by newly allocated host memory (QEMU's
    /// <c>memory_region_init_ram_flags_nomigrate</c>).
    /// </summary>
    /// <exception cref="Machina.Qapi.QapiException">The host refused the memory: "cannot set up guest memory 'NAME': REASON".</exception>
    public static MemoryRegion CreateRam(QomRuntime runtime, QomObject? owner, string? name, ulong size, bool shared, bool reserve)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var ram = HostMemory.Allocate(name ?? "(null)", size, shared, reserve);
        var region = runtime.New<MemoryRegion>();
        region.Ram = ram;
        region.Initialize(runtime, owner, name, size);
        return region;
    }

    /// <summary>A region name as a property name: '/', '[', '\' and ']' become <c>\x2f</c> and the like (QEMU's <c>memory_region_escape_name</c>).</summary>
    public static string EscapeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.AsSpan().IndexOfAny("/[\\]") < 0)
        {
            return name;
        }

        var escaped = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (c is '/' or '[' or '\\' or ']')
            {
                escaped.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    [QomInstanceInit]
    private void AddProperties()
    {
        AddLinkProperty("container", "memory-region", () => Container, null, null);
        AddUInt64Property("addr", () => Address);
        AddProperty("priority", "uint32", static (obj, v, name) =>
        {
            var value = ((MemoryRegion)obj).Priority;
            v.VisitInt32(name, ref value);
        }, null);
        AddProperty("size", "uint64", static (obj, v, name) =>
        {
            var value = ((MemoryRegion)obj).Size;
            v.VisitUInt64(name, ref value);
        }, null);
    }

    [QomInstanceFinalize]
    private void FreeRam()
    {
        Ram?.Dispose();
        Ram = null;
    }

    private void Initialize(QomRuntime runtime, QomObject? owner, string? name, ulong size)
    {
        Size = size;
        Name = name;
        Owner = owner;
        if (name is not null)
        {
            var parent = owner ?? runtime.GetContainer("/machine/unattached");
            parent.AddChild(EscapeName(name) + "[*]", this);
            Unref();
        }
    }
}
