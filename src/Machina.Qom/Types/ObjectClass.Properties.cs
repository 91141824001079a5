using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qom;

// The typed class property helpers (QEMU's object_class_property_add_str, _bool, _enum, _uintN_ptr,
// _link). Each getter and setter works on the object as TObject, the .NET class of the type.
public partial class ObjectClass
{
    /// <summary>Adds a <c>string</c> class property; a null getter or setter makes it write- or read-only (QEMU's <c>object_class_property_add_str</c>).</summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddStringProperty<TObject>(string name, Func<TObject, string?>? getter, Action<TObject, string>? setter)
        where TObject : class =>
        AddProperty(name, "string", TypedAccessors.StringGetter(getter), TypedAccessors.StringSetter(setter));

    /// <summary>Adds a <c>bool</c> class property (QEMU's <c>object_class_property_add_bool</c>).</summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddBoolProperty<TObject>(string name, Func<TObject, bool>? getter, Action<TObject, bool>? setter)
        where TObject : class =>
        AddProperty(name, "bool", TypedAccessors.Getter(getter, Visits.Bool), TypedAccessors.Setter(setter, Visits.Bool));

    /// <summary>
    /// Adds a class property of the QAPI enum <typeparamref name="TEnum"/>, visited by wire name; its
    /// type name is the enum's QAPI name unless <paramref name="typeName"/> says otherwise (QEMU's
    /// <c>object_class_property_add_enum</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddEnumProperty<TObject, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string name, Func<TObject, TEnum>? getter, Action<TObject, TEnum>? setter, string? typeName = null)
        where TObject : class
        where TEnum : struct, Enum
    {
        var property = AddProperty(name, typeName ?? QapiTypeNames.Of(typeof(TEnum)),
            TypedAccessors.Getter(getter, Visits.Enum<TEnum>()), TypedAccessors.Setter(setter, Visits.Enum<TEnum>()));
        property.EnumNames = QapiEnum.GetNames<TEnum>();
        return property;
    }

    /// <summary>Adds an <c>int8</c> class property.</summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddInt8Property<TObject>(string name, Func<TObject, sbyte>? getter, Action<TObject, sbyte>? setter = null)
        where TObject : class =>
        AddProperty(name, "int8", TypedAccessors.Getter(getter, Visits.Int8), TypedAccessors.Setter(setter, Visits.Int8));

    /// <summary>Adds an <c>int16</c> class property.</summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddInt16Property<TObject>(string name, Func<TObject, short>? getter, Action<TObject, short>? setter = null)
        where TObject : class =>
        AddProperty(name, "int16", TypedAccessors.Getter(getter, Visits.Int16), TypedAccessors.Setter(setter, Visits.Int16));

    /// <summary>Adds an <c>int32</c> class property.</summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddInt32Property<TObject>(string name, Func<TObject, int>? getter, Action<TObject, int>? setter = null)
        where TObject : class =>
        AddProperty(name, "int32", TypedAccessors.Getter(getter, Visits.Int32), TypedAccessors.Setter(setter, Visits.Int32));

    /// <summary>
    /// Adds a signed 64-bit class property; its type name is <c>int64</c> unless
    /// <paramref name="typeName"/> says otherwise (QEMU calls many of these <c>int</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddInt64Property<TObject>(string name, Func<TObject, long>? getter, Action<TObject, long>? setter = null, string typeName = "int64")
        where TObject : class =>
        AddProperty(name, typeName, TypedAccessors.Getter(getter, Visits.Int64), TypedAccessors.Setter(setter, Visits.Int64));

    /// <summary>Adds a <c>uint8</c> class property (QEMU's <c>object_class_property_add_uint8_ptr</c>).</summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddUInt8Property<TObject>(string name, Func<TObject, byte>? getter, Action<TObject, byte>? setter = null)
        where TObject : class =>
        AddProperty(name, "uint8", TypedAccessors.Getter(getter, Visits.UInt8), TypedAccessors.Setter(setter, Visits.UInt8));

    /// <summary>Adds a <c>uint16</c> class property (QEMU's <c>object_class_property_add_uint16_ptr</c>).</summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddUInt16Property<TObject>(string name, Func<TObject, ushort>? getter, Action<TObject, ushort>? setter = null)
        where TObject : class =>
        AddProperty(name, "uint16", TypedAccessors.Getter(getter, Visits.UInt16), TypedAccessors.Setter(setter, Visits.UInt16));

    /// <summary>Adds a <c>uint32</c> class property (QEMU's <c>object_class_property_add_uint32_ptr</c>).</summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddUInt32Property<TObject>(string name, Func<TObject, uint>? getter, Action<TObject, uint>? setter = null, string typeName = "uint32")
        where TObject : class =>
        AddProperty(name, typeName, TypedAccessors.Getter(getter, Visits.UInt32), TypedAccessors.Setter(setter, Visits.UInt32));

    /// <summary>Adds a <c>uint64</c> class property (QEMU's <c>object_class_property_add_uint64_ptr</c>).</summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddUInt64Property<TObject>(string name, Func<TObject, ulong>? getter, Action<TObject, ulong>? setter = null)
        where TObject : class =>
        AddProperty(name, "uint64", TypedAccessors.Getter(getter, Visits.UInt64), TypedAccessors.Setter(setter, Visits.UInt64));

    /// <summary>
    /// Adds a byte-count class property, visited as a QAPI <c>size</c> (so strings may carry suffixes
    /// like <c>1G</c>); its type name is <c>size</c> unless <paramref name="typeName"/> says otherwise.
    /// </summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddSizeProperty<TObject>(string name, Func<TObject, ulong>? getter, Action<TObject, ulong>? setter = null, string typeName = "size")
        where TObject : class =>
        AddProperty(name, typeName, TypedAccessors.Getter(getter, Visits.Size), TypedAccessors.Setter(setter, Visits.Size));

    /// <summary>Adds a <c>number</c> (double) class property.</summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddNumberProperty<TObject>(string name, Func<TObject, double>? getter, Action<TObject, double>? setter = null)
        where TObject : class =>
        AddProperty(name, "number", TypedAccessors.Getter(getter, Visits.Number), TypedAccessors.Setter(setter, Visits.Number));

    /// <summary>
    /// Adds a class property holding a QAPI struct, union or alternate, visited whole; its type name
    /// is the QAPI type's name (<c>BootConfiguration</c>). Any QAPI type can be a property type this way.
    /// </summary>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddQapiProperty<TObject, TValue>(string name, Func<TObject, TValue>? getter, Action<TObject, TValue>? setter)
        where TObject : class
        where TValue : class, IQapiType<TValue> =>
        AddProperty(name, QapiTypeNames.Of(typeof(TValue)), TypedAccessors.QapiGetter(getter), TypedAccessors.QapiSetter(setter));

    /// <summary>
    /// Adds a <c>link&lt;<paramref name="targetType"/>&gt;</c> class property (QEMU's
    /// <c>object_class_property_add_link</c>). Its value is the target's canonical path; setting it
    /// resolves a path (partial paths included) to an object that must be a
    /// <paramref name="targetType"/>, then asks <paramref name="check"/>. Without a check the link is
    /// read-only. A strong link holds a reference to its target.
    /// </summary>
    /// <param name="name">The property's name.</param>
    /// <param name="targetType">The type the target must be.</param>
    /// <param name="getter">Reads the object's current target.</param>
    /// <param name="setter">Stores a new target (null clears it).</param>
    /// <param name="check">Vets a new target, or null for a read-only link; <see cref="LinkChecks.AllowSet"/> accepts any.</param>
    /// <param name="strong">True when the link holds a reference to its target.</param>
    /// <exception cref="InvalidOperationException">A property of that name exists in the class or an ancestor.</exception>
    public ObjectProperty AddLinkProperty<TObject>(string name, string targetType, Func<TObject, QomObject?> getter,
        Action<TObject, QomObject?> setter, LinkCheck? check, bool strong = false)
        where TObject : class
    {
        ArgumentNullException.ThrowIfNull(getter);
        ArgumentNullException.ThrowIfNull(setter);
        var link = new LinkAccessors(
            obj => getter(TypedAccessors.Self<TObject>(obj, name)),
            (obj, target) => setter(TypedAccessors.Self<TObject>(obj, name), target),
            check, strong);
        return AddProperty(name, $"link<{targetType}>", link.Get, check is null ? null : link.Set, link.Release, link.Resolve);
    }
}

/// <summary>The scalar visits the typed helpers use, as delegates.</summary>
internal static class Visits
{
    public static readonly ScalarVisit<bool> Bool = (Visitor v, string name, ref bool value) => v.VisitBool(name, ref value);
    public static readonly ScalarVisit<sbyte> Int8 = (Visitor v, string name, ref sbyte value) => v.VisitInt8(name, ref value);
    public static readonly ScalarVisit<short> Int16 = (Visitor v, string name, ref short value) => v.VisitInt16(name, ref value);
    public static readonly ScalarVisit<int> Int32 = (Visitor v, string name, ref int value) => v.VisitInt32(name, ref value);
    public static readonly ScalarVisit<long> Int64 = (Visitor v, string name, ref long value) => v.VisitInt64(name, ref value);
    public static readonly ScalarVisit<byte> UInt8 = (Visitor v, string name, ref byte value) => v.VisitUInt8(name, ref value);
    public static readonly ScalarVisit<ushort> UInt16 = (Visitor v, string name, ref ushort value) => v.VisitUInt16(name, ref value);
    public static readonly ScalarVisit<uint> UInt32 = (Visitor v, string name, ref uint value) => v.VisitUInt32(name, ref value);
    public static readonly ScalarVisit<ulong> UInt64 = (Visitor v, string name, ref ulong value) => v.VisitUInt64(name, ref value);
    public static readonly ScalarVisit<ulong> Size = (Visitor v, string name, ref ulong value) => v.VisitSize(name, ref value);
    public static readonly ScalarVisit<double> Number = (Visitor v, string name, ref double value) => v.VisitNumber(name, ref value);

    public static ScalarVisit<TEnum> Enum<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>()
        where TEnum : struct, System.Enum => EnumVisit<TEnum>.Instance;

    private static class EnumVisit<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
        where TEnum : struct, System.Enum
    {
        public static readonly ScalarVisit<TEnum> Instance = (Visitor v, string name, ref TEnum value) => v.VisitEnum(name, ref value);
    }
}
