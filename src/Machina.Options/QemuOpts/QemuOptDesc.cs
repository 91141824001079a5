namespace Machina.Options;

/// <summary>The type of a QemuOpts parameter, which decides how its text is checked and read.</summary>
public enum QemuOptType
{
    /// <summary>Any text, used as is (<c>QEMU_OPT_STRING</c>).</summary>
    String,

    /// <summary><c>on</c>/<c>off</c> and their synonyms (<c>QEMU_OPT_BOOL</c>).</summary>
    Bool,

    /// <summary>An unsigned 64-bit integer, C syntax: decimal, <c>0x</c> hexadecimal, <c>0</c> octal (<c>QEMU_OPT_NUMBER</c>).</summary>
    Number,

    /// <summary>A byte count with an optional suffix B, K, M, G, T, P, E and fraction (<c>QEMU_OPT_SIZE</c>).</summary>
    Size,
}

/// <summary>Describes one parameter of a QemuOpts group (QEMU's <c>QemuOptDesc</c>).</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Type">How its value is checked and read.</param>
/// <param name="Help">One line for help listings, or null.</param>
/// <param name="DefaultValue">The text the getters use when the parameter is absent, or null.</param>
public sealed record QemuOptDesc(string Name, QemuOptType Type, string? Help = null, string? DefaultValue = null)
{
    /// <summary>The type as QEMU's help listing names it (<c>str</c>, <c>bool (on/off)</c>, <c>num</c>, <c>size</c>).</summary>
    public string TypeName => Type switch
    {
        QemuOptType.String => "str",
        QemuOptType.Bool => "bool (on/off)",
        QemuOptType.Number => "num",
        QemuOptType.Size => "size",
        _ => throw new InvalidOperationException($"unknown option type {Type}"),
    };
}
