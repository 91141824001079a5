// Hand-written in exactly the shape the QAPI code generator emits (docs/codegen-shape.md), from
// QEMU 7.2's qapi/run-state.json; to be replaced by generated code.

using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qom;

/// <summary>The QAPI enum <c>RunState</c>.</summary>
[QapiName("RunState")]
public enum RunState
{
    /// <summary>The value <c>debug</c>.</summary>
    [QapiName("debug")]
    Debug,

    /// <summary>The value <c>inmigrate</c>.</summary>
    [QapiName("inmigrate")]
    Inmigrate,

    /// <summary>The value <c>internal-error</c>.</summary>
    [QapiName("internal-error")]
    InternalError,

    /// <summary>The value <c>io-error</c>.</summary>
    [QapiName("io-error")]
    IoError,

    /// <summary>The value <c>paused</c>.</summary>
    [QapiName("paused")]
    Paused,

    /// <summary>The value <c>postmigrate</c>.</summary>
    [QapiName("postmigrate")]
    Postmigrate,

    /// <summary>The value <c>prelaunch</c>.</summary>
    [QapiName("prelaunch")]
    Prelaunch,

    /// <summary>The value <c>finish-migrate</c>.</summary>
    [QapiName("finish-migrate")]
    FinishMigrate,

    /// <summary>The value <c>restore-vm</c>.</summary>
    [QapiName("restore-vm")]
    RestoreVm,

    /// <summary>The value <c>running</c>.</summary>
    [QapiName("running")]
    Running,

    /// <summary>The value <c>save-vm</c>.</summary>
    [QapiName("save-vm")]
    SaveVm,

    /// <summary>The value <c>shutdown</c>.</summary>
    [QapiName("shutdown")]
    Shutdown,

    /// <summary>The value <c>suspended</c>.</summary>
    [QapiName("suspended")]
    Suspended,

    /// <summary>The value <c>watchdog</c>.</summary>
    [QapiName("watchdog")]
    Watchdog,

    /// <summary>The value <c>guest-panicked</c>.</summary>
    [QapiName("guest-panicked")]
    GuestPanicked,

    /// <summary>The value <c>colo</c>.</summary>
    [QapiName("colo")]
    Colo,
}

/// <summary>The QAPI struct <c>StatusInfo</c>.</summary>
[QapiName("StatusInfo")]
public sealed partial record StatusInfo : IQapiStruct<StatusInfo>
{
    /// <summary>The member <c>running</c>.</summary>
    [QapiName("running")]
    public required bool Running { get; set; }

    /// <summary>The member <c>singlestep</c>.</summary>
    [QapiName("singlestep")]
    public required bool Singlestep { get; set; }

    /// <summary>The member <c>status</c>.</summary>
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
