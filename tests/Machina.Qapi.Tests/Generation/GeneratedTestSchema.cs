using Machina.Qapi.Generation;
using Machina.Qapi.Schema;
using Machina.Qapi.Source;
using Machina.TestSupport;

namespace Machina.Qapi.Tests.Generation;

/// <summary>
/// QEMU's test schema and the C# generated from it. The generated files are committed under
/// Visitors/TestSchema (our artifact, generated from QEMU's test data) so the suite compiles
/// against them without the reference data; <see cref="GoldenFileTests"/> keeps them current.
/// </summary>
internal static class GeneratedTestSchema
{
    public const string Namespace = "Machina.Qapi.Tests.Visitors.TestSchema";

    public static string CommittedFolder => Path.Combine(QemuReference.RepositoryRoot, "tests", "Machina.Qapi.Tests", "Visitors", "TestSchema");

    /// <summary>Loads a schema as <c>machina-qapi</c> does: by file name, from its folder.</summary>
    public static QapiSchema Load(string path) =>
        QapiSchema.Load(Path.GetFileName(path), new QapiSourceFiles(Path.GetDirectoryName(Path.GetFullPath(path))));

    /// <summary>Generates the test schema's C# afresh (skips without the reference data).</summary>
    public static IReadOnlyList<GeneratedFile> Generate(string ns = Namespace) =>
        CSharpGenerator.Generate(Load(QemuReference.PathOf("tests/qapi-schema/qapi-schema-test.json")), new CSharpGeneratorOptions { Namespace = ns });
}

/// <summary>The committed generated code is exactly what the generator makes of QEMU's test schema.</summary>
public class GoldenFileTests
{
    [Fact]
    public void Committed_test_schema_code_is_what_the_generator_makes()
    {
        var generated = GeneratedTestSchema.Generate();
        var committed = Directory.GetFiles(GeneratedTestSchema.CommittedFolder, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(generated.Select(f => f.Name).Order(StringComparer.Ordinal), committed);
        foreach (var file in generated)
        {
            var text = File.ReadAllText(Path.Combine(GeneratedTestSchema.CommittedFolder, file.Name));
            Assert.True(text == file.Text, $"{file.Name} differs from the generator's output: regenerate it with machina-qapi gen (docs/codegen.md)");
        }
    }

    [Fact]
    public void Writing_again_rewrites_nothing()
    {
        var generated = GeneratedTestSchema.Generate();
        var folder = Directory.CreateTempSubdirectory("machina-gen-").FullName;
        try
        {
            Assert.Equal(generated.Count, CSharpGenerator.Write(generated, folder));
            var stamps = Directory.GetFiles(folder).ToDictionary(f => f, File.GetLastWriteTimeUtc);
            Assert.Equal(0, CSharpGenerator.Write(generated, folder));
            Assert.All(stamps, s => Assert.Equal(s.Value, File.GetLastWriteTimeUtc(s.Key)));

            File.AppendAllText(Path.Combine(folder, generated[0].Name), "// edited\n");
            Assert.Equal(1, CSharpGenerator.Write(generated, folder));
            Assert.Equal(generated[0].Text, File.ReadAllText(Path.Combine(folder, generated[0].Name)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
