namespace Machina.Qapi.Schema;

/// <summary>
/// A walk over a checked schema: <see cref="VisitBegin"/>, then module by module
/// <see cref="VisitModule"/> followed by one call per entity of that module in definition order,
/// then <see cref="VisitEnd"/>. Every method does nothing by default; a backend overrides what it needs.
/// </summary>
/// <remarks>Start a walk with <see cref="QapiSchema.Accept"/>.</remarks>
public abstract class QapiSchemaVisitor
{
    /// <summary>Called once before anything else.</summary>
    public virtual void VisitBegin(QapiSchema schema)
    {
    }

    /// <summary>Called once after everything else.</summary>
    public virtual void VisitEnd()
    {
    }

    /// <summary>Called at the start of each module, before its entities.</summary>
    public virtual void VisitModule(QapiModule module)
    {
    }

    /// <summary>Whether to visit <paramref name="entity"/> at all; true by default.</summary>
    public virtual bool VisitNeeded(QapiEntity entity) => true;

    /// <summary>An include directive.</summary>
    public virtual void VisitInclude(QapiInclude include)
    {
    }

    /// <summary>A built-in type.</summary>
    public virtual void VisitBuiltinType(QapiBuiltinType type)
    {
    }

    /// <summary>An enumeration.</summary>
    public virtual void VisitEnumType(QapiEnumType type)
    {
    }

    /// <summary>An array type.</summary>
    public virtual void VisitArrayType(QapiArrayType type)
    {
    }

    /// <summary>An object type as declared: its base, local members and variants.</summary>
    public virtual void VisitObjectType(QapiObjectType type)
    {
    }

    /// <summary>The same object type right after <see cref="VisitObjectType"/>, to be read flat through <see cref="QapiObjectType.Members"/>.</summary>
    public virtual void VisitObjectTypeFlat(QapiObjectType type)
    {
    }

    /// <summary>An alternate type.</summary>
    public virtual void VisitAlternateType(QapiAlternateType type)
    {
    }

    /// <summary>A command.</summary>
    public virtual void VisitCommand(QapiCommand command)
    {
    }

    /// <summary>An event.</summary>
    public virtual void VisitEvent(QapiEvent @event)
    {
    }
}
