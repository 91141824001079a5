using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom;

/// <summary>
/// The options of one user-creatable object: what <c>object-add</c> takes and what <c>-object</c>
/// parses into (QEMU's <c>ObjectOptions</c> union: <c>qom-type</c>, <c>id</c>, and the members of
/// the type's branch).
/// </summary>
/// <remarks>
/// <para><see cref="Read(QObject, QomTypeRegistry, bool, CompatPolicy)"/> checks the options as QEMU's generated union visit does: the type name
/// against QEMU's <c>ObjectType</c> enum (and Machina's own user-creatable types), <c>id</c>, then the
/// branch members against the type's options struct (<see cref="QomTypeInfo.Options"/>), with
/// QEMU's messages. The members are then written back through the output visitor, as QEMU's
/// <c>user_creatable_add_qapi</c> does, so a keyval <c>size=1G</c> reaches the object as a number.</para>
/// <para>A type without an options struct takes its members as they are, unchecked, and the object's
/// properties judge them.</para>
/// </remarks>
public sealed class ObjectOptions
{
    /// <summary>Options for an object of type <paramref name="qomType"/> named <paramref name="id"/> with <paramref name="properties"/>.</summary>
    public ObjectOptions(string qomType, string id, QDict properties, bool propertiesAreKeyval = false)
    {
        ArgumentNullException.ThrowIfNull(qomType);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(properties);
        QomType = qomType;
        Id = id;
        Properties = properties;
        PropertiesAreKeyval = propertiesAreKeyval;
    }

    /// <summary>The type of the object (<c>qom-type</c>).</summary>
    public string QomType { get; }

    /// <summary>The object's id: its name under <c>/objects</c>.</summary>
    public string Id { get; }

    /// <summary>The property values, by property name.</summary>
    public QDict Properties { get; }

    /// <summary>True when <see cref="Properties"/> are keyval strings (unchecked members from <c>-object</c>), to be read as such.</summary>
    public bool PropertiesAreKeyval { get; }

    /// <summary>
    /// Reads and checks options (QEMU's <c>visit_type_ObjectOptions</c>): the arguments of
    /// <c>object-add</c> (<paramref name="keyval"/> false) or a keyval tree of <c>-object</c>
    /// (<paramref name="keyval"/> true, every scalar a string, as qemu-storage-daemon reads it).
    /// </summary>
    /// <param name="input">The options.</param>
    /// <param name="types">The types whose options structs check the members.</param>
    /// <param name="keyval">True for keyval input.</param>
    /// <param name="policy">The compatibility policy for deprecated and unstable members and type names.</param>
    /// <exception cref="QapiException">The options are invalid, with QEMU's message.</exception>
    public static ObjectOptions Read(QObject input, QomTypeRegistry types, bool keyval = false, CompatPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var visitor = new QObjectInputVisitor(input, keyval) { Policy = policy };
        return Read(visitor, types, input as QDict, keyval);
    }

    /// <summary>
    /// Reads and checks options through any input visitor: QEMU's <c>-object</c> reads them through
    /// its QemuOpts visitor. Only types with an options struct can be read this way, since the
    /// visitor cannot hand over members it does not know.
    /// </summary>
    /// <param name="visitor">An input visitor positioned before the options struct.</param>
    /// <param name="types">The types whose options structs check the members.</param>
    /// <exception cref="QapiException">The options are invalid, or the type has no options struct ("invalid object type: T").</exception>
    public static ObjectOptions Read(Visitor visitor, QomTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return Read(visitor, types, null, keyval: false);
    }

    private static ObjectOptions Read(Visitor v, QomTypeRegistry types, QDict? input, bool keyval)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (!v.IsInput)
        {
            throw new ArgumentException("options are read with an input visitor", nameof(v));
        }

        v.StartStruct(null);

        string? qomType = null;
        v.VisitString("qom-type", ref qomType);
        CheckTypeName(qomType, types, v.Policy);

        string? id = null;
        v.VisitString("id", ref id);

        var options = types.FindType(qomType)?.Options;
        if (options is null)
        {
            if (input is null)
            {
                throw new QapiException($"invalid object type: {qomType}");
            }

            // No struct to check the members against: hand them over as they are.
            var members = new QDict();
            foreach (var (key, value) in input)
            {
                if (key is not ("qom-type" or "id"))
                {
                    members[key] = value;
                }
            }

            v.EndStruct();
            return new ObjectOptions(qomType, id, members, keyval);
        }

        var properties = options.Read(v);
        v.CheckStruct();
        v.EndStruct();
        return new ObjectOptions(qomType, id, properties);
    }

    /// <summary>
    /// Writes the options back as one dictionary, <c>qom-type</c> and <c>id</c> first (as QEMU's
    /// output visitor writes <c>ObjectOptions</c>).
    /// </summary>
    public QDict ToQDict()
    {
        var result = new QDict { ["qom-type"] = QomType, ["id"] = Id };
        foreach (var (key, value) in Properties)
        {
            result[key] = value;
        }

        return result;
    }

    private static void CheckTypeName(string name, QomTypeRegistry types, CompatPolicy? policy)
    {
        if (QapiEnum.TryParse<ObjectType>(name, out var known))
        {
            var features = QapiEnum.GetSpecialFeatures(known);
            if (features != QapiSpecialFeatures.None)
            {
                (policy ?? new CompatPolicy()).CheckInput(features, QapiErrorClass.GenericError, "value", name);
            }

            return;
        }

        // Machina's own user-creatable types extend QEMU's list.
        if (types.FindType(name) is { } type && !type.IsAbstract && type.Class.Implements(TypeNames.UserCreatable))
        {
            return;
        }

        throw new QapiException($"Parameter 'qom-type' does not accept value '{name}'");
    }
}
