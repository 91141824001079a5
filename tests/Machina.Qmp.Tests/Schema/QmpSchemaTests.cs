using System.Reflection;
using System.Runtime.CompilerServices;
using Machina.Qapi.Commands;
using Machina.Qapi.Schema;
using Machina.Qapi.Visitors;
using Machina.Qmp.Schema;
using Machina.TestSupport;

namespace Machina.Qmp.Tests.Schema;

/// <summary>
/// Machina's schema (qapi/) and what the server implements by hand must agree: every built-in
/// command is declared with the same flags, and every hand-written type has the schema's members.
/// </summary>
public sealed class QmpSchemaTests
{
    private static readonly Lazy<QapiSchema> MachinaSchema =
        new(() => QapiSchema.Load(Path.Combine(QemuReference.RepositoryRoot, "qapi", "machina.json")));

    public static TheoryData<string> HandWrittenTypes =>
        [.. typeof(QmpServer).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(VersionInfo).Namespace && t.GetCustomAttribute<QapiNameAttribute>() is not null)
            .Select(t => t.Name)];

    [Fact]
    public void Every_built_in_command_is_declared_with_the_same_flags()
    {
        var server = new QmpServer();
        Assert.NotEmpty(server.Commands);
        foreach (var command in server.Commands)
        {
            var declared = MachinaSchema.Value.Lookup<QapiCommand>(command.Name);
            Assert.True(declared is not null, $"command {command.Name} is not in qapi/");
            Assert.Equal(declared.AllowOob, (command.Options & QmpCommandOptions.AllowOob) != 0);
            Assert.Equal(declared.AllowPreconfig, (command.Options & QmpCommandOptions.AllowPreconfig) != 0);
            Assert.Equal(declared.SuccessResponse, command.HasSuccessResponse);
        }
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("RESUME")]
    [InlineData("SHUTDOWN")]
    public void Events_the_machine_sends_are_declared(string name) => Assert.NotNull(MachinaSchema.Value.Lookup<QapiEvent>(name));

    [Theory]
    [MemberData(nameof(HandWrittenTypes))]
    public void A_hand_written_type_has_the_schema_shape(string typeName)
    {
        var type = typeof(QmpServer).Assembly.GetTypes().Single(t => t.Namespace == typeof(VersionInfo).Namespace && t.Name == typeName);
        var wireName = type.GetCustomAttribute<QapiNameAttribute>()!.Name;
        if (type.IsEnum)
        {
            var declared = MachinaSchema.Value.Lookup<QapiEnumType>(wireName);
            Assert.NotNull(declared);
            var values = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .OrderBy(f => (int)f.GetValue(null)!)
                .Select(f => f.GetCustomAttribute<QapiNameAttribute>()!.Name);
            Assert.Equal(declared.MemberNames, values);
            return;
        }

        var objectType = MachinaSchema.Value.Lookup<QapiObjectType>(wireName);
        Assert.NotNull(objectType);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<QapiNameAttribute>() is not null)
            .Select(p => (p.GetCustomAttribute<QapiNameAttribute>()!.Name, Optional: p.GetCustomAttribute<RequiredMemberAttribute>() is null));
        Assert.Equal(objectType.Members.Select(m => (m.Name, m.Optional)), properties);
    }
}
