// Downstream (__RFQDN_) names and one-branch unions and alternates from QEMU's
// tests/qapi-schema/qapi-schema-test.json, written exactly as the C# code generator must emit
// them (docs/codegen-shape.md).

using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Machina.QObjects;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors.TestSchema;

/// <summary>The QAPI struct <c>__org.qemu_x-Base</c>.</summary>
[QapiName("__org.qemu_x-Base")]
public partial record OrgQemuXBase : IQapiStruct<OrgQemuXBase>
{
    /// <summary>The member <c>__org.qemu_x-member1</c>.</summary>
    [QapiName("__org.qemu_x-member1")]
    public required OrgQemuXEnum OrgQemuXMember1 { get; set; }

    static void IQapiType<OrgQemuXBase>.Visit(Visitor v, string? name, [NotNull] ref OrgQemuXBase? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new OrgQemuXBase { OrgQemuXMember1 = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<OrgQemuXBase>.VisitMembers(Visitor v, OrgQemuXBase obj)
    {
        var member0 = obj.OrgQemuXMember1;
        v.VisitEnum("__org.qemu_x-member1", ref member0);
        obj.OrgQemuXMember1 = member0;
    }
}

/// <summary>The QAPI struct <c>__org.qemu_x-Struct</c>.</summary>
[QapiName("__org.qemu_x-Struct")]
public sealed partial record OrgQemuXStruct : OrgQemuXBase, IQapiStruct<OrgQemuXStruct>
{
    /// <summary>The member <c>__org.qemu_x-member2</c>.</summary>
    [QapiName("__org.qemu_x-member2")]
    public required string OrgQemuXMember2 { get; set; }

    /// <summary>The optional member <c>wchar-t</c>.</summary>
    [QapiName("wchar-t")]
    public long? WcharT { get; set; }

    static void IQapiType<OrgQemuXStruct>.Visit(Visitor v, string? name, [NotNull] ref OrgQemuXStruct? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new OrgQemuXStruct { OrgQemuXMember1 = default, OrgQemuXMember2 = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<OrgQemuXStruct>.VisitMembers(Visitor v, OrgQemuXStruct obj)
    {
        v.VisitMembers<OrgQemuXBase>(obj);

        var member0 = obj.OrgQemuXMember2;
        v.VisitString("__org.qemu_x-member2", ref member0);
        obj.OrgQemuXMember2 = member0;

        var member1 = obj.WcharT;
        if (v.VisitOptional("wchar-t", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitInt64("wchar-t", ref value);
            member1 = value;
        }

        obj.WcharT = member1;
    }
}

/// <summary>The QAPI alternate <c>__org.qemu_x-Alt1</c>.</summary>
[QapiName("__org.qemu_x-Alt1")]
public abstract partial record OrgQemuXAlt1 : IQapiType<OrgQemuXAlt1>
{
    private OrgQemuXAlt1()
    {
    }

    /// <summary>Branch <c>__org.qemu_x-branch</c> as <paramref name="value"/>.</summary>
    public static implicit operator OrgQemuXAlt1(string value) => new OrgQemuXBranch(value);

    static void IQapiType<OrgQemuXAlt1>.Visit(Visitor v, string? name, [NotNull] ref OrgQemuXAlt1? obj)
    {
        var current = obj switch
        {
            OrgQemuXBranch => QType.QString,
            _ => QType.None,
        };
        switch (v.StartAlternate(name, current))
        {
            case QType.QString:
            {
                var member = (obj as OrgQemuXBranch)?.Value;
                v.VisitString(name, ref member);
                obj = v.IsOutput ? obj! : new OrgQemuXBranch(member);
                break;
            }

            default:
                throw QapiException.InvalidParameterType(name ?? "null", "__org.qemu_x-Alt1");
        }

        v.EndAlternate();
    }

    /// <summary>Branch <c>__org.qemu_x-branch</c>: a <c>str</c>.</summary>
    [QapiName("__org.qemu_x-branch")]
    public sealed partial record OrgQemuXBranch(string Value) : OrgQemuXAlt1;
}

/// <summary>The QAPI struct <c>__org.qemu_x-Struct2</c>.</summary>
[QapiName("__org.qemu_x-Struct2")]
public sealed partial record OrgQemuXStruct2 : IQapiStruct<OrgQemuXStruct2>
{
    /// <summary>The member <c>array</c>.</summary>
    [QapiName("array")]
    public required QapiList<OrgQemuXUnion> Array { get; set; }

    static void IQapiType<OrgQemuXStruct2>.Visit(Visitor v, string? name, [NotNull] ref OrgQemuXStruct2? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new OrgQemuXStruct2 { Array = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<OrgQemuXStruct2>.VisitMembers(Visitor v, OrgQemuXStruct2 obj)
    {
        var member0 = obj.Array;
        v.VisitList("array", ref member0);
        obj.Array = member0;
    }
}

/// <summary>The QAPI union <c>__org.qemu_x-Union</c>.</summary>
[QapiName("__org.qemu_x-Union")]
public abstract partial record OrgQemuXUnion : IQapiType<OrgQemuXUnion>
{
    private OrgQemuXUnion()
    {
    }

    /// <summary>The discriminator <c>__org.qemu_x-member1</c>: which branch this is.</summary>
    [QapiName("__org.qemu_x-member1")]
    public abstract OrgQemuXEnum OrgQemuXMember1 { get; }

    static void IQapiType<OrgQemuXUnion>.Visit(Visitor v, string? name, [NotNull] ref OrgQemuXUnion? obj)
    {
        v.StartStruct(name);
        if (v.IsInput)
        {
            obj = null;
        }

        var member0 = obj?.OrgQemuXMember1 ?? default;
        v.VisitEnum("__org.qemu_x-member1", ref member0);

        obj = v.Kind switch
        {
            VisitorKind.Input => member0 switch
            {
                OrgQemuXEnum.OrgQemuXValue => new OrgQemuXValue { Array = default! },
                _ => throw new UnreachableException(),
            },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };

        switch (obj)
        {
            case OrgQemuXValue branch:
            {
                var member1 = branch.Array;
                v.VisitList("array", ref member1);
                branch.Array = member1;
                break;
            }
        }

        v.CheckStruct();
        v.EndStruct();
    }

    /// <summary>The branch for <c>__org.qemu_x-member1</c> <c>__org.qemu_x-value</c>: the members of <c>__org.qemu_x-Struct2</c>.</summary>
    [QapiName("__org.qemu_x-value")]
    public sealed partial record OrgQemuXValue : OrgQemuXUnion
    {
        /// <inheritdoc/>
        public override OrgQemuXEnum OrgQemuXMember1 => OrgQemuXEnum.OrgQemuXValue;

        /// <summary>The member <c>array</c>.</summary>
        [QapiName("array")]
        public required QapiList<OrgQemuXUnion> Array { get; set; }
    }
}

/// <summary>The QAPI alternate <c>__org.qemu_x-Alt</c>.</summary>
[QapiName("__org.qemu_x-Alt")]
public abstract partial record OrgQemuXAlt : IQapiType<OrgQemuXAlt>
{
    private OrgQemuXAlt()
    {
    }

    /// <summary>Branch <c>__org.qemu_x-branch</c> as <paramref name="value"/>.</summary>
    public static implicit operator OrgQemuXAlt(OrgQemuXBase value) => new OrgQemuXBranch(value);

    static void IQapiType<OrgQemuXAlt>.Visit(Visitor v, string? name, [NotNull] ref OrgQemuXAlt? obj)
    {
        var current = obj switch
        {
            OrgQemuXBranch => QType.QDict,
            _ => QType.None,
        };
        switch (v.StartAlternate(name, current))
        {
            case QType.QDict:
            {
                var member = (obj as OrgQemuXBranch)?.Value;
                v.Visit(name, ref member);
                obj = v.IsOutput ? obj! : new OrgQemuXBranch(member);
                break;
            }

            default:
                throw QapiException.InvalidParameterType(name ?? "null", "__org.qemu_x-Alt");
        }

        v.EndAlternate();
    }

    /// <summary>Branch <c>__org.qemu_x-branch</c>: a <c>__org.qemu_x-Base</c>.</summary>
    [QapiName("__org.qemu_x-branch")]
    public sealed partial record OrgQemuXBranch(OrgQemuXBase Value) : OrgQemuXAlt;
}
