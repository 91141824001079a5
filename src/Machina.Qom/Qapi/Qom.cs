// Hand-written in exactly the shape the QAPI code generator emits (docs/codegen-shape.md), from
// QEMU 7.2's qapi/qom.json; to be replaced by generated code.

using System.Diagnostics.CodeAnalysis;
using Machina.QObjects;
using Machina.Qapi.Visitors;

namespace Machina.Qom;

/// <summary>The QAPI struct <c>ObjectPropertyInfo</c>.</summary>
[QapiName("ObjectPropertyInfo")]
public sealed partial record ObjectPropertyInfo : IQapiStruct<ObjectPropertyInfo>
{
    /// <summary>The member <c>name</c>.</summary>
    [QapiName("name")]
    public required string Name { get; set; }

    /// <summary>The member <c>type</c>.</summary>
    [QapiName("type")]
    public required string Type { get; set; }

    /// <summary>The optional member <c>description</c>.</summary>
    [QapiName("description")]
    public string? Description { get; set; }

    /// <summary>The optional member <c>default-value</c>.</summary>
    [QapiName("default-value")]
    public QObject? DefaultValue { get; set; }

    static void IQapiType<ObjectPropertyInfo>.Visit(Visitor v, string? name, [NotNull] ref ObjectPropertyInfo? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new ObjectPropertyInfo { Name = default!, Type = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<ObjectPropertyInfo>.VisitMembers(Visitor v, ObjectPropertyInfo obj)
    {
        var member0 = obj.Name;
        v.VisitString("name", ref member0);
        obj.Name = member0;

        var member1 = obj.Type;
        v.VisitString("type", ref member1);
        obj.Type = member1;

        var member2 = obj.Description;
        if (v.VisitOptional("description", member2 is not null))
        {
            v.VisitString("description", ref member2);
        }

        obj.Description = member2;

        var member3 = obj.DefaultValue;
        if (v.VisitOptional("default-value", member3 is not null))
        {
            v.VisitAny("default-value", ref member3);
        }

        obj.DefaultValue = member3;
    }
}

/// <summary>The QAPI struct <c>q_obj_qom-list-arg</c>.</summary>
[QapiName("q_obj_qom-list-arg")]
public sealed partial record QomListArguments : IQapiStruct<QomListArguments>
{
    /// <summary>The member <c>path</c>.</summary>
    [QapiName("path")]
    public required string Path { get; set; }

    static void IQapiType<QomListArguments>.Visit(Visitor v, string? name, [NotNull] ref QomListArguments? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new QomListArguments { Path = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<QomListArguments>.VisitMembers(Visitor v, QomListArguments obj)
    {
        var member0 = obj.Path;
        v.VisitString("path", ref member0);
        obj.Path = member0;
    }
}

/// <summary>The QAPI struct <c>q_obj_qom-get-arg</c>.</summary>
[QapiName("q_obj_qom-get-arg")]
public sealed partial record QomGetArguments : IQapiStruct<QomGetArguments>
{
    /// <summary>The member <c>path</c>.</summary>
    [QapiName("path")]
    public required string Path { get; set; }

    /// <summary>The member <c>property</c>.</summary>
    [QapiName("property")]
    public required string Property { get; set; }

    static void IQapiType<QomGetArguments>.Visit(Visitor v, string? name, [NotNull] ref QomGetArguments? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new QomGetArguments { Path = default!, Property = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<QomGetArguments>.VisitMembers(Visitor v, QomGetArguments obj)
    {
        var member0 = obj.Path;
        v.VisitString("path", ref member0);
        obj.Path = member0;

        var member1 = obj.Property;
        v.VisitString("property", ref member1);
        obj.Property = member1;
    }
}

/// <summary>The QAPI struct <c>q_obj_qom-set-arg</c>.</summary>
[QapiName("q_obj_qom-set-arg")]
public sealed partial record QomSetArguments : IQapiStruct<QomSetArguments>
{
    /// <summary>The member <c>path</c>.</summary>
    [QapiName("path")]
    public required string Path { get; set; }

    /// <summary>The member <c>property</c>.</summary>
    [QapiName("property")]
    public required string Property { get; set; }

    /// <summary>The member <c>value</c>.</summary>
    [QapiName("value")]
    public required QObject Value { get; set; }

    static void IQapiType<QomSetArguments>.Visit(Visitor v, string? name, [NotNull] ref QomSetArguments? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new QomSetArguments { Path = default!, Property = default!, Value = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<QomSetArguments>.VisitMembers(Visitor v, QomSetArguments obj)
    {
        var member0 = obj.Path;
        v.VisitString("path", ref member0);
        obj.Path = member0;

        var member1 = obj.Property;
        v.VisitString("property", ref member1);
        obj.Property = member1;

        var member2 = obj.Value;
        v.VisitAny("value", ref member2);
        obj.Value = member2;
    }
}

/// <summary>The QAPI struct <c>ObjectTypeInfo</c>.</summary>
[QapiName("ObjectTypeInfo")]
public sealed partial record ObjectTypeInfo : IQapiStruct<ObjectTypeInfo>
{
    /// <summary>The member <c>name</c>.</summary>
    [QapiName("name")]
    public required string Name { get; set; }

    /// <summary>The optional member <c>abstract</c>.</summary>
    [QapiName("abstract")]
    public bool? Abstract { get; set; }

    /// <summary>The optional member <c>parent</c>.</summary>
    [QapiName("parent")]
    public string? Parent { get; set; }

    static void IQapiType<ObjectTypeInfo>.Visit(Visitor v, string? name, [NotNull] ref ObjectTypeInfo? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new ObjectTypeInfo { Name = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<ObjectTypeInfo>.VisitMembers(Visitor v, ObjectTypeInfo obj)
    {
        var member0 = obj.Name;
        v.VisitString("name", ref member0);
        obj.Name = member0;

        var member1 = obj.Abstract;
        if (v.VisitOptional("abstract", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitBool("abstract", ref value);
            member1 = value;
        }

        obj.Abstract = member1;

        var member2 = obj.Parent;
        if (v.VisitOptional("parent", member2 is not null))
        {
            v.VisitString("parent", ref member2);
        }

        obj.Parent = member2;
    }
}

/// <summary>The QAPI struct <c>q_obj_qom-list-types-arg</c>.</summary>
[QapiName("q_obj_qom-list-types-arg")]
public sealed partial record QomListTypesArguments : IQapiStruct<QomListTypesArguments>
{
    /// <summary>The optional member <c>implements</c>.</summary>
    [QapiName("implements")]
    public string? Implements { get; set; }

    /// <summary>The optional member <c>abstract</c>.</summary>
    [QapiName("abstract")]
    public bool? Abstract { get; set; }

    static void IQapiType<QomListTypesArguments>.Visit(Visitor v, string? name, [NotNull] ref QomListTypesArguments? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new QomListTypesArguments { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<QomListTypesArguments>.VisitMembers(Visitor v, QomListTypesArguments obj)
    {
        var member0 = obj.Implements;
        if (v.VisitOptional("implements", member0 is not null))
        {
            v.VisitString("implements", ref member0);
        }

        obj.Implements = member0;

        var member1 = obj.Abstract;
        if (v.VisitOptional("abstract", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitBool("abstract", ref value);
            member1 = value;
        }

        obj.Abstract = member1;
    }
}

/// <summary>The QAPI struct <c>q_obj_qom-list-properties-arg</c>.</summary>
[QapiName("q_obj_qom-list-properties-arg")]
public sealed partial record QomListPropertiesArguments : IQapiStruct<QomListPropertiesArguments>
{
    /// <summary>The member <c>typename</c>.</summary>
    [QapiName("typename")]
    public required string Typename { get; set; }

    static void IQapiType<QomListPropertiesArguments>.Visit(Visitor v, string? name, [NotNull] ref QomListPropertiesArguments? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new QomListPropertiesArguments { Typename = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<QomListPropertiesArguments>.VisitMembers(Visitor v, QomListPropertiesArguments obj)
    {
        var member0 = obj.Typename;
        v.VisitString("typename", ref member0);
        obj.Typename = member0;
    }
}

/// <summary>The QAPI struct <c>EventLoopBaseProperties</c>.</summary>
[QapiName("EventLoopBaseProperties")]
public partial record EventLoopBaseProperties : IQapiStruct<EventLoopBaseProperties>
{
    /// <summary>The optional member <c>aio-max-batch</c>.</summary>
    [QapiName("aio-max-batch")]
    public long? AioMaxBatch { get; set; }

    /// <summary>The optional member <c>thread-pool-min</c>.</summary>
    [QapiName("thread-pool-min")]
    public long? ThreadPoolMin { get; set; }

    /// <summary>The optional member <c>thread-pool-max</c>.</summary>
    [QapiName("thread-pool-max")]
    public long? ThreadPoolMax { get; set; }

    static void IQapiType<EventLoopBaseProperties>.Visit(Visitor v, string? name, [NotNull] ref EventLoopBaseProperties? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new EventLoopBaseProperties { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<EventLoopBaseProperties>.VisitMembers(Visitor v, EventLoopBaseProperties obj)
    {
        var member0 = obj.AioMaxBatch;
        if (v.VisitOptional("aio-max-batch", member0.HasValue))
        {
            var value = member0.GetValueOrDefault();
            v.VisitInt64("aio-max-batch", ref value);
            member0 = value;
        }

        obj.AioMaxBatch = member0;

        var member1 = obj.ThreadPoolMin;
        if (v.VisitOptional("thread-pool-min", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitInt64("thread-pool-min", ref value);
            member1 = value;
        }

        obj.ThreadPoolMin = member1;

        var member2 = obj.ThreadPoolMax;
        if (v.VisitOptional("thread-pool-max", member2.HasValue))
        {
            var value = member2.GetValueOrDefault();
            v.VisitInt64("thread-pool-max", ref value);
            member2 = value;
        }

        obj.ThreadPoolMax = member2;
    }
}

/// <summary>The QAPI struct <c>IothreadProperties</c>.</summary>
[QapiName("IothreadProperties")]
public sealed partial record IothreadProperties : EventLoopBaseProperties, IQapiStruct<IothreadProperties>
{
    /// <summary>The optional member <c>poll-max-ns</c>.</summary>
    [QapiName("poll-max-ns")]
    public long? PollMaxNs { get; set; }

    /// <summary>The optional member <c>poll-grow</c>.</summary>
    [QapiName("poll-grow")]
    public long? PollGrow { get; set; }

    /// <summary>The optional member <c>poll-shrink</c>.</summary>
    [QapiName("poll-shrink")]
    public long? PollShrink { get; set; }

    static void IQapiType<IothreadProperties>.Visit(Visitor v, string? name, [NotNull] ref IothreadProperties? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new IothreadProperties { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<IothreadProperties>.VisitMembers(Visitor v, IothreadProperties obj)
    {
        v.VisitMembers<EventLoopBaseProperties>(obj);

        var member0 = obj.PollMaxNs;
        if (v.VisitOptional("poll-max-ns", member0.HasValue))
        {
            var value = member0.GetValueOrDefault();
            v.VisitInt64("poll-max-ns", ref value);
            member0 = value;
        }

        obj.PollMaxNs = member0;

        var member1 = obj.PollGrow;
        if (v.VisitOptional("poll-grow", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitInt64("poll-grow", ref value);
            member1 = value;
        }

        obj.PollGrow = member1;

        var member2 = obj.PollShrink;
        if (v.VisitOptional("poll-shrink", member2.HasValue))
        {
            var value = member2.GetValueOrDefault();
            v.VisitInt64("poll-shrink", ref value);
            member2 = value;
        }

        obj.PollShrink = member2;
    }
}

/// <summary>The QAPI struct <c>MemoryBackendProperties</c>.</summary>
[QapiName("MemoryBackendProperties")]
public partial record MemoryBackendProperties : IQapiStruct<MemoryBackendProperties>
{
    /// <summary>The optional member <c>dump</c>.</summary>
    [QapiName("dump")]
    public bool? Dump { get; set; }

    /// <summary>The optional member <c>host-nodes</c>.</summary>
    [QapiName("host-nodes")]
    public QapiList<ushort>? HostNodes { get; set; }

    /// <summary>The optional member <c>merge</c>.</summary>
    [QapiName("merge")]
    public bool? Merge { get; set; }

    /// <summary>The optional member <c>policy</c>.</summary>
    [QapiName("policy")]
    public HostMemPolicy? Policy { get; set; }

    /// <summary>The optional member <c>prealloc</c>.</summary>
    [QapiName("prealloc")]
    public bool? Prealloc { get; set; }

    /// <summary>The optional member <c>prealloc-threads</c>.</summary>
    [QapiName("prealloc-threads")]
    public uint? PreallocThreads { get; set; }

    /// <summary>The optional member <c>prealloc-context</c>.</summary>
    [QapiName("prealloc-context")]
    public string? PreallocContext { get; set; }

    /// <summary>The optional member <c>share</c>.</summary>
    [QapiName("share")]
    public bool? Share { get; set; }

    /// <summary>The optional member <c>reserve</c>.</summary>
    [QapiName("reserve")]
    public bool? Reserve { get; set; }

    /// <summary>The member <c>size</c>.</summary>
    [QapiName("size")]
    public required ulong Size { get; set; }

    /// <summary>The optional member <c>x-use-canonical-path-for-ramblock-id</c>.</summary>
    [QapiName("x-use-canonical-path-for-ramblock-id")]
    public bool? XUseCanonicalPathForRamblockId { get; set; }

    static void IQapiType<MemoryBackendProperties>.Visit(Visitor v, string? name, [NotNull] ref MemoryBackendProperties? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new MemoryBackendProperties { Size = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<MemoryBackendProperties>.VisitMembers(Visitor v, MemoryBackendProperties obj)
    {
        var member0 = obj.Dump;
        if (v.VisitOptional("dump", member0.HasValue))
        {
            var value = member0.GetValueOrDefault();
            v.VisitBool("dump", ref value);
            member0 = value;
        }

        obj.Dump = member0;

        var member1 = obj.HostNodes;
        if (v.VisitOptional("host-nodes", member1 is not null))
        {
            v.VisitUInt16List("host-nodes", ref member1);
        }

        obj.HostNodes = member1;

        var member2 = obj.Merge;
        if (v.VisitOptional("merge", member2.HasValue))
        {
            var value = member2.GetValueOrDefault();
            v.VisitBool("merge", ref value);
            member2 = value;
        }

        obj.Merge = member2;

        var member3 = obj.Policy;
        if (v.VisitOptional("policy", member3.HasValue))
        {
            var value = member3.GetValueOrDefault();
            v.VisitEnum("policy", ref value);
            member3 = value;
        }

        obj.Policy = member3;

        var member4 = obj.Prealloc;
        if (v.VisitOptional("prealloc", member4.HasValue))
        {
            var value = member4.GetValueOrDefault();
            v.VisitBool("prealloc", ref value);
            member4 = value;
        }

        obj.Prealloc = member4;

        var member5 = obj.PreallocThreads;
        if (v.VisitOptional("prealloc-threads", member5.HasValue))
        {
            var value = member5.GetValueOrDefault();
            v.VisitUInt32("prealloc-threads", ref value);
            member5 = value;
        }

        obj.PreallocThreads = member5;

        var member6 = obj.PreallocContext;
        if (v.VisitOptional("prealloc-context", member6 is not null))
        {
            v.VisitString("prealloc-context", ref member6);
        }

        obj.PreallocContext = member6;

        var member7 = obj.Share;
        if (v.VisitOptional("share", member7.HasValue))
        {
            var value = member7.GetValueOrDefault();
            v.VisitBool("share", ref value);
            member7 = value;
        }

        obj.Share = member7;

        var member8 = obj.Reserve;
        if (v.VisitOptional("reserve", member8.HasValue))
        {
            var value = member8.GetValueOrDefault();
            v.VisitBool("reserve", ref value);
            member8 = value;
        }

        obj.Reserve = member8;

        var member9 = obj.Size;
        v.VisitSize("size", ref member9);
        obj.Size = member9;

        var member10 = obj.XUseCanonicalPathForRamblockId;
        if (v.VisitOptional("x-use-canonical-path-for-ramblock-id", member10.HasValue))
        {
            var value = member10.GetValueOrDefault();
            v.VisitBool("x-use-canonical-path-for-ramblock-id", ref value);
            member10 = value;
        }

        obj.XUseCanonicalPathForRamblockId = member10;
    }
}

/// <summary>The QAPI struct <c>q_obj_object-del-arg</c>.</summary>
[QapiName("q_obj_object-del-arg")]
public sealed partial record ObjectDelArguments : IQapiStruct<ObjectDelArguments>
{
    /// <summary>The member <c>id</c>.</summary>
    [QapiName("id")]
    public required string Id { get; set; }

    static void IQapiType<ObjectDelArguments>.Visit(Visitor v, string? name, [NotNull] ref ObjectDelArguments? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new ObjectDelArguments { Id = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<ObjectDelArguments>.VisitMembers(Visitor v, ObjectDelArguments obj)
    {
        var member0 = obj.Id;
        v.VisitString("id", ref member0);
        obj.Id = member0;
    }
}
