using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>
/// The client backend (no QEMU counterpart; emitted with <see cref="CSharpGeneratorOptions.ClientCode"/>):
/// per module, one extension method per command on <c>IQmpCommandSender</c> in <c>{Name}Client</c>
/// (<c>qapi-client*.cs</c>) that encodes the arguments strictly, sends the command and decodes its
/// reply tolerantly; and <c>qapi-client-events.cs</c> with each event's name and data type.
/// </summary>
internal sealed class ClientBackend : CSharpBackend
{
    private readonly List<QapiEvent> _events = [];
    private CSharpWriter? _methods;

    public ClientBackend(CSharpSchemaModel model)
        : base(model, "qapi-client")
    {
    }

    private string Sender => Model.Runtime("IQmpCommandSender");

    private string Marshal => Model.Runtime("QmpClientMarshal");

    public override void VisitCommand(QapiCommand command)
    {
        var method = Model.ClientMethods[command];
        var parameters = Model.ClientParameters[command];
        var boxed = command.Boxed && command.ArgType is not null;
        var returnType = command.RetType is null ? null : Model.Ref(command.RetType);
        var task = returnType is null ? Model.Runtime("Task") : $"{Model.Runtime("Task")}<{returnType.Name}>";
        var wire = CSharpNames.StringLiteral(command.Name);

        File.Using("Machina.QObjects");
        File.Using("Machina.Qapi.Commands");
        File.Using("Machina.Qapi.Visitors");
        if (_methods is null)
        {
            _methods = new CSharpWriter();
            _methods.Indent();
        }

        Redirect = _methods;
        W.Separate();
        W.If(command.IfCond);
        CSharpDocs.Write(W, command.Doc?.Body.Text, $"Runs the command <c>{CSharpDocs.Xml(command.Name)}</c>.");

        // Optional arguments come last, as C# wants; each keeps its schema documentation.
        var ordered = parameters.Where(p => !p.Member.Optional).Concat(parameters.Where(p => p.Member.Optional)).ToList();
        var conditional = ordered.Any(p => p.Member.IfCond.IsPresent);
        if (!conditional)
        {
            W.Line("/// <param name=\"client\">The connection to run the command on.</param>");
            foreach (var (member, name) in ordered)
            {
                CSharpDocs.Param(W, name, Model.MemberDoc(member)?.Text, $"The argument <c>{CSharpDocs.Xml(member.Name)}</c>.");
            }

            if (boxed)
            {
                W.Line("/// <param name=\"arguments\">The command's arguments.</param>");
            }

            if (!command.Gen)
            {
                W.Line("/// <param name=\"extraArguments\">Arguments beyond the schema's, which this command accepts (QEMU parses them itself).</param>");
            }

            W.Line("/// <param name=\"cancellationToken\">Stops waiting for the reply; the command may still run.</param>");
        }

        var returns = command.Doc?.Sections.FirstOrDefault(s => s.Name == "Returns")?.Text;
        W.Line(returnType is null
            ? "/// <returns>A task that completes when QEMU has replied with success.</returns>"
            : "/// <returns>" + (string.IsNullOrWhiteSpace(returns) ? "The command's result." : CSharpDocs.Xml(returns!.Replace('\n', ' '))) + "</returns>");
        W.Line("/// <exception cref=\"global::Machina.Qapi.QapiException\">QEMU replied with an error.</exception>");

        var items = new List<(string Item, QapiIfCond IfCond)> { ($"this {Sender} client", QapiIfCond.Always) };
        foreach (var (member, name) in ordered)
        {
            var type = Model.Ref(member.Type);
            items.Add((member.Optional ? $"{type.Nullable} {name} = null" : $"{type.Name} {name}", member.IfCond));
        }

        if (boxed)
        {
            items.Add(($"{Model.TypeName(command.ArgType!)} arguments", QapiIfCond.Always));
        }

        if (!command.Gen)
        {
            items.Add(($"{Model.Runtime("QDict")}? extraArguments = null", QapiIfCond.Always));
        }

        Declaration($"public static async {task} {method}(", items, $"{Model.Runtime("CancellationToken")} cancellationToken = default)");
        W.Open();
        var argumentsExpression = "null";
        if (boxed)
        {
            W.Line($"var encoded = {Marshal}.WriteArguments(arguments);");
            argumentsExpression = "encoded";
        }
        else if (command.ArgType is { IsEmpty: false } argType)
        {
            var assignments = parameters
                .Select(p => ($"{Model.StructProperty(argType, p.Member)} = {p.Parameter}", p.Member.IfCond))
                .ToList();
            Initializer($"var encoded = {Marshal}.WriteArguments(new {Model.TypeName(argType)}", assignments, ");");
            argumentsExpression = "encoded";
        }

        if (!command.Gen)
        {
            W.Line($"var merged = {Marshal}.MergeArguments({argumentsExpression}, extraArguments);");
            argumentsExpression = "merged";
        }

        var send = $"await client.ExecuteAsync({wire}, {argumentsExpression}, cancellationToken).ConfigureAwait(false);";
        if (returnType is null)
        {
            W.Line(send);
        }
        else
        {
            W.Line("var reply = " + send);
            W.Line($"var v = {Marshal}.ResultVisitor(reply);");
            W.Line(returnType.IsValueType ? $"{returnType.Name} result = default;" : $"{returnType.Nullable} result = null;");
            W.Line($"v.{returnType.Visit}(null, ref result);");
            W.Line("return result;");
        }

        W.Close();
        W.EndIf(command.IfCond);
        Redirect = null;
    }

    public override void VisitEvent(QapiEvent @event) => _events.Add(@event);

    protected override void EndModule()
    {
        if (_methods is not null)
        {
            W.Open($"public static partial class {Model.ClientClass}");
            W.Raw(_methods.ToString());
            W.Close();
            _methods = null;
        }
    }

    public override void VisitEnd()
    {
        EndModule();
        Switch(AddFile("qapi-client-events"));
        File.Using("Machina.QObjects");
        File.Using("Machina.Qapi.Commands");
        File.Using("Machina.Qapi.Visitors");
        var source = CSharpDocs.Xml(Path.GetFileName(Model.SourceName));
        W.Line($"/// <summary>The commands of {source} as calls over a QMP connection: <c>await client.QueryStatusAsync()</c>.</summary>");
        W.Line("/// <remarks>");
        W.Line("/// Arguments are encoded strictly (what the schema does not define is refused before anything is");
        W.Line("/// sent); results are decoded tolerantly (members and enum values a newer QEMU adds are kept).");
        W.Line("/// </remarks>");
        W.Open($"public static partial class {Model.ClientClass}");
        W.Close();
        W.Line();
        W.Line($"/// <summary>The events of {source}: their wire names and the generated types of their data.</summary>");
        W.Open($"public static partial class {Model.ClientEventsClass}");
        foreach (var @event in _events)
        {
            W.Separate();
            W.If(@event.IfCond);
            CSharpDocs.Write(W, @event.Doc?.Body.Text, $"The event <c>{CSharpDocs.Xml(@event.Name)}</c>.");
            W.Line($"public const string {Model.ClientEventNames[@event]} = {CSharpNames.StringLiteral(@event.Name)};");
            W.EndIf(@event.IfCond);
        }

        W.Separate();
        W.Line("/// <summary>The generated type of event <paramref name=\"name\"/>'s data; null for an event without data or not in the schema.</summary>");
        W.Line("/// <param name=\"name\">The event's wire name, such as <c>SHUTDOWN</c>.</param>");
        W.Open("public static global::System.Type? DataType(string name) => name switch");
        foreach (var @event in _events.Where(e => e.ArgType is { IsEmpty: false }))
        {
            W.If(@event.IfCond);
            W.Line($"{CSharpNames.StringLiteral(@event.Name)} => typeof({Model.TypeName(@event.ArgType!)}),");
            W.EndIf(@event.IfCond);
        }

        W.Line("_ => null,");
        W.Close("};");
        W.Line();
        W.Line("/// <summary>");
        W.Line("/// The data of event <paramref name=\"name\"/> as its generated type, read tolerantly (members and enum");
        W.Line("/// values the schema does not define are kept); null for an event without data or not in the schema.");
        W.Line("/// </summary>");
        W.Line("/// <param name=\"name\">The event's wire name, such as <c>SHUTDOWN</c>.</param>");
        W.Line("/// <param name=\"data\">The event's <c>data</c> member; null when it has none.</param>");
        W.Line("/// <exception cref=\"global::Machina.Qapi.QapiException\">The data does not match the event's type.</exception>");
        W.Open($"public static object? DecodeData(string name, {Model.Runtime("QDict")}? data) => name switch");
        foreach (var @event in _events.Where(e => e.ArgType is { IsEmpty: false }))
        {
            W.If(@event.IfCond);
            W.Line($"{CSharpNames.StringLiteral(@event.Name)} => {Marshal}.ReadEventData<{Model.TypeName(@event.ArgType!)}>(data),");
            W.EndIf(@event.IfCond);
        }

        W.Line("_ => null,");
        W.Close("};");
        W.Close();
        Switch(null);
    }

    /// <summary>Writes a declaration with its parameter list, one per line when any is conditional or the line is long.</summary>
    private void Declaration(string head, List<(string Item, QapiIfCond IfCond)> items, string tail)
    {
        var oneLine = head + string.Concat(items.Select(i => i.Item + ", ")) + tail;
        if (items.All(i => !i.IfCond.IsPresent) && oneLine.Length + (W.IndentLevel * 4) <= 120)
        {
            W.Line(oneLine);
            return;
        }

        W.Line(head);
        W.Indent();
        foreach (var (item, ifCond) in items)
        {
            W.If(ifCond);
            W.Line(item + ",");
            W.EndIf(ifCond);
        }

        W.Line(tail);
        W.Outdent();
    }
}
