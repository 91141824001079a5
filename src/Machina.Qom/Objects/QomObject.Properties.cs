using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom;

// Properties of one object: its class's and its own (QEMU's object_property_* functions).
public partial class QomObject
{
    // QEMU tries "name[0]", "name[1]"... up to INT16_MAX for a name ending in "[*]".
    private const int MaxArrayIndex = short.MaxValue;

    /// <summary>
    /// Every property of the object: its class properties from the root type's down, then its own
    /// in the order they were added (QEMU's order is its hash tables').
    /// </summary>
    public IEnumerable<ObjectProperty> Properties
    {
        get
        {
            foreach (var property in Class.Properties)
            {
                yield return property;
            }

            foreach (var property in ObjectProperties.Snapshot())
            {
                yield return property;
            }
        }
    }

    /// <summary>The object's own properties (not its class's), in the order they were added.</summary>
    public IReadOnlyList<ObjectProperty> OwnProperties => ObjectProperties.Snapshot();

    /// <summary>
    /// Adds a property to this object alone (QEMU's <c>object_property_try_add</c>). A name ending in
    /// <c>[*]</c> takes the first free index: <c>mem[*]</c> becomes <c>mem[0]</c>, then <c>mem[1]</c>.
    /// </summary>
    /// <returns>The new property.</returns>
    /// <exception cref="QapiException">A property of that name exists: "attempt to add duplicate property 'NAME' to object (type 'TYPE')".</exception>
    public ObjectProperty AddProperty(string name, string type, PropertyAccessor? getter, PropertyAccessor? setter,
        PropertyRelease? release = null, PropertyResolver? resolver = null) =>
        AddProperty(name, type, getter, setter, release, resolver, child: null);

    /// <summary>The property <paramref name="name"/>: a class property, else one of the object's own (QEMU's <c>object_property_find</c>).</summary>
    public ObjectProperty? FindProperty(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Class.FindProperty(name) ?? (ObjectProperties.TryGet(name, out var own) ? own : null);
    }

    /// <summary>The property <paramref name="name"/>, or QEMU's error.</summary>
    /// <exception cref="QapiException">"Property 'TYPE.NAME' not found".</exception>
    public ObjectProperty GetProperty(string name) =>
        FindProperty(name) ?? throw new QapiException($"Property '{TypeName}.{name}' not found");

    /// <summary>Removes the object's own property <paramref name="name"/>, releasing it (QEMU's <c>object_property_del</c>).</summary>
    /// <exception cref="InvalidOperationException">The object has no property of that name of its own.</exception>
    public void DeleteProperty(string name)
    {
        if (!ObjectProperties.TryGet(name, out var property))
        {
            throw new InvalidOperationException($"{Describe()} has no property '{name}' of its own to delete");
        }

        property.RunRelease(this);
        ObjectProperties.Remove(property);
    }

    /// <summary>Sets the description of the object's own property <paramref name="name"/>.</summary>
    /// <exception cref="QapiException">No such property.</exception>
    public void SetPropertyDescription(string name, string? description) => GetProperty(name).Description = description;

    /// <summary>The type name of property <paramref name="name"/> (QEMU's <c>object_property_get_type</c>).</summary>
    /// <exception cref="QapiException">No such property.</exception>
    public string GetPropertyType(string name) => GetProperty(name).Type;

    // ---- Through a visitor ---------------------------------------------------------------------

    /// <summary>Reads property <paramref name="name"/> into the output visitor <paramref name="visitor"/> (QEMU's <c>object_property_get</c>).</summary>
    /// <exception cref="QapiException">No such property, it is write-only ("Property 'T.N' is not readable"), or its getter failed.</exception>
    public void GetProperty(string name, Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var property = GetProperty(name);
        var getter = property.Getter ?? throw new QapiException($"Property '{TypeName}.{name}' is not readable");
        getter(this, visitor, name);
    }

    /// <summary>Writes property <paramref name="name"/> from the input visitor <paramref name="visitor"/> (QEMU's <c>object_property_set</c>).</summary>
    /// <exception cref="QapiException">No such property, it is read-only ("Property 'T.N' is not writable"), or the value was refused.</exception>
    public void SetProperty(string name, Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var property = GetProperty(name);
        var setter = property.Setter ?? throw new QapiException($"Property '{TypeName}.{name}' is not writable");
        setter(this, visitor, name);
    }

    /// <summary>The value of property <paramref name="name"/> as a QObject (QEMU's <c>object_property_get_qobject</c>).</summary>
    /// <exception cref="QapiException">As <see cref="GetProperty(string, Visitor)"/>.</exception>
    public QObject GetPropertyValue(string name)
    {
        var output = new QObjectOutputVisitor();
        GetProperty(name, output);
        return output.Complete();
    }

    /// <summary>Sets property <paramref name="name"/> from a QObject, as <c>qom-set</c> does (QEMU's <c>object_property_set_qobject</c>).</summary>
    /// <exception cref="QapiException">As <see cref="SetProperty(string, Visitor)"/>.</exception>
    public void SetPropertyValue(string name, QObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        SetProperty(name, new QObjectInputVisitor(value));
    }

    /// <summary>Sets property <paramref name="name"/> from a string, as <c>-global</c> and QEMU's <c>object_new_with_props</c> do (QEMU's <c>object_property_parse</c>).</summary>
    /// <exception cref="QapiException">As <see cref="SetProperty(string, Visitor)"/>.</exception>
    public void ParseProperty(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        SetProperty(name, new StringInputVisitor(value));
    }

    /// <summary>The value of property <paramref name="name"/> as a string (QEMU's <c>object_property_print</c>).</summary>
    /// <param name="name">The property.</param>
    /// <param name="human">Human form: integers also in hex, sizes with a unit.</param>
    /// <exception cref="QapiException">As <see cref="GetProperty(string, Visitor)"/>, or the value is not a scalar.</exception>
    public string PrintProperty(string name, bool human = false)
    {
        var output = new StringOutputVisitor(human);
        GetProperty(name, output);
        return output.Complete();
    }

    // ---- Typed ---------------------------------------------------------------------------------

    /// <summary>Sets a string property (QEMU's <c>object_property_set_str</c>).</summary>
    /// <exception cref="QapiException">As <see cref="SetPropertyValue"/>.</exception>
    public void SetString(string name, string value) => SetPropertyValue(name, new QString(value));

    /// <summary>Reads a string property (QEMU's <c>object_property_get_str</c>).</summary>
    /// <exception cref="QapiException">As <see cref="GetPropertyValue"/>, or the value is not a string.</exception>
    public string GetString(string name) =>
        GetPropertyValue(name) is QString s ? s.Value : throw QapiException.InvalidParameterType(name, "string");

    /// <summary>Sets a boolean property (QEMU's <c>object_property_set_bool</c>).</summary>
    /// <exception cref="QapiException">As <see cref="SetPropertyValue"/>.</exception>
    public void SetBool(string name, bool value) => SetPropertyValue(name, QBool.From(value));

    /// <summary>Reads a boolean property (QEMU's <c>object_property_get_bool</c>).</summary>
    /// <exception cref="QapiException">As <see cref="GetPropertyValue"/>, or the value is not a boolean.</exception>
    public bool GetBool(string name) =>
        GetPropertyValue(name) is QBool b ? b.Value : throw QapiException.InvalidParameterType(name, "boolean");

    /// <summary>Sets an integer property (QEMU's <c>object_property_set_int</c>).</summary>
    /// <exception cref="QapiException">As <see cref="SetPropertyValue"/>.</exception>
    public void SetInt(string name, long value) => SetPropertyValue(name, new QNum(value));

    /// <summary>Reads an integer property (QEMU's <c>object_property_get_int</c>).</summary>
    /// <exception cref="QapiException">As <see cref="GetPropertyValue"/>, or the value is not an int64.</exception>
    public long GetInt(string name) =>
        GetPropertyValue(name) is QNum n && n.TryGetInt64(out var value) ? value : throw QapiException.InvalidParameterType(name, "int");

    /// <summary>Sets an unsigned integer property (QEMU's <c>object_property_set_uint</c>).</summary>
    /// <exception cref="QapiException">As <see cref="SetPropertyValue"/>.</exception>
    public void SetUInt(string name, ulong value) => SetPropertyValue(name, new QNum(value));

    /// <summary>Reads an unsigned integer property (QEMU's <c>object_property_get_uint</c>).</summary>
    /// <exception cref="QapiException">As <see cref="GetPropertyValue"/>, or the value is not a uint64.</exception>
    public ulong GetUInt(string name) =>
        GetPropertyValue(name) is QNum n && n.TryGetUInt64(out var value) ? value : throw QapiException.InvalidParameterType(name, "uint");

    /// <summary>
    /// Reads an enum property as its value's index, checking that the property's type is the enum
    /// <paramref name="enumTypeName"/> (QEMU's <c>object_property_get_enum</c>).
    /// </summary>
    /// <exception cref="QapiException">No such property; it is not of that enum type ("Property N on T is not 'E' enum type"); or reading failed.</exception>
    public int GetEnum(string name, string enumTypeName)
    {
        var property = GetProperty(name);
        if (!string.Equals(property.Type, enumTypeName, StringComparison.Ordinal) || property.EnumNames is not { } names)
        {
            throw new QapiException($"Property {name} on {TypeName} is not '{enumTypeName}' enum type");
        }

        var text = GetString(name);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new QapiException($"invalid parameter value: {text}");
    }

    /// <summary>Reads an enum property whose type is the QAPI enum <typeparamref name="TEnum"/>.</summary>
    /// <exception cref="QapiException">As <see cref="GetEnum(string, string)"/>.</exception>
    public TEnum GetEnum<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string name)
        where TEnum : struct, Enum
    {
        var index = GetEnum(name, QapiTypeNames.Of(typeof(TEnum)));
        return (TEnum)Enum.ToObject(typeof(TEnum), index);
    }

    /// <summary>Points link property <paramref name="name"/> at <paramref name="target"/>, or clears it with null (QEMU's <c>object_property_set_link</c>).</summary>
    /// <exception cref="QapiException">As <see cref="SetPropertyValue"/>.</exception>
    public void SetLink(string name, QomObject? target) => SetString(name, target?.CanonicalPath ?? string.Empty);

    /// <summary>The object link property <paramref name="name"/> points at, or null (QEMU's <c>object_property_get_link</c>).</summary>
    /// <exception cref="QapiException">As <see cref="GetString"/>; or the path no longer resolves (DeviceNotFound, "Device 'PATH' not found").</exception>
    public QomObject? GetLink(string name)
    {
        var path = GetString(name);
        if (path.Length == 0)
        {
            return null;
        }

        return Runtime.ResolvePath(path, out _)
            ?? throw new QapiException(QapiErrorClass.DeviceNotFound, $"Device '{path}' not found");
    }

    // ---- Object properties, typed --------------------------------------------------------------

    /// <summary>Adds a <c>string</c> property to this object (QEMU's <c>object_property_add_str</c>); a null getter or setter makes it write- or read-only.</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddStringProperty(string name, Func<string?>? getter, Action<string>? setter) =>
        AddProperty(name, "string", TypedAccessors.StringGetter<QomObject>(Adapt(getter)), TypedAccessors.StringSetter<QomObject>(Adapt(setter)));

    /// <summary>Adds a <c>bool</c> property to this object (QEMU's <c>object_property_add_bool</c>).</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddBoolProperty(string name, Func<bool>? getter, Action<bool>? setter) =>
        AddProperty(name, "bool", TypedAccessors.Getter<QomObject, bool>(Adapt(getter), Visits.Bool), TypedAccessors.Setter<QomObject, bool>(Adapt(setter), Visits.Bool));

    /// <summary>Adds a property of the QAPI enum <typeparamref name="TEnum"/> to this object (QEMU's <c>object_property_add_enum</c>).</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddEnumProperty<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string name, Func<TEnum>? getter, Action<TEnum>? setter, string? typeName = null)
        where TEnum : struct, Enum
    {
        var property = AddProperty(name, typeName ?? QapiTypeNames.Of(typeof(TEnum)),
            TypedAccessors.Getter<QomObject, TEnum>(Adapt(getter), Visits.Enum<TEnum>()), TypedAccessors.Setter<QomObject, TEnum>(Adapt(setter), Visits.Enum<TEnum>()));
        property.EnumNames = QapiEnum.GetNames<TEnum>();
        return property;
    }

    /// <summary>Adds a <c>uint8</c> property to this object (QEMU's <c>object_property_add_uint8_ptr</c>).</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddUInt8Property(string name, Func<byte>? getter, Action<byte>? setter = null) =>
        AddProperty(name, "uint8", TypedAccessors.Getter<QomObject, byte>(Adapt(getter), Visits.UInt8), TypedAccessors.Setter<QomObject, byte>(Adapt(setter), Visits.UInt8));

    /// <summary>Adds a <c>uint16</c> property to this object (QEMU's <c>object_property_add_uint16_ptr</c>).</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddUInt16Property(string name, Func<ushort>? getter, Action<ushort>? setter = null) =>
        AddProperty(name, "uint16", TypedAccessors.Getter<QomObject, ushort>(Adapt(getter), Visits.UInt16), TypedAccessors.Setter<QomObject, ushort>(Adapt(setter), Visits.UInt16));

    /// <summary>Adds a <c>uint32</c> property to this object (QEMU's <c>object_property_add_uint32_ptr</c>).</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddUInt32Property(string name, Func<uint>? getter, Action<uint>? setter = null) =>
        AddProperty(name, "uint32", TypedAccessors.Getter<QomObject, uint>(Adapt(getter), Visits.UInt32), TypedAccessors.Setter<QomObject, uint>(Adapt(setter), Visits.UInt32));

    /// <summary>Adds a <c>uint64</c> property to this object (QEMU's <c>object_property_add_uint64_ptr</c>).</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddUInt64Property(string name, Func<ulong>? getter, Action<ulong>? setter = null) =>
        AddProperty(name, "uint64", TypedAccessors.Getter<QomObject, ulong>(Adapt(getter), Visits.UInt64), TypedAccessors.Setter<QomObject, ulong>(Adapt(setter), Visits.UInt64));

    /// <summary>Adds an <c>int8</c> property to this object.</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddInt8Property(string name, Func<sbyte>? getter, Action<sbyte>? setter = null) =>
        AddProperty(name, "int8", TypedAccessors.Getter<QomObject, sbyte>(Adapt(getter), Visits.Int8), TypedAccessors.Setter<QomObject, sbyte>(Adapt(setter), Visits.Int8));

    /// <summary>Adds an <c>int16</c> property to this object.</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddInt16Property(string name, Func<short>? getter, Action<short>? setter = null) =>
        AddProperty(name, "int16", TypedAccessors.Getter<QomObject, short>(Adapt(getter), Visits.Int16), TypedAccessors.Setter<QomObject, short>(Adapt(setter), Visits.Int16));

    /// <summary>Adds an <c>int32</c> property to this object.</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddInt32Property(string name, Func<int>? getter, Action<int>? setter = null) =>
        AddProperty(name, "int32", TypedAccessors.Getter<QomObject, int>(Adapt(getter), Visits.Int32), TypedAccessors.Setter<QomObject, int>(Adapt(setter), Visits.Int32));

    /// <summary>Adds an <c>int64</c> property to this object.</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddInt64Property(string name, Func<long>? getter, Action<long>? setter = null) =>
        AddProperty(name, "int64", TypedAccessors.Getter<QomObject, long>(Adapt(getter), Visits.Int64), TypedAccessors.Setter<QomObject, long>(Adapt(setter), Visits.Int64));

    /// <summary>Adds a <c>size</c> property (a byte count) to this object.</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddSizeProperty(string name, Func<ulong>? getter, Action<ulong>? setter = null) =>
        AddProperty(name, "size", TypedAccessors.Getter<QomObject, ulong>(Adapt(getter), Visits.Size), TypedAccessors.Setter<QomObject, ulong>(Adapt(setter), Visits.Size));

    /// <summary>Adds a property holding a QAPI struct, union or alternate, named by its QAPI type name.</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddQapiProperty<TValue>(string name, Func<TValue>? getter, Action<TValue>? setter)
        where TValue : class, IQapiType<TValue> =>
        AddProperty(name, QapiTypeNames.Of(typeof(TValue)),
            TypedAccessors.QapiGetter<QomObject, TValue>(Adapt(getter)), TypedAccessors.QapiSetter<QomObject, TValue>(Adapt(setter)));

    /// <summary>The properties iterated as QEMU's <c>ObjectPropertyIterator</c> does: the object's own, then its class's, nearest class first.</summary>
    internal IEnumerable<ObjectProperty> EnumerateForIteration()
    {
        foreach (var property in ObjectProperties.Snapshot())
        {
            yield return property;
        }

        for (var klass = Class; klass is not null; klass = klass.Parent)
        {
            foreach (var property in klass.OwnProperties.Snapshot())
            {
                yield return property;
            }
        }
    }

    private ObjectProperty AddProperty(string name, string type, PropertyAccessor? getter, PropertyAccessor? setter,
        PropertyRelease? release, PropertyResolver? resolver, QomObject? child)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(type);
        if (name.EndsWith("[*]", StringComparison.Ordinal))
        {
            var stem = name[..^3];
            for (var i = 0; i < MaxArrayIndex; i++)
            {
                var indexed = stem + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (FindProperty(indexed) is null)
                {
                    return AddProperty(indexed, type, getter, setter, release, resolver, child);
                }
            }

            throw new InvalidOperationException($"{Describe()} has no free index for property '{name}'");
        }

        if (FindProperty(name) is not null)
        {
            throw new QapiException($"attempt to add duplicate property '{name}' to object (type '{TypeName}')");
        }

        var property = new ObjectProperty(name, type, getter, setter, release) { Resolver = resolver, Owner = this, Child = child };
        ObjectProperties.Add(property);
        return property;
    }

    private static Func<QomObject, T>? Adapt<T>(Func<T>? getter) => getter is null ? null : _ => getter();

    private static Action<QomObject, T>? Adapt<T>(Action<T>? setter) => setter is null ? null : (_, value) => setter(value);
}
