// Hand-written in exactly the shape the QAPI code generator emits (docs/codegen-shape.md), from
// QEMU 7.2's qapi/authz.json; to be replaced by generated code.

using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qom;

/// <summary>The QAPI struct <c>AuthZSimpleProperties</c>.</summary>
[QapiName("AuthZSimpleProperties")]
public sealed partial record AuthZSimpleProperties : IQapiStruct<AuthZSimpleProperties>
{
    /// <summary>The member <c>identity</c>.</summary>
    [QapiName("identity")]
    public required string Identity { get; set; }

    static void IQapiType<AuthZSimpleProperties>.Visit(Visitor v, string? name, [NotNull] ref AuthZSimpleProperties? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new AuthZSimpleProperties { Identity = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<AuthZSimpleProperties>.VisitMembers(Visitor v, AuthZSimpleProperties obj)
    {
        var member0 = obj.Identity;
        v.VisitString("identity", ref member0);
        obj.Identity = member0;
    }
}
