using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.Qapi.Visitors;
using Machina.QObjects;
using Machina.Qmp.Schema;
using Machina.Qmp.Sessions;

namespace Machina.Qmp.Commands;

/// <summary>
/// What every server runs for the commands of Machina's own schema (qapi/): the control commands
/// itself, the run-state commands through its <see cref="QmpServer.Machine"/>. The marshalling is
/// generated (<see cref="MachinaCommands.Register"/>); these are QEMU's <c>qmp_*</c> functions.
/// </summary>
internal sealed class QmpBuiltinCommands(QmpServer server) : IMachinaCommands
{
    private QapiList<SchemaInfo>? _schema;

    /// <summary>
    /// Registers the commands in <paramref name="commands"/>, and <c>qmp_capabilities</c> alone, with
    /// the same marshalling, in <paramref name="negotiation"/> (the table of sessions that have not
    /// negotiated yet, QEMU's <c>qmp_cap_negotiation_commands</c>).
    /// </summary>
    public static void Register(QmpServer server, QmpCommandTable commands, QmpCommandTable negotiation)
    {
        MachinaCommands.Register(commands, new QmpBuiltinCommands(server));
        var capabilities = commands.TryFind("qmp_capabilities", out var found)
            ? found
            : throw new InvalidOperationException("qapi/ does not declare qmp_capabilities");
        negotiation.Register(capabilities.Name, capabilities.Handler, capabilities.Options, capabilities.SpecialFeatures);
    }

    public ValueTask QmpCapabilitiesAsync(QapiList<QMPCapability>? enable, QmpCommandContext context)
    {
        if (context.Monitor is not QmpSession session)
        {
            throw new QapiException("qmp_capabilities runs only in a QMP session");
        }

        session.NegotiateCapabilities(enable);
        return ValueTask.CompletedTask;
    }

    public ValueTask<VersionInfo> QueryVersionAsync(QmpCommandContext context) => ValueTask.FromResult(server.Options.Version);

    // QEMU lists the enabled commands of the table, newest registration first.
    public ValueTask<QapiList<CommandInfo>> QueryCommandsAsync(QmpCommandContext context)
    {
        var list = new QapiList<CommandInfo>();
        foreach (var command in server.Commands)
        {
            if (command.IsEnabled)
            {
                list.Add(new CommandInfo { Name = command.Name });
            }
        }

        list.Reverse();
        return ValueTask.FromResult(list);
    }

    public ValueTask QuitAsync(QmpCommandContext context) => server.Machine.QuitAsync(context);

    /// <summary>
    /// QEMU's <c>qmp_query_qmp_schema</c>: the introspection value read into SchemaInfo records
    /// (once; the generated marshalling writes them out under the policy, which leaves out what it
    /// hides), and with <c>deprecated-output=hide</c> the deprecated entities and object members zapped.
    /// </summary>
    public ValueTask<QapiList<SchemaInfo>> QueryQmpSchemaAsync(QmpCommandContext context)
    {
        var schema = Volatile.Read(ref _schema);
        if (schema is null)
        {
            schema = ReadSchema(server.Options.QmpSchema(), server.Options.Policy);
            Volatile.Write(ref _schema, schema);
        }

        return ValueTask.FromResult(schema);
    }

    public ValueTask<StatusInfo> QueryStatusAsync(QmpCommandContext context) => ValueTask.FromResult(server.Machine.QueryStatus());

    public ValueTask StopAsync(QmpCommandContext context) => server.Machine.StopAsync(context);

    public ValueTask ContAsync(QmpCommandContext context) => server.Machine.ContAsync(context);

    private static QapiList<SchemaInfo> ReadSchema(QList value, CompatPolicy policy)
    {
        var input = new QObjectInputVisitor(value);
        QapiList<SchemaInfo>? schema = null;
        input.VisitList(null, ref schema);
        if (policy.DeprecatedOutput != CompatPolicyOutput.Hide)
        {
            return schema;
        }

        var kept = new QapiList<SchemaInfo>();
        foreach (var entity in schema)
        {
            if (IsDeprecated(entity.Features))
            {
                continue;
            }

            if (entity is SchemaInfo.Object @object)
            {
                @object.Members.RemoveAll(member => IsDeprecated(member.Features));
            }

            kept.Add(entity);
        }

        return kept;
    }

    private static bool IsDeprecated(QapiList<string>? features) => features?.Contains("deprecated") == true;
}
