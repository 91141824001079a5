using System.Globalization;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi.Schema;

namespace Machina.Qapi.Introspection;

/// <summary>
/// A schema's introspection data, the value of <c>query-qmp-schema</c> (QEMU's
/// <c>qmp_schema_qlit</c>), with every <c>'if'</c> condition kept: <see cref="GetSchemaInfo"/>
/// evaluates them for a set of symbols and masks type names as QEMU does, or not.
/// </summary>
/// <remarks>
/// <para>The generator's <c>{Name}Introspection</c> class holds one. The data is JSON text:
/// <c>{"names": [...], "schema": [...]}</c>. <c>schema</c> is the SchemaInfo list with real type
/// names and each object's keys sorted (as QEMU's literal has them, so QEMU's key order on the
/// wire follows); a list element written <c>[COND, VALUE]</c> is present only when the condition
/// (<c>"SYM"</c>, <c>{"all": [...]}</c>, <c>{"any": [...]}</c>, <c>{"not": ...}</c>) holds. <c>names</c>
/// lists the non-built-in type names in masking order: masked, the type at index N is called "N".</para>
/// <para>Masking replaces the names of types: the <c>name</c> of every entry but commands and events,
/// and every <c>type</c>, <c>arg-type</c>, <c>ret-type</c> and <c>element-type</c>; built-in names
/// stay, arrays become <c>[N]</c>.</para>
/// </remarks>
public sealed class QmpSchemaIntrospection
{
    private static readonly HashSet<string> TypeReferenceKeys = new(StringComparer.Ordinal) { "type", "arg-type", "ret-type", "element-type" };

    private readonly Lazy<(Node Schema, Dictionary<string, string> Masks)> _data;

    /// <summary>Introspection data in the generator's JSON form.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public QmpSchemaIntrospection(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        _data = new Lazy<(Node, Dictionary<string, string>)>(() => Load(json));
    }

    /// <summary>
    /// The SchemaInfo list for the symbols <paramref name="isDefined"/> says are defined: the reply
    /// of a QEMU built with exactly those <c>CONFIG_...</c> and <c>TARGET_...</c> symbols.
    /// </summary>
    /// <param name="isDefined">Whether a condition symbol is defined.</param>
    /// <param name="unmask">True for real type names (QEMU's <c>qapi-gen.py -u</c>); false numbers them as QEMU does by default.</param>
    /// <returns>A new list, which the caller owns.</returns>
    /// <exception cref="FormatException">The data is not in the generator's form.</exception>
    public QList GetSchemaInfo(Func<string, bool> isDefined, bool unmask = false)
    {
        ArgumentNullException.ThrowIfNull(isDefined);
        var (schema, masks) = _data.Value;
        var entries = (ListNode)schema;
        var result = new QList();
        foreach (var (condition, entry) in entries.Items)
        {
            if (condition is null || condition.Evaluate(isDefined))
            {
                result.Add(Build(entry, isDefined, unmask ? null : masks, topLevel: true));
            }
        }

        return result;
    }

    private static QObject Build(Node node, Func<string, bool> isDefined, Dictionary<string, string>? masks, bool topLevel)
    {
        switch (node)
        {
            case LeafNode leaf:
                return leaf.Value;
            case ListNode list:
            {
                var result = new QList();
                foreach (var (condition, item) in list.Items)
                {
                    if (condition is null || condition.Evaluate(isDefined))
                    {
                        result.Add(Build(item, isDefined, masks, topLevel: false));
                    }
                }

                return result;
            }

            default:
            {
                var dict = (DictNode)node;
                var result = new QDict(dict.Entries.Length);
                var hideName = topLevel && masks is not null && !IsCommandOrEvent(dict);
                foreach (var (key, value) in dict.Entries)
                {
                    var built = Build(value, isDefined, masks, topLevel: false);
                    if (masks is not null && built is QString text && (TypeReferenceKeys.Contains(key) || (hideName && key == "name")))
                    {
                        built = new QString(Mask(text.Value, masks));
                    }

                    result.Add(key, built);
                }

                return result;
            }
        }
    }

    private static bool IsCommandOrEvent(DictNode entry)
    {
        foreach (var (key, value) in entry.Entries)
        {
            if (key == "meta-type")
            {
                return value is LeafNode { Value: QString { Value: "command" or "event" } };
            }
        }

        return false;
    }

    private static string Mask(string name, Dictionary<string, string> masks)
    {
        if (name.Length > 2 && name[0] == '[' && name[^1] == ']')
        {
            return "[" + Mask(name[1..^1], masks) + "]";
        }

        return masks.TryGetValue(name, out var masked) ? masked : name;
    }

    private static (Node, Dictionary<string, string>) Load(string json)
    {
        if (QJson.Parse(json) is not QDict root || !root.TryGet<QList>("names", out var names) || !root.TryGet<QList>("schema", out var schema))
        {
            throw new FormatException("introspection data must be an object with the lists 'names' and 'schema'");
        }

        var masks = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i] as QString ?? throw new FormatException($"introspection data: names[{i}] is not a string");
            masks.Add(name.Value, i.ToString(CultureInfo.InvariantCulture));
        }

        return (Prepare(schema), masks);
    }

    private static Node Prepare(QObject value)
    {
        switch (value)
        {
            case QList list:
            {
                var items = new (QapiCondition?, Node)[list.Count];
                for (var i = 0; i < list.Count; i++)
                {
                    items[i] = list[i] is QList { Count: 2 } conditional
                        ? (QapiCondition.FromSchema(conditional[0]), Prepare(conditional[1]))
                        : (null, Prepare(list[i]));
                }

                return new ListNode(items);
            }

            case QDict dict:
            {
                var entries = new (string, Node)[dict.Count];
                var i = 0;
                foreach (var (key, entry) in dict)
                {
                    entries[i++] = (key, Prepare(entry));
                }

                return new DictNode(entries);
            }

            default:
                return new LeafNode(value);
        }
    }

    private abstract class Node;

    private sealed class LeafNode(QObject value) : Node
    {
        public QObject Value { get; } = value;
    }

    private sealed class ListNode((QapiCondition? Condition, Node Item)[] items) : Node
    {
        public (QapiCondition? Condition, Node Item)[] Items { get; } = items;
    }

    private sealed class DictNode((string Key, Node Value)[] entries) : Node
    {
        public (string Key, Node Value)[] Entries { get; } = entries;
    }
}
