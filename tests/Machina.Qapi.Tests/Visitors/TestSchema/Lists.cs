// Structs with lists of every built-in type, optional lists and optional scalars, from QEMU's
// tests/qapi-schema/qapi-schema-test.json, written exactly as the C# code generator must emit
// them (docs/codegen-shape.md).

using System.Diagnostics.CodeAnalysis;
using Machina.QObjects;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors.TestSchema;

/// <summary>The QAPI struct <c>ArrayStruct</c>.</summary>
[QapiName("ArrayStruct")]
public sealed partial record ArrayStruct : IQapiStruct<ArrayStruct>
{
    /// <summary>The member <c>integer</c>.</summary>
    [QapiName("integer")]
    public required QapiList<long> Integer { get; set; }

    /// <summary>The member <c>s8</c>.</summary>
    [QapiName("s8")]
    public required QapiList<sbyte> S8 { get; set; }

    /// <summary>The member <c>s16</c>.</summary>
    [QapiName("s16")]
    public required QapiList<short> S16 { get; set; }

    /// <summary>The member <c>s32</c>.</summary>
    [QapiName("s32")]
    public required QapiList<int> S32 { get; set; }

    /// <summary>The member <c>s64</c>.</summary>
    [QapiName("s64")]
    public required QapiList<long> S64 { get; set; }

    /// <summary>The member <c>u8</c>.</summary>
    [QapiName("u8")]
    public required QapiList<byte> U8 { get; set; }

    /// <summary>The member <c>u16</c>.</summary>
    [QapiName("u16")]
    public required QapiList<ushort> U16 { get; set; }

    /// <summary>The member <c>u32</c>.</summary>
    [QapiName("u32")]
    public required QapiList<uint> U32 { get; set; }

    /// <summary>The member <c>u64</c>.</summary>
    [QapiName("u64")]
    public required QapiList<ulong> U64 { get; set; }

    /// <summary>The member <c>number</c>.</summary>
    [QapiName("number")]
    public required QapiList<double> Number { get; set; }

    /// <summary>The member <c>boolean</c>.</summary>
    [QapiName("boolean")]
    public required QapiList<bool> Boolean { get; set; }

    /// <summary>The member <c>string</c>.</summary>
    [QapiName("string")]
    public required QapiList<string> String { get; set; }

    /// <summary>The optional member <c>sz</c>.</summary>
    [QapiName("sz")]
    public QapiList<ulong>? Sz { get; set; }

    /// <summary>The optional member <c>any</c>.</summary>
    [QapiName("any")]
    public QapiList<QObject>? Any { get; set; }

    /// <summary>The optional member <c>user</c>.</summary>
    [QapiName("user")]
    public QapiList<Status>? User { get; set; }

    static void IQapiType<ArrayStruct>.Visit(Visitor v, string? name, [NotNull] ref ArrayStruct? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new ArrayStruct
            {
                Integer = default!,
                S8 = default!,
                S16 = default!,
                S32 = default!,
                S64 = default!,
                U8 = default!,
                U16 = default!,
                U32 = default!,
                U64 = default!,
                Number = default!,
                Boolean = default!,
                String = default!,
            },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<ArrayStruct>.VisitMembers(Visitor v, ArrayStruct obj)
    {
        var member0 = obj.Integer;
        v.VisitInt64List("integer", ref member0);
        obj.Integer = member0;

        var member1 = obj.S8;
        v.VisitInt8List("s8", ref member1);
        obj.S8 = member1;

        var member2 = obj.S16;
        v.VisitInt16List("s16", ref member2);
        obj.S16 = member2;

        var member3 = obj.S32;
        v.VisitInt32List("s32", ref member3);
        obj.S32 = member3;

        var member4 = obj.S64;
        v.VisitInt64List("s64", ref member4);
        obj.S64 = member4;

        var member5 = obj.U8;
        v.VisitUInt8List("u8", ref member5);
        obj.U8 = member5;

        var member6 = obj.U16;
        v.VisitUInt16List("u16", ref member6);
        obj.U16 = member6;

        var member7 = obj.U32;
        v.VisitUInt32List("u32", ref member7);
        obj.U32 = member7;

        var member8 = obj.U64;
        v.VisitUInt64List("u64", ref member8);
        obj.U64 = member8;

        var member9 = obj.Number;
        v.VisitNumberList("number", ref member9);
        obj.Number = member9;

        var member10 = obj.Boolean;
        v.VisitBoolList("boolean", ref member10);
        obj.Boolean = member10;

        var member11 = obj.String;
        v.VisitStringList("string", ref member11);
        obj.String = member11;

        var member12 = obj.Sz;
        if (v.VisitOptional("sz", member12 is not null))
        {
            v.VisitSizeList("sz", ref member12);
        }

        obj.Sz = member12;

        var member13 = obj.Any;
        if (v.VisitOptional("any", member13 is not null))
        {
            v.VisitAnyList("any", ref member13);
        }

        obj.Any = member13;

        var member14 = obj.User;
        if (v.VisitOptional("user", member14 is not null))
        {
            v.VisitEnumList("user", ref member14);
        }

        obj.User = member14;
    }
}

/// <summary>The QAPI struct <c>UserDefOptions</c>.</summary>
[QapiName("UserDefOptions")]
public sealed partial record UserDefOptions : IQapiStruct<UserDefOptions>
{
    /// <summary>The optional member <c>i64</c>.</summary>
    [QapiName("i64")]
    public QapiList<long>? I64 { get; set; }

    /// <summary>The optional member <c>u64</c>.</summary>
    [QapiName("u64")]
    public QapiList<ulong>? U64 { get; set; }

    /// <summary>The optional member <c>u16</c>.</summary>
    [QapiName("u16")]
    public QapiList<ushort>? U16 { get; set; }

    /// <summary>The optional member <c>i64x</c>.</summary>
    [QapiName("i64x")]
    public long? I64x { get; set; }

    /// <summary>The optional member <c>u64x</c>.</summary>
    [QapiName("u64x")]
    public ulong? U64x { get; set; }

    static void IQapiType<UserDefOptions>.Visit(Visitor v, string? name, [NotNull] ref UserDefOptions? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new UserDefOptions { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<UserDefOptions>.VisitMembers(Visitor v, UserDefOptions obj)
    {
        var member0 = obj.I64;
        if (v.VisitOptional("i64", member0 is not null))
        {
            v.VisitInt64List("i64", ref member0);
        }

        obj.I64 = member0;

        var member1 = obj.U64;
        if (v.VisitOptional("u64", member1 is not null))
        {
            v.VisitUInt64List("u64", ref member1);
        }

        obj.U64 = member1;

        var member2 = obj.U16;
        if (v.VisitOptional("u16", member2 is not null))
        {
            v.VisitUInt16List("u16", ref member2);
        }

        obj.U16 = member2;

        var member3 = obj.I64x;
        if (v.VisitOptional("i64x", member3.HasValue))
        {
            var value = member3.GetValueOrDefault();
            v.VisitInt64("i64x", ref value);
            member3 = value;
        }

        obj.I64x = member3;

        var member4 = obj.U64x;
        if (v.VisitOptional("u64x", member4.HasValue))
        {
            var value = member4.GetValueOrDefault();
            v.VisitUInt64("u64x", ref value);
            member4 = value;
        }

        obj.U64x = member4;
    }
}

/// <summary>The arguments of the QAPI command <c>guest-sync</c> (its implicit type <c>q_obj_guest-sync-arg</c>).</summary>
[QapiName("q_obj_guest-sync-arg")]
public sealed partial record GuestSyncArguments : IQapiStruct<GuestSyncArguments>
{
    /// <summary>The member <c>arg</c>.</summary>
    [QapiName("arg")]
    public required QObject Arg { get; set; }

    static void IQapiType<GuestSyncArguments>.Visit(Visitor v, string? name, [NotNull] ref GuestSyncArguments? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new GuestSyncArguments { Arg = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<GuestSyncArguments>.VisitMembers(Visitor v, GuestSyncArguments obj)
    {
        var member0 = obj.Arg;
        v.VisitAny("arg", ref member0);
        obj.Arg = member0;
    }
}
