namespace Machina.Options;

/// <summary>One <c>name=value</c> setting inside a <see cref="QemuOpts"/> (QEMU's <c>QemuOpt</c>).</summary>
/// <remarks>
/// A setting keeps the text it was given; when its group describes the parameter, the text has
/// been checked against the type and the typed value is available too.
/// </remarks>
public sealed class QemuOpt
{
    // QEMU keeps a bool and a uint64 in one union; so does this, so that reading a setting through
    // the other type's getter gives what QEMU gives.
    private ulong _raw;

    internal QemuOpt(QemuOpts owner, string name, string value)
    {
        Owner = owner;
        Name = name;
        Value = value;
    }

    /// <summary>The group instance the setting belongs to.</summary>
    public QemuOpts Owner { get; }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>The value as text.</summary>
    public string Value { get; internal set; }

    /// <summary>The parameter's description, or null when the group accepts any parameter.</summary>
    public QemuOptDesc? Description { get; internal set; }

    /// <summary>The value of a <see cref="QemuOptType.Bool"/> parameter.</summary>
    public bool BoolValue => (byte)_raw != 0;

    /// <summary>The value of a <see cref="QemuOptType.Number"/> or <see cref="QemuOptType.Size"/> parameter.</summary>
    public ulong UInt64Value => _raw;

    internal void SetBool(bool value) => _raw = value ? 1UL : 0UL;

    internal void SetUInt64(ulong value) => _raw = value;

    /// <summary><c>name=value</c>.</summary>
    public override string ToString() => $"{Name}={Value}";
}
