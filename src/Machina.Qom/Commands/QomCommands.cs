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
/// <para>The typed methods expect the caller to hold <see cref="QomRuntime.Gate"/>; the registered
/// handlers take it themselves. Argument and result marshalling is generated from
/// qapi/machina-qom.json (<see cref="IMachinaQomCommands"/>); <c>object-add</c> alone is
/// marshalled here, since the registry, not the schema, knows which types and options exist.</para>
/// <para>Orders: <c>qom-list</c> and <c>qom-list-properties</c> list class properties from the
/// root type down, then the object's own (QEMU lists its hash tables' order, reversed, which
/// puts <c>type</c> first and children last as well); <c>qom-list-types</c> lists types in
/// registration order (QEMU: hash table order).</para>
/// <para>The run-state commands (<c>query-status</c>, <c>stop</c>, <c>cont</c>) belong to the QMP
/// server's machine, not to the object model.</para>
/// </remarks>
public sealed class QomCommands : IMachinaQomCommands
{
    private readonly QomRuntime _runtime;

    /// <summary>Commands over the objects of <paramref name="runtime"/>.</summary>
    public QomCommands(QomRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _runtime = runtime;
    }

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

    /// <summary>
    /// Registers <c>qom-list</c>, <c>qom-get</c>, <c>qom-set</c>, <c>qom-list-types</c>,
    /// <c>qom-list-properties</c>, <c>object-add</c> and <c>object-del</c>. The handlers read their
    /// arguments with QEMU's generated-marshaller errors ("Parameter 'path' is missing"), run under
    /// the runtime's lock and write their results through the output visitor.
    /// </summary>
    /// <exception cref="ArgumentException">One of the commands is registered already.</exception>
    public void Register(QmpCommandTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        MachinaQomCommands.Register(table, this);
        table.Register("object-add", (arguments, context) =>
        {
            lock (_runtime.Gate)
            {
                ObjectAdd(arguments, context.Policy);
            }

            return ValueTask.FromResult<QObject?>(null);
        }, QmpCommandOptions.AllowPreconfig);
    }

    ValueTask<QapiList<ObjectPropertyInfo>> IMachinaQomCommands.QomListAsync(string path, QmpCommandContext context) =>
        Locked(() => QomList(path));

    ValueTask<QObject> IMachinaQomCommands.QomGetAsync(string path, string property, QmpCommandContext context) =>
        Locked(() => QomGet(path, property));

    ValueTask IMachinaQomCommands.QomSetAsync(string path, string property, QObject value, QmpCommandContext context)
    {
        lock (_runtime.Gate)
        {
            QomSet(path, property, value);
        }

        return ValueTask.CompletedTask;
    }

    ValueTask<QapiList<ObjectTypeInfo>> IMachinaQomCommands.QomListTypesAsync(string? implements, bool? @abstract, QmpCommandContext context) =>
        Locked(() => QomListTypes(implements, @abstract));

    ValueTask<QapiList<ObjectPropertyInfo>> IMachinaQomCommands.QomListPropertiesAsync(string typename, QmpCommandContext context) =>
        Locked(() => QomListProperties(typename));

    ValueTask IMachinaQomCommands.ObjectDelAsync(string id, QmpCommandContext context)
    {
        lock (_runtime.Gate)
        {
            ObjectDel(id);
        }

        return ValueTask.CompletedTask;
    }

    private static QapiException DeviceNotFound(string path) => new(QapiErrorClass.DeviceNotFound, $"Device '{path}' not found");

    private static void AddInfo(QapiList<ObjectPropertyInfo> result, IEnumerable<ObjectProperty> properties)
    {
        foreach (var property in properties)
        {
            result.Add(new ObjectPropertyInfo { Name = property.Name, Type = property.Type, Description = property.Description });
        }
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

    private ValueTask<T> Locked<T>(Func<T> run)
    {
        lock (_runtime.Gate)
        {
            return ValueTask.FromResult(run());
        }
    }
}
