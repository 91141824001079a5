using System.Diagnostics.CodeAnalysis;

namespace Machina.Qapi.Visitors;

// The compatibility policy types of qapi/compat.json, in the shape the code generator emits
// (docs/codegen-shape.md). The runtime needs them before any schema is compiled, so they live
// here and the generator maps the schema's CompatPolicy* types to them.

/// <summary>Policy for handling "funny" input (<c>CompatPolicyInput</c>).</summary>
[QapiName("CompatPolicyInput")]
public enum CompatPolicyInput
{
    /// <summary>Accept silently.</summary>
    [QapiName("accept")]
    Accept,

    /// <summary>Reject with an error.</summary>
    [QapiName("reject")]
    Reject,

    /// <summary>Abort the process (a testing aid: nothing can miss it).</summary>
    [QapiName("crash")]
    Crash,
}

/// <summary>Policy for handling "funny" output (<c>CompatPolicyOutput</c>).</summary>
[QapiName("CompatPolicyOutput")]
public enum CompatPolicyOutput
{
    /// <summary>Pass on unchanged.</summary>
    [QapiName("accept")]
    Accept,

    /// <summary>Filter out.</summary>
    [QapiName("hide")]
    Hide,
}

/// <summary>
/// Policy for handling deprecated and unstable management interfaces (<c>CompatPolicy</c>, set
/// with <c>-compat</c>); an absent member means <c>accept</c>. Meant for testing users of the
/// interfaces. QEMU's limitation holds: output policy <c>hide</c> does not apply to enum values.
/// </summary>
[QapiName("CompatPolicy")]
public sealed partial record CompatPolicy : IQapiStruct<CompatPolicy>
{
    /// <summary>How to handle deprecated input.</summary>
    [QapiName("deprecated-input")]
    public CompatPolicyInput? DeprecatedInput { get; set; }

    /// <summary>How to handle deprecated output.</summary>
    [QapiName("deprecated-output")]
    public CompatPolicyOutput? DeprecatedOutput { get; set; }

    /// <summary>How to handle unstable input.</summary>
    [QapiName("unstable-input")]
    public CompatPolicyInput? UnstableInput { get; set; }

    /// <summary>How to handle unstable output.</summary>
    [QapiName("unstable-output")]
    public CompatPolicyOutput? UnstableOutput { get; set; }

    static void IQapiType<CompatPolicy>.Visit(Visitor v, string? name, [NotNull] ref CompatPolicy? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new CompatPolicy(),
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<CompatPolicy>.VisitMembers(Visitor v, CompatPolicy obj)
    {
        var deprecatedInput = obj.DeprecatedInput;
        if (v.VisitOptional("deprecated-input", deprecatedInput.HasValue))
        {
            var value = deprecatedInput.GetValueOrDefault();
            v.VisitEnum("deprecated-input", ref value);
            deprecatedInput = value;
        }

        obj.DeprecatedInput = deprecatedInput;

        var deprecatedOutput = obj.DeprecatedOutput;
        if (v.VisitOptional("deprecated-output", deprecatedOutput.HasValue))
        {
            var value = deprecatedOutput.GetValueOrDefault();
            v.VisitEnum("deprecated-output", ref value);
            deprecatedOutput = value;
        }

        obj.DeprecatedOutput = deprecatedOutput;

        var unstableInput = obj.UnstableInput;
        if (v.VisitOptional("unstable-input", unstableInput.HasValue))
        {
            var value = unstableInput.GetValueOrDefault();
            v.VisitEnum("unstable-input", ref value);
            unstableInput = value;
        }

        obj.UnstableInput = unstableInput;

        var unstableOutput = obj.UnstableOutput;
        if (v.VisitOptional("unstable-output", unstableOutput.HasValue))
        {
            var value = unstableOutput.GetValueOrDefault();
            v.VisitEnum("unstable-output", ref value);
            unstableOutput = value;
        }

        obj.UnstableOutput = unstableOutput;
    }
}
