using System.Globalization;
using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.Qom.Memory;

namespace Machina.Qom.Machines;

/// <summary>
/// The machine, <c>/machine</c> (QEMU's abstract <c>machine</c>, hw/core/machine.c, as far as the
/// object model goes): the board's configuration as properties — kernel, firmware and device
/// tree files, the boot order, the CPU topology, the memory size, the RAM backend — and the
/// containers <c>peripheral</c>, <c>peripheral-anon</c> and <c>unattached</c>. The QOM type is
/// abstract; a board either derives a class from this one or, as QEMU's <c>DEFINE_MACHINE</c> does,
/// registers a type named <c>NAME-machine</c> with parent <c>machine</c> and a class-init that fills
/// in its <see cref="MachineClass"/>. <see cref="NoneMachine"/> is the empty board.
/// </summary>
[QomType("machine", Abstract = true, ClassType = typeof(MachineClass))]
public class Machine : QomObject
{
    private const string TypeSuffix = "-machine";

    private BootConfiguration _boot = new();

    /// <summary>The machine's class.</summary>
    public new MachineClass Class => (MachineClass)base.Class;

    /// <summary>The kernel image (property <c>kernel</c>).</summary>
    public string? Kernel { get; set; }

    /// <summary>The initial ramdisk (property <c>initrd</c>).</summary>
    public string? Initrd { get; set; }

    /// <summary>The kernel command line (property <c>append</c>).</summary>
    public string? Append { get; set; } = string.Empty;

    /// <summary>The device tree blob (property <c>dtb</c>).</summary>
    public string? Dtb { get; set; }

    /// <summary>Where to dump the generated device tree (property <c>dumpdtb</c>).</summary>
    public string? DumpDtb { get; set; }

    /// <summary>The current boot configuration (property <c>boot</c>), a copy.</summary>
    public BootConfiguration Boot => _boot with { };

    /// <summary>The CPU topology (property <c>smp</c>).</summary>
    public CpuTopology Smp { get; private set; }

    /// <summary>The first phandle the device tree code may allocate (property <c>phandle-start</c>).</summary>
    public long PhandleStart { get; set; }

    /// <summary>Overrides the device tree's root <c>compatible</c> (property <c>dt-compatible</c>).</summary>
    public string? DtCompatible { get; set; }

    /// <summary>Whether guest memory goes into core dumps (property <c>dump-guest-core</c>).</summary>
    public bool DumpGuestCore { get; set; } = true;

    /// <summary>Whether guest memory may be merged by the host (property <c>mem-merge</c>).</summary>
    public bool MemMerge { get; set; } = true;

    /// <summary>Whether USB is enabled (property <c>usb</c>).</summary>
    public bool Usb { get; set; }

    /// <summary>Whether graphics emulation is enabled (property <c>graphics</c>).</summary>
    public bool Graphics { get; set; } = true;

    /// <summary>The firmware image (property <c>firmware</c>).</summary>
    public string? Firmware { get; set; }

    /// <summary>Whether migration omits the self-describing section (property <c>suppress-vmdesc</c>).</summary>
    public bool SuppressVmdesc { get; set; }

    /// <summary>The confidential guest support object (property <c>confidential-guest-support</c>, a strong link).</summary>
    public QomObject? ConfidentialGuestSupport { get; private set; }

    /// <summary>The backend of the machine's RAM (property <c>memory-backend</c>, a strong link).</summary>
    public QomObject? MemoryBackend { get; private set; }

    /// <summary>The RAM size in bytes (property <c>memory</c>).</summary>
    public ulong RamSize { get; private set; }

    /// <summary>The most RAM with hotplug (property <c>memory</c>, <c>max-size</c>).</summary>
    public ulong MaxRamSize { get; private set; }

    /// <summary>The slots for hotplugged memory (property <c>memory</c>, <c>slots</c>).</summary>
    public ulong RamSlots { get; private set; }

    /// <summary>The number of CPUs at start.</summary>
    public uint Cpus => Smp.Cpus;

    /// <summary>
    /// Creates the machine <paramref name="machineName"/> as <c>/machine</c> with its
    /// <c>unattached</c> container and the system address spaces <c>system</c> and <c>io</c>
    /// (QEMU's <c>qemu_create_machine</c>).
    /// </summary>
    /// <exception cref="QapiException">No such machine: "unsupported machine type".</exception>
    public static Machine Create(QomRuntime runtime, string machineName)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(machineName);
        if (runtime.Types.FindClass(machineName + TypeSuffix) is not MachineClass { IsAbstract: false } klass)
        {
            throw new QapiException(QapiErrorClass.GenericError, "unsupported machine type", "Use -machine help to list supported machines\n");
        }

        var machine = (Machine)runtime.Root.AddNewChild("machine", klass.Name);
        var unattached = QomRuntime.GetContainer(machine, "/unattached");
        MemoryRegion.Create(runtime, null, "system", ulong.MaxValue);
        MemoryRegion.Create(runtime, null, "io", 65536);
        _ = unattached;
        return machine;
    }

    [QomClassBaseInit]
    private static void InitSubclass(MachineClass klass)
    {
        klass.MaxCpus = klass.MaxCpus == 0 ? 1 : klass.MaxCpus;
        klass.MinCpus = klass.MinCpus == 0 ? 1 : klass.MinCpus;
        klass.DefaultCpus = klass.DefaultCpus == 0 ? 1 : klass.DefaultCpus;
        if (!klass.IsAbstract)
        {
            if (!klass.Name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"machine type '{klass.Name}' must end in '{TypeSuffix}'");
            }

            klass.MachineName = klass.Name[..^TypeSuffix.Length];
        }
    }

    [QomClassInit]
    private static void InitClass(MachineClass klass)
    {
        // In QEMU's order, with QEMU's descriptions.
        klass.AddStringProperty<Machine>("kernel", static m => m.Kernel, static (m, v) => m.Kernel = v).Description = "Linux kernel image file";
        klass.AddStringProperty<Machine>("initrd", static m => m.Initrd, static (m, v) => m.Initrd = v).Description = "Linux initial ramdisk file";
        klass.AddStringProperty<Machine>("append", static m => m.Append, static (m, v) => m.Append = v).Description = "Linux kernel command line";
        klass.AddStringProperty<Machine>("dtb", static m => m.Dtb, static (m, v) => m.Dtb = v).Description = "Linux kernel device tree file";
        klass.AddStringProperty<Machine>("dumpdtb", static m => m.DumpDtb, static (m, v) => m.DumpDtb = v).Description = "Dump current dtb to a file and quit";
        klass.AddQapiProperty<Machine, BootConfiguration>("boot", static m => m._boot, static (m, v) => m.SetBoot(v))
            .Description = "Boot configuration";
        klass.AddProperty("smp", "SMPConfiguration", GetSmp, SetSmp).Description = "CPU topology";
        klass.AddInt64Property<Machine>("phandle-start", static m => m.PhandleStart, static (m, v) => m.PhandleStart = v, "int")
            .Description = "The first phandle ID we may generate dynamically";
        klass.AddStringProperty<Machine>("dt-compatible", static m => m.DtCompatible, static (m, v) => m.DtCompatible = v)
            .Description = "Overrides the \"compatible\" property of the dt root node";
        klass.AddBoolProperty<Machine>("dump-guest-core", static m => m.DumpGuestCore, static (m, v) => m.DumpGuestCore = v)
            .Description = "Include guest memory in a core dump";
        klass.AddBoolProperty<Machine>("mem-merge", static m => m.MemMerge, static (m, v) => m.MemMerge = v)
            .Description = "Enable/disable memory merge support";
        klass.AddBoolProperty<Machine>("usb", static m => m.Usb, static (m, v) => m.Usb = v).Description = "Set on/off to enable/disable usb";
        klass.AddBoolProperty<Machine>("graphics", static m => m.Graphics, static (m, v) => m.Graphics = v)
            .Description = "Set on/off to enable/disable graphics emulation";
        klass.AddStringProperty<Machine>("firmware", static m => m.Firmware, static (m, v) => m.Firmware = v).Description = "Firmware image";
        klass.AddBoolProperty<Machine>("suppress-vmdesc", static m => m.SuppressVmdesc, static (m, v) => m.SuppressVmdesc = v)
            .Description = "Set on to disable self-describing migration";
        klass.AddLinkProperty<Machine>("confidential-guest-support", "confidential-guest-support",
                static m => m.ConfidentialGuestSupport, static (m, t) => m.ConfidentialGuestSupport = t, LinkChecks.AllowSet, strong: true)
            .Description = "Set confidential guest scheme to support";
        klass.AddStringProperty<Machine>("memory-encryption", static m => m.ConfidentialGuestSupport?.CanonicalPathComponent,
                static (m, v) => m.SetMemoryEncryption(v))
            .Description = "Set memory encryption object to use";
        klass.AddLinkProperty<Machine>("memory-backend", "memory-backend",
                static m => m.MemoryBackend, static (m, t) => m.MemoryBackend = t, LinkChecks.AllowSet, strong: true)
            .Description = "Set RAM backendValid value is ID of hostmem based backend";
        klass.AddProperty("memory", "MemorySizeConfiguration", GetMemory, SetMemory).Description = "Memory size configuration";
    }

    [QomInstanceInit]
    private void Init()
    {
        QomRuntime.GetContainer(this, "/peripheral");
        QomRuntime.GetContainer(this, "/peripheral-anon");
        var klass = Class;
        RamSize = klass.DefaultRamSize;
        MaxRamSize = klass.DefaultRamSize;
        Smp = new CpuTopology(klass.DefaultCpus, 1, 1, 1, 1, 1, klass.DefaultCpus);
        CopyBootConfiguration(new BootConfiguration());
    }

    private static void GetSmp(QomObject obj, Visitor v, string name)
    {
        var smp = ((Machine)obj).Smp;
        SMPConfiguration? config = new()
        {
            Cpus = smp.Cpus,
            Sockets = smp.Sockets,
            Dies = smp.Dies,
            Clusters = smp.Clusters,
            Cores = smp.Cores,
            Threads = smp.Threads,
            Maxcpus = smp.MaxCpus,
        };
        v.Visit(name, ref config);
    }

    private static void SetSmp(QomObject obj, Visitor v, string name)
    {
        SMPConfiguration? config = null;
        v.Visit(name, ref config);
        var machine = (Machine)obj;
        machine.Smp = CpuTopology.Parse(machine.Class, config, machine.Smp, out var error);
        if (error is not null)
        {
            throw new QapiException(error);
        }
    }

    private static void GetMemory(QomObject obj, Visitor v, string name)
    {
        var machine = (Machine)obj;
        MemorySizeConfiguration? config = new()
        {
            Size = machine.RamSize,
            MaxSize = machine.RamSlots != 0 ? machine.MaxRamSize : null,
            Slots = machine.RamSlots != 0 ? machine.RamSlots : null,
        };
        v.Visit(name, ref config);
    }

    // QEMU's machine_set_mem.
    private static void SetMemory(QomObject obj, Visitor v, string name)
    {
        MemorySizeConfiguration? config = null;
        v.Visit(name, ref config);
        var machine = (Machine)obj;
        var size = config.Size ?? machine.Class.DefaultRamSize;
        size = unchecked((size + 8191) / 8192 * 8192);

        if (config.MaxSize is { } maxSize)
        {
            if (maxSize < size)
            {
                throw new QapiException(string.Create(CultureInfo.InvariantCulture,
                    $"invalid value of maxmem: maximum memory size (0x{maxSize:x}) must be at least the initial memory size (0x{size:x})"));
            }

            if (config.Slots is > 0 && maxSize == size)
            {
                throw new QapiException(string.Create(CultureInfo.InvariantCulture,
                    $"invalid value of maxmem: memory slots were specified but maximum memory size (0x{maxSize:x}) is equal to the initial memory size (0x{size:x})"));
            }

            machine.MaxRamSize = maxSize;
        }
        else
        {
            if (config.Slots is not null)
            {
                throw new QapiException("slots specified but no max-size");
            }

            machine.MaxRamSize = size;
        }

        machine.RamSize = size;
        machine.RamSlots = config.Slots ?? 0;
    }

    // QEMU's validate_bootdevices: drives a to p, each once.
    private static void ValidateBootDevices(string devices)
    {
        var seen = 0;
        foreach (var c in devices)
        {
            if (c is < 'a' or > 'p')
            {
                throw new QapiException($"Invalid boot device '{c}'");
            }

            var bit = 1 << (c - 'a');
            if ((seen & bit) != 0)
            {
                throw new QapiException($"Boot device '{c}' was given twice");
            }

            seen |= bit;
        }
    }

    private void SetBoot(BootConfiguration config)
    {
        if (config.Order is { } order)
        {
            ValidateBootDevices(order);
        }

        if (config.Once is { } once)
        {
            ValidateBootDevices(once);
        }

        CopyBootConfiguration(config);
    }

    // QEMU's machine_copy_boot_config: without an order, the board's default (which may be none).
    private void CopyBootConfiguration(BootConfiguration config) =>
        _boot = config.Order is null ? config with { Order = Class.DefaultBootOrder ?? string.Empty } : config with { };

    private void SetMemoryEncryption(string id)
    {
        var target = Runtime.ObjectsRoot.ResolveComponent(id) ?? throw new QapiException($"No such memory encryption object '{id}'");
        SetLink("confidential-guest-support", target);
    }
}
