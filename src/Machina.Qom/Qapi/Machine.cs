// Hand-written in exactly the shape the QAPI code generator emits (docs/codegen-shape.md), from
// QEMU 7.2's qapi/machine.json; to be replaced by generated code.

using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qom;

/// <summary>The QAPI struct <c>BootConfiguration</c>.</summary>
[QapiName("BootConfiguration")]
public sealed partial record BootConfiguration : IQapiStruct<BootConfiguration>
{
    /// <summary>The optional member <c>order</c>.</summary>
    [QapiName("order")]
    public string? Order { get; set; }

    /// <summary>The optional member <c>once</c>.</summary>
    [QapiName("once")]
    public string? Once { get; set; }

    /// <summary>The optional member <c>menu</c>.</summary>
    [QapiName("menu")]
    public bool? Menu { get; set; }

    /// <summary>The optional member <c>splash</c>.</summary>
    [QapiName("splash")]
    public string? Splash { get; set; }

    /// <summary>The optional member <c>splash-time</c>.</summary>
    [QapiName("splash-time")]
    public long? SplashTime { get; set; }

    /// <summary>The optional member <c>reboot-timeout</c>.</summary>
    [QapiName("reboot-timeout")]
    public long? RebootTimeout { get; set; }

    /// <summary>The optional member <c>strict</c>.</summary>
    [QapiName("strict")]
    public bool? Strict { get; set; }

    static void IQapiType<BootConfiguration>.Visit(Visitor v, string? name, [NotNull] ref BootConfiguration? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new BootConfiguration { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<BootConfiguration>.VisitMembers(Visitor v, BootConfiguration obj)
    {
        var member0 = obj.Order;
        if (v.VisitOptional("order", member0 is not null))
        {
            v.VisitString("order", ref member0);
        }

        obj.Order = member0;

        var member1 = obj.Once;
        if (v.VisitOptional("once", member1 is not null))
        {
            v.VisitString("once", ref member1);
        }

        obj.Once = member1;

        var member2 = obj.Menu;
        if (v.VisitOptional("menu", member2.HasValue))
        {
            var value = member2.GetValueOrDefault();
            v.VisitBool("menu", ref value);
            member2 = value;
        }

        obj.Menu = member2;

        var member3 = obj.Splash;
        if (v.VisitOptional("splash", member3 is not null))
        {
            v.VisitString("splash", ref member3);
        }

        obj.Splash = member3;

        var member4 = obj.SplashTime;
        if (v.VisitOptional("splash-time", member4.HasValue))
        {
            var value = member4.GetValueOrDefault();
            v.VisitInt64("splash-time", ref value);
            member4 = value;
        }

        obj.SplashTime = member4;

        var member5 = obj.RebootTimeout;
        if (v.VisitOptional("reboot-timeout", member5.HasValue))
        {
            var value = member5.GetValueOrDefault();
            v.VisitInt64("reboot-timeout", ref value);
            member5 = value;
        }

        obj.RebootTimeout = member5;

        var member6 = obj.Strict;
        if (v.VisitOptional("strict", member6.HasValue))
        {
            var value = member6.GetValueOrDefault();
            v.VisitBool("strict", ref value);
            member6 = value;
        }

        obj.Strict = member6;
    }
}

/// <summary>The QAPI struct <c>SMPConfiguration</c>.</summary>
[QapiName("SMPConfiguration")]
public sealed partial record SMPConfiguration : IQapiStruct<SMPConfiguration>
{
    /// <summary>The optional member <c>cpus</c>.</summary>
    [QapiName("cpus")]
    public long? Cpus { get; set; }

    /// <summary>The optional member <c>sockets</c>.</summary>
    [QapiName("sockets")]
    public long? Sockets { get; set; }

    /// <summary>The optional member <c>dies</c>.</summary>
    [QapiName("dies")]
    public long? Dies { get; set; }

    /// <summary>The optional member <c>clusters</c>.</summary>
    [QapiName("clusters")]
    public long? Clusters { get; set; }

    /// <summary>The optional member <c>cores</c>.</summary>
    [QapiName("cores")]
    public long? Cores { get; set; }

    /// <summary>The optional member <c>threads</c>.</summary>
    [QapiName("threads")]
    public long? Threads { get; set; }

    /// <summary>The optional member <c>maxcpus</c>.</summary>
    [QapiName("maxcpus")]
    public long? Maxcpus { get; set; }

    static void IQapiType<SMPConfiguration>.Visit(Visitor v, string? name, [NotNull] ref SMPConfiguration? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new SMPConfiguration { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<SMPConfiguration>.VisitMembers(Visitor v, SMPConfiguration obj)
    {
        var member0 = obj.Cpus;
        if (v.VisitOptional("cpus", member0.HasValue))
        {
            var value = member0.GetValueOrDefault();
            v.VisitInt64("cpus", ref value);
            member0 = value;
        }

        obj.Cpus = member0;

        var member1 = obj.Sockets;
        if (v.VisitOptional("sockets", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitInt64("sockets", ref value);
            member1 = value;
        }

        obj.Sockets = member1;

        var member2 = obj.Dies;
        if (v.VisitOptional("dies", member2.HasValue))
        {
            var value = member2.GetValueOrDefault();
            v.VisitInt64("dies", ref value);
            member2 = value;
        }

        obj.Dies = member2;

        var member3 = obj.Clusters;
        if (v.VisitOptional("clusters", member3.HasValue))
        {
            var value = member3.GetValueOrDefault();
            v.VisitInt64("clusters", ref value);
            member3 = value;
        }

        obj.Clusters = member3;

        var member4 = obj.Cores;
        if (v.VisitOptional("cores", member4.HasValue))
        {
            var value = member4.GetValueOrDefault();
            v.VisitInt64("cores", ref value);
            member4 = value;
        }

        obj.Cores = member4;

        var member5 = obj.Threads;
        if (v.VisitOptional("threads", member5.HasValue))
        {
            var value = member5.GetValueOrDefault();
            v.VisitInt64("threads", ref value);
            member5 = value;
        }

        obj.Threads = member5;

        var member6 = obj.Maxcpus;
        if (v.VisitOptional("maxcpus", member6.HasValue))
        {
            var value = member6.GetValueOrDefault();
            v.VisitInt64("maxcpus", ref value);
            member6 = value;
        }

        obj.Maxcpus = member6;
    }
}

/// <summary>The QAPI struct <c>MemorySizeConfiguration</c>.</summary>
[QapiName("MemorySizeConfiguration")]
public sealed partial record MemorySizeConfiguration : IQapiStruct<MemorySizeConfiguration>
{
    /// <summary>The optional member <c>size</c>.</summary>
    [QapiName("size")]
    public ulong? Size { get; set; }

    /// <summary>The optional member <c>max-size</c>.</summary>
    [QapiName("max-size")]
    public ulong? MaxSize { get; set; }

    /// <summary>The optional member <c>slots</c>.</summary>
    [QapiName("slots")]
    public ulong? Slots { get; set; }

    static void IQapiType<MemorySizeConfiguration>.Visit(Visitor v, string? name, [NotNull] ref MemorySizeConfiguration? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new MemorySizeConfiguration { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<MemorySizeConfiguration>.VisitMembers(Visitor v, MemorySizeConfiguration obj)
    {
        var member0 = obj.Size;
        if (v.VisitOptional("size", member0.HasValue))
        {
            var value = member0.GetValueOrDefault();
            v.VisitSize("size", ref value);
            member0 = value;
        }

        obj.Size = member0;

        var member1 = obj.MaxSize;
        if (v.VisitOptional("max-size", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitSize("max-size", ref value);
            member1 = value;
        }

        obj.MaxSize = member1;

        var member2 = obj.Slots;
        if (v.VisitOptional("slots", member2.HasValue))
        {
            var value = member2.GetValueOrDefault();
            v.VisitUInt64("slots", ref value);
            member2 = value;
        }

        obj.Slots = member2;
    }
}
