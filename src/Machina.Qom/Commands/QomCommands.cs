using System.Text;
using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.Qapi.Visitors;
using Machina.Qom.Machines;
using Machina.QObjects;

namespace Machina.Qom.Commands;

/// <summary>
/// The QMP commands of the object model (QEMU's qom/qom-qmp-cmds.c and qom-hmp-cmds.c) as plain
/// methods with typed arguments and results, throwing <see cref="QapiException"/> with QEMU's
/// class and text; <see cref="Register"/> puts them in a QMP command table.
/// </summary>
/// <remarks>
/// <para>Every method expects the caller to hold <see cref="QomRuntime.Gate"/>; the registered
/// handlers take it themselves.</para>
/// <para>Orders: <c>qom-list</c> and <c>qom-list-properties</c> list class properties from the
/// root type down, then the object's own (QEMU lists its hash tables' order, reversed, which
/// puts <c>type</c> first and children last as well); <c>qom-list-types</c> lists types in
/// registration order (QEMU: hash table order).</para>
/// </remarks>
public sealed class QomCommands
{
    private readonly QomRuntime _runtime;

    /// <summary>Commands over the objects of <paramref name="runtime"/>, and the run state <paramref name="runState"/> when given.</summary>
    public QomCommands(QomRuntime runtime, VmRunState? runState = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _runtime = runtime;
        RunState = runState;
    }

    /// <summary>The run state behind <c>query-status</c>, <c>stop</c> and <c>cont</c>, when there is one.</summary>
    public VmRunState? RunState { get; }

    /// <summary>The properties of the object at <paramref name="path"/>: name and type (QMP <c>qom-list</c>).</summary>
    /// <exception cref="QapiException">"Path 'P' is ambiguous"; DeviceNotFound "Device 'P' not found".</exception>
    public QapiList<ObjectPropertyInfo> QomList(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var obj = _runtime.ResolvePath(path, out var ambiguous);
        if (obj is null)
        {
            throw ambiguous
                ? new QapiException($"Path '{path}' is ambiguous")
                : DeviceNotFound(path);
        }

        var result = new QapiList<ObjectPropertyInfo>();
        foreach (var property in obj.Properties)
        {
            result.Add(new ObjectPropertyInfo { Name = property.Name, Type = property.Type });
        }

        return result;
    }

    /// <summary>The value of property <paramref name="property"/> of the object at <paramref name="path"/> (QMP <c>qom-get</c>).</summary>
    /// <exception cref="QapiException">DeviceNotFound "Device 'P' not found"; "Property 'T.N' not found"; "... is not readable"; the getter's error.</exception>
    public QObject QomGet(string path, string property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return Resolve(path).GetPropertyValue(property);
    }

    /// <summary>Sets property <paramref name="property"/> of the object at <paramref name="path"/> (QMP <c>qom-set</c>).</summary>
    /// <exception cref="QapiException">DeviceNotFound "Device 'P' not found"; "Property 'T.N' not found"; "... is not writable"; the setter's error.</exception>
    public void QomSet(string path, string property, QObject value)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(value);
        Resolve(path).SetPropertyValue(property, value);
    }

    /// <summary>
    /// The types that implement <paramref name="implements"/> (every type when null), abstract ones
    /// only when <paramref name="includeAbstract"/> (QMP <c>qom-list-types</c>). An unknown type name
    /// matches nothing.
    /// </summary>
    public QapiList<ObjectTypeInfo> QomListTypes(string? implements = null, bool? includeAbstract = null)
    {
        var result = new QapiList<ObjectTypeInfo>();
        foreach (var klass in _runtime.Types.ListClasses(implements, includeAbstract ?? false))
        {
            result.Add(new ObjectTypeInfo
            {
                Name = klass.Name,
                Abstract = klass.IsAbstract ? true : null,
                Parent = klass.Type.ParentName,
            });
        }

        return result;
    }

    /// <summary>
    /// The properties objects of type <paramref name="typeName"/> have: name, type and description
    /// (QMP <c>qom-list-properties</c>). For a type that can have objects, one is created, listed
    /// and dropped, so properties added by instance hooks show too.
    /// </summary>
    /// <exception cref="QapiException">DeviceNotFound "Class 'T' not found"; "Parameter 'typename' expects a QOM type" for an interface.</exception>
    public QapiList<ObjectPropertyInfo> QomListProperties(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var klass = _runtime.Types.FindClass(typeName)
            ?? throw new QapiException(QapiErrorClass.DeviceNotFound, $"Class '{typeName}' not found");
        if (!klass.Implements(TypeNames.Object))
        {
            throw QapiException.InvalidParameterValue("typename", "a QOM type");
        }

        var result = new QapiList<ObjectPropertyInfo>();
        if (klass.IsAbstract)
        {
            AddInfo(result, klass.Properties);
            return result;
        }

        var obj = _runtime.New(klass.Type);
        try
        {
            AddInfo(result, obj.Properties);
        }
        finally
        {
            obj.Unref();
        }

        return result;
    }

    /// <summary>Creates a user-creatable object from <c>object-add</c>'s arguments (QMP <c>object-add</c>).</summary>
    /// <exception cref="QapiException">The options are invalid or creation failed, with QEMU's message.</exception>
    public void ObjectAdd(QDict arguments, CompatPolicy? policy = null) =>
        _runtime.UserCreatable.Add(arguments, keyval: false, policy);

    /// <summary>Deletes the user-created object <paramref name="id"/> (QMP <c>object-del</c>).</summary>
    /// <exception cref="QapiException">"object 'ID' not found"; "object 'ID' is in use, can not be deleted".</exception>
    public void ObjectDel(string id) => _runtime.UserCreatable.Delete(id);

    /// <summary>
    /// The text of HMP <c>info qom-tree [PATH]</c> (QEMU's <c>hmp_info_qom_tree</c>): the composition
    /// tree from the object at <paramref name="path"/> (from <c>/machine</c> without one), one line
    /// <c>/NAME (TYPE)</c> per object, children two columns deeper and sorted by name. Lines end in
    /// '\n'; the monitor sends them as "\r\n".
    /// </summary>
    public string InfoQomTree(string? path = null)
    {
        QomObject? obj;
        if (path is not null)
        {
            obj = _runtime.ResolvePath(path, out var ambiguous);
            if (obj is null)
            {
                return $"Path '{path}' could not be resolved.\n";
            }

            if (ambiguous)
            {
                return $"Warning: Path '{path}' is ambiguous.\n";
            }
        }
        else
        {
            obj = _runtime.GetContainer("/machine");
        }

        var text = new StringBuilder();
        PrintComposition(text, obj, 0);
        return text.ToString();
    }

    /// <summary>The reply of <c>query-status</c>.</summary>
    /// <exception cref="InvalidOperationException">No run state was given.</exception>
    public StatusInfo QueryStatus() => RequireRunState().Query();

    /// <summary>QMP <c>stop</c>: pauses the machine.</summary>
    /// <exception cref="InvalidOperationException">No run state was given.</exception>
    public void Stop() => RequireRunState().Stop();

    /// <summary>QMP <c>cont</c>: resumes the machine.</summary>
    /// <exception cref="QapiException">The machine cannot resume now.</exception>
    /// <exception cref="InvalidOperationException">No run state was given.</exception>
    public void Cont() => RequireRunState().Cont();

    /// <summary>
    /// Registers <c>qom-list</c>, <c>qom-get</c>, <c>qom-set</c>, <c>qom-list-types</c>,
    /// <c>qom-list-properties</c>, <c>object-add</c>, <c>object-del</c> and, with a run state,
    /// <c>query-status</c>, <c>stop</c> and <c>cont</c>. The handlers read their arguments with
    /// QEMU's generated-marshaller errors ("Parameter 'path' is missing"), run under the runtime's
    /// lock and write their results through the output visitor.
    /// </summary>
    /// <exception cref="ArgumentException">One of the commands is registered already.</exception>
    public void Register(QmpCommandTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        const QmpCommandOptions Preconfig = QmpCommandOptions.AllowPreconfig;
        table.Register("qom-list", Handler<QomListArguments>((a, _) => WriteList(QomList(a.Path))), Preconfig);
        table.Register("qom-get", Handler<QomGetArguments>((a, _) => QomGet(a.Path, a.Property)), Preconfig);
        table.Register("qom-set", Handler<QomSetArguments>((a, _) =>
        {
            QomSet(a.Path, a.Property, a.Value);
            return null;
        }), Preconfig);
        table.Register("qom-list-types", Handler<QomListTypesArguments>((a, _) => WriteList(QomListTypes(a.Implements, a.Abstract))), Preconfig);
        table.Register("qom-list-properties", Handler<QomListPropertiesArguments>((a, _) => WriteList(QomListProperties(a.Typename))), Preconfig);
        table.Register("object-add", (arguments, context) => Locked(() =>
        {
            ObjectAdd(arguments, context.Policy);
            return null;
        }), Preconfig);
        table.Register("object-del", Handler<ObjectDelArguments>((a, _) =>
        {
            ObjectDel(a.Id);
            return null;
        }), Preconfig);

        if (RunState is not null)
        {
            table.Register("query-status", NoArguments(() => QObjectOutputVisitor.Write(QueryStatus())), Preconfig);
            table.Register("stop", NoArguments(() =>
            {
                Stop();
                return null;
            }));
            table.Register("cont", NoArguments(() =>
            {
                Cont();
                return null;
            }));
        }
    }

    private static QapiException DeviceNotFound(string path) => new(QapiErrorClass.DeviceNotFound, $"Device '{path}' not found");

    private static void AddInfo(QapiList<ObjectPropertyInfo> result, IEnumerable<ObjectProperty> properties)
    {
        foreach (var property in properties)
        {
            result.Add(new ObjectPropertyInfo { Name = property.Name, Type = property.Type, Description = property.Description });
        }
    }

    private static QObject WriteList<T>(QapiList<T> list)
        where T : class, IQapiType<T>
    {
        var output = new QObjectOutputVisitor();
        QapiList<T>? value = list;
        output.VisitList(null, ref value, static (Visitor v, string? name, ref T element) => v.Visit(name, ref element!));
        return output.Complete();
    }

    // C strcmp on UTF-8: by code point.
    private static int CompareUtf8(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var x = a.EnumerateRunes();
        var y = b.EnumerateRunes();
        while (true)
        {
            var hasX = x.MoveNext();
            var hasY = y.MoveNext();
            if (!hasX || !hasY)
            {
                return hasX ? 1 : hasY ? -1 : 0;
            }

            var order = x.Current.Value.CompareTo(y.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }

    private void PrintComposition(StringBuilder text, QomObject obj, int indent)
    {
        var name = ReferenceEquals(obj, _runtime.Root) ? string.Empty : obj.CanonicalPathComponent ?? "(null)";
        text.Append(' ', indent).Append('/').Append(name).Append(" (").Append(obj.TypeName).Append(")\n");
        var children = obj.Children.ToList();
        children.Sort(static (a, b) => CompareUtf8(a.CanonicalPathComponent, b.CanonicalPathComponent));
        foreach (var child in children)
        {
            PrintComposition(text, child, indent + 2);
        }
    }

    private QomObject Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _runtime.ResolvePath(path, out _) ?? throw DeviceNotFound(path);
    }

    private VmRunState RequireRunState() =>
        RunState ?? throw new InvalidOperationException("these commands were created without a run state");

    private QmpCommandHandler Handler<TArguments>(Func<TArguments, QmpCommandContext, QObject?> run)
        where TArguments : class, IQapiType<TArguments> =>
        (arguments, context) =>
        {
            var typed = QObjectInputVisitor.Read<TArguments>(arguments, context.Policy);
            return Locked(() => run(typed, context));
        };

    // A command without arguments still refuses any it is given ("Parameter 'x' is unexpected").
    private QmpCommandHandler NoArguments(Func<QObject?> run) =>
        (arguments, context) =>
        {
            var visitor = new QObjectInputVisitor(arguments) { Policy = context.Policy };
            visitor.StartStruct(null);
            visitor.CheckStruct();
            visitor.EndStruct();
            return Locked(run);
        };

    private ValueTask<QObject?> Locked(Func<QObject?> run)
    {
        lock (_runtime.Gate)
        {
            return ValueTask.FromResult(run());
        }
    }
}
