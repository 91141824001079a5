using Machina.Qapi;

namespace Machina.Qom.Authz;

/// <summary>
/// Decides whether an identity may do something (QEMU's abstract <c>authz</c>, authz/base.c);
/// network services name one with their <c>tls-authz</c> or <c>sasl-authz</c> options.
/// </summary>
[QomType("authz", Abstract = true)]
public abstract class AuthZ : QomObject
{
    /// <summary>Whether <paramref name="identity"/> is allowed (QEMU's <c>qauthz_is_allowed</c>).</summary>
    /// <exception cref="QapiException">The decision could not be made.</exception>
    public abstract bool IsAllowed(string identity);

    /// <summary>Asks the authz object <paramref name="authzId"/> in <c>/objects</c> (QEMU's <c>qauthz_is_allowed_by_id</c>).</summary>
    /// <exception cref="QapiException">"Cannot find QAuthZ object ID ID", "Object 'ID' is not a QAuthZ subclass", or the object's own error.</exception>
    public static bool IsAllowedById(QomRuntime runtime, string authzId, string identity)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(authzId);
        var obj = runtime.ObjectsRoot.ResolveComponent(authzId) ?? throw new QapiException($"Cannot find QAuthZ object ID {authzId}");
        if (obj.DynamicCast("authz") is not AuthZ authz)
        {
            throw new QapiException($"Object '{authzId}' is not a QAuthZ subclass");
        }

        return authz.IsAllowed(identity);
    }
}
