using Machina.Qapi.Parsing;
using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>
/// Every C# name the backends use, decided once for the whole schema: type names, property
/// names, branch records, enum members, handler methods and parameters (docs/codegen.md, "Names").
/// </summary>
internal sealed class CSharpSchemaModel
{
    // Simple names of runtime types the generated code mentions; a schema name equal to one of
    // them makes every mention of that runtime type fully qualified.
    private static readonly (string Name, string Qualified)[] RuntimeNames =
    [
        ("Visitor", "global::Machina.Qapi.Visitors.Visitor"),
        ("VisitorKind", "global::Machina.Qapi.Visitors.VisitorKind"),
        ("QapiList", "global::Machina.Qapi.Visitors.QapiList"),
        ("QapiException", "global::Machina.Qapi.QapiException"),
        ("QapiSpecialFeatures", "global::Machina.Qapi.Visitors.QapiSpecialFeatures"),
        ("IQapiType", "global::Machina.Qapi.Visitors.IQapiType"),
        ("IQapiStruct", "global::Machina.Qapi.Visitors.IQapiStruct"),
        ("QapiName", "global::Machina.Qapi.Visitors.QapiName"),
        ("QapiFeatures", "global::Machina.Qapi.Visitors.QapiFeatures"),
        ("QObject", "global::Machina.QObjects.QObject"),
        ("QNull", "global::Machina.QObjects.QNull"),
        ("QType", "global::Machina.QObjects.QType"),
        ("QDict", "global::Machina.QObjects.QDict"),
        ("CompatPolicy", "global::Machina.Qapi.Visitors.CompatPolicy"),
        ("QmpCommandTable", "global::Machina.Qapi.Commands.QmpCommandTable"),
        ("QmpCommandContext", "global::Machina.Qapi.Commands.QmpCommandContext"),
        ("QmpCommandOptions", "global::Machina.Qapi.Commands.QmpCommandOptions"),
        ("QmpMarshal", "global::Machina.Qapi.Commands.QmpMarshal"),
        ("QmpEvent", "global::Machina.Qapi.Commands.QmpEvent"),
        ("IQmpCommandSender", "global::Machina.Qapi.Commands.IQmpCommandSender"),
        ("QmpClientMarshal", "global::Machina.Qapi.Commands.QmpClientMarshal"),
        ("IQapiUnknownMembers", "global::Machina.Qapi.Visitors.IQapiUnknownMembers"),
        ("Task", "global::System.Threading.Tasks.Task"),
        ("CancellationToken", "global::System.Threading.CancellationToken"),
        ("QObjectOutputVisitor", "global::Machina.Qapi.Visitors.QObjectOutputVisitor"),
        ("QmpSchemaIntrospection", "global::Machina.Qapi.Introspection.QmpSchemaIntrospection"),
        ("ValueTask", "global::System.Threading.Tasks.ValueTask"),
        ("UnreachableException", "global::System.Diagnostics.UnreachableException"),
        ("NotNull", "global::System.Diagnostics.CodeAnalysis.NotNull"),
        ("TimeProvider", "global::System.TimeProvider"),
        ("Action", "global::System.Action"),
        ("StringComparer", "global::System.StringComparer"),
    ];

    private readonly Dictionary<QapiType, string> _typeNames = [];
    private readonly Dictionary<QapiType, CSharpTypeRef> _refs = [];
    private readonly Dictionary<(QapiObjectType Owner, QapiObjectTypeMember Member), string> _properties = [];
    private readonly Dictionary<QapiVariant, string> _branchRecords = [];
    private readonly Dictionary<QapiObjectType, string> _unknownRecords = [];
    private readonly Dictionary<(QapiVariant Variant, QapiObjectTypeMember Member), string> _branchProperties = [];
    private readonly Dictionary<QapiEnumMember, string> _enumMembers = [];
    private readonly Dictionary<QapiMember, QapiDocArgSection> _memberDocs = [];
    private readonly Dictionary<string, string> _runtime = new(StringComparer.Ordinal);
    private readonly HashSet<QapiObjectType> _baseStructs = [];
    private readonly HashSet<string> _mappedTypes = new(StringComparer.Ordinal);

    public CSharpSchemaModel(QapiSchema schema, CSharpGeneratorOptions options)
    {
        Schema = schema;
        Options = options;
        SchemaName = options.SchemaName ?? DefaultSchemaName(schema.FileName);
        HandlerInterface = "I" + SchemaName + "Commands";
        CommandsClass = SchemaName + "Commands";
        EventsClass = SchemaName + "Events";
        EventEnum = SchemaName + "Event";
        IntrospectionClass = SchemaName + "Introspection";
        ClientClass = SchemaName + "Client";
        ClientEventsClass = SchemaName + "ClientEvents";
        SourceName = options.SourceName ?? schema.FileName;

        MapRuntimeTypes();
        foreach (var doc in schema.Docs)
        {
            foreach (var section in doc.Arguments)
            {
                if (section.Member is { } member && section.Text.Length > 0)
                {
                    _memberDocs[member] = section;
                }
            }

            foreach (var section in doc.Features)
            {
                if (section.Member is { } feature && section.Text.Length > 0)
                {
                    _memberDocs[feature] = section;
                }
            }
        }

        AssignTypeNames();
        AssignMemberNames();
        AssignCommandAndEventNames();
        QualifyRuntimeNames();
    }

    public QapiSchema Schema { get; }

    public CSharpGeneratorOptions Options { get; }

    public string SchemaName { get; }

    public string HandlerInterface { get; }

    public string CommandsClass { get; }

    public string EventsClass { get; }

    public string EventEnum { get; }

    public string IntrospectionClass { get; }

    public string ClientClass { get; }

    public string ClientEventsClass { get; }

    /// <summary>Client extension method names by command (every command, generated or not), with <see cref="CSharpGeneratorOptions.ClientCode"/>.</summary>
    public Dictionary<QapiCommand, string> ClientMethods { get; } = [];

    /// <summary>Client method parameter names per member of the argument type.</summary>
    public Dictionary<QapiCommand, List<(QapiObjectTypeMember Member, string Parameter)>> ClientParameters { get; } = [];

    /// <summary>Event name constants of the client's event class.</summary>
    public Dictionary<QapiEvent, string> ClientEventNames { get; } = [];

    /// <summary>With <see cref="CSharpGeneratorOptions.TolerantInput"/>: the record for discriminator values the union does not know.</summary>
    public string UnknownRecord(QapiObjectType union) => _unknownRecords[union];

    public string SourceName { get; }

    /// <summary>Command handler method names by command.</summary>
    public Dictionary<QapiCommand, string> CommandMethods { get; } = [];

    /// <summary>Event emitter method names and event enum members by event.</summary>
    public Dictionary<QapiEvent, (string Method, string EnumMember)> EventNames { get; } = [];

    /// <summary>Parameter names of command handlers and event emitters, per member of the argument type.</summary>
    public Dictionary<QapiDefinition, List<(QapiObjectTypeMember Member, string Parameter)>> Parameters { get; } = [];

    /// <summary><paramref name="simpleName"/> of a runtime type as the generated code writes it.</summary>
    public string Runtime(string simpleName) => _runtime.TryGetValue(simpleName, out var qualified) ? qualified : simpleName;

    /// <summary>Whether the schema type has C# code of its own (mapped and implicit types do not).</summary>
    public bool IsEmitted(QapiType type) => _typeNames.ContainsKey(type) && !_mappedTypes.Contains(type.Name);

    /// <summary>The C# name of an emitted (or mapped) type.</summary>
    public string TypeName(QapiType type) => _typeNames[type];

    /// <summary>Whether another struct derives from <paramref name="type"/>.</summary>
    public bool IsBaseStruct(QapiObjectType type) => _baseStructs.Contains(type);

    public string Property(QapiObjectType owner, QapiObjectTypeMember member) => _properties[(owner, member)];

    public string BranchRecord(QapiVariant variant) => _branchRecords[variant];

    /// <summary>The property of a union branch record that holds <paramref name="member"/> of the branch type.</summary>
    public string BranchProperty(QapiVariant variant, QapiObjectTypeMember member) => _branchProperties[(variant, member)];

    public string EnumMember(QapiEnumMember member) => _enumMembers[member];

    public QapiDocArgSection? MemberDoc(QapiMember member) => _memberDocs.GetValueOrDefault(member);

    /// <summary>How generated code names and visits a value of <paramref name="type"/>.</summary>
    public CSharpTypeRef Ref(QapiType type)
    {
        if (_refs.TryGetValue(type, out var known))
        {
            return known;
        }

        var made = type switch
        {
            QapiBuiltinType builtin => BuiltinRef(builtin),
            QapiEnumType enumType when enumType.Name == "QType" => new CSharpTypeRef(Runtime("QType"), true, "VisitEnum", "QString", type),
            QapiEnumType => new CSharpTypeRef(TypeName(type), true, "VisitEnum", "QString", type),
            QapiArrayType array => ArrayRef(array),
            QapiObjectType => new CSharpTypeRef(TypeName(type), false, "Visit", "QDict", type),
            QapiAlternateType => new CSharpTypeRef(TypeName(type), false, "Visit", "None", type),
            _ => throw new InvalidOperationException($"no C# type for {type.Describe()}"),
        };
        _refs[type] = made;
        return made;
    }

    /// <summary>
    /// The C# spelling of <paramref name="type"/> inside a type whose nested records are named
    /// <paramref name="shadowing"/>: a schema type of the same name as one of them is written
    /// <c>global::Namespace.Name</c>, so the nested record does not hide it.
    /// </summary>
    public string TypeIn(QapiType type, ISet<string>? shadowing)
    {
        if (shadowing is null || shadowing.Count == 0)
        {
            return Ref(type).Name;
        }

        return type switch
        {
            QapiArrayType array => Runtime("QapiList") + "<" + TypeIn(array.ElementType, shadowing) + ">",
            _ when _typeNames.TryGetValue(type, out var name) && shadowing.Contains(name) && !name.StartsWith("global::", StringComparison.Ordinal) =>
                "global::" + Options.Namespace + "." + name,
            _ => Ref(type).Name,
        };
    }

    private CSharpTypeRef BuiltinRef(QapiBuiltinType type) => type.Name switch
    {
        "str" => new("string", false, "VisitString", "QString", type),
        "number" => new("double", true, "VisitNumber", "QNum", type),
        "int" or "int64" => new("long", true, "VisitInt64", "QNum", type),
        "int8" => new("sbyte", true, "VisitInt8", "QNum", type),
        "int16" => new("short", true, "VisitInt16", "QNum", type),
        "int32" => new("int", true, "VisitInt32", "QNum", type),
        "uint8" => new("byte", true, "VisitUInt8", "QNum", type),
        "uint16" => new("ushort", true, "VisitUInt16", "QNum", type),
        "uint32" => new("uint", true, "VisitUInt32", "QNum", type),
        "uint64" => new("ulong", true, "VisitUInt64", "QNum", type),
        "size" => new("ulong", true, "VisitSize", "QNum", type),
        "bool" => new("bool", true, "VisitBool", "QBool", type),
        "any" => new(Runtime("QObject"), false, "VisitAny", "None", type),
        "null" => new(Runtime("QNull"), false, "VisitNull", "QNull", type),
        _ => throw new InvalidOperationException($"unknown built-in type '{type.Name}'"),
    };

    private CSharpTypeRef ArrayRef(QapiArrayType array)
    {
        var element = Ref(array.ElementType);
        var visit = array.ElementType switch
        {
            QapiBuiltinType => element.Visit + "List",
            QapiEnumType => "VisitEnumList",
            _ => "VisitList",
        };
        return new CSharpTypeRef(Runtime("QapiList") + "<" + element.Name + ">", false, visit, "QList", array);
    }

    private static string DefaultSchemaName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/').Last());
        return CSharpNames.Pascal(name);
    }

    // The runtime already has the generated shapes of qapi/compat.json and the error classes of
    // qapi/error.json; a schema that defines them exactly so uses those instead of new copies.
    private void MapRuntimeTypes()
    {
        if (Schema.Lookup<QapiEnumType>("CompatPolicyInput") is { } input && ValuesAre(input, "accept", "reject", "crash")
            && Schema.Lookup<QapiEnumType>("CompatPolicyOutput") is { } output && ValuesAre(output, "accept", "hide")
            && Schema.Lookup<QapiObjectType>("CompatPolicy") is { Variants: null, Base: null } policy
            && policy.Members.Select(m => (m.Name, m.Type.Name, m.Optional)).SequenceEqual(
            [
                ("deprecated-input", "CompatPolicyInput", true), ("deprecated-output", "CompatPolicyOutput", true),
                ("unstable-input", "CompatPolicyInput", true), ("unstable-output", "CompatPolicyOutput", true),
            ]))
        {
            _mappedTypes.Add("CompatPolicyInput");
            _mappedTypes.Add("CompatPolicyOutput");
            _mappedTypes.Add("CompatPolicy");
        }

        if (Schema.Lookup<QapiEnumType>("QapiErrorClass") is { } errors
            && ValuesAre(errors, "GenericError", "CommandNotFound", "DeviceNotActive", "DeviceNotFound", "KVMMissingCap"))
        {
            _mappedTypes.Add("QapiErrorClass");
        }

        static bool ValuesAre(QapiEnumType type, params string[] values) =>
            type.Members.All(m => !m.IfCond.IsPresent) && type.MemberNames.SequenceEqual(values);
    }

    private void AssignTypeNames()
    {
        var scope = new CSharpNameScope([HandlerInterface, CommandsClass, EventsClass, EventEnum, IntrospectionClass]);
        foreach (var definition in Schema.Definitions)
        {
            switch (definition)
            {
                case QapiEnumType enumType when enumType.Name != "QType":
                    _typeNames[enumType] = AssignType(scope, enumType);
                    break;
                case QapiObjectType objectType when ImplicitOwner(objectType) is { } owner:
                    var suffix = owner is QapiCommand ? "Arguments" : "Data";
                    _typeNames[objectType] = scope.Assign(CSharpNames.Pascal(owner.Name, owner is QapiEvent) + suffix);
                    break;
                case QapiObjectType { IsImplicit: false } objectType:
                    _typeNames[objectType] = AssignType(scope, objectType);
                    if (objectType.Variants is null && objectType.Base is { } baseType)
                    {
                        _baseStructs.Add(baseType);
                    }

                    break;
                case QapiAlternateType alternate:
                    _typeNames[alternate] = scope.Assign(CSharpNames.Pascal(alternate.Name));
                    break;
            }
        }

        string AssignType(CSharpNameScope scope, QapiType type) => _mappedTypes.Contains(type.Name)
            ? (type.Name == "QapiErrorClass" ? "global::Machina.Qapi.QapiErrorClass" : type.Name)
            : scope.Assign(CSharpNames.Pascal(type.Name));
    }

    /// <summary>The command or event whose inline arguments <paramref name="type"/> holds, if it is such a type.</summary>
    public QapiDefinition? ImplicitOwner(QapiObjectType type)
    {
        const string Prefix = "q_obj_";
        const string Suffix = "-arg";
        if (!type.Name.StartsWith(Prefix, StringComparison.Ordinal) || !type.Name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var owner = Schema.LookupEntity(type.Name.Substring(Prefix.Length, type.Name.Length - Prefix.Length - Suffix.Length));
        return owner is QapiCommand command && command.ArgType == type || owner is QapiEvent @event && @event.ArgType == type ? owner : null;
    }

    private void AssignMemberNames()
    {
        foreach (var definition in Schema.Definitions)
        {
            if (definition is not QapiType type || !IsEmitted(type))
            {
                continue;
            }

            switch (definition)
            {
                case QapiEnumType enumType:
                {
                    var scope = new CSharpNameScope([_typeNames[enumType], "value__"]);
                    foreach (var member in enumType.Members)
                    {
                        _enumMembers[member] = scope.Assign(CSharpNames.Pascal(member.Name));
                    }

                    break;
                }

                case QapiObjectType { Variants: null } structType:
                    StructProperties(structType);
                    break;
                case QapiObjectType union:
                    UnionNames(union);
                    break;
                case QapiAlternateType alternate:
                {
                    var scope = new CSharpNameScope([_typeNames[alternate], "Value", .. CSharpNameScope.RecordMembers]) { Suffix = "Branch" };
                    foreach (var variant in alternate.Variants.Variants)
                    {
                        _branchRecords[variant] = scope.Assign(CSharpNames.Pascal(variant.Name));
                    }

                    break;
                }
            }
        }
    }

    /// <summary>Names the struct's own properties; returns every property name it has, inherited ones included.</summary>
    private HashSet<string> StructProperties(QapiObjectType type)
    {
        var inherited = type.Base is { } baseType ? StructProperties(baseType) : [];
        var scope = new CSharpNameScope([_typeNames[type], .. CSharpNameScope.RecordMembers, .. inherited]) { Suffix = "Value" };
        var all = new HashSet<string>(inherited, StringComparer.Ordinal);
        foreach (var member in type.LocalMembers)
        {
            if (!_properties.TryGetValue((type, member), out var name))
            {
                name = scope.Assign(CSharpNames.Pascal(member.Name));
                _properties[(type, member)] = name;
            }

            scope.Reserve(name);
            all.Add(name);
        }

        return all;
    }

    private void UnionNames(QapiObjectType union)
    {
        var scope = new CSharpNameScope([_typeNames[union], .. CSharpNameScope.RecordMembers]) { Suffix = "Value" };
        var unionNames = new List<string>();
        foreach (var member in union.Members)
        {
            var name = scope.Assign(CSharpNames.Pascal(member.Name));
            _properties[(union, member)] = name;
            unionNames.Add(name);
        }

        var records = new CSharpNameScope([_typeNames[union], .. CSharpNameScope.RecordMembers, .. unionNames]) { Suffix = "Branch" };
        foreach (var variant in union.Variants!.Variants)
        {
            var record = records.Assign(CSharpNames.Pascal(variant.Name));
            _branchRecords[variant] = record;
            unionNames.Add(record);
        }

        if (Options.TolerantInput)
        {
            var unknown = records.Assign("Unknown");
            _unknownRecords[union] = unknown;
            unionNames.Add(unknown);
        }

        foreach (var variant in union.Variants.Variants)
        {
            var branchScope = new CSharpNameScope([_branchRecords[variant], .. CSharpNameScope.RecordMembers, .. unionNames]) { Suffix = "Value" };
            foreach (var member in ((QapiObjectType)variant.Type).Members)
            {
                _branchProperties[(variant, member)] = branchScope.Assign(CSharpNames.Pascal(member.Name));
            }
        }
    }

    private void AssignCommandAndEventNames()
    {
        var methods = new CSharpNameScope(CSharpNameScope.RecordMembers);
        var emitters = new CSharpNameScope([EventsClass, "Policy", "Emit", .. CSharpNameScope.RecordMembers]);
        var eventMembers = new CSharpNameScope([EventEnum, "value__"]);
        foreach (var definition in Schema.Definitions)
        {
            switch (definition)
            {
                case QapiCommand { Gen: true } command:
                    CommandMethods[command] = methods.Assign(CSharpNames.Pascal(command.Name) + "Async");
                    Parameters[command] = ParameterNames(command.ArgType, command.Boxed, "context");
                    break;
                case QapiEvent @event:
                    var pascal = CSharpNames.Pascal(@event.Name, lowerFirst: true);
                    EventNames[@event] = (emitters.Assign("Send" + pascal), eventMembers.Assign(pascal));
                    Parameters[@event] = ParameterNames(@event.ArgType, @event.Boxed);
                    break;
            }
        }

        if (!Options.ClientCode)
        {
            return;
        }

        var clientMethods = new CSharpNameScope([ClientClass, .. CSharpNameScope.RecordMembers]);
        var eventConstants = new CSharpNameScope([ClientEventsClass, "DataType", "DecodeData", .. CSharpNameScope.RecordMembers]);
        foreach (var definition in Schema.Definitions)
        {
            switch (definition)
            {
                case QapiCommand command:
                    ClientMethods[command] = clientMethods.Assign(CSharpNames.Pascal(command.Name) + "Async");
                    ClientParameters[command] = ParameterNames(command.ArgType, command.Boxed, "client", "cancellationToken", "extraArguments", "arguments", "reply", "v", "result");
                    break;
                case QapiEvent @event:
                    ClientEventNames[@event] = eventConstants.Assign(CSharpNames.Pascal(@event.Name, lowerFirst: true));
                    break;
            }
        }
    }

    private List<(QapiObjectTypeMember Member, string Parameter)> ParameterNames(QapiObjectType? argType, bool boxed, params string[] reserved)
    {
        var result = new List<(QapiObjectTypeMember, string)>();
        if (argType is null || boxed || argType.IsEmpty)
        {
            return result;
        }

        var scope = new CSharpNameScope(reserved) { Suffix = "Value" };
        foreach (var member in argType.Members)
        {
            var pascal = CSharpNames.Pascal(member.Name);
            var camel = CSharpNames.Camel(pascal);
            result.Add((member, scope.Assign(camel)));
        }

        return result;
    }

    /// <summary>The struct type that declares <paramref name="member"/> (a base for inherited members).</summary>
    public QapiObjectType DeclaringStruct(QapiObjectType type, QapiObjectTypeMember member)
    {
        for (var current = type; current is not null; current = current.Base)
        {
            if (current.LocalMembers.Contains(member))
            {
                return current;
            }
        }

        throw new InvalidOperationException($"member '{member.Name}' is not in {type.Describe()}");
    }

    /// <summary>The property name of <paramref name="member"/> on struct <paramref name="type"/> or its bases.</summary>
    public string StructProperty(QapiObjectType type, QapiObjectTypeMember member) => Property(DeclaringStruct(type, member), member);

    private void QualifyRuntimeNames()
    {
        var declared = new HashSet<string>(_typeNames.Values, StringComparer.Ordinal);
        declared.UnionWith(_properties.Values);
        declared.UnionWith(_branchRecords.Values);
        declared.UnionWith(_unknownRecords.Values);
        declared.UnionWith(_branchProperties.Values);
        declared.UnionWith(CommandMethods.Values);
        foreach (var (name, qualified) in RuntimeNames)
        {
            if (declared.Contains(name))
            {
                _runtime[name] = qualified;
            }
        }

        // Refs made before qualification would be stale; none are made before this point.
        _refs.Clear();
    }
}
