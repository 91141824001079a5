using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>
/// The commands backend (QEMU's <c>commands.py</c>): per module, the handler interface's methods
/// (<c>I{Name}Commands</c>, one async method per command) and the marshalling that turns a
/// request's arguments into typed values through the input visitor, calls the handler and turns
/// its result into a QObject through the output visitor; and <c>qapi-init-commands.cs</c>, which
/// registers every command in a <c>QmpCommandTable</c> with the schema's flags and features.
/// </summary>
internal sealed class CommandsBackend : CSharpBackend
{
    private readonly List<(QapiCommand Command, string Marshal)> _registered = [];
    private readonly CSharpNameScope _marshalNames;
    private CSharpWriter? _methods;
    private CSharpWriter? _marshals;

    public CommandsBackend(CSharpSchemaModel model)
        : base(model, "qapi-commands") =>
        _marshalNames = new CSharpNameScope([model.CommandsClass, "Register", .. CSharpNameScope.RecordMembers]);

    public override void VisitCommand(QapiCommand command)
    {
        if (!command.Gen)
        {
            return;
        }

        File.Using("System.Threading.Tasks");
        File.Using("Machina.QObjects");
        File.Using("Machina.Qapi.Commands");
        File.Using("Machina.Qapi.Visitors");
        var marshal = _marshalNames.Assign(CSharpNames.Pascal(command.Name));
        _registered.Add((command, marshal));

        var method = Model.CommandMethods[command];
        var parameters = Parameters(command);
        var returnType = command.RetType is null ? null : Model.Ref(command.RetType);
        var task = returnType is null ? Model.Runtime("ValueTask") : $"{Model.Runtime("ValueTask")}<{returnType.Name}>";
        _methods ??= Nested();
        _marshals ??= Nested();
        Redirect = _methods;
        W.Separate();
        W.If(command.IfCond);
        CSharpDocs.Write(W, command.Doc?.Body.Text, $"Runs the command <c>{CSharpDocs.Xml(command.Name)}</c>.");
        // A directive inside a documentation comment would end it, so a method with conditional
        // parameters documents none of them.
        var conditional = parameters.Any(p => p.Member.IfCond.IsPresent);
        if (!conditional)
        {
            foreach (var (member, name, _) in parameters)
            {
                CSharpDocs.Param(W, name, Model.MemberDoc(member)?.Text, $"The argument <c>{CSharpDocs.Xml(member.Name)}</c>.");
            }

            if (command.Boxed && command.ArgType is not null)
            {
                W.Line("/// <param name=\"arguments\">The command's arguments.</param>");
            }

            W.Line("/// <param name=\"context\">The request's context: compatibility policy, session, cancellation.</param>");
        }

        var returns = command.Doc?.Sections.FirstOrDefault(s => s.Name == "Returns")?.Text;
        W.Line(returnType is null
            ? "/// <returns>A task that completes when the command has run.</returns>"
            : "/// <returns>" + (string.IsNullOrWhiteSpace(returns) ? "The command's result." : CSharpDocs.Xml(returns!.Replace('\n', ' '))) + "</returns>");
        Signature($"{task} {method}(", parameters, command.Boxed && command.ArgType is not null ? $"{Model.TypeName(command.ArgType)} arguments" : null, $"{Model.Runtime("QmpCommandContext")} context);");
        W.EndIf(command.IfCond);

        Redirect = _marshals;
        W.Separate();
        W.If(command.IfCond);
        W.Open($"private static async {Model.Runtime("ValueTask")}<{Model.Runtime("QObject")}?> {marshal}({Model.HandlerInterface} handler, {Model.Runtime("QDict")} arguments, {Model.Runtime("QmpCommandContext")} context)");
        string call;
        if (command.Boxed && command.ArgType is not null)
        {
            call = $"handler.{method}({Model.Runtime("QmpMarshal")}.ReadArguments<{Model.TypeName(command.ArgType)}>(arguments, context), context)";
        }
        else if (parameters.Count > 0)
        {
            W.Line($"var args = {Model.Runtime("QmpMarshal")}.ReadArguments<{Model.TypeName(command.ArgType!)}>(arguments, context);");
            call = null!;
        }
        else
        {
            W.Line($"{Model.Runtime("QmpMarshal")}.CheckNoArguments(arguments, context);");
            call = $"handler.{method}(context)";
        }

        if (parameters.Count > 0 && !command.Boxed)
        {
            var arguments = parameters.Select(p => ($"args.{Model.StructProperty(command.ArgType!, p.Member)}", p.Member.IfCond)).ToList();
            var prefix = returnType is null ? "await " : "var result = await ";
            Call($"{prefix}handler.{method}(", arguments, "context).ConfigureAwait(false);");
        }
        else
        {
            W.Line((returnType is null ? "await " : "var result = await ") + call + ".ConfigureAwait(false);");
        }

        if (returnType is null)
        {
            W.Line("return null;");
        }
        else if (returnType.Visit == "Visit")
        {
            W.Line($"return {Model.Runtime("QmpMarshal")}.WriteResult(result, context);");
        }
        else
        {
            W.Line($"var v = new {Model.Runtime("QObjectOutputVisitor")} {{ Policy = context.Policy }};");
            W.Line(returnType.IsValueType ? "var output = result;" : $"{returnType.Nullable} output = result;");
            W.Line($"v.{returnType.Visit}(null, ref output);");
            W.Line("return v.Complete();");
        }

        W.Close();
        W.EndIf(command.IfCond);
        Redirect = null;
    }

    private static CSharpWriter Nested()
    {
        var writer = new CSharpWriter();
        writer.Indent();
        return writer;
    }

    protected override void EndModule()
    {
        if (_methods is null || _marshals is null)
        {
            return;
        }

        W.Open($"public partial interface {Model.HandlerInterface}");
        W.Raw(_methods.ToString());
        W.Close();
        W.Line();
        W.Open($"public static partial class {Model.CommandsClass}");
        W.Raw(_marshals.ToString());
        W.Close();
        _methods = _marshals = null;
    }

    private List<(QapiObjectTypeMember Member, string Name, string Type)> Parameters(QapiCommand command) =>
        Model.Parameters[command]
            .Select(p => (p.Member, p.Parameter, p.Member.Optional ? Model.Ref(p.Member.Type).Nullable : Model.Ref(p.Member.Type).Name))
            .ToList();

    /// <summary>Writes a declaration's parameter list, one per line when any is conditional.</summary>
    private void Signature(string head, List<(QapiObjectTypeMember Member, string Name, string Type)> parameters, string? boxed, string tail)
    {
        var items = parameters.Select(p => ($"{p.Type} {p.Name}", p.Member.IfCond)).ToList();
        if (boxed is not null)
        {
            items.Add((boxed, QapiIfCond.Always));
        }

        Call(head, items, tail);
    }

    /// <summary>Writes a call or declaration with its argument list, split over lines when conditional or long.</summary>
    private void Call(string head, List<(string Item, QapiIfCond IfCond)> items, string tail)
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

    public override void VisitEnd()
    {
        EndModule();
        Switch(AddFile("qapi-init-commands"));
        File.Using("Machina.Qapi.Commands");
        File.Using("Machina.Qapi.Visitors");
        var source = CSharpDocs.Xml(Path.GetFileName(Model.SourceName));
        W.Line($"/// <summary>Runs the commands of {source}: one method per command whose code is generated.</summary>");
        W.Line("/// <remarks>");
        W.Line($"/// <see cref=\"{Model.CommandsClass}.Register\"/> connects an implementation to a QMP command table; a method");
        W.Line("/// reports failure by throwing <see cref=\"global::Machina.Qapi.QapiException\"/>, which becomes the error response.");
        W.Line("/// </remarks>");
        W.Open($"public partial interface {Model.HandlerInterface}");
        W.Close();
        W.Line();
        W.Line($"/// <summary>Registers the commands of {source} in a QMP command table.</summary>");
        W.Open($"public static partial class {Model.CommandsClass}");
        W.Line("/// <summary>");
        W.Line("/// Registers every command whose code is generated (not <c>'gen': false</c>), with the");
        W.Line("/// schema's flags and special features, each running through <paramref name=\"handler\"/>.");
        W.Line("/// </summary>");
        W.Line("/// <param name=\"commands\">The table to register in.</param>");
        W.Line("/// <param name=\"handler\">What runs the commands.</param>");
        W.Open($"public static void Register({Model.Runtime("QmpCommandTable")} commands, {Model.HandlerInterface} handler)");
        W.Line("global::System.ArgumentNullException.ThrowIfNull(commands);");
        W.Line("global::System.ArgumentNullException.ThrowIfNull(handler);");
        foreach (var (command, marshal) in _registered)
        {
            var options = new List<string>();
            if (!command.SuccessResponse)
            {
                options.Add("NoSuccessResponse");
            }

            if (command.AllowOob)
            {
                options.Add("AllowOob");
            }

            if (command.AllowPreconfig)
            {
                options.Add("AllowPreconfig");
            }

            if (command.Coroutine)
            {
                options.Add("Coroutine");
            }

            var optionsText = options.Count == 0
                ? Model.Runtime("QmpCommandOptions") + ".None"
                : string.Join(" | ", options.Select(o => Model.Runtime("QmpCommandOptions") + "." + o));
            var features = SpecialFeatures(command.Features) ?? Model.Runtime("QapiSpecialFeatures") + ".None";
            W.If(command.IfCond);
            W.Line($"commands.Register({CSharpNames.StringLiteral(command.Name)}, (arguments, context) => {marshal}(handler, arguments, context), {optionsText}, {features});");
            W.EndIf(command.IfCond);
        }

        W.Close();
        W.Close();
        Switch(null);
    }
}
