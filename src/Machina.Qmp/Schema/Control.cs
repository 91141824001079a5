// The types of qapi/control.json, written by hand in exactly the shape the QAPI code generator
// emits (docs/codegen-shape.md), so generated files can replace them without touching callers.

using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qmp.Schema;

/// <summary>The optional parts of the protocol a server may offer in its greeting.</summary>
[QapiName("QMPCapability")]
public enum QMPCapability
{
    /// <summary>Out-of-band execution: <c>exec-oob</c> requests jump the in-band queue.</summary>
    [QapiName("oob")]
    Oob,
}

/// <summary>The arguments of <c>qmp_capabilities</c>.</summary>
[QapiName("q_obj_qmp_capabilities-arg")]
public sealed partial record QmpCapabilitiesArguments : IQapiStruct<QmpCapabilitiesArguments>
{
    /// <summary>The capabilities to turn on; each must have been offered in the greeting.</summary>
    [QapiName("enable")]
    public QapiList<QMPCapability>? Enable { get; set; }

    static void IQapiType<QmpCapabilitiesArguments>.Visit(Visitor v, string? name, [NotNull] ref QmpCapabilitiesArguments? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new QmpCapabilitiesArguments { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<QmpCapabilitiesArguments>.VisitMembers(Visitor v, QmpCapabilitiesArguments obj)
    {
        var member0 = obj.Enable;
        if (v.VisitOptional("enable", member0 is not null))
        {
            v.VisitEnumList("enable", ref member0);
        }

        obj.Enable = member0;
    }
}

/// <summary>A three-part version number.</summary>
[QapiName("VersionTriple")]
public sealed partial record VersionTriple : IQapiStruct<VersionTriple>
{
    /// <summary>The major part.</summary>
    [QapiName("major")]
    public required long Major { get; set; }

    /// <summary>The minor part.</summary>
    [QapiName("minor")]
    public required long Minor { get; set; }

    /// <summary>The micro part.</summary>
    [QapiName("micro")]
    public required long Micro { get; set; }

    static void IQapiType<VersionTriple>.Visit(Visitor v, string? name, [NotNull] ref VersionTriple? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new VersionTriple { Major = default, Minor = default, Micro = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<VersionTriple>.VisitMembers(Visitor v, VersionTriple obj)
    {
        var member0 = obj.Major;
        v.VisitInt64("major", ref member0);
        obj.Major = member0;

        var member1 = obj.Minor;
        v.VisitInt64("minor", ref member1);
        obj.Minor = member1;

        var member2 = obj.Micro;
        v.VisitInt64("micro", ref member2);
        obj.Micro = member2;
    }
}

/// <summary>Which server this is: the reply of <c>query-version</c> and part of the greeting.</summary>
[QapiName("VersionInfo")]
public sealed partial record VersionInfo : IQapiStruct<VersionInfo>
{
    /// <summary>The version of the QEMU interface the server speaks.</summary>
    [QapiName("qemu")]
    public required VersionTriple Qemu { get; set; }

    /// <summary>Free text naming the build, for people.</summary>
    [QapiName("package")]
    public required string Package { get; set; }

    static void IQapiType<VersionInfo>.Visit(Visitor v, string? name, [NotNull] ref VersionInfo? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new VersionInfo { Qemu = default!, Package = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<VersionInfo>.VisitMembers(Visitor v, VersionInfo obj)
    {
        var member0 = obj.Qemu;
        v.Visit("qemu", ref member0);
        obj.Qemu = member0;

        var member1 = obj.Package;
        v.VisitString("package", ref member1);
        obj.Package = member1;
    }
}

/// <summary>One command the session may run (an element of <c>query-commands</c>' reply).</summary>
[QapiName("CommandInfo")]
public sealed partial record CommandInfo : IQapiStruct<CommandInfo>
{
    /// <summary>The command's name.</summary>
    [QapiName("name")]
    public required string Name { get; set; }

    static void IQapiType<CommandInfo>.Visit(Visitor v, string? name, [NotNull] ref CommandInfo? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new CommandInfo { Name = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<CommandInfo>.VisitMembers(Visitor v, CommandInfo obj)
    {
        var member0 = obj.Name;
        v.VisitString("name", ref member0);
        obj.Name = member0;
    }
}
