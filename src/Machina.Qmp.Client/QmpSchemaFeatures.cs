using Machina.QObjects;

namespace Machina.Qmp.Client;

/// <summary>
/// Feature detection over a server's <c>query-qmp-schema</c> reply, as libvirt does it: does a
/// command exist, does it take an argument, does an argument's enum have a value.
/// </summary>
/// <remarks>
/// <para>QEMU hides the names of its types in the reply (they read <c>"1"</c>, <c>"2"</c>...), so
/// questions are asked by path from a command or event, never by type name. A path is
/// <c>NAME</c> or <c>NAME/STEP/STEP...</c>, where NAME is a command or event and each step is:
/// a member name (of the arguments at first, then of the member's type); <c>+VALUE</c>, the
/// union branch for discriminator value VALUE; <c>^VALUE</c>, a value of the enum reached;
/// <c>$FEATURE</c>, a feature of the entity reached. Array types are looked through.
/// <c>blockdev-add/+file/filename</c>, <c>blockdev-add/driver/^file</c>,
/// <c>query-status</c>, <c>SHUTDOWN/reason/^guest-reset</c>.</para>
/// <para>Returned results (<c>ret-type</c>) are reached with the step <c>ret</c> right after the command.</para>
/// </remarks>
public sealed class QmpSchemaFeatures
{
    private readonly Dictionary<string, QDict> _entities = new(StringComparer.Ordinal);

    /// <summary>Reads the <c>query-qmp-schema</c> reply (a list of SchemaInfo objects).</summary>
    /// <exception cref="ArgumentException">The value is not such a list.</exception>
    public QmpSchemaFeatures(QObject schema)
    {
        if (schema is not QList list)
        {
            throw new ArgumentException("query-qmp-schema returns a list of SchemaInfo objects", nameof(schema));
        }

        foreach (var element in list)
        {
            if (element is QDict info && info.TryGetString("name", out var name))
            {
                _entities[name] = info;
            }
        }
    }

    /// <summary>Asks the server for its schema.</summary>
    public static async Task<QmpSchemaFeatures> QueryAsync(QmpClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new QmpSchemaFeatures(await client.ExecuteAsync("query-qmp-schema", null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The names of the server's commands, in the reply's order.</summary>
    public IEnumerable<string> Commands => EntitiesOf("command");

    /// <summary>The names of the server's events, in the reply's order.</summary>
    public IEnumerable<string> Events => EntitiesOf("event");

    /// <summary>Whether the server has command <paramref name="command"/>.</summary>
    public bool HasCommand(string command) => Entity(command, "command") is not null;

    /// <summary>Whether the server has event <paramref name="name"/>.</summary>
    public bool HasEvent(string name) => Entity(name, "event") is not null;

    /// <summary>Whether command <paramref name="command"/> takes argument <paramref name="argument"/> (in any union branch of its arguments).</summary>
    public bool CommandTakesArgument(string command, string argument) => ArgumentsOf(command).Any(m => m == argument);

    /// <summary>The argument names of <paramref name="command"/> (all union branches' included), for completion; empty for an unknown command.</summary>
    public IReadOnlyList<string> ArgumentsOf(string command)
    {
        if (Entity(command, "command") is not { } info || !info.TryGetString("arg-type", out var argType))
        {
            return [];
        }

        var names = new List<string>();
        CollectMembers(argType, names, 0);
        return names;
    }

    /// <summary>Whether the enum reached by <paramref name="path"/> (to a member) has <paramref name="value"/>.</summary>
    public bool EnumHasValue(string path, string value) => Has(path + "/^" + value);

    /// <summary>Whether the schema has what <paramref name="path"/> names (see the remarks for its steps).</summary>
    public bool Has(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var steps = path.Split('/');
        var entity = _entities.GetValueOrDefault(steps[0]);
        if (entity is null || !entity.TryGetString("meta-type", out var meta) || meta is not ("command" or "event"))
        {
            return false;
        }

        QDict? current = entity;
        var first = 1;
        if (steps.Length > 1 && steps[1] == "ret" && meta == "command")
        {
            current = TypeOf(entity, "ret-type");
            first = 2;
        }
        else if (steps.Length > 1 && steps[1][0] != '$')
        {
            current = TypeOf(entity, "arg-type");
        }

        for (var i = first; i < steps.Length && current is not null; i++)
        {
            var step = steps[i];
            if (step.Length == 0)
            {
                return false;
            }

            if (LookThroughArrays(current) is not { } type)
            {
                return false;
            }

            current = step[0] switch
            {
                '$' => HasFeature(type, step[1..]) ? type : null,
                '^' => EnumValues(type).Contains(step[1..]) ? type : null,
                '+' => Branch(type, step[1..]),
                _ => Member(type, step),
            };
        }

        return current is not null;
    }

    private IEnumerable<string> EntitiesOf(string metaType) =>
        _entities.Values.Where(e => e.TryGetString("meta-type", out var m) && m == metaType).Select(e => ((QString)e["name"]).Value);

    private QDict? Entity(string name, string metaType) =>
        _entities.TryGetValue(name, out var info) && info.TryGetString("meta-type", out var meta) && meta == metaType ? info : null;

    private QDict? TypeOf(QDict info, string key) =>
        info.TryGetString(key, out var type) ? _entities.GetValueOrDefault(type) : null;

    private QDict? LookThroughArrays(QDict type)
    {
        for (var depth = 0; depth < 8 && type.TryGetString("meta-type", out var meta) && meta == "array"; depth++)
        {
            if (TypeOf(type, "element-type") is not { } element)
            {
                return null;
            }

            type = element;
        }

        return type;
    }

    private static bool HasFeature(QDict info, string feature) =>
        info.TryGet<QList>("features", out var features) && features.OfType<QString>().Any(f => f.Value == feature);

    private static IEnumerable<string> EnumValues(QDict type) =>
        type.TryGet<QList>("members", out var members) && type.TryGetString("meta-type", out var meta) && meta == "enum"
            ? members.OfType<QDict>().Select(m => m.TryGetString("name", out var n) ? n : string.Empty)
            : [];

    private QDict? Member(QDict type, string name)
    {
        foreach (var member in AllMembers(type))
        {
            if (member.TryGetString("name", out var n) && n == name)
            {
                return TypeOf(member, "type");
            }
        }

        return null;
    }

    private QDict? Branch(QDict type, string value)
    {
        if (!type.TryGet<QList>("variants", out var variants))
        {
            return null;
        }

        foreach (var variant in variants.OfType<QDict>())
        {
            if (variant.TryGetString("case", out var c) && c == value)
            {
                return TypeOf(variant, "type");
            }
        }

        return null;
    }

    /// <summary>An object type's members, then those of each union branch.</summary>
    private IEnumerable<QDict> AllMembers(QDict type)
    {
        if (type.TryGet<QList>("members", out var members) && type.TryGetString("meta-type", out var meta) && meta == "object")
        {
            foreach (var member in members.OfType<QDict>())
            {
                yield return member;
            }

            if (type.TryGet<QList>("variants", out var variants))
            {
                foreach (var variant in variants.OfType<QDict>())
                {
                    if (TypeOf(variant, "type") is { } branch)
                    {
                        foreach (var member in AllMembers(branch))
                        {
                            yield return member;
                        }
                    }
                }
            }
        }
    }

    private void CollectMembers(string typeName, List<string> names, int depth)
    {
        if (depth > 8 || !_entities.TryGetValue(typeName, out var type))
        {
            return;
        }

        foreach (var member in AllMembers(type))
        {
            if (member.TryGetString("name", out var name) && !names.Contains(name))
            {
                names.Add(name);
            }
        }
    }
}
