using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Machina.Qom.SourceGeneration;

/// <summary>
/// Reads every class marked <c>[QomType]</c> and C# interface marked <c>[QomInterface]</c> and emits,
/// for each, a module initializer that records a <c>QomDeclaration</c>: the type's name, parent,
/// interfaces, options struct, its hooks and <c>[QomProperty]</c> properties as typed delegates.
/// Private members are reached through <c>UnsafeAccessor</c> methods, so declarations stay plain
/// C# (no <c>partial</c> needed) and registration uses no reflection.
/// </summary>
/// <remarks>
/// A declaration that is wrong in ways the registry has always reported at run time (a misshapen
/// hook, a property type with no QOM equivalent) still is: the generated description throws the
/// same <c>ArgumentException</c> when the type is registered or its class initialised. What
/// generated code cannot do at all (name a private class, instantiate an open generic class) is a
/// build error.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class QomSourceGenerator : IIncrementalGenerator
{
    private const string TypeAttribute = "Machina.Qom.QomTypeAttribute";
    private const string InterfaceAttribute = "Machina.Qom.QomInterfaceAttribute";

    private static readonly DiagnosticDescriptor Unreachable = new(
        "MQOM001", "QOM declaration out of reach",
        "{0} cannot be registered: a [{1}] type must be public or internal, not generic, and not nested in a private or protected type",
        "Machina.Qom", DiagnosticSeverity.Error, isEnabledByDefault: true);

    internal static readonly DiagnosticDescriptor UnsupportedProperty = new(
        "MQOM002", "QOM property type not supported",
        "{0}.{1}: a [QomProperty] cannot be a {2}; use ObjectClass.AddProperty in a class-init method",
        "Machina.Qom", DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var classes = context.SyntaxProvider.ForAttributeWithMetadataName(
            TypeAttribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (ctx, _) => Emit(ctx, isInterface: false));
        var interfaces = context.SyntaxProvider.ForAttributeWithMetadataName(
            InterfaceAttribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax,
            static (ctx, _) => Emit(ctx, isInterface: true));

        context.RegisterSourceOutput(classes, Output);
        context.RegisterSourceOutput(interfaces, Output);
    }

    private static void Output(SourceProductionContext context, Generated generated)
    {
        if (generated.Error is { } error)
        {
            context.ReportDiagnostic(Diagnostic.Create(error.Descriptor, generated.Location, error.Arguments.Split('\n')));
            return;
        }

        context.AddSource(generated.HintName, generated.Source!);
    }

    private static Generated Emit(GeneratorAttributeSyntaxContext context, bool isInterface)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var display = type.ToDisplayString();
        var hint = "QomDeclaration." + Sanitize(display) + ".g.cs";
        if (!IsReachable(type))
        {
            return new Generated(hint, null, (Unreachable, display + "\n" + (isInterface ? "QomInterface" : "QomType")), type.Locations.FirstOrDefault());
        }

        // The generated file sees what the declaring file sees: its namespace and using directives
        // (types from other generators, such as the QAPI types, cannot be resolved here, only named).
        var usings = new StringBuilder();
        for (var node = context.TargetNode.Parent; node is not null; node = node.Parent)
        {
            var directives = node switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax ns => ns.Usings,
                Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            foreach (var directive in directives)
            {
                if (directive.GlobalKeyword.IsKind(SyntaxKind.None))
                {
                    usings.Append(directive.ToString()).Append('\n');
                }
            }
        }

        var writer = new DeclarationWriter(type, context.Attributes[0], usings.ToString());
        var source = isInterface ? writer.WriteInterface() : writer.WriteClass();
        return writer.Unsupported is { } unsupported
            ? new Generated(hint, null, (UnsupportedProperty, unsupported.Arguments), unsupported.Location)
            : new Generated(hint, source, null, null);
    }

    private static bool IsReachable(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType || t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    private sealed record Generated(string HintName, string? Source, (DiagnosticDescriptor Descriptor, string Arguments)? Error, Location? Location);
}

/// <summary>Writes the generated registration of one declaration.</summary>
internal sealed class DeclarationWriter
{
    private const string Ns = "global::Machina.Qom.";
    private const string QObjects = "global::Machina.QObjects.";

    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat;

    private static readonly (string Attribute, string Property, bool IsStatic)[] Hooks =
    [
        ("QomClassInitAttribute", "ClassInit", true),
        ("QomClassBaseInitAttribute", "ClassBaseInit", true),
        ("QomInstanceInitAttribute", "InstanceInit", false),
        ("QomInstancePostInitAttribute", "InstancePostInit", false),
        ("QomInstanceFinalizeAttribute", "InstanceFinalize", false),
    ];

    private readonly INamedTypeSymbol _type;
    private readonly AttributeData _attribute;
    private readonly string _typeName;
    private readonly string _className;
    private readonly StringBuilder _accessors = new();
    private readonly StringBuilder _body = new();
    private readonly string _usings;

    public DeclarationWriter(INamedTypeSymbol type, AttributeData attribute, string usings)
    {
        _type = type;
        _attribute = attribute;
        _usings = usings;
        _typeName = type.ToDisplayString(Qualified);
        _className = "QomDeclaration_" + QomSourceGenerator.Sanitize(type.ToDisplayString());
    }

    /// <summary>A property whose type has no QOM equivalent, with the diagnostic's arguments.</summary>
    public (string Arguments, Location? Location)? Unsupported { get; private set; }

    // Types made by other generators are error types here: name them as written.
    private static string TypeText(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Error ? type.ToDisplayString() : type.ToDisplayString(Qualified);

    private string QomName => Literal((string?)_attribute.ConstructorArguments.FirstOrDefault().Value ?? string.Empty);

    public string WriteInterface()
    {
        var parent = Named("Parent") is { Value: string p } ? Literal(p) : Literal("interface");
        var classType = Named("ClassType") is { Value: ITypeSymbol c } ? $"typeof({TypeText(c)})" : "null";
        _body.Append($$"""
                    {{Ns}}QomDeclaration.Add(typeof({{_typeName}}), new {{Ns}}QomDeclaration({{QomName}}, static () => new {{Ns}}QomTypeInfo({{QomName}})
                    {
                        Parent = {{parent}},
                        ClassType = {{classType}},
                    }));

        """);
        return Wrap();
    }

    public string WriteClass()
    {
        if (!DerivesFrom(_type, "Machina.Qom.QomObject"))
        {
            var message = Literal($"{_type.Name}: a [QomType] class must derive from QomObject");
            _body.Append($$"""
                        {{Ns}}QomDeclaration.Add(typeof({{_typeName}}), new {{Ns}}QomDeclaration({{QomName}}, static () => throw new global::System.ArgumentException({{message}}, "declaration")));

            """);
            return Wrap();
        }

        var info = new StringBuilder();
        info.Append($"                Parent = {Literal(ParentName())},\n");
        if (Named("Abstract") is { Value: true })
        {
            info.Append("                Abstract = true,\n");
        }

        info.Append($"                InstanceType = typeof({_typeName}),\n");
        if (!_type.IsAbstract && _type.InstanceConstructors.Any(c => c.Parameters.Length == 0))
        {
            _accessors.Append($"        [global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Constructor)]\n        private static extern {_typeName} Construct();\n\n");
            info.Append("                Factory = static () => Construct(),\n");
        }

        if (Named("ClassType") is { Value: ITypeSymbol classType })
        {
            info.Append($"                ClassType = typeof({TypeText(classType)}),\n");
        }

        if (Named("Options") is { Value: ITypeSymbol options })
        {
            info.Append($"                Options = {Ns}QomObjectOptions.Of<{TypeText(options)}>(),\n");
        }

        var interfaceNames = new List<string>();
        if (Named("Interfaces") is { Kind: TypedConstantKind.Array } named)
        {
            interfaceNames.AddRange(named.Values.Select(v => (string?)v.Value).OfType<string>());
        }

        var interfaceTypes = new List<string>();
        foreach (var implemented in _type.AllInterfaces)
        {
            if (AttributeOf(implemented, "QomInterfaceAttribute") is { } declared && declared.ConstructorArguments.FirstOrDefault().Value is string name)
            {
                interfaceTypes.Add($"typeof({implemented.ToDisplayString(Qualified)})");
                if (!interfaceNames.Contains(name))
                {
                    interfaceNames.Add(name);
                }
            }
        }

        if (interfaceNames.Count != 0)
        {
            info.Append($"                Interfaces = [{string.Join(", ", interfaceNames.Select(Literal))}],\n");
        }

        var errors = new List<string>();
        var hooks = new Dictionary<string, IMethodSymbol>();
        foreach (var (attributeName, property, isStatic) in Hooks)
        {
            var marked = _type.GetMembers().OfType<IMethodSymbol>().Where(m => AttributeOf(m, attributeName) is not null).ToList();
            var what = attributeName.Substring(0, attributeName.Length - "Attribute".Length);
            if (marked.Count > 1)
            {
                errors.Add($"{_type.Name} has more than one [{what}] method");
                continue;
            }

            if (marked.Count == 0)
            {
                continue;
            }

            var hook = marked[0];
            var shapeOk = isStatic
                ? hook.IsStatic && hook.Parameters.Length == 1 && DerivesFrom(hook.Parameters[0].Type, "Machina.Qom.ObjectClass")
                : !hook.IsStatic && hook.Parameters.Length == 0;
            if (!shapeOk || !hook.ReturnsVoid || hook.IsGenericMethod)
            {
                var expected = isStatic ? "static void M(ObjectClass or a class type)" : "void M() on the instance";
                errors.Add($"{_type.Name}.{hook.Name}: a [{what}] method must be {expected}");
                continue;
            }

            hooks[property] = hook;
            if (isStatic)
            {
                _accessors.Append($"        [global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.StaticMethod, Name = {Literal(hook.Name)})]\n        private static extern void {property}({_typeName} type, {TypeText(hook.Parameters[0].Type)} klass);\n\n");
            }
            else
            {
                _accessors.Append($"        [global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = {Literal(hook.Name)})]\n        private static extern void {property}({_typeName} self);\n\n");
            }
        }

        if (errors.Count != 0)
        {
            _body.Append($$"""
                        {{Ns}}QomDeclaration.Add(typeof({{_typeName}}), new {{Ns}}QomDeclaration({{QomName}}, static () => throw new global::System.ArgumentException({{Literal(errors[0])}}, "declaration")));

            """);
            return Wrap();
        }

        var classInit = new StringBuilder();
        foreach (var property in _type.GetMembers().OfType<IPropertySymbol>())
        {
            if (AttributeOf(property, "QomPropertyAttribute") is { } declared)
            {
                classInit.Append(AddProperty(property, declared));
            }
        }

        if (hooks.TryGetValue("ClassInit", out var init))
        {
            classInit.Append(CallClassHook("ClassInit", init));
        }

        if (classInit.Length != 0)
        {
            info.Append("                ClassInit = static klass =>\n                {\n").Append(classInit).Append("                },\n");
        }

        if (hooks.TryGetValue("ClassBaseInit", out var baseInit))
        {
            info.Append("                ClassBaseInit = static klass =>\n                {\n").Append(CallClassHook("ClassBaseInit", baseInit)).Append("                },\n");
        }

        foreach (var property in new[] { "InstanceInit", "InstancePostInit", "InstanceFinalize" })
        {
            if (hooks.ContainsKey(property))
            {
                info.Append($"                {property} = static obj => {property}(({_typeName})obj),\n");
            }
        }

        var interfaceArguments = interfaceTypes.Count == 0 ? string.Empty : ", " + string.Join(", ", interfaceTypes);
        _body.Append($$"""
                    {{Ns}}QomDeclaration.Add(typeof({{_typeName}}), new {{Ns}}QomDeclaration({{QomName}}, static () => new {{Ns}}QomTypeInfo({{QomName}})
                    {
        {{info}}            }{{interfaceArguments}}));

        """);
        return Wrap();
    }

    // A static class hook takes ObjectClass or a class type; the class made for the type must be one.
    private string CallClassHook(string property, IMethodSymbol hook)
    {
        var parameter = hook.Parameters[0].Type;
        if (parameter.ToDisplayString() == "Machina.Qom.ObjectClass")
        {
            return $"                    {property}(null, klass);\n";
        }

        var parameterName = TypeText(parameter);
        var message = $"$\"{Escape(_type.Name)}.{Escape(hook.Name)} takes a {Escape(parameter.Name)}, but the class of '{{klass.Name}}' is a {{klass.GetType().Name}}\"";
        return $"                    {property}(null, klass as {parameterName} ?? throw new global::System.InvalidOperationException({message}));\n";
    }

    // The helper is chosen by the C# compiler from the accessors' delegate types (overloads per
    // scalar, constrained generics for enums and QAPI types), since QAPI types generated in the
    // same compilation are not known to this generator.
    private string AddProperty(IPropertySymbol property, AttributeData declared)
    {
        var owner = _typeName;
        var valueType = property.Type;
        var valueName = TypeText(valueType);
        var name = Literal((string?)declared.ConstructorArguments.FirstOrDefault().Value ?? property.Name);
        var typeName = NamedOf(declared, "Type") is { Value: string t } ? Literal(t) : "null";
        var readOnly = NamedOf(declared, "ReadOnly") is { Value: true };
        var size = NamedOf(declared, "Size") is { Value: true } ? "true" : "false";

        if (valueType.TypeKind != TypeKind.Error && !IsSupported(valueType))
        {
            Unsupported ??= ($"{_type.Name}\n{property.Name}\n{valueType.ToDisplayString()}", property.Locations.FirstOrDefault());
            return string.Empty;
        }

        var accessor = QomSourceGenerator.Sanitize(property.Name);
        var getter = $"(global::System.Func<{owner}, {valueName}>)null";
        if (property.GetMethod is { IsStatic: false })
        {
            _accessors.Append($"        [global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = {Literal(property.GetMethod.Name)})]\n        private static extern {valueName} Get_{accessor}({owner} self);\n\n");
            getter = $"new global::System.Func<{owner}, {valueName}>(Get_{accessor})";
        }

        var setter = $"(global::System.Action<{owner}, {valueName}>)null";
        if (!readOnly && property.SetMethod is { IsStatic: false, IsInitOnly: false })
        {
            _accessors.Append($"        [global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = {Literal(property.SetMethod.Name)})]\n        private static extern void Set_{accessor}({owner} self, {valueName} value);\n\n");
            setter = $"new global::System.Action<{owner}, {valueName}>(Set_{accessor})";
        }

        var description = NamedOf(declared, "Description") is { Value: string d } ? Literal(d) : "null";
        var defaultValue = NamedOf(declared, "Default") is { IsNull: false } value ? DefaultOf(value) : "null";
        return $"                    global::Machina.Qom.Declarations.QomDeclaredProperties.Describe(klass.AddDeclaredProperty({name}, {typeName}, {size}, {getter}, {setter}), {description}, {defaultValue});\n";
    }

    private static bool IsSupported(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_SByte
            or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Byte
            or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Double
        || type.TypeKind == TypeKind.Enum
        || type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == "Machina.Qapi.Visitors.IQapiType<TSelf>"
                                       && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));

    private static string DefaultOf(TypedConstant value) => value.Value switch
    {
        bool b => $"{QObjects}QBool.From({(b ? "true" : "false")})",
        string s => $"new {QObjects}QString({Literal(s)})",
        ulong u => $"new {QObjects}QNum({u.ToString(CultureInfo.InvariantCulture)}UL)",
        double d => $"new {QObjects}QNum({d.ToString("R", CultureInfo.InvariantCulture)}d)",
        float f => $"new {QObjects}QNum({((double)f).ToString("R", CultureInfo.InvariantCulture)}d)",
        IConvertible c => $"new {QObjects}QNum({c.ToInt64(CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}L)",
        _ => "null",
    };

    private string ParentName()
    {
        if (Named("Parent") is { Value: string parent })
        {
            return parent;
        }

        for (var t = _type.BaseType; t is not null && t.ToDisplayString() != "Machina.Qom.QomObject"; t = t.BaseType)
        {
            if (AttributeOf(t, "QomTypeAttribute") is { } declared && declared.ConstructorArguments.FirstOrDefault().Value is string name)
            {
                return name;
            }
        }

        return "object";
    }

    private string Wrap()
    {
        var source = new StringBuilder();
        source.Append($$"""
            // <auto-generated/>
            // The QOM declaration on {{_type.ToDisplayString()}}, read at build time by Machina.Qom's source generator.
            #nullable disable
            #pragma warning disable CA2255, CS0618, CS0105
            {{_usings}}using Machina.Qom.Declarations;

            namespace {{(_type.ContainingNamespace.IsGlobalNamespace ? "Machina.Qom.Generated" : _type.ContainingNamespace.ToDisplayString())}}
            {
                [global::System.CodeDom.Compiler.GeneratedCode("Machina.Qom.Generator", "1.0")]
                internal static class {{_className}}
                {
                    [global::System.Runtime.CompilerServices.ModuleInitializer]
                    internal static void Register()
                    {

            """);
        source.Append(_body);
        source.Append("        }\n\n");
        source.Append(_accessors);
        source.Append("    }\n}\n");
        return source.ToString();
    }

    private TypedConstant? Named(string name) => NamedOf(_attribute, name);

    private static TypedConstant? NamedOf(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static AttributeData? AttributeOf(ISymbol symbol, string name) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass is { Name: var n } c && n == name
            && c.ContainingNamespace.ToDisplayString() == "Machina.Qom");

    private static bool DerivesFrom(ITypeSymbol type, string baseName)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == baseName)
            {
                return true;
            }
        }

        return false;
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Escape(string value) => value.Replace("{", "{{").Replace("}", "}}").Replace("\"", "\\\"");
}
