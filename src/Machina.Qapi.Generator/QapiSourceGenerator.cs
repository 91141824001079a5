using System.Collections.Immutable;
using System.Text;
using Machina.Qapi.Generation;
using Machina.Qapi.Schema;
using Machina.Qapi.Source;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Machina.Qapi.SourceGeneration;

/// <summary>
/// Generates C# for each QAPI schema a project lists as an <c>AdditionalFiles</c> item with
/// <c>QapiSchema="true"</c>: the same files <c>machina-qapi gen</c> writes (docs/codegen.md).
/// The files a schema includes must be <c>AdditionalFiles</c> too (any item ending in <c>.json</c>).
/// </summary>
/// <remarks>
/// Item metadata: <c>QapiNamespace</c> (default: the project's root namespace), <c>QapiName</c>
/// (the stem of the per-schema types), <c>QapiServer</c> (default true), <c>QapiClient</c> and
/// <c>QapiTolerantInput</c> (default false): the <c>CSharpGeneratorOptions</c> of the same names. An invalid schema is reported as error QAPI001 with QEMU's
/// message at the file and line it names.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class QapiSourceGenerator : IIncrementalGenerator
{
    private static readonly DiagnosticDescriptor InvalidSchema = new(
        "QAPI001", "Invalid QAPI schema", "{0}", "Machina.Qapi", DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var jsonFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => new SchemaFile(Normalize(file.Path), file.GetText(cancellationToken)?.ToString() ?? string.Empty));

        var mainSchemas = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => MainSchema(pair.Left, pair.Right))
            .Where(static schema => schema is not null)
            .Select(static (schema, _) => schema!);

        var inputs = mainSchemas.Combine(jsonFiles.Collect().Select(static (files, _) => new SchemaFiles(files)));
        context.RegisterSourceOutput(inputs, static (output, input) => Generate(output, input.Left, input.Right));
    }

    private static MainSchemaOptions? MainSchema(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        var fileOptions = options.GetOptions(file);
        if (!fileOptions.TryGetValue("build_metadata.AdditionalFiles.QapiSchema", out var flag) || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        fileOptions.TryGetValue("build_metadata.AdditionalFiles.QapiNamespace", out var ns);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.QapiName", out var name);
        var server = !fileOptions.TryGetValue("build_metadata.AdditionalFiles.QapiServer", out var serverFlag) || string.IsNullOrEmpty(serverFlag) || IsTrue(serverFlag);
        var client = fileOptions.TryGetValue("build_metadata.AdditionalFiles.QapiClient", out var clientFlag) && IsTrue(clientFlag);
        var tolerant = fileOptions.TryGetValue("build_metadata.AdditionalFiles.QapiTolerantInput", out var tolerantFlag) && IsTrue(tolerantFlag);
        if (string.IsNullOrEmpty(ns))
        {
            options.GlobalOptions.TryGetValue("build_property.RootNamespace", out ns);
        }

        return new MainSchemaOptions(Normalize(file.Path), string.IsNullOrEmpty(ns) ? "Qapi" : ns!, string.IsNullOrEmpty(name) ? null : name, server, client, tolerant);

        static bool IsTrue(string? flag) => string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
    }

    private static void Generate(SourceProductionContext output, MainSchemaOptions schema, SchemaFiles files)
    {
        var directory = Path.GetDirectoryName(schema.Path) ?? "/";
        var fileName = Path.GetFileName(schema.Path);
        IReadOnlyList<GeneratedFile> generated;
        try
        {
            var loaded = QapiSchema.Load(fileName, new AdditionalSourceFiles(directory, files));
            generated = CSharpGenerator.Generate(loaded, new CSharpGeneratorOptions
            {
                Namespace = schema.Namespace,
                SchemaName = schema.Name,
                ServerCode = schema.Server,
                ClientCode = schema.Client,
                TolerantInput = schema.Tolerant,
            });
        }
        catch (QapiSchemaException e)
        {
            output.ReportDiagnostic(Diagnostic.Create(InvalidSchema, LocationOf(e, directory, files), e.Message));
            return;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        foreach (var file in generated)
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            output.AddSource($"{stem}.{Path.GetFileNameWithoutExtension(file.Name)}.g.cs", SourceText.From(file.Text, Encoding.UTF8));
        }
    }

    private static Location LocationOf(QapiSchemaException exception, string directory, SchemaFiles files)
    {
        if (exception is not QapiSourceException { Info: { } info } located)
        {
            return Location.None;
        }

        var path = Normalize(Path.Combine(directory, info.FileName));
        var line = Math.Max(0, info.Line - 1);
        var column = Math.Max(0, (located.Column ?? 1) - 1);
        var text = files.Find(path);
        var position = new LinePosition(line, column);
        return Location.Create(path, text is null ? default : TextSpanAt(text, line, column), new LinePositionSpan(position, position));

        static TextSpan TextSpanAt(string text, int line, int column)
        {
            var offset = 0;
            for (var i = 0; i < line && offset >= 0; i++)
            {
                offset = text.IndexOf('\n', offset) is var next and >= 0 ? next + 1 : -1;
            }

            return offset < 0 ? default : new TextSpan(Math.Min(text.Length, offset + column), 0);
        }
    }

    private static string Normalize(string path) => Path.GetFullPath(path).Replace('\\', '/');

    /// <summary>A main schema and how to generate it.</summary>
    private sealed record MainSchemaOptions(string Path, string Namespace, string? Name, bool Server, bool Client, bool Tolerant);

    /// <summary>One schema file's text.</summary>
    private sealed record SchemaFile(string Path, string Text);

    /// <summary>Every schema file of the project, compared by content so unchanged inputs generate nothing.</summary>
    private sealed class SchemaFiles(ImmutableArray<SchemaFile> files) : IEquatable<SchemaFiles>
    {
        public ImmutableArray<SchemaFile> Files { get; } = files;

        public string? Find(string path) => Files.FirstOrDefault(f => f.Path == path)?.Text;

        public bool Equals(SchemaFiles? other) => other is not null && Files.SequenceEqual(other.Files);

        public override bool Equals(object? obj) => Equals(obj as SchemaFiles);

        public override int GetHashCode() => Files.Aggregate(Files.Length, (hash, file) => unchecked((hash * 31) + file.GetHashCode()));
    }

    /// <summary>Schema files from the compilation's additional files instead of the disk.</summary>
    private sealed class AdditionalSourceFiles(string baseDirectory, SchemaFiles files) : QapiSourceFiles(baseDirectory)
    {
        public override byte[] ReadAllBytes(string path)
        {
            var full = Normalize(GetFullPath(path));
            return files.Find(full) is { } text
                ? Encoding.UTF8.GetBytes(text)
                : throw new QapiFileException($"'{path}' is not among the project's AdditionalFiles");
        }
    }
}
