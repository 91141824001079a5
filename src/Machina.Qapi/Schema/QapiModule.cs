namespace Machina.Qapi.Schema;

/// <summary>
/// A unit of generated code: one schema file (a <em>user</em> module, named by its path relative to
/// the main schema file's folder) or a <em>system</em> module whose name starts with <c>./</c>, such
/// as <c>./builtin</c> for the built-in types.
/// </summary>
public sealed class QapiModule
{
    /// <summary>The name of the module holding the built-in types and their arrays.</summary>
    public const string BuiltinModuleName = "./builtin";

    private readonly List<QapiEntity> _entities = [];

    internal QapiModule(string name) => Name = name;

    /// <summary>The module's name.</summary>
    public string Name { get; }

    /// <summary>The module's entities in definition order.</summary>
    public IReadOnlyList<QapiEntity> Entities => _entities;

    /// <summary>True for modules the schema does not spell out (name starts with <c>./</c>).</summary>
    public bool IsSystem => IsSystemModule(Name);

    /// <summary>True for modules that are schema files.</summary>
    public bool IsUser => !IsSystem;

    /// <summary>True for <see cref="BuiltinModuleName"/>.</summary>
    public bool IsBuiltin => Name == BuiltinModuleName;

    /// <summary>Whether a module name denotes a system module.</summary>
    public static bool IsSystemModule(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith("./", StringComparison.Ordinal);
    }

    internal void Add(QapiEntity entity) => _entities.Add(entity);

    /// <summary>Visits the module, then each of its entities the visitor wants.</summary>
    public void Accept(QapiSchemaVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitModule(this);
        foreach (var entity in _entities)
        {
            if (visitor.VisitNeeded(entity))
            {
                entity.Accept(visitor);
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
