using System.Text;
using Machina.Qapi.Parsing;
using Machina.Qapi.Schema;

namespace Machina.Qapi.Dump;

/// <summary>
/// Prints a checked schema in the text form of QEMU's front-end test harness: one block per
/// entity, module by module, then every documentation block. Equal dumps mean the two front ends
/// understood a schema the same way.
/// </summary>
/// <remarks>
/// Built-in types and their arrays are not printed; their module header is. Booleans print as
/// <c>True</c>/<c>False</c> and absent types as <c>None</c>, as in the harness.
/// </remarks>
public sealed class QapiSchemaDumper : QapiSchemaVisitor
{
    private readonly StringBuilder _out;

    private QapiSchemaDumper(StringBuilder output) => _out = output;

    /// <summary>The dump of <paramref name="schema"/>: entities, then documentation.</summary>
    public static string Dump(QapiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var text = new StringBuilder(1 << 16);
        schema.Accept(new QapiSchemaDumper(text));
        foreach (var doc in schema.Docs)
        {
            WriteDoc(text, doc);
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public override void VisitModule(QapiModule module) => Line("module ", module.Name);

    /// <inheritdoc/>
    public override void VisitInclude(QapiInclude include) => Line("include ", include.IncludedModule.Name);

    /// <inheritdoc/>
    public override void VisitEnumType(QapiEnumType type)
    {
        Line("enum ", type.Name);
        if (!string.IsNullOrEmpty(type.Prefix))
        {
            Line("    prefix ", type.Prefix);
        }

        foreach (var member in type.Members)
        {
            Line("    member ", member.Name);
            WriteIf(member.IfCond, 8);
            WriteFeatures(member.Features, 8);
        }

        WriteIf(type.IfCond, 4);
        WriteFeatures(type.Features, 4);
    }

    /// <inheritdoc/>
    public override void VisitArrayType(QapiArrayType type)
    {
        if (type.Info is null)
        {
            return;
        }

        _out.Append("array ").Append(type.Name).Append(' ').Append(type.ElementType.Name).Append('\n');
        WriteIf(type.IfCond, 4);
    }

    /// <inheritdoc/>
    public override void VisitObjectType(QapiObjectType type)
    {
        Line("object ", type.Name);
        if (type.Base is { } baseType)
        {
            Line("    base ", baseType.Name);
        }

        foreach (var member in type.LocalMembers)
        {
            _out.Append("    member ").Append(member.Name).Append(": ").Append(member.Type.Name)
                .Append(" optional=").Append(Python(member.Optional)).Append('\n');
            WriteIf(member.IfCond, 8);
            WriteFeatures(member.Features, 8);
        }

        WriteVariants(type.Variants);
        WriteIf(type.IfCond, 4);
        WriteFeatures(type.Features, 4);
    }

    /// <inheritdoc/>
    public override void VisitAlternateType(QapiAlternateType type)
    {
        Line("alternate ", type.Name);
        WriteVariants(type.Variants);
        WriteIf(type.IfCond, 4);
        WriteFeatures(type.Features, 4);
    }

    /// <inheritdoc/>
    public override void VisitCommand(QapiCommand command)
    {
        _out.Append("command ").Append(command.Name).Append(' ').Append(command.ArgType?.Name ?? "None")
            .Append(" -> ").Append(command.RetType?.Name ?? "None").Append('\n');
        _out.Append("    gen=").Append(Python(command.Gen))
            .Append(" success_response=").Append(Python(command.SuccessResponse))
            .Append(" boxed=").Append(Python(command.Boxed))
            .Append(" oob=").Append(Python(command.AllowOob))
            .Append(" preconfig=").Append(Python(command.AllowPreconfig))
            .Append(command.Coroutine ? " coroutine=True" : string.Empty).Append('\n');
        WriteIf(command.IfCond, 4);
        WriteFeatures(command.Features, 4);
    }

    /// <inheritdoc/>
    public override void VisitEvent(QapiEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        _out.Append("event ").Append(@event.Name).Append(' ').Append(@event.ArgType?.Name ?? "None").Append('\n');
        Line("    boxed=", Python(@event.Boxed));
        WriteIf(@event.IfCond, 4);
        WriteFeatures(@event.Features, 4);
    }

    private static void WriteDoc(StringBuilder text, QapiDoc doc)
    {
        text.Append(doc.Symbol is { } symbol ? "doc symbol=" + symbol : "doc freeform").Append('\n');
        text.Append("    body=\n").Append(doc.Body.Text).Append('\n');
        foreach (var arg in doc.Arguments)
        {
            text.Append("    arg=").Append(arg.Name).Append('\n').Append(arg.Text).Append('\n');
        }

        foreach (var feature in doc.Features)
        {
            text.Append("    feature=").Append(feature.Name).Append('\n').Append(feature.Text).Append('\n');
        }

        foreach (var section in doc.Sections)
        {
            text.Append("    section=").Append(section.Name ?? "None").Append('\n').Append(section.Text).Append('\n');
        }
    }

    private static string Python(bool value) => value ? "True" : "False";

    private void Line(string head, string tail) => _out.Append(head).Append(tail).Append('\n');

    private void WriteVariants(QapiVariants? variants)
    {
        if (variants is null)
        {
            return;
        }

        Line("    tag ", variants.TagMember.Name);
        foreach (var variant in variants.Variants)
        {
            _out.Append("    case ").Append(variant.Name).Append(": ").Append(variant.Type.Name).Append('\n');
            WriteIf(variant.IfCond, 8);
        }
    }

    private void WriteIf(QapiIfCond ifCond, int indent)
    {
        if (ifCond.IsPresent)
        {
            _out.Append(' ', indent).Append("if ").Append(ifCond.ToString()).Append('\n');
        }
    }

    private void WriteFeatures(IReadOnlyList<QapiFeature> features, int indent)
    {
        foreach (var feature in features)
        {
            _out.Append(' ', indent).Append("feature ").Append(feature.Name).Append('\n');
            WriteIf(feature.IfCond, indent + 4);
        }
    }
}
