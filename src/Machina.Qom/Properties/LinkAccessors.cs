using Machina.Qapi;
using Machina.Qapi.Visitors;

namespace Machina.Qom;

/// <summary>Ready-made checks for settable link properties.</summary>
public static class LinkChecks
{
    /// <summary>Accepts every target (QEMU's <c>object_property_allow_set_link</c>).</summary>
    public static readonly LinkCheck AllowSet = static (_, _, _) => { };
}

/// <summary>
/// The accessors of a link property (QEMU's <c>LinkProperty</c> with <c>object_get_link_property</c>,
/// <c>object_set_link_property</c>, <c>object_resolve_link</c> and the release).
/// </summary>
internal sealed class LinkAccessors(Func<QomObject, QomObject?> load, Action<QomObject, QomObject?> store, LinkCheck? check, bool strong)
{
    public void Get(QomObject obj, Visitor v, string name)
    {
        var path = load(obj)?.CanonicalPath ?? string.Empty;
        v.VisitString(name, ref path);
    }

    public void Set(QomObject obj, Visitor v, string name)
    {
        string? path = null;
        v.VisitString(name, ref path);
        var target = path.Length == 0 ? null : Resolve(obj, name, path);
        check!(obj, name, target);

        var old = load(obj);
        store(obj, target);
        if (strong)
        {
            target?.Ref();
            old?.Unref();
        }
    }

    public QomObject? Resolve(QomObject obj, string part) => load(obj);

    public void Release(QomObject obj, string name)
    {
        if (strong && load(obj) is { } target)
        {
            target.Unref();
        }
    }

    // QEMU's object_resolve_link: the path must lead to exactly one object of the link's type.
    private static QomObject Resolve(QomObject obj, string name, string path)
    {
        var type = obj.GetPropertyType(name);
        var targetType = type.Length > 6 && type.StartsWith("link<", StringComparison.Ordinal) ? type[5..^1] : TypeNames.Object;
        var runtime = obj.Runtime;
        var target = runtime.ResolvePath(path, targetType, out var ambiguous);
        if (ambiguous)
        {
            throw new QapiException($"Path '{path}' does not uniquely identify an object");
        }

        if (target is null)
        {
            if (runtime.ResolvePath(path, out var ambiguousAny) is not null || ambiguousAny)
            {
                throw QapiException.InvalidParameterType(name, targetType);
            }

            throw new QapiException(QapiErrorClass.DeviceNotFound, $"Device '{path}' not found");
        }

        return target;
    }
}
