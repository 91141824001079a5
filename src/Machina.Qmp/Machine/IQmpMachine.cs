using Machina.Qapi.Commands;
using Machina.Qmp.Schema;

namespace Machina.Qmp.Machine;

/// <summary>
/// The machine a QMP server controls: what <c>query-status</c>, <c>stop</c>, <c>cont</c> and
/// <c>quit</c> act on. It is an interface so the server does not fix what a machine is; hosts
/// implement it, or use <see cref="QmpMachine"/>, which keeps QEMU's run-state rules.
/// </summary>
/// <remarks>
/// Methods may throw <see cref="Machina.Qapi.QapiException"/>; the client gets its class and
/// message. Events a method emits (through <see cref="QmpServer.Events"/> or <see cref="QmpServer.EmitEvent"/>) before it returns
/// reach the clients before the command's reply, as in QEMU.
/// </remarks>
public interface IQmpMachine
{
    /// <summary>The machine's run state (<c>query-status</c>).</summary>
    StatusInfo QueryStatus();

    /// <summary>Pauses the machine (<c>stop</c>).</summary>
    ValueTask StopAsync(QmpCommandContext context);

    /// <summary>Resumes the machine (<c>cont</c>).</summary>
    ValueTask ContAsync(QmpCommandContext context);

    /// <summary>Asks the host to shut down (<c>quit</c>); the reply is sent after this returns.</summary>
    ValueTask QuitAsync(QmpCommandContext context);
}
