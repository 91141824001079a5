// The types of qapi/run-state.json, written by hand in exactly the shape the QAPI code generator
// emits (docs/codegen-shape.md), so generated files can replace them without touching callers.

using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qmp.Schema;

/// <summary>Where a machine stands.</summary>
[QapiName("RunState")]
public enum RunState
{
    /// <summary>Stopped by a debugger.</summary>
    [QapiName("debug")]
    Debug,

    /// <summary>Waiting for an incoming migration.</summary>
    [QapiName("inmigrate")]
    Inmigrate,

    /// <summary>Stopped by an internal error.</summary>
    [QapiName("internal-error")]
    InternalError,

    /// <summary>Stopped by a disk I/O error.</summary>
    [QapiName("io-error")]
    IoError,

    /// <summary>Stopped by the <c>stop</c> command.</summary>
    [QapiName("paused")]
    Paused,

    /// <summary>Stopped after migrating out.</summary>
    [QapiName("postmigrate")]
    Postmigrate,

    /// <summary>Not started yet.</summary>
    [QapiName("prelaunch")]
    Prelaunch,

    /// <summary>Stopped to complete a migration.</summary>
    [QapiName("finish-migrate")]
    FinishMigrate,

    /// <summary>Stopped while restoring a snapshot.</summary>
    [QapiName("restore-vm")]
    RestoreVm,

    /// <summary>Running.</summary>
    [QapiName("running")]
    Running,

    /// <summary>Stopped while saving a snapshot.</summary>
    [QapiName("save-vm")]
    SaveVm,

    /// <summary>Stopped after a guest shutdown.</summary>
    [QapiName("shutdown")]
    Shutdown,

    /// <summary>Suspended by the guest (ACPI S3).</summary>
    [QapiName("suspended")]
    Suspended,

    /// <summary>Stopped by a watchdog.</summary>
    [QapiName("watchdog")]
    Watchdog,

    /// <summary>Stopped after the guest panicked.</summary>
    [QapiName("guest-panicked")]
    GuestPanicked,

    /// <summary>Held for COLO fault tolerance.</summary>
    [QapiName("colo")]
    Colo,
}

/// <summary>Why a machine shut down or reset.</summary>
[QapiName("ShutdownCause")]
public enum ShutdownCause
{
    /// <summary>No shutdown or reset has happened.</summary>
    [QapiName("none")]
    None,

    /// <summary>The host failed.</summary>
    [QapiName("host-error")]
    HostError,

    /// <summary>A QMP client ran <c>quit</c>.</summary>
    [QapiName("host-qmp-quit")]
    HostQmpQuit,

    /// <summary>A QMP client ran <c>system_reset</c>.</summary>
    [QapiName("host-qmp-system-reset")]
    HostQmpSystemReset,

    /// <summary>The host process got a signal.</summary>
    [QapiName("host-signal")]
    HostSignal,

    /// <summary>The user interface asked for it.</summary>
    [QapiName("host-ui")]
    HostUi,

    /// <summary>The guest shut down.</summary>
    [QapiName("guest-shutdown")]
    GuestShutdown,

    /// <summary>The guest reset.</summary>
    [QapiName("guest-reset")]
    GuestReset,

    /// <summary>The guest panicked.</summary>
    [QapiName("guest-panic")]
    GuestPanic,

    /// <summary>A part of the machine reset.</summary>
    [QapiName("subsystem-reset")]
    SubsystemReset,

    /// <summary>A snapshot was loaded.</summary>
    [QapiName("snapshot-load")]
    SnapshotLoad,
}

/// <summary>The machine's run state: the reply of <c>query-status</c>.</summary>
[QapiName("StatusInfo")]
public sealed partial record StatusInfo : IQapiStruct<StatusInfo>
{
    /// <summary>Whether the machine is running.</summary>
    [QapiName("running")]
    public required bool Running { get; set; }

    /// <summary>Whether it executes one instruction at a time.</summary>
    [QapiName("singlestep")]
    public required bool Singlestep { get; set; }

    /// <summary>The run state.</summary>
    [QapiName("status")]
    public required RunState Status { get; set; }

    static void IQapiType<StatusInfo>.Visit(Visitor v, string? name, [NotNull] ref StatusInfo? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new StatusInfo { Running = default, Singlestep = default, Status = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<StatusInfo>.VisitMembers(Visitor v, StatusInfo obj)
    {
        var member0 = obj.Running;
        v.VisitBool("running", ref member0);
        obj.Running = member0;

        var member1 = obj.Singlestep;
        v.VisitBool("singlestep", ref member1);
        obj.Singlestep = member1;

        var member2 = obj.Status;
        v.VisitEnum("status", ref member2);
        obj.Status = member2;
    }
}
