namespace Machina.QObjects.Text;

/// <summary>How one of QEMU's C-style conversions ended: its 0, <c>-EINVAL</c> or <c>-ERANGE</c>.</summary>
public enum QemuParseStatus
{
    /// <summary>Converted (QEMU returns 0).</summary>
    Ok,

    /// <summary>Not a number, or text left over where the whole text had to be a number (<c>-EINVAL</c>).</summary>
    Invalid,

    /// <summary>The number does not fit (<c>-ERANGE</c>); the value is what the C library gives then.</summary>
    OutOfRange,
}
