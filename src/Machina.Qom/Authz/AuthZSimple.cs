using Machina.Qapi;

namespace Machina.Qom.Authz;

/// <summary>
/// Allows exactly one identity (QEMU's <c>authz-simple</c>, authz/simple.c):
/// <c>-object authz-simple,id=auth0,identity=CN=laptop.example.com</c>.
/// </summary>
[QomType("authz-simple", Options = typeof(AuthZSimpleProperties))]
public sealed class AuthZSimple : AuthZ, IUserCreatable
{
    /// <summary>The identity allowed (property <c>identity</c>).</summary>
    [QomProperty("identity")]
    public string? Identity { get; set; }

    /// <inheritdoc/>
    public override bool IsAllowed(string identity) => string.Equals(identity, Identity, StringComparison.Ordinal);

    /// <summary>Checks that the identity is set (QEMU's <c>qauthz_simple_complete</c>).</summary>
    /// <exception cref="QapiException">"The 'identity' property must be set".</exception>
    public void Complete()
    {
        if (Identity is null)
        {
            throw new QapiException("The 'identity' property must be set");
        }
    }
}
