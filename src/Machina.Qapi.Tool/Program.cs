using System.CommandLine;
using System.Text;
using Machina.Qapi;
using Machina.Qapi.Dump;
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

var root = new RootCommand("machina-qapi: QEMU's QAPI schema front end.") { dump };
return root.Parse(args).Invoke();

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
