using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Machina.QObjects;

namespace Machina.Qapi.Visitors;

/// <summary>
/// Wire names of generated QAPI enums (QEMU's <c>QEnumLookup</c>, <c>qapi_enum_lookup</c>,
/// <c>qapi_enum_parse</c>).
/// </summary>
/// <remarks>
/// A QAPI enum is a C# enum whose values are 0, 1, 2... in schema order, each carrying
/// <see cref="QapiNameAttribute"/> with its wire name and, when it has features,
/// <see cref="QapiFeaturesAttribute"/>. <see cref="QType"/> is the built-in exception: its wire
/// names come from <see cref="QTypeNames"/>. The table of an enum is built once, on first use.
/// </remarks>
public static class QapiEnum
{
    /// <summary>
    /// The most values a tolerant input visit (<see cref="Visitor.KeepUnknown"/>) keeps for one enum
    /// type: a peer that sends ever new names cannot grow memory without bound.
    /// </summary>
    public const int MaxUnknownValues = 4096;

    /// <summary>
    /// The wire name of <paramref name="value"/>, for example <c>"value1"</c>; for an unknown value a
    /// tolerant input visit kept, the name it read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is neither a value the schema defines nor a kept unknown one.</exception>
    /// <exception cref="InvalidOperationException"><typeparamref name="TEnum"/> is not a QAPI enum.</exception>
    public static string ToQapiName<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        QapiEnumTable<TEnum>.Instance.NameOfAny(QapiEnumTable<TEnum>.ToIndex(value))
        ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"not a value of the QAPI enum {typeof(TEnum).Name}");

    /// <summary>
    /// Whether <paramref name="value"/> is one the schema defines, as opposed to an unknown value a
    /// tolerant input visit kept (those are negative).
    /// </summary>
    public static bool IsKnown<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        QapiEnumTable<TEnum>.Instance.NameOf(QapiEnumTable<TEnum>.ToIndex(value)) is not null;

    /// <summary>The value whose wire name is <paramref name="name"/> (exact, case-sensitive match).</summary>
    /// <returns>False when no value has that name.</returns>
    public static bool TryParse<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string name, out TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(name);
        var table = QapiEnumTable<TEnum>.Instance;
        if (table.TryGetIndex(name, out var index))
        {
            value = QapiEnumTable<TEnum>.FromIndex(index);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The value whose wire name is <paramref name="name"/>.</summary>
    /// <exception cref="QapiException">No value has that name: QEMU's "invalid parameter value: NAME".</exception>
    public static TEnum Parse<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string name)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(name, out var value) ? value : throw new QapiException($"invalid parameter value: {name}");

    /// <summary>The wire names of <typeparamref name="TEnum"/>, in schema order (index = numeric value).</summary>
    public static IReadOnlyList<string> GetNames<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>()
        where TEnum : struct, Enum => QapiEnumTable<TEnum>.Instance.Names;

    /// <summary>The special features (<c>deprecated</c>, <c>unstable</c>) of <paramref name="value"/>.</summary>
    public static QapiSpecialFeatures GetSpecialFeatures<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var table = QapiEnumTable<TEnum>.Instance;
        var index = QapiEnumTable<TEnum>.ToIndex(value);
        return table.Features is { } features && (uint)index < (uint)features.Length
            ? features[index]
            : QapiSpecialFeatures.None;
    }
}

/// <summary>The names and special features of one QAPI enum type.</summary>
internal sealed class QapiEnumTable
{
    private readonly Dictionary<string, int> _byName;
    private readonly Lock _unknownLock = new();
    private readonly List<string> _unknown = [];
    private readonly Dictionary<string, int> _unknownByName = new(StringComparer.Ordinal);

    private QapiEnumTable(string[] names, QapiSpecialFeatures[]? features)
    {
        Names = names;
        Features = features;
        _byName = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _byName.Add(names[i], i);
        }
    }

    /// <summary>Wire names by value.</summary>
    public string[] Names { get; }

    /// <summary>Special features by value; null when no value has any.</summary>
    public QapiSpecialFeatures[]? Features { get; }

    public bool TryGetIndex(string name, out int index) => _byName.TryGetValue(name, out index);

    public string? NameOf(int index) => (uint)index < (uint)Names.Length ? Names[index] : null;

    /// <summary>The name of a defined value or of an unknown one kept by <see cref="Intern"/>.</summary>
    public string? NameOfAny(int index)
    {
        if (index >= 0)
        {
            return NameOf(index);
        }

        lock (_unknownLock)
        {
            var slot = -index - 1;
            return slot < _unknown.Count ? _unknown[slot] : null;
        }
    }

    /// <summary>
    /// The negative value standing for the unknown name <paramref name="name"/> (-1 for the first
    /// one met, -2 for the next, ...), the same for the same name for the life of the process.
    /// </summary>
    /// <exception cref="QapiException">More than <see cref="QapiEnum.MaxUnknownValues"/> unknown names were met.</exception>
    public int Intern(string name)
    {
        lock (_unknownLock)
        {
            if (_unknownByName.TryGetValue(name, out var known))
            {
                return known;
            }

            if (_unknown.Count >= QapiEnum.MaxUnknownValues)
            {
                throw new QapiException($"Value '{name}' is unknown and {QapiEnum.MaxUnknownValues} unknown values are kept already");
            }

            _unknown.Add(name);
            var value = -_unknown.Count;
            _unknownByName.Add(name, value);
            return value;
        }
    }

    /// <summary>Reads the table of <paramref name="type"/> from its attributes.</summary>
    /// <exception cref="InvalidOperationException">The type is not shaped like a generated QAPI enum.</exception>
    public static QapiEnumTable Build([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type type)
    {
        if (Enum.GetUnderlyingType(type) != typeof(int))
        {
            throw new InvalidOperationException($"{type.Name} is not a QAPI enum: its underlying type must be int");
        }

        if (type == typeof(QType))
        {
            var qtypes = Enum.GetValues<QType>();
            var qtypeNames = new string[qtypes.Length];
            foreach (var qtype in qtypes)
            {
                qtypeNames[(int)qtype] = QTypeNames.ToQapiName(qtype);
            }

            return new QapiEnumTable(qtypeNames, null);
        }

        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static);
        var names = new string[fields.Length];
        QapiSpecialFeatures[]? features = null;
        foreach (var field in fields)
        {
            var value = (int)field.GetRawConstantValue()!;
            if ((uint)value >= (uint)fields.Length || names[value] is not null)
            {
                throw new InvalidOperationException(
                    $"{type.Name} is not a QAPI enum: its values must be 0 to {fields.Length - 1}, each once ({field.Name} is {value})");
            }

            names[value] = field.GetCustomAttribute<QapiNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.Name}.{field.Name} has no [QapiName]");
            var special = field.GetCustomAttribute<QapiFeaturesAttribute>()?.SpecialFeatures ?? QapiSpecialFeatures.None;
            if (special != QapiSpecialFeatures.None)
            {
                features ??= new QapiSpecialFeatures[fields.Length];
                features[value] = special;
            }
        }

        return new QapiEnumTable(names, features);
    }
}

/// <summary>The table of <typeparamref name="TEnum"/>, built on first use.</summary>
internal static class QapiEnumTable<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
    where TEnum : struct, Enum
{
    private static readonly QapiEnumTable? Table;
    private static readonly InvalidOperationException? Error;

#pragma warning disable CA1810 // The initializer keeps a malformed enum's error for every use.
    static QapiEnumTable()
#pragma warning restore CA1810
    {
        try
        {
            Table = QapiEnumTable.Build(typeof(TEnum));
        }
        catch (InvalidOperationException e)
        {
            Error = e;
        }
    }

    /// <summary>The table.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="TEnum"/> is not shaped like a QAPI enum.</exception>
    public static QapiEnumTable Instance => Table ?? throw new InvalidOperationException(Error!.Message, Error);

    public static int ToIndex(TEnum value) => Unsafe.As<TEnum, int>(ref value);

    public static TEnum FromIndex(int index) => Unsafe.As<int, TEnum>(ref index);
}

/// <summary>Instance helpers on the table for a typed value.</summary>
internal static class QapiEnumTableExtensions
{
    public static string? NameOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(this QapiEnumTable table, TEnum value)
        where TEnum : struct, Enum => table.NameOf(QapiEnumTable<TEnum>.ToIndex(value));
}
