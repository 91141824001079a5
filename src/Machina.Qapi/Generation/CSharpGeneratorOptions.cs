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

    /// <summary>
    /// Whether to emit the server side: the command handler interface with its marshalling
    /// (<c>qapi-commands*.cs</c>, <c>qapi-init-commands.cs</c>) and the event emitter
    /// (<c>qapi-events*.cs</c>, <c>qapi-emit-events.cs</c>). Default true.
    /// </summary>
    public bool ServerCode { get; init; } = true;

    /// <summary>
    /// Whether to emit the client side: one extension method per command on
    /// <c>Machina.Qapi.Commands.IQmpCommandSender</c> (<c>qapi-client*.cs</c>, class <c>{Name}Client</c>)
    /// and the event names and data types (<c>qapi-client-events.cs</c>, class <c>{Name}ClientEvents</c>).
    /// Default false.
    /// </summary>
    public bool ClientCode { get; init; }

    /// <summary>
    /// Whether generated types keep what a newer peer sends that the schema does not define: every
    /// struct and union gets a place for unknown members (<c>IQapiUnknownMembers</c>) and every
    /// union a branch record for unknown discriminator values (<c>Unknown</c>). Only visitors with
    /// <c>KeepUnknown</c> set use them; others stay strict. Default false, which leaves the output
    /// exactly as without the option.
    /// </summary>
    public bool TolerantInput { get; init; }
}
