namespace Machina.Qapi.Commands;

/// <summary>How a QMP command may be run, as the schema's command flags say (QEMU's <c>QmpCommandOptions</c>).</summary>
[Flags]
public enum QmpCommandOptions
{
    /// <summary>Defaults: a success response, in-band only, only after machine initialization.</summary>
    None = 0,

    /// <summary>The command sends no response when it succeeds (<c>'success-response': false</c>).</summary>
    NoSuccessResponse = 1 << 0,

    /// <summary>The command may be run out of band with <c>exec-oob</c> (<c>'allow-oob': true</c>).</summary>
    AllowOob = 1 << 1,

    /// <summary>The command may run before the machine is initialized (<c>'allow-preconfig': true</c>).</summary>
    AllowPreconfig = 1 << 2,

    /// <summary>
    /// QEMU runs the command in a coroutine (<c>'coroutine': true</c>). Every Machina handler is
    /// asynchronous, so this only keeps the schema's flag; it still excludes <see cref="AllowOob"/>.
    /// </summary>
    Coroutine = 1 << 3,
}
