using Machina.Qapi.Parsing;
using Machina.Qapi.Source;

namespace Machina.Qapi.Schema;

/// <summary>A command: its arguments, what it returns, and how it is dispatched.</summary>
public sealed class QapiCommand : QapiDefinition
{
    private readonly string? _argTypeName;
    private readonly string? _retTypeName;

    internal QapiCommand(
        string name, QapiSourceInfo info, QapiDoc? doc, QapiIfCond ifCond, IReadOnlyList<QapiFeature> features,
        string? argTypeName, string? retTypeName, QapiCommandFlags flags)
        : base(name, info, doc, ifCond, features)
    {
        _argTypeName = argTypeName;
        _retTypeName = retTypeName;
        Gen = flags.Gen;
        SuccessResponse = flags.SuccessResponse;
        Boxed = flags.Boxed;
        AllowOob = flags.AllowOob;
        AllowPreconfig = flags.AllowPreconfig;
        Coroutine = flags.Coroutine;
    }

    /// <inheritdoc/>
    public override string Meta => "command";

    /// <summary>
    /// The arguments' type, once the schema is checked: an implicit <c>q_obj_NAME-arg</c> for inline
    /// arguments, a named object type, or null when the command takes none.
    /// </summary>
    public QapiObjectType? ArgType { get; private set; }

    /// <summary>The return type, once the schema is checked; null when the command returns an empty object.</summary>
    public QapiType? RetType { get; private set; }

    /// <summary>Whether code is generated for the command (<c>'gen': false</c> turns it off).</summary>
    public bool Gen { get; }

    /// <summary>Whether success is answered (<c>'success-response': false</c> turns it off).</summary>
    public bool SuccessResponse { get; }

    /// <summary>Whether the handler takes the argument object whole rather than one parameter per member.</summary>
    public bool Boxed { get; }

    /// <summary>Whether the command may run out of band (<c>'allow-oob': true</c>).</summary>
    public bool AllowOob { get; }

    /// <summary>Whether the command may run before the machine is configured (<c>'allow-preconfig': true</c>).</summary>
    public bool AllowPreconfig { get; }

    /// <summary>Whether the handler runs in a coroutine (<c>'coroutine': true</c>).</summary>
    public bool Coroutine { get; }

    /// <inheritdoc/>
    public override void Accept(QapiSchemaVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitCommand(this);
    }

    internal override void Check(QapiSchema schema)
    {
        base.Check(schema);
        if (!string.IsNullOrEmpty(_argTypeName))
        {
            var argType = schema.ResolveType(_argTypeName, Info, "command's 'data'");
            if (argType is not QapiObjectType objectType)
            {
                throw new QapiSemanticException(Info!, $"command's 'data' cannot take {argType.Describe()}");
            }

            if (objectType.Variants is not null && !Boxed)
            {
                throw new QapiSemanticException(Info!, $"command's 'data' can take {argType.Describe()} only with 'boxed': true");
            }

            ArgType = objectType;
        }

        if (!string.IsNullOrEmpty(_retTypeName))
        {
            RetType = schema.ResolveType(_retTypeName, Info, "command's 'returns'");
            if (!Info!.Pragma.CommandReturnsExceptions.Contains(Name))
            {
                var returned = RetType is QapiArrayType array ? array.ElementType : RetType;
                if (returned is not QapiObjectType)
                {
                    throw new QapiSemanticException(Info, $"command's 'returns' cannot take {RetType.Describe()}");
                }
            }
        }
    }

    internal override void ConnectDoc(QapiDoc? doc)
    {
        base.ConnectDoc(doc);
        doc ??= Doc;
        if (doc is not null && ArgType is { IsImplicit: true })
        {
            ArgType.ConnectDoc(doc);
        }
    }
}

/// <summary>A command's dispatch flags as the schema sets them.</summary>
internal readonly record struct QapiCommandFlags(bool Gen, bool SuccessResponse, bool Boxed, bool AllowOob, bool AllowPreconfig, bool Coroutine);

/// <summary>An event: a notification with optional data.</summary>
public sealed class QapiEvent : QapiDefinition
{
    private readonly string? _argTypeName;

    internal QapiEvent(string name, QapiSourceInfo info, QapiDoc? doc, QapiIfCond ifCond, IReadOnlyList<QapiFeature> features, string? argTypeName, bool boxed)
        : base(name, info, doc, ifCond, features)
    {
        _argTypeName = argTypeName;
        Boxed = boxed;
    }

    /// <inheritdoc/>
    public override string Meta => "event";

    /// <summary>The data's type, once the schema is checked; null when the event has no data.</summary>
    public QapiObjectType? ArgType { get; private set; }

    /// <summary>Whether the emitter takes the data object whole rather than one parameter per member.</summary>
    public bool Boxed { get; }

    /// <inheritdoc/>
    public override void Accept(QapiSchemaVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitEvent(this);
    }

    internal override void Check(QapiSchema schema)
    {
        base.Check(schema);
        if (!string.IsNullOrEmpty(_argTypeName))
        {
            var argType = schema.ResolveType(_argTypeName, Info, "event's 'data'");
            if (argType is not QapiObjectType objectType)
            {
                throw new QapiSemanticException(Info!, $"event's 'data' cannot take {argType.Describe()}");
            }

            if (objectType.Variants is not null && !Boxed)
            {
                throw new QapiSemanticException(Info!, $"event's 'data' can take {argType.Describe()} only with 'boxed': true");
            }

            ArgType = objectType;
        }
    }

    internal override void ConnectDoc(QapiDoc? doc)
    {
        base.ConnectDoc(doc);
        doc ??= Doc;
        if (doc is not null && ArgType is { IsImplicit: true })
        {
            ArgType.ConnectDoc(doc);
        }
    }
}
