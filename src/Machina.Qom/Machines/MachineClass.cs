namespace Machina.Qom.Machines;

/// <summary>
/// The class of a machine type (QEMU's <c>MachineClass</c>, the part the object model uses):
/// what the board supports and its defaults. A machine type's class-init fills it in.
/// </summary>
public class MachineClass : ObjectClass
{
    /// <summary>The type name without the <c>-machine</c> suffix, as <c>-machine</c> takes it (<c>none</c>).</summary>
    public string MachineName { get; set; } = string.Empty;

    /// <summary>What <c>-machine help</c> says about the board.</summary>
    public string? Description { get; set; }

    /// <summary>The fewest CPUs the board runs with.</summary>
    public uint MinCpus { get; set; }

    /// <summary>The most CPUs the board supports.</summary>
    public uint MaxCpus { get; set; }

    /// <summary>The CPUs it gets without <c>-smp</c>.</summary>
    public uint DefaultCpus { get; set; }

    /// <summary>The RAM size it gets without <c>-m</c>.</summary>
    public ulong DefaultRamSize { get; set; } = 128UL << 20;

    /// <summary>The boot order it gets without <c>-boot order=</c>; null for none.</summary>
    public string? DefaultBootOrder { get; set; }

    /// <summary>Whether <c>-smp dies=</c> above 1 is allowed.</summary>
    public bool DiesSupported { get; set; }

    /// <summary>Whether <c>-smp clusters=</c> above 1 is allowed.</summary>
    public bool ClustersSupported { get; set; }

    /// <summary>Whether missing topology values are computed preferring sockets over cores (machine types before 6.2).</summary>
    public bool PreferSockets { get; set; }
}
