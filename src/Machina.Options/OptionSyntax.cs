namespace Machina.Options;

/// <summary>The two spellings QEMU accepts for a structured command-line option.</summary>
public enum OptionSyntax
{
    /// <summary><c>KEY=VALUE,...</c>, read by <see cref="KeyvalParser"/> (or by a <see cref="QemuOptsList"/> for legacy groups).</summary>
    Keyval,

    /// <summary>A JSON object in QEMU's JSON dialect, for example <c>{"driver": "virtio-net-pci", "id": "n0"}</c>.</summary>
    Json,
}

/// <summary>
/// Chooses between JSON and keyval for an option argument the way QEMU does: by its first character.
/// </summary>
/// <remarks>
/// <para>QEMU reads an argument as JSON exactly when it starts with <c>{</c> (no white space skipped),
/// for the options that accept JSON at all: <c>-device</c>, <c>-object</c>, <c>-netdev</c>,
/// <c>-blockdev</c>, <c>-display</c>, <c>-audiodev</c>, <c>-compat</c>, and the storage daemon's
/// <c>--blockdev</c>, <c>--export</c>, <c>--monitor</c>, <c>--nbd-server</c>, <c>--object</c>.
/// Other options (<c>-drive</c>, <c>-machine</c>, <c>-chardev</c>, ...) are always keyval or QemuOpts.</para>
/// <para><see cref="OptionArguments"/> reads such arguments whole: JSON through QEMU's JSON dialect
/// (which must give one object), anything else through <see cref="KeyvalParser"/> with the option's
/// implied key or through the option's QemuOpts group, and then visits the dictionary strictly (JSON)
/// or in keyval mode (strings converted by type).</para>
/// </remarks>
public static class OptionSyntaxes
{
    /// <summary>How QEMU reads <paramref name="argument"/>: JSON when its first character is <c>{</c>.</summary>
    public static OptionSyntax Classify(ReadOnlySpan<char> argument) =>
        !argument.IsEmpty && argument[0] == '{' ? OptionSyntax.Json : OptionSyntax.Keyval;
}
