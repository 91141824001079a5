using System.Diagnostics;
using Machina.Qapi.Parsing;
using Machina.Qapi.Source;
using Machina.QObjects;

namespace Machina.Qapi.Schema;

/// <summary>Making entities from checked expressions, including the implicit ones.</summary>
public sealed partial class QapiSchema
{
    private static readonly (string Name, string JsonType)[] BuiltinTypes =
    [
        ("str", "string"), ("number", "number"), ("int", "int"),
        ("int8", "int"), ("int16", "int"), ("int32", "int"), ("int64", "int"),
        ("uint8", "int"), ("uint16", "int"), ("uint32", "int"), ("uint64", "int"),
        ("size", "int"), ("bool", "boolean"), ("any", "value"), ("null", "null"),
    ];

    private static readonly string[] QTypeValues = ["none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool"];

    private void Define(QapiEntity entity)
    {
        _entities.Add(entity);
        if (entity is not QapiDefinition definition)
        {
            return;
        }

        if (_definitions.TryGetValue(definition.Name, out var other))
        {
            if (other.Info is not null)
            {
                var where = new QapiSourceException(other.Info, "previous definition").Message;
                throw new QapiSemanticException(entity.Info!, $"'{definition.Name}' is already defined\n{where}");
            }

            throw new QapiSemanticException(entity.Info!, $"{other.Describe()} is already defined");
        }

        _definitions.Add(definition.Name, definition);
    }

    private void DefinePredefined()
    {
        foreach (var (name, jsonType) in BuiltinTypes)
        {
            Define(new QapiBuiltinType(name, jsonType));

            // Every built-in type gets its array type, used or not, as QEMU's generated code for
            // the built-ins is shared between schemas.
            MakeArrayType(name, null);
        }

        Define(new QapiObjectType("q_empty", null, null, null, null, null, [], null));
        var values = QTypeValues.Select(v => new QapiEnumMember(v, null, QapiIfCond.Always, [])).ToList();
        Define(new QapiEnumType("QType", null, null, null, null, values, "QTYPE"));
    }

    private void DefineAll(IReadOnlyList<QapiExpression> expressions)
    {
        foreach (var expression in expressions)
        {
            var expr = expression.Value;
            var info = expression.Info;
            var doc = expression.Doc;
            if (expr.ContainsKey("enum"))
            {
                DefineEnum(expr, info, doc);
            }
            else if (expr.ContainsKey("struct"))
            {
                DefineStruct(expr, info, doc);
            }
            else if (expr.ContainsKey("union"))
            {
                DefineUnion(expr, info, doc);
            }
            else if (expr.ContainsKey("alternate"))
            {
                DefineAlternate(expr, info, doc);
            }
            else if (expr.ContainsKey("command"))
            {
                DefineCommand(expr, info, doc);
            }
            else if (expr.ContainsKey("event"))
            {
                DefineEvent(expr, info, doc);
            }
            else
            {
                Debug.Assert(expression.IsInclude, "the checker lets only definitions and includes through");
                Define(new QapiInclude(MakeModule(((QString)expr["include"]).Value), info));
            }
        }
    }

    private static string Text(QObject value) => ((QString)value).Value;

    private static string? OptionalText(QDict expr, string key) => expr.GetValueOrDefault(key) is QString s ? s.Value : null;

    private static bool Flag(QDict expr, string key, bool absent) => expr.GetValueOrDefault(key) is QBool b ? b.Value : absent;

    private static List<QapiFeature> MakeFeatures(QObject? features, QapiSourceInfo info)
    {
        if (features is not QList list)
        {
            return [];
        }

        return [.. list.Select(f =>
        {
            var feature = (QDict)f;
            return new QapiFeature(Text(feature["name"]), info, QapiIfCond.FromSchema(feature.GetValueOrDefault("if")));
        })];
    }

    private string MakeArrayType(string elementTypeName, QapiSourceInfo? info)
    {
        var name = elementTypeName + "List";
        if (LookupType(name) is null)
        {
            Define(new QapiArrayType(name, info, elementTypeName));
        }

        return name;
    }

    /// <summary>A type reference as the checker leaves it: a name, or <c>['T']</c> for an array of T.</summary>
    private string TypeReference(QObject type, QapiSourceInfo info) =>
        type is QList array ? MakeArrayType(Text(array[0]), info) : Text(type);

    private string? MakeImplicitObjectType(string name, QapiSourceInfo info, QapiIfCond ifCond, string role, List<QapiObjectTypeMember> members)
    {
        if (members.Count == 0)
        {
            return null;
        }

        var typeName = $"q_obj_{name}-{role}";

        // An existing one means a duplicate definition, which Define reports when it is made.
        if (Lookup<QapiObjectType>(typeName) is null)
        {
            Define(new QapiObjectType(typeName, info, null, ifCond, null, null, members, null));
        }

        return typeName;
    }

    private List<QapiObjectTypeMember> MakeMembers(QDict data, QapiSourceInfo info)
    {
        var members = new List<QapiObjectTypeMember>(data.Count);
        foreach (var (key, value) in data)
        {
            var member = (QDict)value;
            var optional = key.StartsWith('*');
            var type = TypeReference(member["type"], info);
            members.Add(new QapiObjectTypeMember(
                optional ? key[1..] : key, info, type, optional,
                QapiIfCond.FromSchema(member.GetValueOrDefault("if")),
                MakeFeatures(member.GetValueOrDefault("features"), info)));
        }

        return members;
    }

    private List<QapiVariant> MakeVariants(QDict data, QapiSourceInfo info)
    {
        var variants = new List<QapiVariant>(data.Count);
        foreach (var (key, value) in data)
        {
            var branch = (QDict)value;
            var type = TypeReference(branch["type"], info);
            variants.Add(new QapiVariant(key, info, type, QapiIfCond.FromSchema(branch.GetValueOrDefault("if"))));
        }

        return variants;
    }

    private void DefineEnum(QDict expr, QapiSourceInfo info, QapiDoc? doc)
    {
        var ifCond = QapiIfCond.FromSchema(expr.GetValueOrDefault("if"));
        var features = MakeFeatures(expr.GetValueOrDefault("features"), info);
        var members = ((QList)expr["data"]).Select(m =>
        {
            var member = (QDict)m;
            return new QapiEnumMember(
                Text(member["name"]), info,
                QapiIfCond.FromSchema(member.GetValueOrDefault("if")),
                MakeFeatures(member.GetValueOrDefault("features"), info));
        }).ToList();
        Define(new QapiEnumType(Text(expr["enum"]), info, doc, ifCond, features, members, OptionalText(expr, "prefix")));
    }

    private void DefineStruct(QDict expr, QapiSourceInfo info, QapiDoc? doc)
    {
        var ifCond = QapiIfCond.FromSchema(expr.GetValueOrDefault("if"));
        var features = MakeFeatures(expr.GetValueOrDefault("features"), info);
        var members = MakeMembers((QDict)expr["data"], info);
        Define(new QapiObjectType(Text(expr["struct"]), info, doc, ifCond, features, OptionalText(expr, "base"), members, null));
    }

    private void DefineUnion(QDict expr, QapiSourceInfo info, QapiDoc? doc)
    {
        var name = Text(expr["union"]);
        var ifCond = QapiIfCond.FromSchema(expr.GetValueOrDefault("if"));
        var features = MakeFeatures(expr.GetValueOrDefault("features"), info);
        var baseName = expr["base"] is QDict inlineBase
            ? MakeImplicitObjectType(name, info, ifCond, "base", MakeMembers(inlineBase, info))
            : Text(expr["base"]);
        var variants = MakeVariants((QDict)expr["data"], info);
        Define(new QapiObjectType(
            name, info, doc, ifCond, features, baseName, [],
            new QapiVariants(Text(expr["discriminator"]), info, null, variants)));
    }

    private void DefineAlternate(QDict expr, QapiSourceInfo info, QapiDoc? doc)
    {
        var ifCond = QapiIfCond.FromSchema(expr.GetValueOrDefault("if"));
        var features = MakeFeatures(expr.GetValueOrDefault("features"), info);
        var variants = MakeVariants((QDict)expr["data"], info);
        var tag = new QapiObjectTypeMember("type", info, "QType", optional: false, null, []);
        Define(new QapiAlternateType(Text(expr["alternate"]), info, doc, ifCond, features, new QapiVariants(null, info, tag, variants)));
    }

    private void DefineCommand(QDict expr, QapiSourceInfo info, QapiDoc? doc)
    {
        var name = Text(expr["command"]);
        var ifCond = QapiIfCond.FromSchema(expr.GetValueOrDefault("if"));
        var features = MakeFeatures(expr.GetValueOrDefault("features"), info);
        var data = expr.GetValueOrDefault("data");
        var argTypeName = data is QDict inlineArgs
            ? MakeImplicitObjectType(name, info, ifCond, "arg", MakeMembers(inlineArgs, info))
            : (data as QString)?.Value;
        var returns = expr.GetValueOrDefault("returns");
        var retTypeName = returns is null ? null : TypeReference(returns, info);
        var flags = new QapiCommandFlags(
            Gen: Flag(expr, "gen", absent: true),
            SuccessResponse: Flag(expr, "success-response", absent: true),
            Boxed: Flag(expr, "boxed", absent: false),
            AllowOob: Flag(expr, "allow-oob", absent: false),
            AllowPreconfig: Flag(expr, "allow-preconfig", absent: false),
            Coroutine: Flag(expr, "coroutine", absent: false));
        Define(new QapiCommand(name, info, doc, ifCond, features, argTypeName, retTypeName, flags));
    }

    private void DefineEvent(QDict expr, QapiSourceInfo info, QapiDoc? doc)
    {
        var name = Text(expr["event"]);
        var ifCond = QapiIfCond.FromSchema(expr.GetValueOrDefault("if"));
        var features = MakeFeatures(expr.GetValueOrDefault("features"), info);
        var data = expr.GetValueOrDefault("data");
        var argTypeName = data is QDict inlineArgs
            ? MakeImplicitObjectType(name, info, ifCond, "arg", MakeMembers(inlineArgs, info))
            : (data as QString)?.Value;
        Define(new QapiEvent(name, info, doc, ifCond, features, argTypeName, Flag(expr, "boxed", absent: false)));
    }
}
