using System.Text;
using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>
/// The QAPI code generator for C#: from a checked schema, the files of every backend (QEMU's
/// <c>qapi-gen.py</c>). See docs/codegen.md for what each file holds and how names map.
/// </summary>
/// <remarks>
/// One backend per output, each a <see cref="QapiSchemaVisitor"/>: types (<c>qapi-types*.cs</c>),
/// visit functions (<c>qapi-visit*.cs</c>), command handlers and marshalling
/// (<c>qapi-commands*.cs</c>, <c>qapi-init-commands.cs</c>), event emitters
/// (<c>qapi-events*.cs</c>, <c>qapi-emit-events.cs</c>), introspection (<c>qapi-introspect.cs</c>)
/// and, on request, the client side (<c>qapi-client*.cs</c>).
/// The output depends only on the schema and the options.
/// </remarks>
public static class CSharpGenerator
{
    /// <summary>Generates every file for <paramref name="schema"/>, in a fixed order.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(QapiSchema schema, CSharpGeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var model = new CSharpSchemaModel(schema, options ?? new CSharpGeneratorOptions());
        var backends = new List<CSharpBackend> { new TypesBackend(model), new VisitBackend(model) };
        if (model.Options.ServerCode)
        {
            backends.Add(new CommandsBackend(model));
            backends.Add(new EventsBackend(model));
        }

        if (model.Options.ClientCode)
        {
            backends.Add(new ClientBackend(model));
        }

        backends.Add(new IntrospectionBackend(model));
        var files = new List<GeneratedFile>();
        foreach (var backend in backends)
        {
            schema.Accept(backend);
            files.AddRange(backend.Files);
        }

        return files;
    }

    /// <summary>
    /// The introspection data of <paramref name="schema"/>, in the form
    /// <see cref="Introspection.QmpSchemaIntrospection"/> reads (what <c>qapi-introspect.cs</c> embeds).
    /// </summary>
    public static string GenerateIntrospectionData(QapiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var backend = new IntrospectionBackend(new CSharpSchemaModel(schema, new CSharpGeneratorOptions()));
        schema.Accept(backend);
        return backend.Json;
    }

    /// <summary>
    /// Writes <paramref name="files"/> into <paramref name="directory"/> (created if missing),
    /// rewriting a file only when its content changed, so builds that watch the files stay quiet.
    /// </summary>
    /// <returns>The number of files written.</returns>
    public static int Write(IEnumerable<GeneratedFile> files, string directory)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var written = 0;
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.Name);
            var bytes = encoding.GetBytes(file.Text);
            if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                continue;
            }

            File.WriteAllBytes(path, bytes);
            written++;
        }

        return written;
    }
}
