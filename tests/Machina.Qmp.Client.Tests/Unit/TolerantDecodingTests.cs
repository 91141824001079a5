using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.Qapi.Visitors;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qmp.Qemu;

namespace Machina.Qmp.Client.Tests.Unit;

/// <summary>
/// The generated QEMU 7.2 types read what a newer QEMU sends without losing anything, and write
/// only what the schema defines unless asked to write back what they kept.
/// </summary>
public sealed class TolerantDecodingTests
{
    private const string NewerStatus = """{"running": false, "singlestep": false, "status": "hibernating", "cpu-count": 4}""";

    [Fact]
    public void Unknown_members_and_enum_values_are_kept_and_written_back()
    {
        var status = QmpClientMarshal.ReadResult<StatusInfo>(QJson.Parse(NewerStatus));
        Assert.False(status.Status.IsKnown());
        Assert.Equal("hibernating", status.Status.ToQapiName());
        Assert.Equal("""{"cpu-count": 4}""", QJson.ToJson(((IQapiUnknownMembers)status).UnknownMembers!));
        Assert.Equal(QJson.Parse(NewerStatus), QObjectOutputVisitor.Write(status, keepUnknown: true));
    }

    [Fact]
    public void The_same_unknown_name_gives_the_same_value()
    {
        var a = QmpClientMarshal.ReadResult<StatusInfo>(QJson.Parse(NewerStatus));
        var b = QmpClientMarshal.ReadResult<StatusInfo>(QJson.Parse(NewerStatus));
        Assert.Equal(a.Status, b.Status);
        Assert.True((int)a.Status < 0);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Strict_encoding_refuses_unknown_members_and_values()
    {
        var status = QmpClientMarshal.ReadResult<StatusInfo>(QJson.Parse(NewerStatus));
        Assert.Throws<ArgumentOutOfRangeException>(() => QObjectOutputVisitor.Write(status));

        status.Status = RunState.Paused;
        var e = Assert.Throws<QapiException>(() => QObjectOutputVisitor.Write(status));
        Assert.Equal("Parameter 'cpu-count' is unexpected", e.Message);

        ((IQapiUnknownMembers)status).UnknownMembers = null;
        Assert.Equal("""{"running": false, "singlestep": false, "status": "paused"}""", QJson.ToJson(QObjectOutputVisitor.Write(status)));
    }

    [Fact]
    public void Strict_reading_still_rejects_what_the_schema_does_not_define()
    {
        var e = Assert.Throws<QapiException>(() => QObjectInputVisitor.Read<StatusInfo>(QJson.Parse(NewerStatus)));
        Assert.Equal("Parameter 'status' does not accept value 'hibernating'", e.Message);
    }

    [Fact]
    public void A_union_with_an_unknown_discriminator_value_reads_as_its_unknown_branch()
    {
        var json = """{"type": "quantum", "qubits": 3}""";
        var address = QmpClientMarshal.ReadResult<SocketAddress>(QJson.Parse(json));
        var unknown = Assert.IsType<SocketAddress.Unknown>(address);
        Assert.Equal("quantum", unknown.Type.ToQapiName());
        Assert.Equal("""{"qubits": 3}""", QJson.ToJson(((IQapiUnknownMembers)unknown).UnknownMembers!));
        Assert.Equal(QJson.Parse(json), QObjectOutputVisitor.Write(address, keepUnknown: true));
    }

    [Fact]
    public void Known_union_branches_keep_extra_members_too()
    {
        var json = """{"type": "unix", "path": "/tmp/s", "abstract": false, "future": [1]}""";
        var address = Assert.IsType<SocketAddress.Unix>(QmpClientMarshal.ReadResult<SocketAddress>(QJson.Parse(json)));
        Assert.Equal("/tmp/s", address.Path);
        Assert.Equal(QJson.Parse(json), QObjectOutputVisitor.Write<SocketAddress>(address, keepUnknown: true));
    }

    [Fact]
    public void Clones_copy_the_unknown_members_deeply()
    {
        var status = QmpClientMarshal.ReadResult<StatusInfo>(QJson.Parse(NewerStatus));
        var copy = CloneVisitor.Clone(status);
        Assert.Equal(status, copy);
        Assert.NotSame(((IQapiUnknownMembers)status).UnknownMembers, ((IQapiUnknownMembers)copy).UnknownMembers);
    }

    [Fact]
    public void Event_data_decodes_into_its_generated_type()
    {
        var data = (QDict)QJson.Parse("""{"guest": true, "reason": "guest-shutdown"}""");
        var shutdown = Assert.IsType<ShutdownData>(QemuClientEvents.DecodeData(QemuClientEvents.Shutdown, data));
        Assert.True(shutdown.Guest);
        Assert.Equal(ShutdownCause.GuestShutdown, shutdown.Reason);
        Assert.Equal(typeof(ShutdownData), QemuClientEvents.DataType("SHUTDOWN"));
        Assert.Null(QemuClientEvents.DecodeData(QemuClientEvents.Stop, null));
        Assert.Null(QemuClientEvents.DecodeData("NOT_AN_EVENT", data));
    }

    [Fact]
    public void Gen_false_commands_take_extra_arguments_and_refuse_repeats()
    {
        var merged = QmpClientMarshal.MergeArguments((QDict)QJson.Parse("""{"driver": "e1000"}"""), (QDict)QJson.Parse("""{"mac": "52:54:00:12:34:56"}"""));
        Assert.Equal("""{"driver": "e1000", "mac": "52:54:00:12:34:56"}""", QJson.ToJson(merged!));
        var e = Assert.Throws<ArgumentException>(() => QmpClientMarshal.MergeArguments((QDict)QJson.Parse("""{"driver": "e1000"}"""), (QDict)QJson.Parse("""{"driver": "x"}""")));
        Assert.StartsWith("argument 'driver' is given twice", e.Message, StringComparison.Ordinal);
    }
}
