using System.CommandLine;
using System.Text;
using Machina.Qapi;
using Machina.Qapi.Dump;
using Machina.Qapi.Generation;
using Machina.Qapi.Schema;
using Machina.Qapi.Source;

var schemaArgument = new Argument<string>("schema")
{
    Description = "The main schema file (e.g. qapi/qapi-schema.json); the files it includes are read too.",
};

var dump = new Command("dump", "Check a QAPI schema and print it in the form of QEMU's front-end test dump.")
{
    schemaArgument,
};
dump.SetAction(result => DumpCommand.Run(result.GetValue(schemaArgument)!));

var outputOption = new Option<string>("--output", "-o")
{
    Description = "The folder to write the C# files into (created if missing); files whose content is unchanged are not rewritten.",
    Required = true,
};
var namespaceOption = new Option<string>("--namespace", "-n")
{
    Description = "The namespace of the generated types.",
    DefaultValueFactory = _ => "Qapi",
};
var nameOption = new Option<string?>("--name")
{
    Description = "The stem of the per-schema types (I{NAME}Commands, {NAME}Events, {NAME}Introspection); default: the schema file's name in Pascal case.",
};
var prefixOption = new Option<string>("--prefix", "-p")
{
    Description = "A prefix for the output file names, as qapi-gen.py -p.",
    DefaultValueFactory = _ => string.Empty,
};
var clientOption = new Option<bool>("--client")
{
    Description = "Also generate the client side: one extension method per command for a QMP client ({NAME}Client) and the events' names and data types ({NAME}ClientEvents).",
};
var noServerOption = new Option<bool>("--no-server")
{
    Description = "Leave out the server side: command handler interface and marshalling, event emitter.",
};
var tolerantOption = new Option<bool>("--tolerant")
{
    Description = "Tolerant decoding: structs and unions keep members the schema does not define, unions get a branch for unknown discriminator values.",
};
var gen = new Command("gen", "Generate C# for a QAPI schema: types, visit functions, command marshalling, event emitters, introspection.")
{
    schemaArgument, outputOption, namespaceOption, nameOption, prefixOption, clientOption, noServerOption, tolerantOption,
};
gen.SetAction(result => GenCommand.Run(
    result.GetValue(schemaArgument)!,
    result.GetValue(outputOption)!,
    new CSharpGeneratorOptions
    {
        Namespace = result.GetValue(namespaceOption)!,
        SchemaName = result.GetValue(nameOption),
        FilePrefix = result.GetValue(prefixOption)!,
        ClientCode = result.GetValue(clientOption),
        ServerCode = !result.GetValue(noServerOption),
        TolerantInput = result.GetValue(tolerantOption),
    }));

var root = new RootCommand("machina-qapi: QEMU's QAPI schema front end and C# code generator.") { dump, gen };
return root.Parse(args).Invoke();

/// <summary>The <c>gen</c> command.</summary>
internal static class GenCommand
{
    /// <summary>Loads the schema as <see cref="DumpCommand"/> does and writes the generated files.</summary>
    /// <returns>0 when generated; 1 with QEMU's error report on standard error; 2 when the output cannot be written.</returns>
    public static int Run(string path, string output, CSharpGeneratorOptions options)
    {
        var fullPath = Path.GetFullPath(path);
        var files = new QapiSourceFiles(Path.GetDirectoryName(fullPath));
        IReadOnlyList<GeneratedFile> generated;
        try
        {
            generated = CSharpGenerator.Generate(QapiSchema.Load(Path.GetFileName(fullPath), files), options);
        }
        catch (QapiSchemaException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        try
        {
            CSharpGenerator.Write(generated, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"machina-qapi: cannot write to '{output}': {e.Message}");
            return 2;
        }

        return 0;
    }
}

/// <summary>The <c>dump</c> command.</summary>
internal static class DumpCommand
{
    /// <summary>
    /// Loads the schema as if run from its folder, so every location in an error report is
    /// relative to that folder, as QEMU's test harness prints them.
    /// </summary>
    /// <returns>0 with the dump on standard output; 1 with QEMU's error report on standard error.</returns>
    public static int Run(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var files = new QapiSourceFiles(Path.GetDirectoryName(fullPath));
        string text;
        try
        {
            text = QapiSchemaDumper.Dump(QapiSchema.Load(Path.GetFileName(fullPath), files));
        }
        catch (QapiSchemaException e)
        {
            Write(Console.OpenStandardError(), e.Message + "\n");
            return 1;
        }

        Write(Console.OpenStandardOutput(), text);
        return 0;
    }

    private static void Write(Stream stream, string text)
    {
        using (stream)
        {
            stream.Write(new UTF8Encoding(false).GetBytes(text));
        }
    }
}
