// Hand-written in exactly the shape the QAPI code generator emits (docs/codegen-shape.md), from
// QEMU 7.2's qapi/crypto.json; to be replaced by generated code.

using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qom;

/// <summary>The QAPI enum <c>QCryptoSecretFormat</c>.</summary>
[QapiName("QCryptoSecretFormat")]
public enum QCryptoSecretFormat
{
    /// <summary>The value <c>raw</c>.</summary>
    [QapiName("raw")]
    Raw,

    /// <summary>The value <c>base64</c>.</summary>
    [QapiName("base64")]
    Base64,
}

/// <summary>The QAPI struct <c>SecretCommonProperties</c>.</summary>
[QapiName("SecretCommonProperties")]
public partial record SecretCommonProperties : IQapiStruct<SecretCommonProperties>
{
    /// <summary>The optional member <c>loaded</c>.</summary>
    [QapiName("loaded")]
    [QapiFeatures("deprecated")]
    public bool? Loaded { get; set; }

    /// <summary>The optional member <c>format</c>.</summary>
    [QapiName("format")]
    public QCryptoSecretFormat? Format { get; set; }

    /// <summary>The optional member <c>keyid</c>.</summary>
    [QapiName("keyid")]
    public string? Keyid { get; set; }

    /// <summary>The optional member <c>iv</c>.</summary>
    [QapiName("iv")]
    public string? Iv { get; set; }

    static void IQapiType<SecretCommonProperties>.Visit(Visitor v, string? name, [NotNull] ref SecretCommonProperties? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new SecretCommonProperties { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<SecretCommonProperties>.VisitMembers(Visitor v, SecretCommonProperties obj)
    {
        var member0 = obj.Loaded;
        if (v.VisitOptional("loaded", member0.HasValue))
        {
            var value = member0.GetValueOrDefault();
            v.CheckPolicy("loaded", QapiSpecialFeatures.Deprecated);
            if (!v.SkipByPolicy("loaded", QapiSpecialFeatures.Deprecated))
            {
                v.VisitBool("loaded", ref value);
            }

            member0 = value;
        }

        obj.Loaded = member0;

        var member1 = obj.Format;
        if (v.VisitOptional("format", member1.HasValue))
        {
            var value = member1.GetValueOrDefault();
            v.VisitEnum("format", ref value);
            member1 = value;
        }

        obj.Format = member1;

        var member2 = obj.Keyid;
        if (v.VisitOptional("keyid", member2 is not null))
        {
            v.VisitString("keyid", ref member2);
        }

        obj.Keyid = member2;

        var member3 = obj.Iv;
        if (v.VisitOptional("iv", member3 is not null))
        {
            v.VisitString("iv", ref member3);
        }

        obj.Iv = member3;
    }
}

/// <summary>The QAPI struct <c>SecretProperties</c>.</summary>
[QapiName("SecretProperties")]
public sealed partial record SecretProperties : SecretCommonProperties, IQapiStruct<SecretProperties>
{
    /// <summary>The optional member <c>data</c>.</summary>
    [QapiName("data")]
    public string? Data { get; set; }

    /// <summary>The optional member <c>file</c>.</summary>
    [QapiName("file")]
    public string? File { get; set; }

    static void IQapiType<SecretProperties>.Visit(Visitor v, string? name, [NotNull] ref SecretProperties? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new SecretProperties { },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<SecretProperties>.VisitMembers(Visitor v, SecretProperties obj)
    {
        v.VisitMembers<SecretCommonProperties>(obj);

        var member0 = obj.Data;
        if (v.VisitOptional("data", member0 is not null))
        {
            v.VisitString("data", ref member0);
        }

        obj.Data = member0;

        var member1 = obj.File;
        if (v.VisitOptional("file", member1 is not null))
        {
            v.VisitString("file", ref member1);
        }

        obj.File = member1;
    }
}
