using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.TestSupport;

namespace Machina.Qmp.Client.Tests.Unit;

/// <summary>Feature detection over the real QEMU 7.2 binary's recorded <c>query-qmp-schema</c> reply.</summary>
public sealed class QmpSchemaFeaturesTests
{
    private static QmpSchemaFeatures Load() =>
        new(((QDict)QJson.Parse(File.ReadAllBytes(QemuReference.PathOf("query-qmp-schema.json"))))["return"]);

    [Fact]
    public void Commands_and_events_are_found_by_name()
    {
        var schema = Load();
        Assert.True(schema.HasCommand("query-status"));
        Assert.False(schema.HasCommand("query-nothing"));
        Assert.True(schema.HasEvent("DEVICE_DELETED"));
        Assert.False(schema.HasCommand("DEVICE_DELETED"));
        Assert.Contains("device_add", schema.Commands);
    }

    [Fact]
    public void Arguments_are_found_through_union_branches()
    {
        var schema = Load();
        Assert.True(schema.CommandTakesArgument("device_del", "id"));
        Assert.False(schema.CommandTakesArgument("device_del", "force"));
        Assert.True(schema.CommandTakesArgument("blockdev-add", "filename"));
        Assert.Equal(["command-line", "cpu-index"], schema.ArgumentsOf("human-monitor-command"));
    }

    [Fact]
    public void Paths_reach_enum_values_branches_results_and_features()
    {
        var schema = Load();
        Assert.True(schema.EnumHasValue("blockdev-add/driver", "qcow2"));
        Assert.False(schema.EnumHasValue("blockdev-add/driver", "no-such-driver"));
        Assert.True(schema.Has("blockdev-add/+file/filename"));
        Assert.False(schema.Has("blockdev-add/+file/no-such-member"));
        Assert.True(schema.Has("query-status/ret/status/^running"));
        Assert.True(schema.Has("SHUTDOWN/reason/^guest-reset"));
        Assert.True(schema.Has("query-cpus-fast/ret/props"));
        Assert.True(schema.Has("blockdev-add/$json-cli-hotplug") || schema.Has("device_add/$json-cli-hotplug"));
        Assert.False(schema.Has("no-such-command/x"));
    }
}
