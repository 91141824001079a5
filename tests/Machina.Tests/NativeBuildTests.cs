using System.Reflection;
using Machina.Qom;

namespace Machina.Tests;

/// <summary>
/// What keeps <c>machina</c> publishable with Native AOT (<c>-p:PublishAot=true</c>), checked
/// without publishing: a native publish takes minutes on a CI machine, so the suite relies on the
/// trimming and AOT analyzers, which run in every build with warnings as errors, and checks here
/// that they do run and that nothing falls back to reflection. The whole suite runs against a
/// native build when <c>MACHINA_PROGRAM</c> names it (see <see cref="MachinaProcess.PublishedProgram"/>);
/// docs/performance.md has the numbers.
/// </summary>
public sealed class NativeBuildTests
{
    [Theory]
    [InlineData("machina")]
    [InlineData("Machina.Qom")]
    [InlineData("Machina.QObjects")]
    [InlineData("Machina.Qapi")]
    [InlineData("Machina.Options")]
    public void The_program_and_its_libraries_are_built_with_the_AOT_analyzers(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);

        // IsAotCompatible implies IsTrimmable, which the SDK records in the assembly.
        var trimmable = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "IsTrimmable");
        Assert.Equal("True", trimmable?.Value);
    }

    [Fact]
    public void Every_standard_type_comes_from_a_build_time_declaration()
    {
        var runtime = StandardTypes.CreateRuntime();

        var declared = runtime.Types.Types
            .Where(t => t.InstanceType is { } instance && instance != typeof(QomObject))
            .Select(t => (t.Name, Declaration: QomDeclaration.Find(t.InstanceType!)?.Name))
            .ToList();

        Assert.NotEmpty(declared);
        Assert.All(declared, d => Assert.NotNull(d.Declaration));
    }
}
