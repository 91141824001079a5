using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Machina.Qapi.Generation;
using Machina.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Machina.Qapi.Tests.Generation;

/// <summary>
/// Compiles generated C# in memory with Roslyn, as a consuming project would: nullable enabled,
/// every warning an error, documentation comments checked. The full 7.2 schema is compiled once
/// per test run and shared.
/// </summary>
internal static class FullSchemaCompilation
{
    private static readonly Lazy<(Assembly? Assembly, IReadOnlyList<Diagnostic> Diagnostics)> Full = new(() =>
    {
        var schema = GeneratedTestSchema.Load(QemuReference.PathOf("qapi/qapi-schema.json"));
        var files = CSharpGenerator.Generate(schema, new CSharpGeneratorOptions { Namespace = "Qemu.Qapi", SchemaName = "Qemu" });
        return Compile("Qemu.Qapi.Generated", files, IntrospectionTests.DebianSymbols);
    });

    /// <summary>The full schema's generated code, compiled with Debian's symbols (skips without the reference data).</summary>
    public static (Assembly? Assembly, IReadOnlyList<Diagnostic> Diagnostics) FullSchema
    {
        get
        {
            QemuReference.Require();
            return Full.Value;
        }
    }

    public static (Assembly? Assembly, IReadOnlyList<Diagnostic> Diagnostics) Compile(string assemblyName, IEnumerable<GeneratedFile> files, IEnumerable<string> symbols)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose, preprocessorSymbols: symbols);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Name, Encoding.UTF8)).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithWarningLevel(9999)
            .WithOptimizationLevel(OptimizationLevel.Debug);
        var compilation = CSharpCompilation.Create(assemblyName, trees, references, options);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var diagnostics = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success)
        {
            return (null, diagnostics);
        }

        image.Position = 0;
        return (AssemblyLoadContext.Default.LoadFromStream(image), diagnostics);
    }
}
