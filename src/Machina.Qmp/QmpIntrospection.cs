using Machina.QObjects;

namespace Machina.Qmp;

/// <summary>
/// Builds the <c>query-qmp-schema</c> value of a server whose commands come from several schemas:
/// Machina's own (qapi/machina.json) and a host's (QOM's, a program's), each with its generated
/// introspection.
/// </summary>
/// <remarks>
/// QEMU describes one schema, so a type has one name; here each schema numbers its types on its
/// own. The entities are therefore combined under their real names, then masked as QEMU masks
/// them: built-in types keep their names, an array is <c>[</c>its element type's name<c>]</c>,
/// every other type becomes a number, counted in the order the combined value first mentions it.
/// </remarks>
public static class QmpIntrospection
{
    private static readonly HashSet<string> TypeReferences = new(StringComparer.Ordinal) { "type", "arg-type", "ret-type", "element-type" };

    /// <summary>
    /// Combines the unmasked SchemaInfo lists of several schemas (each from its generated
    /// <c>QueryQmpSchema(unmask: true)</c>) into one, in their order; an entity that appears in
    /// more than one (a built-in type, <c>q_empty</c>, a type both include) is kept once.
    /// </summary>
    /// <param name="unmaskedSchemas">The schemas' SchemaInfo lists with real type names.</param>
    /// <param name="unmask">True to keep the real type names; false (QEMU's default) masks them.</param>
    /// <exception cref="ArgumentException">
    /// A list holds something that is not a SchemaInfo object, or two schemas describe an entity of
    /// the same name differently (they disagree on what the name means).
    /// </exception>
    public static QList Combine(IEnumerable<QList> unmaskedSchemas, bool unmask = false)
    {
        ArgumentNullException.ThrowIfNull(unmaskedSchemas);
        var entities = new Dictionary<string, QDict>(StringComparer.Ordinal);
        var combined = new QList();
        foreach (var schema in unmaskedSchemas)
        {
            ArgumentNullException.ThrowIfNull(schema, nameof(unmaskedSchemas));
            foreach (var item in schema)
            {
                if (item is not QDict entity || !entity.TryGetString("name", out var name))
                {
                    throw new ArgumentException($"not a SchemaInfo object: {item}", nameof(unmaskedSchemas));
                }

                if (entities.TryGetValue(name, out var known))
                {
                    if (!known.Equals(entity))
                    {
                        throw new ArgumentException($"two schemas describe '{name}' differently", nameof(unmaskedSchemas));
                    }

                    continue;
                }

                entities.Add(name, entity);
                combined.Add(entity.DeepClone());
            }
        }

        return unmask ? combined : Mask(combined, entities);
    }

    private static QList Mask(QList combined, Dictionary<string, QDict> entities)
    {
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);

        string MaskName(string name)
        {
            if (name.Length > 2 && name[0] == '[' && name[^1] == ']')
            {
                return "[" + MaskName(name[1..^1]) + "]";
            }

            if (entities.TryGetValue(name, out var entity) && entity.TryGetString("meta-type", out var metaType) && metaType == "builtin")
            {
                return name;
            }

            if (!numbers.TryGetValue(name, out var number))
            {
                number = numbers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                numbers.Add(name, number);
            }

            return number;
        }

        void MaskReferences(QDict dict)
        {
            foreach (var key in dict.Keys.ToList())
            {
                switch (dict[key])
                {
                    case QString reference when TypeReferences.Contains(key):
                        dict[key] = MaskName(reference.Value);
                        break;
                    case QList list:
                        foreach (var element in list)
                        {
                            if (element is QDict member)
                            {
                                MaskReferences(member);
                            }
                        }

                        break;
                }
            }
        }

        foreach (var item in combined)
        {
            var entity = (QDict)item;
            var name = ((QString)entity["name"]).Value;
            if (entity.TryGetString("meta-type", out var metaType) && metaType is not ("command" or "event"))
            {
                entity["name"] = MaskName(name);
            }

            MaskReferences(entity);
        }

        return combined;
    }
}
