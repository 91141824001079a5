using Machina.Qapi.Checking;
using Machina.Qapi.Parsing;
using Machina.Qapi.Source;

namespace Machina.Qapi.Schema;

/// <summary>
/// A checked QAPI schema: every entity QEMU's front end derives from the schema files, in QEMU's
/// definition order, grouped into modules, with names resolved and documentation connected.
/// </summary>
/// <remarks>
/// <para>Besides the schema's own definitions the model holds what QEMU adds: the built-in types
/// (<c>str</c>, <c>int</c>, ..., <c>any</c>, <c>null</c>) each followed by its array type
/// (<c>strList</c>, ...), the empty object <c>q_empty</c>, the enum <c>QType</c>, an implicit object
/// type for each command's or event's inline arguments (<c>q_obj_NAME-arg</c>) and each union's inline
/// base (<c>q_obj_NAME-base</c>), and an array type <c>TList</c> for each <c>['T']</c>.</para>
/// <para>Loading runs the whole front end: <see cref="QapiSchemaParser"/>, then
/// <see cref="QapiExpressionChecker"/>, then the definitions are made and checked here. Every
/// problem is a <see cref="QapiSchemaException"/> whose message is QEMU's.</para>
/// </remarks>
public sealed partial class QapiSchema
{
    private readonly List<QapiEntity> _entities = [];
    private readonly Dictionary<string, QapiDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, QapiModule> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _moduleNames = new(StringComparer.Ordinal);
    private readonly QapiSourceFiles _files;
    private readonly string _schemaDirectory;
    private readonly List<QapiDoc> _docs;

    private QapiSchema(string fileName, QapiSourceFiles files, QapiSchemaParser parser)
    {
        FileName = fileName;
        _files = files;
        _docs = [.. parser.Docs];
        _schemaDirectory = files.GetFullPath(PythonText.DirectoryName(fileName));
    }

    /// <summary>
    /// How long a chain of object types that take in each other's members (bases, union branches)
    /// may be; longer is an error.
    /// </summary>
    public const int MaxObjectNesting = 1024;

    /// <summary>The main schema file's name as given to <see cref="Load"/>.</summary>
    public string FileName { get; }

    /// <summary>Every documentation block of the schema, in source order.</summary>
    public IReadOnlyList<QapiDoc> Docs => _docs;

    /// <summary>Every entity in definition order.</summary>
    public IReadOnlyList<QapiEntity> Entities => _entities;

    /// <summary>The definitions (everything but include directives) in definition order.</summary>
    public IEnumerable<QapiDefinition> Definitions => _entities.OfType<QapiDefinition>();

    /// <summary>The modules in the order they were first met: <c>./builtin</c>, the main file, then included files.</summary>
    public IReadOnlyList<QapiModule> Modules => _modules.Values;

    /// <summary>Reads, checks and models the schema in <paramref name="fileName"/> and the files it includes.</summary>
    /// <param name="fileName">The main schema file; reports and module names use it as given.</param>
    /// <param name="files">Where files come from (default: the file system relative to the current directory).</param>
    /// <exception cref="QapiSchemaException">The schema cannot be read or is invalid; the message is QEMU's report.</exception>
    public static QapiSchema Load(string fileName, QapiSourceFiles? files = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        files ??= new QapiSourceFiles();
        var parser = QapiSchemaParser.Parse(fileName, files);
        QapiExpressionChecker.Check(parser.Expressions);
        var schema = new QapiSchema(fileName, files, parser);
        schema.MakeModule(QapiModule.BuiltinModuleName);
        schema.MakeModule(fileName);
        schema.DefinePredefined();
        schema.DefineAll(parser.Expressions);
        schema.CheckAll();
        return schema;
    }

    /// <summary>The definition named <paramref name="name"/>, or null.</summary>
    public QapiDefinition? LookupEntity(string name) => _definitions.GetValueOrDefault(name);

    /// <summary>The definition named <paramref name="name"/> if it is a <typeparamref name="T"/>, else null.</summary>
    public T? Lookup<T>(string name)
        where T : QapiDefinition => _definitions.GetValueOrDefault(name) as T;

    /// <summary>The type named <paramref name="name"/>, or null.</summary>
    public QapiType? LookupType(string name) => Lookup<QapiType>(name);

    /// <summary>The module named <paramref name="name"/>, or null.</summary>
    public QapiModule? LookupModule(string name) => _modules.GetValueOrDefault(name);

    /// <summary>Walks the schema: begin, each module with its entities, end.</summary>
    public void Accept(QapiSchemaVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitBegin(this);
        foreach (var module in _modules.Values)
        {
            module.Accept(visitor);
        }

        visitor.VisitEnd();
    }

    /// <summary>How deep the object type check currently is.</summary>
    internal int ObjectNesting { get; set; }

    internal QapiType ResolveType(string name, QapiSourceInfo? info, string? what) =>
        LookupType(name) ?? throw new QapiSemanticException(info!, $"{what ?? "None"} uses unknown type '{name}'");

    internal QapiModule ModuleOfFile(string fileName) => _modules[ModuleName(fileName)];

    private string ModuleName(string fileName)
    {
        if (QapiModule.IsSystemModule(fileName))
        {
            return fileName;
        }

        if (!_moduleNames.TryGetValue(fileName, out var name))
        {
            name = Path.GetRelativePath(_schemaDirectory, _files.GetFullPath(fileName));
            _moduleNames.Add(fileName, name);
        }

        return name;
    }

    private QapiModule MakeModule(string fileName)
    {
        var name = ModuleName(fileName);
        if (!_modules.TryGetValue(name, out var module))
        {
            module = new QapiModule(name);
            _modules.Add(name, module);
        }

        return module;
    }

    private void CheckAll()
    {
        foreach (var entity in _entities)
        {
            entity.Check(this);
            entity.ConnectDoc();
            entity.CheckDoc();
        }

        foreach (var entity in _entities)
        {
            entity.SetModule(this);
        }
    }
}
