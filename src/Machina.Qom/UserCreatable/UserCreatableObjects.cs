using System.Text;
using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Qom;

/// <summary>
/// Creates and deletes the objects of <c>-object</c>, <c>object-add</c> and <c>object-del</c>
/// (QEMU's qom/object_interfaces.c): options → visitor → properties → <see cref="IUserCreatable.Complete"/>,
/// with QEMU's errors. Objects live under <c>/objects</c>, named by their id.
/// </summary>
public sealed class UserCreatableObjects
{
    private const string IdHint = "Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n";

    private readonly QomRuntime _runtime;

    internal UserCreatableObjects(QomRuntime runtime) => _runtime = runtime;

    /// <summary>
    /// Whether <paramref name="id"/> is an identifier: an ASCII letter, then ASCII letters, digits,
    /// '-', '.' and '_' (QEMU's <c>id_wellformed</c>).
    /// </summary>
    public static bool IsWellFormedId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0 || !char.IsAsciiLetter(id[0]))
        {
            return false;
        }

        foreach (var c in id.AsSpan(1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads options and creates the object: <c>object-add</c> with its arguments, or <c>-object</c>
    /// with the keyval tree of its argument (QEMU's <c>user_creatable_add_from_str</c> after parsing).
    /// </summary>
    /// <param name="options">The options (<c>{"qom-type": ..., "id": ..., members}</c>).</param>
    /// <param name="keyval">True when every scalar is a keyval string.</param>
    /// <param name="policy">The compatibility policy.</param>
    /// <returns>The new object, held by <c>/objects</c>.</returns>
    /// <exception cref="QapiException">The options are invalid or the object could not be created; nothing is left behind.</exception>
    public QomObject Add(QObject options, bool keyval = false, CompatPolicy? policy = null) =>
        Add(ObjectOptions.Read(options, _runtime.Types, keyval, policy));

    /// <summary>Creates the object that checked options describe (QEMU's <c>user_creatable_add_qapi</c>).</summary>
    /// <returns>The new object, held by <c>/objects</c>.</returns>
    /// <exception cref="QapiException">The object could not be created; nothing is left behind.</exception>
    public QomObject Add(ObjectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var visitor = new QObjectInputVisitor(options.Properties, options.PropertiesAreKeyval);
        var obj = AddType(options.QomType, options.Id, options.Properties, visitor);
        obj.Unref();
        return obj;
    }

    /// <summary>
    /// Creates an object of <paramref name="typeName"/>, sets its properties from the members of
    /// <paramref name="properties"/> read through <paramref name="visitor"/>, adds it to
    /// <c>/objects</c> as <paramref name="id"/> and completes it (QEMU's <c>user_creatable_add_type</c>).
    /// </summary>
    /// <param name="typeName">The type.</param>
    /// <param name="id">The id, or null not to add the object to <c>/objects</c>.</param>
    /// <param name="properties">The property values; only their names are used, in QEMU's order.</param>
    /// <param name="visitor">An input visitor over <paramref name="properties"/>.</param>
    /// <returns>The object with one reference for the caller (besides the one <c>/objects</c> holds).</returns>
    /// <exception cref="QapiException">As QEMU: a malformed id, an unknown, unsupported or abstract type, a refused property, a taken id, a failed completion.</exception>
    public QomObject AddType(string typeName, string? id, QDict properties, Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(visitor);
        if (id is not null && !IsWellFormedId(id))
        {
            throw new QapiException(QapiErrorClass.GenericError, "Parameter 'id' expects an identifier", IdHint);
        }

        var klass = _runtime.Types.FindClass(typeName) ?? throw new QapiException($"invalid object type: {typeName}");
        if (!klass.Implements(TypeNames.UserCreatable))
        {
            throw new QapiException($"object type '{typeName}' isn't supported by object-add");
        }

        if (klass.IsAbstract)
        {
            throw new QapiException($"object type '{typeName}' is abstract");
        }

        var obj = _runtime.New(klass.Type);
        try
        {
            SetProperties(obj, properties, visitor);
            if (id is not null)
            {
                _runtime.ObjectsRoot.AddChild(id, obj);
            }

            try
            {
                Complete(obj);
            }
            catch (QapiException)
            {
                if (id is not null)
                {
                    _runtime.ObjectsRoot.DeleteProperty(id);
                }

                throw;
            }
        }
        catch
        {
            obj.Unref();
            throw;
        }

        return obj;
    }

    /// <summary>Deletes the user-created object <paramref name="id"/> (QEMU's <c>user_creatable_del</c>).</summary>
    /// <exception cref="QapiException">"object 'ID' not found", or "object 'ID' is in use, can not be deleted".</exception>
    public void Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var obj = _runtime.ObjectsRoot.ResolveComponent(id) ?? throw new QapiException($"object '{id}' not found");
        if (obj is IUserCreatable { CanBeDeleted: false })
        {
            throw new QapiException($"object '{id}' is in use, can not be deleted");
        }

        obj.Unparent();
    }

    /// <summary>Deletes every user-created object, as QEMU does on exit (<c>user_creatable_cleanup</c>).</summary>
    public void DeleteAll() => _runtime.ObjectsRoot.Unparent();

    /// <summary>The user-creatable objects, in the order they were created.</summary>
    public IEnumerable<QomObject> Objects => _runtime.ObjectsRoot.Children;

    /// <summary>
    /// Sets the properties of <paramref name="obj"/> from the members of <paramref name="properties"/>
    /// (QEMU's <c>object_set_properties_from_qdict</c>): in QEMU's dictionary order, then checks that
    /// the visitor has nothing left over.
    /// </summary>
    /// <exception cref="QapiException">A property is unknown or refused its value.</exception>
    public static void SetProperties(QomObject obj, QDict properties, Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.StartStruct(null);
        var order = new int[properties.Count];
        QemuDictOrder.Sort(properties, order);
        foreach (var index in order)
        {
            obj.SetProperty(properties.GetAt(index).Key, visitor);
        }

        visitor.CheckStruct();
        visitor.EndStruct();
    }

    /// <summary>Completes a user-creatable object after its properties are set (QEMU's <c>user_creatable_complete</c>).</summary>
    /// <exception cref="QapiException">The object refused to complete.</exception>
    public static void Complete(QomObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj is IUserCreatable creatable)
        {
            creatable.Complete();
        }
    }

    // ---- Help ----------------------------------------------------------------------------------

    /// <summary>
    /// The text of <c>-object help</c> (QEMU's <c>user_creatable_print_types</c>): "List of user
    /// creatable objects:" and one indented line per non-abstract user-creatable type, sorted.
    /// </summary>
    public string TypesHelp()
    {
        var text = new StringBuilder("List of user creatable objects:\n");
        foreach (var klass in _runtime.Types.ListClassesSorted(TypeNames.UserCreatable, includeAbstract: false))
        {
            text.Append("  ").Append(klass.Name).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The text of <c>-object TYPE,help</c> (QEMU's <c>type_print_class_properties</c>): the
    /// settable class properties of <paramref name="typeName"/>, sorted, one per line; null when
    /// there is no such type.
    /// </summary>
    public string? PropertiesHelp(string typeName)
    {
        var klass = _runtime.Types.FindClass(typeName);
        if (klass is null)
        {
            return null;
        }

        var lines = klass.Properties
            .Where(p => p.IsWritable)
            .Select(p => PropertyHelpLine(p.Name, p.Type, p.DefaultValue, p.Description))
            .ToList();
        lines.Sort(StringComparer.Ordinal);

        var text = new StringBuilder();
        text.Append(lines.Count > 0 ? $"{typeName} options:\n" : $"There are no options for {typeName}.\n");
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The help for <c>-object</c> options that asked for it (QEMU's <c>user_creatable_print_help_from_qdict</c>):
    /// the properties of the named type, or the type list when the type is missing or unknown.
    /// </summary>
    public string Help(string? typeName) => (typeName is null ? null : PropertiesHelp(typeName)) ?? TypesHelp();

    /// <summary>One property's help line (QEMU's <c>object_property_help</c>): <c>  name=&lt;type&gt;</c>, padded to 24 columns before " - description (default: JSON)".</summary>
    public static string PropertyHelpLine(string name, string type, QObject? defaultValue, string? description)
    {
        var line = new StringBuilder().Append("  ").Append(name).Append("=<").Append(type).Append('>');
        if (description is not null || defaultValue is not null)
        {
            if (line.Length < 24)
            {
                line.Append(' ', 24 - line.Length);
            }

            line.Append(" - ");
        }

        line.Append(description);
        if (defaultValue is not null)
        {
            line.Append(" (default: ").Append(defaultValue.ToString()).Append(')');
        }

        return line.ToString();
    }
}
