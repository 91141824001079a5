namespace Machina.Qapi.Generation;

/// <summary>What the C# code generator emits and where (docs/codegen.md).</summary>
public sealed record CSharpGeneratorOptions
{
    /// <summary>The namespace of every generated type. Default <c>Qapi</c>.</summary>
    public string Namespace { get; init; } = "Qapi";

    /// <summary>
    /// The stem of the per-schema types: <c>I{Name}Commands</c> (the handler interface),
    /// <c>{Name}Commands</c> (registration), <c>{Name}Events</c> and <c>{Name}Event</c> (the emitter
    /// and the event enum), <c>{Name}Introspection</c>. Null derives it from the main schema file's
    /// name: <c>qapi-schema-test.json</c> gives <c>QapiSchemaTest</c>.
    /// </summary>
    public string? SchemaName { get; init; }

    /// <summary>A prefix for the output file names, as QEMU's <c>qapi-gen.py -p</c> (<c>test-</c> gives <c>test-qapi-types.cs</c>).</summary>
    public string FilePrefix { get; init; } = string.Empty;

    /// <summary>The schema file as the header of each file names it; null uses the name the schema was loaded with.</summary>
    public string? SourceName { get; init; }
}
