using Machina.Qapi;
using Machina.Qom.Authz;
using Machina.QObjects;

namespace Machina.Qom.Tests.Objects;

/// <summary>authz-simple and asking an authz object by id.</summary>
public sealed class AuthZTests
{
    [Fact]
    public void Simple_authz_allows_exactly_its_identity()
    {
        var runtime = StandardTypes.CreateRuntime();
        runtime.UserCreatable.Add(new QDict { ["qom-type"] = "authz-simple", ["id"] = "auth0", ["identity"] = "CN=laptop" });

        Assert.True(AuthZ.IsAllowedById(runtime, "auth0", "CN=laptop"));
        Assert.False(AuthZ.IsAllowedById(runtime, "auth0", "CN=Laptop"));
    }

    [Fact]
    public void Asking_by_id_reports_qemus_errors()
    {
        var runtime = StandardTypes.CreateRuntime();
        runtime.UserCreatable.Add(new QDict { ["qom-type"] = "secret", ["id"] = "s", ["data"] = "x" });

        Assert.Equal("Cannot find QAuthZ object ID nope", Assert.Throws<QapiException>(() => AuthZ.IsAllowedById(runtime, "nope", "x")).Message);
        Assert.Equal("Object 's' is not a QAuthZ subclass", Assert.Throws<QapiException>(() => AuthZ.IsAllowedById(runtime, "s", "x")).Message);
    }

    [Fact]
    public void Completing_without_an_identity_fails()
    {
        var runtime = StandardTypes.CreateRuntime();
        var authz = runtime.New("authz-simple");

        Assert.Equal("The 'identity' property must be set", Assert.Throws<QapiException>(() => UserCreatableObjects.Complete(authz)).Message);
        authz.Unref();
    }
}
