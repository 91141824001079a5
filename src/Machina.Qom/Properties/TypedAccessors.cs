using System.Reflection;
using Machina.Qapi.Visitors;

namespace Machina.Qom;

/// <summary>Visits one scalar of type <typeparamref name="T"/> under a name.</summary>
internal delegate void ScalarVisit<T>(Visitor visitor, string name, ref T value);

/// <summary>
/// The accessors behind the typed property helpers (QEMU's <c>property_get_str</c>,
/// <c>property_set_bool</c> and friends): convert between a C# getter or setter and a visit.
/// </summary>
internal static class TypedAccessors
{
    public static TObject Self<TObject>(QomObject obj, string name)
        where TObject : class =>
        obj as TObject ?? throw new InvalidOperationException(
            $"property '{name}' is for {typeof(TObject).Name} objects, not {obj.GetType().Name} ('{obj.TypeName}')");

    public static PropertyAccessor? StringGetter<TObject>(Func<TObject, string?>? get)
        where TObject : class =>
        get is null ? null : (obj, v, name) =>
        {
            var value = get(Self<TObject>(obj, name));
            v.VisitString(name, ref value);
        };

    public static PropertyAccessor? StringSetter<TObject>(Action<TObject, string>? set)
        where TObject : class =>
        set is null ? null : (obj, v, name) =>
        {
            string? value = null;
            v.VisitString(name, ref value);
            set(Self<TObject>(obj, name), value);
        };

    public static PropertyAccessor? Getter<TObject, T>(Func<TObject, T>? get, ScalarVisit<T> visit)
        where TObject : class =>
        get is null ? null : (obj, v, name) =>
        {
            var value = get(Self<TObject>(obj, name));
            visit(v, name, ref value);
        };

    public static PropertyAccessor? Setter<TObject, T>(Action<TObject, T>? set, ScalarVisit<T> visit)
        where TObject : class =>
        set is null ? null : (obj, v, name) =>
        {
            T value = default!;
            visit(v, name, ref value);
            set(Self<TObject>(obj, name), value);
        };

    public static PropertyAccessor? QapiGetter<TObject, TValue>(Func<TObject, TValue>? get)
        where TObject : class
        where TValue : class, IQapiType<TValue> =>
        get is null ? null : (obj, v, name) =>
        {
            TValue? value = get(Self<TObject>(obj, name));
            v.Visit(name, ref value);
        };

    public static PropertyAccessor? QapiSetter<TObject, TValue>(Action<TObject, TValue>? set)
        where TObject : class
        where TValue : class, IQapiType<TValue> =>
        set is null ? null : (obj, v, name) =>
        {
            TValue? value = null;
            v.Visit(name, ref value);
            set(Self<TObject>(obj, name), value);
        };
}

/// <summary>QAPI type names of .NET types, as QOM property types show them.</summary>
internal static class QapiTypeNames
{
    public static string Of(Type type) => type.GetCustomAttribute<QapiNameAttribute>(inherit: false)?.Name ?? type.Name;
}
