using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>
/// The events backend (QEMU's <c>events.py</c>): per module, one typed <c>Send...</c> method per
/// event on the emitter <c>{Name}Events</c>, which builds the event's data through the output
/// visitor and hands the message to the sink; and <c>qapi-emit-events.cs</c> with the event enum
/// (<c>{Name}Event</c>) and the emitter's constructor.
/// </summary>
internal sealed class EventsBackend : CSharpBackend
{
    private readonly List<QapiEvent> _events = [];
    private CSharpWriter? _methods;

    public EventsBackend(CSharpSchemaModel model)
        : base(model, "qapi-events")
    {
    }

    public override void VisitEvent(QapiEvent @event)
    {
        _events.Add(@event);
        File.Using("Machina.Qapi.Visitors");
        var (method, enumMember) = Model.EventNames[@event];
        var parameters = Model.Parameters[@event];
        var boxed = @event.Boxed && @event.ArgType is not null;
        var features = SpecialFeatures(@event.Features) ?? Model.Runtime("QapiSpecialFeatures") + ".None";
        var eventValue = $"{Model.EventEnum}.{enumMember}";
        var wire = CSharpNames.StringLiteral(@event.Name);

        if (_methods is null)
        {
            _methods = new CSharpWriter();
            _methods.Indent();
        }

        Redirect = _methods;
        W.Separate();
        W.If(@event.IfCond);
        CSharpDocs.Write(W, @event.Doc?.Body.Text, $"Sends the event <c>{CSharpDocs.Xml(@event.Name)}</c>.");
        var items = new List<(string Item, QapiIfCond IfCond)>();
        // A directive inside a documentation comment would end it, so a method with conditional
        // parameters documents none of them.
        var conditional = parameters.Any(p => p.Member.IfCond.IsPresent);
        foreach (var (member, name) in parameters)
        {
            if (!conditional)
            {
                CSharpDocs.Param(W, name, Model.MemberDoc(member)?.Text, $"The member <c>{CSharpDocs.Xml(member.Name)}</c>.");
            }

            var type = Model.Ref(member.Type);
            if (type.Name.Contains("QObject") || type.Name.Contains("QNull"))
            {
                File.Using("Machina.QObjects");
            }

            items.Add(($"{(member.Optional ? type.Nullable : type.Name)} {name}", member.IfCond));
        }

        if (boxed)
        {
            W.Line("/// <param name=\"data\">The event's data.</param>");
            items.Add(($"{Model.TypeName(@event.ArgType!)} data", QapiIfCond.Always));
        }

        if (items.Count == 0 || items.All(i => !i.IfCond.IsPresent))
        {
            W.Line($"public void {method}({string.Join(", ", items.Select(i => i.Item))})");
        }
        else
        {
            W.Line($"public void {method}(");
            W.Indent();
            for (var i = 0; i < items.Count; i++)
            {
                W.If(items[i].IfCond);
                W.Line(items[i].Item + (i + 1 < items.Count ? "," : ")"));
                W.EndIf(items[i].IfCond);
            }

            W.Outdent();
        }

        W.Open();
        if (boxed)
        {
            W.Line($"Emit({eventValue}, {wire}, data, {features});");
        }
        else if (@event.ArgType is { IsEmpty: false } argType)
        {
            var assignments = parameters
                .Select(p => ($"{Model.StructProperty(argType, p.Member)} = {p.Parameter}", p.Member.IfCond))
                .ToList();
            Initializer($"Emit({eventValue}, {wire}, new {Model.TypeName(argType)}", assignments, $", {features});");
        }
        else
        {
            W.Line($"Emit({eventValue}, {wire}, {features});");
        }

        W.Close();
        W.EndIf(@event.IfCond);
        Redirect = null;
    }

    protected override void EndModule()
    {
        if (_methods is not null)
        {
            W.Open($"public sealed partial class {Model.EventsClass}");
            W.Raw(_methods.ToString());
            W.Close();
            _methods = null;
        }
    }

    public override void VisitEnd()
    {
        EndModule();
        Switch(AddFile("qapi-emit-events"));
        File.Using("System");
        File.Using("Machina.QObjects");
        File.Using("Machina.Qapi.Commands");
        File.Using("Machina.Qapi.Visitors");
        var source = CSharpDocs.Xml(Path.GetFileName(Model.SourceName));
        W.Line($"/// <summary>The events of {source} (QEMU's <c>QAPIEvent</c>).</summary>");
        W.Open($"public enum {Model.EventEnum}");
        foreach (var @event in _events)
        {
            W.Separate();
            W.If(@event.IfCond);
            W.Line($"/// <summary>The event <c>{CSharpDocs.Xml(@event.Name)}</c>.</summary>");
            QapiName(@event.Name);
            W.Line(Model.EventNames[@event].EnumMember + ",");
            W.EndIf(@event.IfCond);
        }

        W.Close();
        W.Line();
        W.Line($"/// <summary>Sends the events of {source} as QMP event messages.</summary>");
        W.Line("/// <remarks>");
        W.Line("/// Each <c>Send...</c> method builds the message QEMU would send, applying <see cref=\"QmpEventEmitter{TEvent}.Policy\"/>:");
        W.Line("/// an event or member whose special features it hides is left out.");
        W.Line("/// </remarks>");
        W.Open($"public sealed partial class {Model.EventsClass} : QmpEventEmitter<{Model.EventEnum}>");
        W.Line("/// <summary>An emitter that hands each event message to <paramref name=\"sink\"/>.</summary>");
        W.Line("/// <param name=\"sink\">Receives the event and its message.</param>");
        W.Line("/// <param name=\"time\">The clock for the messages' timestamps; the system clock when null.</param>");
        W.Line($"public {Model.EventsClass}({Model.Runtime("Action")}<{Model.EventEnum}, {Model.Runtime("QDict")}> sink, {Model.Runtime("TimeProvider")}? time = null)");
        W.Indent();
        W.Line(": base(sink, time)");
        W.Outdent();
        W.Open();
        W.Close();
        W.Close();
        Switch(null);
    }
}
