using System.Text;
using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>
/// The introspection backend (QEMU's <c>introspect.py</c>): <c>qapi-introspect.cs</c> holds the
/// value of <c>query-qmp-schema</c> with every <c>'if'</c> condition kept, so that it can be
/// evaluated for the symbols the code is compiled with or for any other set at run time.
/// </summary>
/// <remarks>
/// <para>The SchemaInfo list is built exactly as QEMU builds it: commands and events in schema
/// order, then the types they use, transitively, in the order first used; integer types of every
/// width as <c>int</c>; arrays as <c>[T]</c>; keys in each object sorted. Masked names (QEMU's
/// default) number each non-built-in type in the order the walk first meets it, whether or not
/// its condition holds; the data keeps real names with that numbering beside it, and
/// <see cref="Introspection.QmpSchemaIntrospection"/> masks on request.</para>
/// <para>The data is JSON: <c>{"names": [...], "schema": [...]}</c>, where a list element that is
/// itself a two-element list <c>[COND, VALUE]</c> is a conditional element (SchemaInfo lists never
/// hold lists), <c>COND</c> in the schema's own condition syntax.</para>
/// </remarks>
internal sealed class IntrospectionBackend : CSharpBackend
{
    private readonly List<Annotated> _trees = [];
    private readonly List<QapiType> _usedTypes = [];
    private readonly HashSet<QapiType> _used = [];
    private readonly Dictionary<string, int> _nameMap = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly SortedSet<string> _symbols = new(StringComparer.Ordinal);

    public IntrospectionBackend(CSharpSchemaModel model)
        : base(model, "qapi-introspect")
    {
    }

    // Every module is walked (commands and events only); types come at the end, as used.
    public override void VisitModule(QapiModule module)
    {
    }

    public override bool VisitNeeded(QapiEntity entity) => entity is QapiDefinition and not QapiType;

    /// <summary>The introspection data as JSON, once the walk has ended.</summary>
    public string Json { get; private set; } = string.Empty;

    public override void VisitEnd()
    {
        for (var i = 0; i < _usedTypes.Count; i++)
        {
            _usedTypes[i].Accept(this);
        }

        var json = new StringBuilder("{\"names\": [");
        json.Append(string.Join(", ", _names.Select(JsonString)));
        json.Append("], \"schema\": [");
        for (var i = 0; i < _trees.Count; i++)
        {
            json.Append(i > 0 ? ", " : string.Empty);
            Write(_trees[i], json);
        }

        Json = json.Append("]}").ToString();

        Switch(AddFile("qapi-introspect"));
        File.Using("System");
        File.Using("System.Collections.Generic");
        File.Using("Machina.QObjects");
        File.Using("Machina.Qapi.Introspection");
        var source = CSharpDocs.Xml(Path.GetFileName(Model.SourceName));
        W.Line($"/// <summary>The introspection data of {source}: the value of <c>query-qmp-schema</c>.</summary>");
        W.Open($"public static class {Model.IntrospectionClass}");
        W.Line("/// <summary>The data, every <c>'if'</c> condition kept.</summary>");
        W.Line($"public static {Model.Runtime("QmpSchemaIntrospection")} Schema {{ get; }} = new(Data);");
        W.Line();
        W.Line("/// <summary>The schema's <c>'if'</c> symbols that were defined when this code was compiled.</summary>");
        W.Line($"public static IReadOnlySet<string> DefinedSymbols {{ get; }} = new HashSet<string>({Model.Runtime("StringComparer")}.Ordinal)");
        W.Line("{");
        foreach (var symbol in _symbols)
        {
            W.Raw("#if " + symbol + "\n");
            W.Indent();
            W.Line(CSharpNames.StringLiteral(symbol) + ",");
            W.Outdent();
            W.Raw("#endif\n");
        }

        W.Line("};");
        W.Line();
        W.Line("/// <summary>The SchemaInfo list for the symbols this code was compiled with (<see cref=\"DefinedSymbols\"/>).</summary>");
        W.Line("/// <param name=\"unmask\">True for real type names; false (QEMU's default) numbers them.</param>");
        W.Line($"public static QList QueryQmpSchema(bool unmask = false) => Schema.GetSchemaInfo(DefinedSymbols.Contains, unmask);");
        W.Line();
        W.Line("private const string Data = \"\"\"");
        W.Indent();
        W.Line("{\"names\": [");
        W.Indent();
        for (var i = 0; i < _names.Count; i++)
        {
            W.Line(JsonString(_names[i]) + (i + 1 < _names.Count ? "," : string.Empty));
        }

        W.Outdent();
        W.Line("],");
        W.Line("\"schema\": [");
        W.Indent();
        for (var i = 0; i < _trees.Count; i++)
        {
            var text = new StringBuilder();
            Write(_trees[i], text);
            W.Line(text + (i + 1 < _trees.Count ? "," : string.Empty));
        }

        W.Outdent();
        W.Line("]}");
        W.Line("\"\"\";");
        W.Outdent();
        W.Close();
        Switch(null);
    }

    private string Name(string name)
    {
        if (!_nameMap.ContainsKey(name))
        {
            _nameMap[name] = _names.Count;
            _names.Add(name);
        }

        return name;
    }

    private string UseType(QapiType type)
    {
        if (type.JsonType == "int")
        {
            type = Model.Schema.LookupType("int")!;
        }
        else if (type is QapiArrayType { ElementType.JsonType: "int" })
        {
            type = Model.Schema.LookupType("intList")!;
        }

        if (_used.Add(type))
        {
            _usedTypes.Add(type);
        }

        return type switch
        {
            QapiBuiltinType => type.Name,
            QapiArrayType array => "[" + UseType(array.ElementType) + "]",
            _ => Name(type.Name),
        };
    }

    private void Tree(string name, string metaType, SortedDictionary<string, Node> obj, QapiIfCond ifCond, IReadOnlyList<QapiFeature>? features = null)
    {
        if (metaType is not ("command" or "event" or "builtin" or "array"))
        {
            Name(name);
        }

        obj["name"] = new Text(name);
        obj["meta-type"] = new Text(metaType);
        if (features is { Count: > 0 })
        {
            obj["features"] = FeatureList(features);
        }

        _trees.Add(new Annotated(new Dict(obj), Condition(ifCond)));
    }

    private ListNode FeatureList(IReadOnlyList<QapiFeature> features) =>
        new(features.Select(f => new Annotated(new Text(f.Name), Condition(f.IfCond))).ToList());

    private QapiIfCond Condition(QapiIfCond ifCond)
    {
        CSharpConditions.CollectSymbols(ifCond, _symbols);
        return ifCond;
    }

    public override void VisitBuiltinType(QapiBuiltinType type) =>
        Tree(type.Name, "builtin", new(StringComparer.Ordinal) { ["json-type"] = new Text(type.JsonType) }, QapiIfCond.Always);

    public override void VisitEnumType(QapiEnumType type)
    {
        var members = type.Members.Select(m =>
        {
            var obj = new SortedDictionary<string, Node>(StringComparer.Ordinal) { ["name"] = new Text(m.Name) };
            if (m.Features.Count > 0)
            {
                obj["features"] = FeatureList(m.Features);
            }

            return new Annotated(new Dict(obj), Condition(m.IfCond));
        }).ToList();
        var values = type.Members.Select(m => new Annotated(new Text(m.Name), Condition(m.IfCond))).ToList();
        Tree(type.Name, "enum", new(StringComparer.Ordinal) { ["members"] = new ListNode(members), ["values"] = new ListNode(values) }, type.IfCond, type.Features);
    }

    public override void VisitArrayType(QapiArrayType type)
    {
        var element = UseType(type.ElementType);
        Tree("[" + element + "]", "array", new(StringComparer.Ordinal) { ["element-type"] = new Text(element) }, type.IfCond);
    }

    public override void VisitObjectTypeFlat(QapiObjectType type)
    {
        var obj = new SortedDictionary<string, Node>(StringComparer.Ordinal)
        {
            ["members"] = new ListNode(type.Members.Select(ObjectMember).ToList()),
        };
        if (type.Variants is { } variants)
        {
            obj["tag"] = new Text(variants.TagMember.Name);
            obj["variants"] = new ListNode(variants.Variants.Select(v => new Annotated(
                new Dict(new SortedDictionary<string, Node>(StringComparer.Ordinal) { ["case"] = new Text(v.Name), ["type"] = new Text(UseType(v.Type)) }),
                Condition(v.IfCond))).ToList());
        }

        Tree(type.Name, "object", obj, type.IfCond, type.Features);
    }

    private Annotated ObjectMember(QapiObjectTypeMember member)
    {
        var obj = new SortedDictionary<string, Node>(StringComparer.Ordinal)
        {
            ["name"] = new Text(member.Name),
            ["type"] = new Text(UseType(member.Type)),
        };
        if (member.Optional)
        {
            obj["default"] = new Null();
        }

        if (member.Features.Count > 0)
        {
            obj["features"] = FeatureList(member.Features);
        }

        return new Annotated(new Dict(obj), Condition(member.IfCond));
    }

    public override void VisitAlternateType(QapiAlternateType type)
    {
        var members = type.Variants.Variants.Select(v => new Annotated(
            new Dict(new SortedDictionary<string, Node>(StringComparer.Ordinal) { ["type"] = new Text(UseType(v.Type)) }),
            Condition(v.IfCond))).ToList();
        Tree(type.Name, "alternate", new(StringComparer.Ordinal) { ["members"] = new ListNode(members) }, type.IfCond, type.Features);
    }

    public override void VisitCommand(QapiCommand command)
    {
        var empty = Model.Schema.LookupType("q_empty")!;
        var obj = new SortedDictionary<string, Node>(StringComparer.Ordinal)
        {
            ["arg-type"] = new Text(UseType(command.ArgType ?? empty)),
            ["ret-type"] = new Text(UseType(command.RetType ?? empty)),
        };
        if (command.AllowOob)
        {
            obj["allow-oob"] = new True();
        }

        Tree(command.Name, "command", obj, command.IfCond, command.Features);
    }

    public override void VisitEvent(QapiEvent @event)
    {
        var empty = Model.Schema.LookupType("q_empty")!;
        Tree(@event.Name, "event", new(StringComparer.Ordinal) { ["arg-type"] = new Text(UseType(@event.ArgType ?? empty)) }, @event.IfCond, @event.Features);
    }

    // ---- The tree and its JSON ---------------------------------------------------------------

    private abstract record Node;

    private sealed record Text(string Value) : Node;

    private sealed record True : Node;

    private sealed record Null : Node;

    private sealed record ListNode(List<Annotated> Items) : Node;

    private sealed record Dict(SortedDictionary<string, Node> Entries) : Node;

    private sealed record Annotated(Node Value, QapiIfCond IfCond);

    private static void Write(Annotated annotated, StringBuilder text)
    {
        if (annotated.IfCond.Condition is { } condition)
        {
            text.Append('[');
            WriteCondition(condition, text);
            text.Append(", ");
            Write(annotated.Value, text);
            text.Append(']');
        }
        else
        {
            Write(annotated.Value, text);
        }
    }

    private static void Write(Node node, StringBuilder text)
    {
        switch (node)
        {
            case Text t:
                text.Append(JsonString(t.Value));
                break;
            case True:
                text.Append("true");
                break;
            case Null:
                text.Append("null");
                break;
            case ListNode list:
                text.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty);
                    Write(list.Items[i], text);
                }

                text.Append(']');
                break;
            case Dict dict:
                text.Append('{');
                var first = true;
                foreach (var entry in dict.Entries)
                {
                    text.Append(first ? string.Empty : ", ").Append(JsonString(entry.Key)).Append(": ");
                    Write(entry.Value, text);
                    first = false;
                }

                text.Append('}');
                break;
        }
    }

    private static void WriteCondition(QapiCondition condition, StringBuilder text)
    {
        switch (condition)
        {
            case QapiConditionSymbol symbol:
                text.Append(JsonString(symbol.Name));
                break;
            case QapiConditionNot not:
                text.Append("{\"not\": ");
                WriteCondition(not.Operand, text);
                text.Append('}');
                break;
            case QapiConditionAll or QapiConditionAny:
                var (key, operands) = condition is QapiConditionAll all ? ("all", all.Operands) : ("any", ((QapiConditionAny)condition).Operands);
                text.Append("{\"").Append(key).Append("\": [");
                for (var i = 0; i < operands.Count; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty);
                    WriteCondition(operands[i], text);
                }

                text.Append("]}");
                break;
        }
    }

    // Schema names and symbols are ASCII letters, digits and punctuation without quotes or
    // backslashes, but escape them anyway so the JSON is right whatever the input.
    private static string JsonString(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < ' ' || c > '~')
            {
                text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }
}
