// Unions of QEMU's tests/qapi-schema/qapi-schema-test.json, written exactly as the C# code
// generator must emit them (docs/codegen-shape.md): the base members and the abstract
// discriminator on an abstract record, one sealed nested record per discriminator value with
// that branch's members.

using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors.TestSchema;

/// <summary>The QAPI union <c>UserDefFlatUnion</c>.</summary>
[QapiName("UserDefFlatUnion")]
public abstract partial record UserDefFlatUnion : IQapiType<UserDefFlatUnion>
{
    private UserDefFlatUnion()
    {
    }

    /// <summary>The member <c>integer</c>.</summary>
    [QapiName("integer")]
    public required long Integer { get; set; }

    /// <summary>The member <c>string</c>.</summary>
    [QapiName("string")]
    public required string String { get; set; }

    /// <summary>The discriminator <c>enum1</c>: which branch this is.</summary>
    [QapiName("enum1")]
    public abstract EnumOne Enum1 { get; }

    static void IQapiType<UserDefFlatUnion>.Visit(Visitor v, string? name, [NotNull] ref UserDefFlatUnion? obj)
    {
        v.StartStruct(name);
        if (v.IsInput)
        {
            obj = null;
        }

        var member0 = obj?.Integer ?? default;
        v.VisitInt64("integer", ref member0);

        var member1 = obj?.String;
        v.VisitString("string", ref member1);

        var member2 = obj?.Enum1 ?? default;
        v.VisitEnum("enum1", ref member2);

        obj = v.Kind switch
        {
            VisitorKind.Input => member2 switch
            {
                EnumOne.Value1 => new Value1 { Integer = default, String = default!, Boolean = default },
                EnumOne.Value2 => new Value2 { Integer = default, String = default!, Intb = default },
                EnumOne.Value3 => new Value3 { Integer = default, String = default!, Intb = default },
                EnumOne.Value4 => new Value4 { Integer = default, String = default! },
                _ => throw new UnreachableException(),
            },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        obj.Integer = member0;
        obj.String = member1;

        switch (obj)
        {
            case Value1 branch:
            {
                var member3 = branch.Boolean;
                v.VisitBool("boolean", ref member3);
                branch.Boolean = member3;

                var member4 = branch.AB;
                if (v.VisitOptional("a_b", member4.HasValue))
                {
                    var value = member4.GetValueOrDefault();
                    v.VisitInt64("a_b", ref value);
                    member4 = value;
                }

                branch.AB = member4;
                break;
            }

            case Value2 branch:
            {
                var member3 = branch.Intb;
                v.VisitInt64("intb", ref member3);
                branch.Intb = member3;

                var member4 = branch.AB;
                if (v.VisitOptional("a-b", member4.HasValue))
                {
                    var value = member4.GetValueOrDefault();
                    v.VisitBool("a-b", ref value);
                    member4 = value;
                }

                branch.AB = member4;
                break;
            }

            case Value3 branch:
            {
                var member3 = branch.Intb;
                v.VisitInt64("intb", ref member3);
                branch.Intb = member3;

                var member4 = branch.AB;
                if (v.VisitOptional("a-b", member4.HasValue))
                {
                    var value = member4.GetValueOrDefault();
                    v.VisitBool("a-b", ref value);
                    member4 = value;
                }

                branch.AB = member4;
                break;
            }

            case Value4:
                break;
        }

        v.CheckStruct();
        v.EndStruct();
    }

    /// <summary>The branch for <c>enum1</c> <c>value1</c>: the members of <c>UserDefA</c>.</summary>
    [QapiName("value1")]
    public sealed partial record Value1 : UserDefFlatUnion
    {
        /// <inheritdoc/>
        public override EnumOne Enum1 => EnumOne.Value1;

        /// <summary>The member <c>boolean</c>.</summary>
        [QapiName("boolean")]
        public required bool Boolean { get; set; }

        /// <summary>The optional member <c>a_b</c>.</summary>
        [QapiName("a_b")]
        public long? AB { get; set; }
    }

    /// <summary>The branch for <c>enum1</c> <c>value2</c>: the members of <c>UserDefB</c>.</summary>
    [QapiName("value2")]
    public sealed partial record Value2 : UserDefFlatUnion
    {
        /// <inheritdoc/>
        public override EnumOne Enum1 => EnumOne.Value2;

        /// <summary>The member <c>intb</c>.</summary>
        [QapiName("intb")]
        public required long Intb { get; set; }

        /// <summary>The optional member <c>a-b</c>.</summary>
        [QapiName("a-b")]
        public bool? AB { get; set; }
    }

    /// <summary>The branch for <c>enum1</c> <c>value3</c>: the members of <c>UserDefB</c>.</summary>
    [QapiName("value3")]
    public sealed partial record Value3 : UserDefFlatUnion
    {
        /// <inheritdoc/>
        public override EnumOne Enum1 => EnumOne.Value3;

        /// <summary>The member <c>intb</c>.</summary>
        [QapiName("intb")]
        public required long Intb { get; set; }

        /// <summary>The optional member <c>a-b</c>.</summary>
        [QapiName("a-b")]
        public bool? AB { get; set; }
    }

    /// <summary>The branch for <c>enum1</c> <c>value4</c>: no further members.</summary>
    [QapiName("value4")]
    public sealed partial record Value4 : UserDefFlatUnion
    {
        /// <inheritdoc/>
        public override EnumOne Enum1 => EnumOne.Value4;
    }
}

/// <summary>The QAPI union <c>UserDefFlatUnion2</c>.</summary>
[QapiName("UserDefFlatUnion2")]
public abstract partial record UserDefFlatUnion2 : IQapiType<UserDefFlatUnion2>
{
    private UserDefFlatUnion2()
    {
    }

    /// <summary>The optional member <c>integer</c>.</summary>
    [QapiName("integer")]
    public long? Integer { get; set; }

    /// <summary>The member <c>string</c>.</summary>
    [QapiName("string")]
    public required string String { get; set; }

    /// <summary>The discriminator <c>enum1</c>: which branch this is.</summary>
    [QapiName("enum1")]
    public abstract QEnumTwo Enum1 { get; }

    static void IQapiType<UserDefFlatUnion2>.Visit(Visitor v, string? name, [NotNull] ref UserDefFlatUnion2? obj)
    {
        v.StartStruct(name);
        if (v.IsInput)
        {
            obj = null;
        }

        var member0 = obj?.Integer;
        if (v.VisitOptional("integer", member0.HasValue))
        {
            var value = member0.GetValueOrDefault();
            v.VisitInt64("integer", ref value);
            member0 = value;
        }

        var member1 = obj?.String;
        v.VisitString("string", ref member1);

        var member2 = obj?.Enum1 ?? default;
        v.VisitEnum("enum1", ref member2);

        obj = v.Kind switch
        {
            VisitorKind.Input => member2 switch
            {
                QEnumTwo.Value1 => new Value1 { String = default!, String1 = default!, String2 = default! },
                QEnumTwo.Value2 => new Value2 { String = default!, Intb = default },
                _ => throw new UnreachableException(),
            },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        obj.Integer = member0;
        obj.String = member1;

        switch (obj)
        {
            case Value1 branch:
            {
                var member3 = branch.String1;
                v.VisitString("string1", ref member3);
                branch.String1 = member3;

                var member4 = branch.String2;
                v.VisitString("string2", ref member4);
                branch.String2 = member4;
                break;
            }

            case Value2 branch:
            {
                var member3 = branch.Intb;
                v.VisitInt64("intb", ref member3);
                branch.Intb = member3;

                var member4 = branch.AB;
                if (v.VisitOptional("a-b", member4.HasValue))
                {
                    var value = member4.GetValueOrDefault();
                    v.VisitBool("a-b", ref value);
                    member4 = value;
                }

                branch.AB = member4;
                break;
            }
        }

        v.CheckStruct();
        v.EndStruct();
    }

    /// <summary>The branch for <c>enum1</c> <c>value1</c>: the members of <c>UserDefC</c>.</summary>
    [QapiName("value1")]
    public sealed partial record Value1 : UserDefFlatUnion2
    {
        /// <inheritdoc/>
        public override QEnumTwo Enum1 => QEnumTwo.Value1;

        /// <summary>The member <c>string1</c>.</summary>
        [QapiName("string1")]
        public required string String1 { get; set; }

        /// <summary>The member <c>string2</c>.</summary>
        [QapiName("string2")]
        public required string String2 { get; set; }
    }

    /// <summary>The branch for <c>enum1</c> <c>value2</c>: the members of <c>UserDefB</c>.</summary>
    [QapiName("value2")]
    public sealed partial record Value2 : UserDefFlatUnion2
    {
        /// <inheritdoc/>
        public override QEnumTwo Enum1 => QEnumTwo.Value2;

        /// <summary>The member <c>intb</c>.</summary>
        [QapiName("intb")]
        public required long Intb { get; set; }

        /// <summary>The optional member <c>a-b</c>.</summary>
        [QapiName("a-b")]
        public bool? AB { get; set; }
    }
}
