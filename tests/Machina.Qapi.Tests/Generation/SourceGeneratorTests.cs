using System.Reflection;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi.Commands;
using Machina.Qapi.Generation;
using Machina.Qapi.Tests.SourceGenerated;
using Machina.Qapi.Visitors;
using Machina.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Machina.Qapi.Tests.Generation;

/// <summary>
/// The Roslyn source generator: in this project's own build (Generation/SourceGenerator/machine.json)
/// and driven in memory, where it must produce exactly what <c>machina-qapi gen</c> writes.
/// </summary>
public class SourceGeneratorTests
{
    [Fact]
    public async Task Schema_compiled_by_this_projects_build_works()
    {
        var status = new MachineStatus { State = MachineState.Paused, UptimeMs = 12, Tags = ["a"], Owner = new Owner { Name = "me" } };
        var written = QObjectOutputVisitor.Write(status);
        Assert.Equal("""{"state": "paused", "uptime-ms": 12, "tags": ["a"], "owner": {"name": "me"}}""", QJson.ToJson(written));
        Assert.Equal(status, QObjectInputVisitor.Read<MachineStatus>(written));

        // MACHINA_DEBUG_STATE is not defined in this build, so 'debug' is not a value.
        Assert.Equal(["running", "paused"], QapiEnum.GetNames<MachineState>());

        var table = new QmpCommandTable();
        MachineCommands.Register(table, new Handler(status));
        var response = await new QmpDispatcher(table).DispatchAsync(QJson.Parse("{'execute': 'query-machine'}"), false, new QmpCommandContext());
        Assert.Equal(written, response!["return"]);
    }

    private sealed class Handler(MachineStatus status) : IMachineCommands
    {
        public ValueTask<MachineStatus> QueryMachineAsync(QmpCommandContext context) => ValueTask.FromResult(status);
    }

    [Fact]
    public void Generator_output_is_what_the_command_line_writes()
    {
        var folder = Path.Combine(QemuReference.RepositoryRoot, "tests", "Machina.Qapi.Tests", "Generation", "SourceGenerator");
        var expected = CSharpGenerator.Generate(GeneratedTestSchema.Load(Path.Combine(folder, "machine.json")), new CSharpGeneratorOptions { Namespace = "Demo" });
        var sources = RunGenerator(folder, "machine.json", "Demo", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(expected.Select(f => "machine." + Path.GetFileNameWithoutExtension(f.Name) + ".g.cs"), sources.Keys);
        foreach (var file in expected)
        {
            Assert.Equal(file.Text, sources["machine." + Path.GetFileNameWithoutExtension(file.Name) + ".g.cs"]);
        }
    }

    [Fact]
    public void Generator_makes_the_test_schema_as_the_command_line_does()
    {
        var schema = QemuReference.PathOf("tests/qapi-schema/qapi-schema-test.json");
        var expected = GeneratedTestSchema.Generate("Demo");
        var sources = RunGenerator(Path.GetDirectoryName(schema)!, "qapi-schema-test.json", "Demo", out var diagnostics, "include/sub-module.json", "sub-sub-module.json");
        Assert.Empty(diagnostics);
        Assert.Equal(expected.Count, sources.Count);
        Assert.All(expected, file => Assert.Equal(file.Text, sources["qapi-schema-test." + Path.GetFileNameWithoutExtension(file.Name) + ".g.cs"]));
    }

    [Fact]
    public void Invalid_schema_is_reported_with_qemus_message_at_its_line()
    {
        var folder = Directory.CreateTempSubdirectory("machina-sg-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "bad.json"), "{ 'struct': 'Foo', 'data': { 'a': 'str' } }\n{ 'enum': 'Foo', 'data': [] }\n");
            RunGenerator(folder, "bad.json", "Demo", out var diagnostics);
            var error = Assert.Single(diagnostics);
            Assert.Equal("QAPI001", error.Id);
            Assert.Equal(DiagnosticSeverity.Error, error.Severity);
            Assert.Contains("bad.json:2: 'Foo' is already defined", error.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(1, error.Location.GetLineSpan().StartLinePosition.Line);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> RunGenerator(string folder, string mainFile, string ns, out IReadOnlyList<Diagnostic> diagnostics, params string[] others)
    {
        var generator = LoadGenerator();
        var texts = new[] { mainFile }.Concat(others).Concat(Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).OfType<string>())
            .Distinct()
            .Select(name => (AdditionalText)new FileText(Path.Combine(folder, name)))
            .ToList();
        var options = new Options(Path.GetFullPath(Path.Combine(folder, mainFile)), ns);
        var driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], texts, optionsProvider: options);
        var compilation = CSharpCompilation.Create("SourceGeneratorTest");
        var result = driver.RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult();
        diagnostics = result.Diagnostics;
        return result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }

    // The generator is loaded from its own build output: it carries its own copy of the front end.
    private static IIncrementalGenerator LoadGenerator()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(QemuReference.RepositoryRoot, "src", "Machina.Qapi.Generator", "bin", configuration, "netstandard2.0", "Machina.Qapi.Generator.dll");
        var type = Assembly.LoadFrom(path).GetType("Machina.Qapi.SourceGeneration.QapiSourceGenerator", throwOnError: true)!;
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    private sealed class Options(string mainSchema, string ns) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values([]);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            System.IO.Path.GetFullPath(textFile.Path) == mainSchema
                ? new Values(new() { ["build_metadata.AdditionalFiles.QapiSchema"] = "true", ["build_metadata.AdditionalFiles.QapiNamespace"] = ns })
                : new Values([]);

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
