// A slice of QEMU's BlockdevOptions for the null-co driver (its discriminator, node-name and the
// null driver's own members), written as the code generator emits a struct (docs/codegen-shape.md),
// so tests can read -blockdev arguments and compare the messages with the real QEMU's.

using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Options.Tests;

/// <summary>The members of <c>BlockdevOptions</c> that a <c>null-co</c> node uses.</summary>
[QapiName("NullBlockdevOptions")]
public sealed partial record NullBlockdevOptions : IQapiStruct<NullBlockdevOptions>
{
    /// <summary>The member <c>driver</c>.</summary>
    [QapiName("driver")]
    public required string Driver { get; set; }

    /// <summary>The optional member <c>node-name</c>.</summary>
    [QapiName("node-name")]
    public string? NodeName { get; set; }

    /// <summary>The optional member <c>size</c>.</summary>
    [QapiName("size")]
    public long? Size { get; set; }

    /// <summary>The optional member <c>latency-ns</c>.</summary>
    [QapiName("latency-ns")]
    public ulong? LatencyNs { get; set; }

    /// <summary>The optional member <c>read-zeroes</c>.</summary>
    [QapiName("read-zeroes")]
    public bool? ReadZeroes { get; set; }

    static void IQapiType<NullBlockdevOptions>.Visit(Visitor v, string? name, [NotNull] ref NullBlockdevOptions? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new NullBlockdevOptions { Driver = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<NullBlockdevOptions>.VisitMembers(Visitor v, NullBlockdevOptions obj)
    {
        var member0 = obj.Driver;
        v.VisitString("driver", ref member0);
        obj.Driver = member0;

        var member1 = obj.NodeName;
        if (v.VisitOptional("node-name", member1 is not null))
        {
            v.VisitString("node-name", ref member1);
        }

        obj.NodeName = member1;

        var member2 = obj.Size;
        if (v.VisitOptional("size", member2.HasValue))
        {
            var value = member2.GetValueOrDefault();
            v.VisitInt64("size", ref value);
            member2 = value;
        }

        obj.Size = member2;

        var member3 = obj.LatencyNs;
        if (v.VisitOptional("latency-ns", member3.HasValue))
        {
            var value = member3.GetValueOrDefault();
            v.VisitUInt64("latency-ns", ref value);
            member3 = value;
        }

        obj.LatencyNs = member3;

        var member4 = obj.ReadZeroes;
        if (v.VisitOptional("read-zeroes", member4.HasValue))
        {
            var value = member4.GetValueOrDefault();
            v.VisitBool("read-zeroes", ref value);
            member4 = value;
        }

        obj.ReadZeroes = member4;
    }
}
