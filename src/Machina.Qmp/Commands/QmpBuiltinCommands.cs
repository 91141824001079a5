using Machina.Qapi.Commands;
using Machina.Qapi.Visitors;
using Machina.QObjects;
using Machina.Qmp.Schema;
using Machina.Qmp.Sessions;

namespace Machina.Qmp.Commands;

/// <summary>
/// The commands of Machina's own schema (qapi/) that every server offers, with their argument and
/// result marshalling written by hand exactly as QEMU's generated <c>qmp_marshal_*</c> functions do
/// it: arguments through the strict QObject input visitor, results through the output visitor.
/// This is the one place to swap for the code generator's dispatch once it lands.
/// </summary>
/// <remarks>
/// <c>query-qmp-schema</c> is declared in the schema but not registered here: its reply is the
/// introspection the code generator computes from the schema.
/// </remarks>
internal static class QmpBuiltinCommands
{
    /// <summary>The table a session uses until it has negotiated capabilities: <c>qmp_capabilities</c> alone.</summary>
    public static void RegisterNegotiation(QmpCommandTable table) =>
        table.Register("qmp_capabilities", QmpCapabilities, QmpCommandOptions.AllowPreconfig);

    /// <summary>Registers the control and run-state commands in <paramref name="table"/>.</summary>
    public static void Register(QmpCommandTable table, QmpServer server)
    {
        table.Register("qmp_capabilities", QmpCapabilities, QmpCommandOptions.AllowPreconfig);
        table.Register("query-version", (arguments, context) =>
        {
            NoArguments(arguments, context);
            return Return(server.Options.Version, context);
        }, QmpCommandOptions.AllowPreconfig);
        table.Register("query-commands", (arguments, context) =>
        {
            NoArguments(arguments, context);
            return ValueTask.FromResult<QObject?>(QueryCommands(server, context));
        }, QmpCommandOptions.AllowPreconfig);
        table.Register("quit", async (arguments, context) =>
        {
            NoArguments(arguments, context);
            await server.Machine.QuitAsync(context).ConfigureAwait(false);
            return null;
        }, QmpCommandOptions.AllowPreconfig);
        table.Register("query-status", (arguments, context) =>
        {
            NoArguments(arguments, context);
            return Return(server.Machine.QueryStatus(), context);
        }, QmpCommandOptions.AllowPreconfig);
        table.Register("stop", async (arguments, context) =>
        {
            NoArguments(arguments, context);
            await server.Machine.StopAsync(context).ConfigureAwait(false);
            return null;
        });
        table.Register("cont", async (arguments, context) =>
        {
            NoArguments(arguments, context);
            await server.Machine.ContAsync(context).ConfigureAwait(false);
            return null;
        });
    }

    private static ValueTask<QObject?> QmpCapabilities(QDict arguments, QmpCommandContext context)
    {
        var parsed = QObjectInputVisitor.Read<QmpCapabilitiesArguments>(arguments, context.Policy);
        var session = (QmpSession)context.Monitor!;
        session.NegotiateCapabilities(parsed.Enable);
        return ValueTask.FromResult<QObject?>(null);
    }

    // QEMU lists the commands of the session's table, enabled ones only, newest registration first.
    private static QList QueryCommands(QmpServer server, QmpCommandContext context)
    {
        var names = new List<CommandInfo>();
        foreach (var command in server.Commands)
        {
            if (command.IsEnabled)
            {
                names.Add(new CommandInfo { Name = command.Name });
            }
        }

        var list = new QList();
        for (var i = names.Count - 1; i >= 0; i--)
        {
            list.Add(QObjectOutputVisitor.Write(names[i], context.Policy));
        }

        return list;
    }

    // A command without arguments still checks that none were given ("Parameter 'x' is unexpected").
    private static void NoArguments(QDict arguments, QmpCommandContext context)
    {
        var visitor = new QObjectInputVisitor(arguments) { Policy = context.Policy };
        visitor.StartStruct(null);
        visitor.CheckStruct();
        visitor.EndStruct();
    }

    private static ValueTask<QObject?> Return<T>(T value, QmpCommandContext context)
        where T : class, IQapiType<T> =>
        ValueTask.FromResult<QObject?>(QObjectOutputVisitor.Write(value, context.Policy));
}
