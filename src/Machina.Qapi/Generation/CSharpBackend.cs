using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>
/// A backend that writes one file per user module (QEMU's <c>QAPISchemaModularCVisitor</c>):
/// <c>{prefix}{what}.cs</c> for the main module, <c>{prefix}{what}-{module}.cs</c> for the others;
/// files left empty are not emitted.
/// </summary>
internal abstract class CSharpBackend : QapiSchemaVisitor
{
    private readonly List<CSharpFile> _files = [];
    private readonly HashSet<string> _fileNames = new(StringComparer.Ordinal);
    private CSharpFile? _current;

    protected CSharpBackend(CSharpSchemaModel model, string what)
    {
        Model = model;
        What = what;
    }

    protected CSharpSchemaModel Model { get; }

    protected string What { get; }

    /// <summary>The file of the module being visited.</summary>
    protected CSharpFile File => _current ?? throw new InvalidOperationException("no module is being visited");

    protected CSharpWriter W => Redirect ?? File.Body;

    /// <summary>When set, where <see cref="W"/> writes instead of the file's body.</summary>
    protected CSharpWriter? Redirect { get; set; }

    public override void VisitModule(QapiModule module)
    {
        EndModule();
        if (module.IsSystem)
        {
            _current = null;
            return;
        }

        var main = module == Model.Schema.Modules.First(m => m.IsUser);
        var stem = Path.GetFileNameWithoutExtension(module.Name.Replace('\\', '/').Split('/').Last());
        _current = AddFile(main ? What : What + "-" + stem);
    }

    /// <summary>Called before the next module starts and before <see cref="QapiSchemaVisitor.VisitEnd"/>; backends that gather a module's output flush it here.</summary>
    protected virtual void EndModule()
    {
    }

    public override bool VisitNeeded(QapiEntity entity) => _current is not null && entity is QapiDefinition;

    /// <summary>Adds an output file named <c>{prefix}{stem}.cs</c> (numbered when the name is taken).</summary>
    protected CSharpFile AddFile(string stem)
    {
        var name = Model.Options.FilePrefix + stem;
        var unique = name;
        for (var n = 2; !_fileNames.Add(unique); n++)
        {
            unique = name + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var file = new CSharpFile(unique + ".cs");
        _files.Add(file);
        return file;
    }

    /// <summary>Makes <paramref name="file"/> the one written to, for output that is not per module.</summary>
    protected void Switch(CSharpFile? file) => _current = file;

    /// <summary>The files with content, completed.</summary>
    public IEnumerable<GeneratedFile> Files => _files.Where(f => !f.IsEmpty).Select(f => f.Complete(Model));

    /// <summary>Writes a <c>[QapiFeatures(...)]</c> attribute when there are features.</summary>
    protected void Features(IReadOnlyList<QapiFeature> features)
    {
        if (features.Count > 0)
        {
            W.Line("[" + Model.Runtime("QapiFeatures") + "(" + string.Join(", ", features.Select(f => CSharpNames.StringLiteral(f.Name))) + ")]");
        }
    }

    /// <summary>Writes <c>[QapiName("...")]</c>.</summary>
    protected void QapiName(string name) =>
        W.Line("[" + Model.Runtime("QapiName") + "(" + CSharpNames.StringLiteral(name) + ")]");

    /// <summary>
    /// Writes <paramref name="head"/> followed by an initializer <c>{ a, b }</c> on one line when it
    /// fits and nothing in it is conditional, else one item per line.
    /// </summary>
    protected void Initializer(string head, IReadOnlyList<(string Item, QapiIfCond IfCond)> items, string tail)
    {
        var oneLine = head + " { " + string.Join(", ", items.Select(i => i.Item)) + (items.Count > 0 ? " }" : "}") + tail;
        if (items.All(i => !i.IfCond.IsPresent) && oneLine.Length + (W.IndentLevel * 4) <= 120)
        {
            W.Line(oneLine);
            return;
        }

        W.Line(head);
        W.Line("{");
        W.Indent();
        foreach (var (item, ifCond) in items)
        {
            W.If(ifCond);
            W.Line(item + ",");
            W.EndIf(ifCond);
        }

        W.Outdent();
        W.Line("}" + tail);
    }

    /// <summary>The C# mask expression of the special features, or null when none is special.</summary>
    protected string? SpecialFeatures(IReadOnlyList<QapiFeature> features)
    {
        var names = new List<string>();
        if (features.Any(f => f.Name == "deprecated"))
        {
            names.Add(Model.Runtime("QapiSpecialFeatures") + ".Deprecated");
        }

        if (features.Any(f => f.Name == "unstable"))
        {
            names.Add(Model.Runtime("QapiSpecialFeatures") + ".Unstable");
        }

        return names.Count == 0 ? null : string.Join(" | ", names);
    }

    /// <summary>"a" or "an" for the schema name <paramref name="name"/>.</summary>
    protected static string Article(string name) =>
        name.Length > 0 && "aeioAEIO".IndexOf(name[0]) >= 0 ? "an" : "a";

    /// <summary>The schema's spelling of a type in prose: <c>int</c>, <c>['int']</c>, <c>UserDefOne</c>.</summary>
    protected static string SchemaSpelling(QapiType type) =>
        type is QapiArrayType array ? "['" + array.ElementType.Name + "']" : type.Name;
}
