// Plain structs of QEMU's tests/qapi-schema/qapi-schema-test.json (with bases, optional
// members, nesting), written exactly as the C# code generator must emit them
// (docs/codegen-shape.md).

using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors.TestSchema;

/// <summary>The QAPI struct <c>TestStruct</c>.</summary>
[QapiName("TestStruct")]
public sealed partial record TestStruct : IQapiStruct<TestStruct>
{
    /// <summary>The member <c>integer</c>.</summary>
    [QapiName("integer")]
    public required long Integer { get; set; }

    /// <summary>The member <c>boolean</c>.</summary>
    [QapiName("boolean")]
    public required bool Boolean { get; set; }

    /// <summary>The member <c>string</c>.</summary>
    [QapiName("string")]
    public required string String { get; set; }

    static void IQapiType<TestStruct>.Visit(Visitor v, string? name, [NotNull] ref TestStruct? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new TestStruct { Integer = default, Boolean = default, String = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<TestStruct>.VisitMembers(Visitor v, TestStruct obj)
    {
        var member0 = obj.Integer;
        v.VisitInt64("integer", ref member0);
        obj.Integer = member0;

        var member1 = obj.Boolean;
        v.VisitBool("boolean", ref member1);
        obj.Boolean = member1;

        var member2 = obj.String;
        v.VisitString("string", ref member2);
        obj.String = member2;
    }
}

/// <summary>The QAPI struct <c>NestedEnumsOne</c>.</summary>
[QapiName("NestedEnumsOne")]
public sealed partial record NestedEnumsOne : IQapiStruct<NestedEnumsOne>
{
    /// <summary>The member <c>enum1</c>.</summary>
    [QapiName("enum1")]
    public required EnumOne Enum1 { get; set; }

    /// <summary>The optional member <c>enum2</c>.</summary>
    [QapiName("enum2")]
    public EnumOne? Enum2 { get; set; }

    /// <summary>The member <c>enum3</c>.</summary>
    [QapiName("enum3")]
    public required EnumOne Enum3 { get; set; }

    /// <summary>The optional member <c>enum4</c>.</summary>
    [QapiName("enum4")]
    public EnumOne? Enum4 { get; set; }

    static void IQapiType<NestedEnumsOne>.Visit(Visitor v, string? name, [NotNull] ref NestedEnumsOne? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new NestedEnumsOne { Enum1 = default, Enum3 = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<NestedEnumsOne>.VisitMembers(Visitor v, NestedEnumsOne obj)
    {
        var member0 = obj.Enum1;
        v.VisitEnum("enum1", ref member0);
        obj.Enum1 = member0;

        var member1 = obj.Enum2;
        if (v.VisitOptional("enum2", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitEnum("enum2", ref value);
            member1 = value;
        }

        obj.Enum2 = member1;

        var member2 = obj.Enum3;
        v.VisitEnum("enum3", ref member2);
        obj.Enum3 = member2;

        var member3 = obj.Enum4;
        if (v.VisitOptional("enum4", member3.HasValue))
        {
            var value = member3.GetValueOrDefault();
            v.VisitEnum("enum4", ref value);
            member3 = value;
        }

        obj.Enum4 = member3;
    }
}

/// <summary>The QAPI struct <c>Empty1</c>.</summary>
[QapiName("Empty1")]
public partial record Empty1 : IQapiStruct<Empty1>
{
    static void IQapiType<Empty1>.Visit(Visitor v, string? name, [NotNull] ref Empty1? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new Empty1 { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<Empty1>.VisitMembers(Visitor v, Empty1 obj)
    {
    }
}

/// <summary>The QAPI struct <c>Empty2</c>.</summary>
[QapiName("Empty2")]
public sealed partial record Empty2 : Empty1, IQapiStruct<Empty2>
{
    static void IQapiType<Empty2>.Visit(Visitor v, string? name, [NotNull] ref Empty2? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new Empty2 { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<Empty2>.VisitMembers(Visitor v, Empty2 obj)
    {
        v.VisitMembers<Empty1>(obj);
    }
}

/// <summary>The QAPI struct <c>UserDefZero</c>.</summary>
[QapiName("UserDefZero")]
public partial record UserDefZero : IQapiStruct<UserDefZero>
{
    /// <summary>The member <c>integer</c>.</summary>
    [QapiName("integer")]
    public required long Integer { get; set; }

    static void IQapiType<UserDefZero>.Visit(Visitor v, string? name, [NotNull] ref UserDefZero? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new UserDefZero { Integer = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<UserDefZero>.VisitMembers(Visitor v, UserDefZero obj)
    {
        var member0 = obj.Integer;
        v.VisitInt64("integer", ref member0);
        obj.Integer = member0;
    }
}

/// <summary>The QAPI struct <c>UserDefOne</c>.</summary>
[QapiName("UserDefOne")]
public sealed partial record UserDefOne : UserDefZero, IQapiStruct<UserDefOne>
{
    /// <summary>The member <c>string</c>.</summary>
    [QapiName("string")]
    public required string String { get; set; }

    /// <summary>The optional member <c>enum1</c>.</summary>
    [QapiName("enum1")]
    public EnumOne? Enum1 { get; set; }

    static void IQapiType<UserDefOne>.Visit(Visitor v, string? name, [NotNull] ref UserDefOne? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new UserDefOne { Integer = default, String = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<UserDefOne>.VisitMembers(Visitor v, UserDefOne obj)
    {
        v.VisitMembers<UserDefZero>(obj);

        var member0 = obj.String;
        v.VisitString("string", ref member0);
        obj.String = member0;

        var member1 = obj.Enum1;
        if (v.VisitOptional("enum1", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitEnum("enum1", ref value);
            member1 = value;
        }

        obj.Enum1 = member1;
    }
}

/// <summary>The QAPI struct <c>UserDefTwoDictDict</c>.</summary>
[QapiName("UserDefTwoDictDict")]
public sealed partial record UserDefTwoDictDict : IQapiStruct<UserDefTwoDictDict>
{
    /// <summary>The member <c>userdef</c>.</summary>
    [QapiName("userdef")]
    public required UserDefOne Userdef { get; set; }

    /// <summary>The member <c>string</c>.</summary>
    [QapiName("string")]
    public required string String { get; set; }

    static void IQapiType<UserDefTwoDictDict>.Visit(Visitor v, string? name, [NotNull] ref UserDefTwoDictDict? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new UserDefTwoDictDict { Userdef = default!, String = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<UserDefTwoDictDict>.VisitMembers(Visitor v, UserDefTwoDictDict obj)
    {
        var member0 = obj.Userdef;
        v.Visit("userdef", ref member0);
        obj.Userdef = member0;

        var member1 = obj.String;
        v.VisitString("string", ref member1);
        obj.String = member1;
    }
}

/// <summary>The QAPI struct <c>UserDefTwoDict</c>.</summary>
[QapiName("UserDefTwoDict")]
public sealed partial record UserDefTwoDict : IQapiStruct<UserDefTwoDict>
{
    /// <summary>The member <c>string1</c>.</summary>
    [QapiName("string1")]
    public required string String1 { get; set; }

    /// <summary>The member <c>dict2</c>.</summary>
    [QapiName("dict2")]
    public required UserDefTwoDictDict Dict2 { get; set; }

    /// <summary>The optional member <c>dict3</c>.</summary>
    [QapiName("dict3")]
    public UserDefTwoDictDict? Dict3 { get; set; }

    static void IQapiType<UserDefTwoDict>.Visit(Visitor v, string? name, [NotNull] ref UserDefTwoDict? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new UserDefTwoDict { String1 = default!, Dict2 = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<UserDefTwoDict>.VisitMembers(Visitor v, UserDefTwoDict obj)
    {
        var member0 = obj.String1;
        v.VisitString("string1", ref member0);
        obj.String1 = member0;

        var member1 = obj.Dict2;
        v.Visit("dict2", ref member1);
        obj.Dict2 = member1;

        var member2 = obj.Dict3;
        if (v.VisitOptional("dict3", member2 is not null))
        {
            v.Visit("dict3", ref member2);
        }

        obj.Dict3 = member2;
    }
}

/// <summary>The QAPI struct <c>UserDefTwo</c>.</summary>
[QapiName("UserDefTwo")]
public sealed partial record UserDefTwo : IQapiStruct<UserDefTwo>
{
    /// <summary>The member <c>string0</c>.</summary>
    [QapiName("string0")]
    public required string String0 { get; set; }

    /// <summary>The member <c>dict1</c>.</summary>
    [QapiName("dict1")]
    public required UserDefTwoDict Dict1 { get; set; }

    static void IQapiType<UserDefTwo>.Visit(Visitor v, string? name, [NotNull] ref UserDefTwo? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new UserDefTwo { String0 = default!, Dict1 = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<UserDefTwo>.VisitMembers(Visitor v, UserDefTwo obj)
    {
        var member0 = obj.String0;
        v.VisitString("string0", ref member0);
        obj.String0 = member0;

        var member1 = obj.Dict1;
        v.Visit("dict1", ref member1);
        obj.Dict1 = member1;
    }
}

/// <summary>The QAPI struct <c>UserDefA</c>.</summary>
[QapiName("UserDefA")]
public sealed partial record UserDefA : IQapiStruct<UserDefA>
{
    /// <summary>The member <c>boolean</c>.</summary>
    [QapiName("boolean")]
    public required bool Boolean { get; set; }

    /// <summary>The optional member <c>a_b</c>.</summary>
    [QapiName("a_b")]
    public long? AB { get; set; }

    static void IQapiType<UserDefA>.Visit(Visitor v, string? name, [NotNull] ref UserDefA? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new UserDefA { Boolean = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<UserDefA>.VisitMembers(Visitor v, UserDefA obj)
    {
        var member0 = obj.Boolean;
        v.VisitBool("boolean", ref member0);
        obj.Boolean = member0;

        var member1 = obj.AB;
        if (v.VisitOptional("a_b", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitInt64("a_b", ref value);
            member1 = value;
        }

        obj.AB = member1;
    }
}

/// <summary>The QAPI struct <c>UserDefB</c>.</summary>
[QapiName("UserDefB")]
public sealed partial record UserDefB : IQapiStruct<UserDefB>
{
    /// <summary>The member <c>intb</c>.</summary>
    [QapiName("intb")]
    public required long Intb { get; set; }

    /// <summary>The optional member <c>a-b</c>.</summary>
    [QapiName("a-b")]
    public bool? AB { get; set; }

    static void IQapiType<UserDefB>.Visit(Visitor v, string? name, [NotNull] ref UserDefB? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new UserDefB { Intb = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<UserDefB>.VisitMembers(Visitor v, UserDefB obj)
    {
        var member0 = obj.Intb;
        v.VisitInt64("intb", ref member0);
        obj.Intb = member0;

        var member1 = obj.AB;
        if (v.VisitOptional("a-b", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitBool("a-b", ref value);
            member1 = value;
        }

        obj.AB = member1;
    }
}

/// <summary>The QAPI struct <c>UserDefC</c>.</summary>
[QapiName("UserDefC")]
public sealed partial record UserDefC : IQapiStruct<UserDefC>
{
    /// <summary>The member <c>string1</c>.</summary>
    [QapiName("string1")]
    public required string String1 { get; set; }

    /// <summary>The member <c>string2</c>.</summary>
    [QapiName("string2")]
    public required string String2 { get; set; }

    static void IQapiType<UserDefC>.Visit(Visitor v, string? name, [NotNull] ref UserDefC? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new UserDefC { String1 = default!, String2 = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<UserDefC>.VisitMembers(Visitor v, UserDefC obj)
    {
        var member0 = obj.String1;
        v.VisitString("string1", ref member0);
        obj.String1 = member0;

        var member1 = obj.String2;
        v.VisitString("string2", ref member1);
        obj.String2 = member1;
    }
}

/// <summary>The QAPI struct <c>UserDefUnionBase</c>.</summary>
[QapiName("UserDefUnionBase")]
public sealed partial record UserDefUnionBase : UserDefZero, IQapiStruct<UserDefUnionBase>
{
    /// <summary>The member <c>string</c>.</summary>
    [QapiName("string")]
    public required string String { get; set; }

    /// <summary>The member <c>enum1</c>.</summary>
    [QapiName("enum1")]
    public required EnumOne Enum1 { get; set; }

    static void IQapiType<UserDefUnionBase>.Visit(Visitor v, string? name, [NotNull] ref UserDefUnionBase? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new UserDefUnionBase { Integer = default, String = default!, Enum1 = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<UserDefUnionBase>.VisitMembers(Visitor v, UserDefUnionBase obj)
    {
        v.VisitMembers<UserDefZero>(obj);

        var member0 = obj.String;
        v.VisitString("string", ref member0);
        obj.String = member0;

        var member1 = obj.Enum1;
        v.VisitEnum("enum1", ref member1);
        obj.Enum1 = member1;
    }
}
