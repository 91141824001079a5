using System.Runtime.CompilerServices;
using Machina.Qapi;

namespace Machina.Qom;

/// <summary>
/// One object model: its type registry, the composition tree rooted at <c>/</c>, and the
/// user-creatable objects under <c>/objects</c>. QEMU has one of these per process, in globals;
/// Machina can have several side by side.
/// </summary>
/// <remarks>
/// A new runtime knows the types <c>object</c>, <c>interface</c>, <c>container</c> and
/// <c>user-creatable</c>; <see cref="StandardTypes.RegisterAll"/> adds the real types Machina
/// implements (secret, memory backends, iothread, authz-simple, the machine types).
/// </remarks>
public sealed class QomRuntime
{
    private QomObject? _root;
    private QomObject? _internalRoot;

    /// <summary>Creates a runtime with the object model's own types and an empty tree.</summary>
    public QomRuntime()
    {
        Types = new QomTypeRegistry(this);
        Types.Register(new QomTypeInfo(TypeNames.Container) { Parent = TypeNames.Object });
        Types.Register(typeof(IUserCreatable));
        UserCreatable = new UserCreatableObjects(this);
    }

    /// <summary>The runtime's types.</summary>
    public QomTypeRegistry Types { get; }

    /// <summary>Creates, lists and deletes the objects of <c>-object</c>, <c>object-add</c> and <c>object-del</c>.</summary>
    public UserCreatableObjects UserCreatable { get; }

    /// <summary>
    /// The lock callers hold while they use objects of this runtime (QEMU's big lock): the object
    /// model itself does not lock. The QOM commands take it for each command.
    /// </summary>
    public Lock Gate { get; } = new();

    /// <summary>The root of the composition tree, <c>/</c>, a container (QEMU's <c>object_get_root</c>).</summary>
    public QomObject Root => _root ??= New(TypeNames.Container);

    /// <summary>The container <c>/objects</c> of user-created objects, created on first use (QEMU's <c>object_get_objects_root</c>).</summary>
    public QomObject ObjectsRoot => GetContainer("/objects");

    /// <summary>A container outside the tree for objects that must not show in it (QEMU's <c>object_get_internal_root</c>).</summary>
    public QomObject InternalRoot => _internalRoot ??= New(TypeNames.Container);

    /// <summary>
    /// The object at the absolute <paramref name="path"/>, creating a container for every missing
    /// component (QEMU's <c>container_get</c> on the root).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> does not start with '/'.</exception>
    public QomObject GetContainer(string path) => GetContainer(Root, path);

    /// <summary>The object at <paramref name="path"/> below <paramref name="root"/>, creating missing containers (QEMU's <c>container_get</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> does not start with '/'.</exception>
    public static QomObject GetContainer(QomObject root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"container path '{path}' must start with '/'", nameof(path));
        }

        var obj = root;
        foreach (var part in path.Split('/').AsSpan(1))
        {
            obj = obj.ResolveComponent(part) ?? obj.AddNewChild(part, TypeNames.Container);
        }

        return obj;
    }

    /// <summary>
    /// Creates an object of type <paramref name="typeName"/> (QEMU's <c>object_new</c>): the caller
    /// owns its one reference.
    /// </summary>
    /// <exception cref="QapiException">No such type ("invalid object type: NAME") or it is abstract ("object type 'NAME' is abstract").</exception>
    public QomObject New(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var type = Types.FindType(typeName) ?? throw new QapiException($"invalid object type: {typeName}");
        return New(type);
    }

    /// <summary>Creates an object of <paramref name="type"/>; see <see cref="New(string)"/>.</summary>
    /// <exception cref="QapiException">The type is abstract.</exception>
    public QomObject New(QomType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsAbstract)
        {
            throw new QapiException($"object type '{type.Name}' is abstract");
        }

        var obj = type.CreateInstance();
        obj.Bind(type.Class);
        return obj;
    }

    /// <summary>Creates an object of the type declared on <typeparamref name="T"/> with <see cref="QomTypeAttribute"/>.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not a registered declared type.</exception>
    /// <exception cref="QapiException">The type is abstract.</exception>
    public T New<T>()
        where T : QomObject
    {
        var type = Types.FindDeclaredType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not a registered QOM type: register it with Types.Register<{typeof(T).Name}>()");
        return (T)New(type);
    }

    /// <summary>
    /// Creates an object, sets properties from strings, adds it as child <paramref name="id"/> of
    /// <paramref name="parent"/> and completes it if it is user-creatable (QEMU's
    /// <c>object_new_with_props</c>). When it is added to a parent, the parent holds its only
    /// reference; without an id the caller owns it.
    /// </summary>
    /// <param name="typeName">The type.</param>
    /// <param name="parent">Where to add the object, when <paramref name="id"/> is given.</param>
    /// <param name="id">The child property's name, or null not to add it anywhere.</param>
    /// <param name="properties">Property names and values, set in order as <see cref="QomObject.ParseProperty"/> does.</param>
    /// <returns>The object.</returns>
    /// <exception cref="QapiException">The type is unknown or abstract, a property refused its value, the id is taken, or completing failed; nothing is left behind.</exception>
    public QomObject NewWithProperties(string typeName, QomObject? parent, string? id, params IEnumerable<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var klass = Types.FindClass(typeName) ?? throw new QapiException($"invalid object type: {typeName}");
        if (klass.IsAbstract)
        {
            throw new QapiException($"object type '{typeName}' is abstract");
        }

        var obj = New(klass.Type);
        try
        {
            foreach (var (name, value) in properties)
            {
                obj.ParseProperty(name, value);
            }

            if (id is not null)
            {
                ArgumentNullException.ThrowIfNull(parent);
                parent.AddChild(id, obj);
            }

            if (obj.IsInstanceOf(TypeNames.UserCreatable))
            {
                try
                {
                    UserCreatableObjects.Complete(obj);
                }
                catch (QapiException)
                {
                    if (id is not null)
                    {
                        obj.Unparent();
                    }

                    throw;
                }
            }
        }
        catch
        {
            obj.Unref();
            throw;
        }

        if (id is not null)
        {
            obj.Unref();
        }

        return obj;
    }

    // ---- Paths ---------------------------------------------------------------------------------

    /// <summary>
    /// The object at <paramref name="path"/> (QEMU's <c>object_resolve_path</c>). An absolute path
    /// (<c>/objects/sec0</c>) is followed from the root through child, link and alias properties;
    /// empty components are skipped. A partial path (<c>sec0</c>, <c>objects/sec0</c>) matches
    /// wherever it leads from any object in the tree, and must match exactly once.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <param name="ambiguous">Set when a partial path matched more than once (the result is then null).</param>
    /// <returns>The object, or null.</returns>
    public QomObject? ResolvePath(string path, out bool ambiguous) => ResolvePath(path, TypeNames.Object, out ambiguous);

    /// <summary>
    /// As <see cref="ResolvePath(string, out bool)"/>, counting only objects that are a
    /// <paramref name="typeName"/> (QEMU's <c>object_resolve_path_type</c>).
    /// </summary>
    public QomObject? ResolvePath(string path, string typeName, out bool ambiguous)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(typeName);
        var parts = SplitPath(path);
        ambiguous = false;
        if (parts.Length == 0 || parts[0].Length != 0)
        {
            return ResolvePartial(Root, parts, typeName, ref ambiguous);
        }

        return ResolveAbsolute(Root, parts, 1, typeName);
    }

    /// <summary>
    /// The object at <paramref name="path"/>: from the root when it starts with '/', otherwise from
    /// <paramref name="parent"/>, never as a partial path (QEMU's <c>object_resolve_path_at</c>).
    /// </summary>
    public QomObject? ResolvePathAt(QomObject parent, string path)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(path);
        var parts = SplitPath(path);
        return path.StartsWith('/')
            ? ResolveAbsolute(Root, parts, 1, TypeNames.Object)
            : ResolveAbsolute(parent, parts, 0, TypeNames.Object);
    }

    // GLib's g_strsplit: an empty string has no parts at all.
    private static string[] SplitPath(string path) => path.Length == 0 ? [] : path.Split('/');

    private static QomObject? ResolveAbsolute(QomObject parent, string[] parts, int index, string typeName)
    {
        for (var obj = parent; ; index++)
        {
            if (index >= parts.Length)
            {
                return obj.DynamicCast(typeName);
            }

            if (parts[index].Length == 0)
            {
                continue;
            }

            obj = obj.ResolveComponent(parts[index]);
            if (obj is null)
            {
                return null;
            }
        }
    }

    // QEMU's object_resolve_partial_path: the path may start at any object; a second match anywhere
    // makes it ambiguous.
    private static QomObject? ResolvePartial(QomObject parent, string[] parts, string typeName, ref bool ambiguous)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var obj = ResolveAbsolute(parent, parts, 0, typeName);
        foreach (var child in parent.Children)
        {
            var found = ResolvePartial(child, parts, typeName, ref ambiguous);
            if (found is not null)
            {
                if (obj is not null)
                {
                    ambiguous = true;
                    return null;
                }

                obj = found;
            }

            if (ambiguous)
            {
                return null;
            }
        }

        return obj;
    }
}
