using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Qmp.Tests.Conformance;

/// <summary>
/// A <c>query-qmp-schema</c> reply seen by structure: the masked type names (opaque numbers that
/// differ between servers and schemas) are replaced, wherever an entity refers to a type, by that
/// type's own description, recursively. Two servers that describe a command the same way give it
/// the same shape, whatever numbers they chose.
/// </summary>
internal sealed class QmpSchemaShape
{
    private static readonly HashSet<string> TypeReferences = new(StringComparer.Ordinal) { "type", "arg-type", "ret-type", "element-type" };

    private readonly Dictionary<string, QDict> _entities = new(StringComparer.Ordinal);

    public QmpSchemaShape(QList reply)
    {
        foreach (var item in reply)
        {
            var entity = (QDict)item;
            Assert.True(entity.TryGetString("name", out var name), $"an entity without a name: {QJson.ToJson(entity)}");
            Assert.True(_entities.TryAdd(name, entity), $"entity {name} is described twice");
        }
    }

    /// <summary>The names of the entities of one meta-type (<c>command</c>, <c>event</c>, ...), in reply order.</summary>
    public IEnumerable<string> NamesOf(string metaType) =>
        _entities.Values.Where(e => e.TryGetString("meta-type", out var m) && m == metaType).Select(e => ((QString)e["name"]).Value);

    public bool Contains(string name) => _entities.ContainsKey(name);

    /// <summary>The entity <paramref name="name"/> (a command or event) with every type it refers to written out, as JSON.</summary>
    public string Describe(string name) => QJson.ToJson(Expand(_entities[name], keepName: true, []));

    private QObject Resolve(string typeName, HashSet<string> open)
    {
        Assert.True(_entities.TryGetValue(typeName, out var entity), $"type {typeName} is referred to but not described");
        if (entity.TryGetString("meta-type", out var metaType) && metaType == "builtin")
        {
            // Built-in types keep their names: they are not masked.
            return new QString(typeName);
        }

        if (!open.Add(typeName))
        {
            return new QString("<recursion>");
        }

        var shape = Expand(entity, keepName: false, open);
        open.Remove(typeName);
        return shape;
    }

    private QDict Expand(QDict entity, bool keepName, HashSet<string> open)
    {
        var shape = new QDict();
        foreach (var (key, value) in entity)
        {
            if (key == "name" && !keepName)
            {
                continue;
            }

            shape[key] = TypeReferences.Contains(key) && value is QString reference
                ? Resolve(reference.Value, open)
                : ExpandValue(value, open);
        }

        return shape;
    }

    private QObject ExpandValue(QObject value, HashSet<string> open) => value switch
    {
        QDict dict => Expand(dict, keepName: true, open),
        QList list => new QList(list.Select(item => ExpandValue(item, open))),
        _ => value,
    };
}
