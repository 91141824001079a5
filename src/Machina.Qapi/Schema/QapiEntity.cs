using System.Diagnostics;
using Machina.Qapi.Parsing;
using Machina.Qapi.Source;

namespace Machina.Qapi.Schema;

/// <summary>
/// Something the schema consists of, in definition order: a definition (<see cref="QapiDefinition"/>)
/// or an include directive (<see cref="QapiInclude"/>).
/// </summary>
public abstract class QapiEntity
{
    private protected QapiEntity(QapiSourceInfo? info) => Info = info;

    /// <summary>
    /// Where the entity comes from: the definition for explicit ones, the place that first needed it
    /// for implicit ones (argument objects, array types), null for built-in ones.
    /// </summary>
    public QapiSourceInfo? Info { get; }

    /// <summary>The module the entity is generated into, once the schema is checked.</summary>
    public QapiModule Module { get; private set; } = null!;

    internal bool IsChecked { get; private protected set; }

    /// <summary>Calls the visitor method for this kind of entity.</summary>
    public abstract void Accept(QapiSchemaVisitor visitor);

    internal virtual void Check(QapiSchema schema)
    {
        Debug.Assert(!IsChecked, "entities are checked once");
        IsChecked = true;
    }

    internal virtual void ConnectDoc()
    {
    }

    internal virtual void CheckDoc()
    {
    }

    internal virtual void SetModule(QapiSchema schema) => SetModule(schema, Info);

    private protected void SetModule(QapiSchema schema, QapiSourceInfo? info)
    {
        Debug.Assert(IsChecked, "modules are assigned after checking");
        Module = schema.ModuleOfFile(info?.FileName ?? QapiModule.BuiltinModuleName);
        Module.Add(this);
    }
}

/// <summary>
/// A named definition: a type, a command or an event. Names are unique across the schema.
/// </summary>
public abstract class QapiDefinition : QapiEntity
{
    private readonly QapiIfCond _ifCond;

    private protected QapiDefinition(string name, QapiSourceInfo? info, QapiDoc? doc, QapiIfCond? ifCond, IReadOnlyList<QapiFeature>? features)
        : base(info)
    {
        Name = name;
        Doc = doc;
        _ifCond = ifCond ?? QapiIfCond.Always;
        Features = features ?? [];
        foreach (var feature in Features)
        {
            feature.SetDefinedIn(name);
        }
    }

    /// <summary>The name, unique in the schema.</summary>
    public string Name { get; }

    /// <summary>The definition's documentation comment, if it has one.</summary>
    public QapiDoc? Doc { get; }

    /// <summary>When the definition exists.</summary>
    public virtual QapiIfCond IfCond => _ifCond;

    /// <summary>The definition's features, in source order.</summary>
    public IReadOnlyList<QapiFeature> Features { get; }

    /// <summary>The kind of definition as messages call it: <c>enum</c>, <c>struct</c>, <c>union</c>, <c>command</c>, ...</summary>
    public abstract string Meta { get; }

    /// <summary>True for definitions the schema does not spell out (built-ins, argument objects, arrays, <c>QType</c>).</summary>
    public virtual bool IsImplicit => Info is null;

    /// <summary>Whether the definition has feature <c>deprecated</c>.</summary>
    public bool IsDeprecated => Features.Any(f => f.Name == "deprecated");

    /// <summary>Whether the definition has feature <c>unstable</c>.</summary>
    public bool IsUnstable => Features.Any(f => f.Name == "unstable");

    /// <summary>The definition as messages name it, e.g. <c>command 'query-status'</c>.</summary>
    public virtual string Describe() => $"{Meta} '{Name}'";

    internal override void Check(QapiSchema schema)
    {
        base.Check(schema);
        QapiMember.CheckClashes(Info, Features);
    }

    /// <summary>Connects the features (and in subclasses the members) to the documentation block.</summary>
    internal virtual void ConnectDoc(QapiDoc? doc)
    {
        doc ??= Doc;
        foreach (var feature in Features)
        {
            feature.ConnectDoc(doc);
        }
    }

    internal sealed override void ConnectDoc() => ConnectDoc(null);

    internal override void CheckDoc() => Doc?.Check();

    /// <inheritdoc/>
    public override string ToString() => Describe();
}

/// <summary>An include directive, kept so generated code can include the included module's code.</summary>
public sealed class QapiInclude : QapiEntity
{
    internal QapiInclude(QapiModule includedModule, QapiSourceInfo info)
        : base(info) => IncludedModule = includedModule;

    /// <summary>The module the directive includes.</summary>
    public QapiModule IncludedModule { get; }

    /// <inheritdoc/>
    public override void Accept(QapiSchemaVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitInclude(this);
    }

    /// <inheritdoc/>
    public override string ToString() => $"include {IncludedModule.Name}";
}
