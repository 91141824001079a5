using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;
using static Machina.Qapi.Tests.Visitors.VisitorAssert;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>The -compat policy on deprecated and unstable members and enum values (QEMU 7.2 semantics).</summary>
public class CompatPolicyTests
{
    private sealed class CrashedException(string message) : Exception(message);

    private static T Read<T>(QObject input, CompatPolicy? policy)
        where T : class, IQapiType<T>
    {
        var v = new QObjectInputVisitor(input) { Policy = policy, CrashHandler = static m => throw new CrashedException(m) };
        T? value = null;
        v.Visit(null, ref value);
        return value;
    }

    [Fact]
    public void Deprecated_member_is_accepted_by_default()
    {
        Assert.Equal(new FeatureStruct1 { Foo = 1 }, Read<FeatureStruct1>(new QDict { ["foo"] = 1 }, null));
        Assert.Equal(new FeatureStruct1 { Foo = 1 }, Read<FeatureStruct1>(new QDict { ["foo"] = 1 }, new CompatPolicy()));
        Assert.Equal(
            new FeatureStruct1 { Foo = 1 },
            Read<FeatureStruct1>(new QDict { ["foo"] = 1 }, new CompatPolicy { DeprecatedInput = CompatPolicyInput.Accept }));
    }

    [Fact]
    public void Deprecated_member_is_rejected_by_policy()
    {
        Fails(
            "Deprecated parameter foo disabled by policy",
            () => Read<FeatureStruct1>(new QDict { ["foo"] = 1 }, new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject }));

        // The unstable policy does not touch deprecated members.
        Assert.Equal(
            new FeatureStruct1 { Foo = 1 },
            Read<FeatureStruct1>(new QDict { ["foo"] = 1 }, new CompatPolicy { UnstableInput = CompatPolicyInput.Reject }));
    }

    [Fact]
    public void Unstable_member_is_rejected_by_policy()
    {
        Fails(
            "Unstable parameter foo disabled by policy",
            () => Read<FeatureStruct2>(new QDict { ["foo"] = 1 }, new CompatPolicy { UnstableInput = CompatPolicyInput.Reject }));
        Assert.Equal(
            new FeatureStruct2 { Foo = 1 },
            Read<FeatureStruct2>(new QDict { ["foo"] = 1 }, new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject }));
    }

    [Fact]
    public void Crash_policy_ends_the_process()
    {
        var e = Assert.Throws<CrashedException>(
            () => Read<FeatureStruct1>(new QDict { ["foo"] = 1 }, new CompatPolicy { DeprecatedInput = CompatPolicyInput.Crash }));
        Assert.Contains("Deprecated parameter foo", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crash_handler_that_returns_still_refuses_the_input()
    {
        var v = new QObjectInputVisitor(new QDict { ["foo"] = 1 })
        {
            Policy = new CompatPolicy { DeprecatedInput = CompatPolicyInput.Crash },
            CrashHandler = static _ => { },
        };
        FeatureStruct1? value = null;
        Fails("Deprecated parameter foo disabled by policy", () => v.Visit(null, ref value));
    }

    [Fact]
    public void Deprecated_enum_value_is_rejected_by_policy()
    {
        var reject = new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject };
        Assert.Equal(new FeatureUnion1.Zwei(), Read<FeatureUnion1>(new QDict { ["tag"] = "zwei" }, reject));
        Assert.Equal(new FeatureUnion1.Drei(), Read<FeatureUnion1>(new QDict { ["tag"] = "drei" }, null));
        Fails("Deprecated value drei disabled by policy", () => Read<FeatureUnion1>(new QDict { ["tag"] = "drei" }, reject));

        var e = FeatureEnum1.Eins;
        var strings = new StringInputVisitor("drei") { Policy = reject };
        Fails("Deprecated value drei disabled by policy", () => strings.VisitEnum(null, ref e));
    }

    [Fact]
    public void Rejection_happens_only_for_members_present()
    {
        var reject = new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject };

        // The deprecated member sits in a branch; other branches never reach its check.
        Assert.Equal(new FeatureUnion1.Zwei(), Read<FeatureUnion1>(new QDict { ["tag"] = "zwei" }, reject));
        Fails("Deprecated parameter foo disabled by policy", () => Read<FeatureUnion1>(new QDict { ["tag"] = "eins", ["foo"] = 1 }, reject));
    }

    [Fact]
    public void Output_hides_deprecated_and_unstable_members_on_request()
    {
        var s1 = new FeatureStruct1 { Foo = 7 };
        var s2 = new FeatureStruct2 { Foo = 7 };
        Same(new QDict { ["foo"] = 7 }, QObjectOutputVisitor.Write(s1));
        Same(new QDict(), QObjectOutputVisitor.Write(s1, new CompatPolicy { DeprecatedOutput = CompatPolicyOutput.Hide }));
        Same(new QDict { ["foo"] = 7 }, QObjectOutputVisitor.Write(s1, new CompatPolicy { UnstableOutput = CompatPolicyOutput.Hide }));
        Same(new QDict(), QObjectOutputVisitor.Write(s2, new CompatPolicy { UnstableOutput = CompatPolicyOutput.Hide }));
        Same(new QDict { ["foo"] = 7 }, QObjectOutputVisitor.Write(s2, new CompatPolicy { DeprecatedOutput = CompatPolicyOutput.Hide }));
    }

    [Fact]
    public void Output_does_not_hide_deprecated_enum_values()
    {
        // QEMU's documented limitation: hide does not apply to enum values.
        Same(
            new QDict { ["tag"] = "drei" },
            QObjectOutputVisitor.Write<FeatureUnion1>(new FeatureUnion1.Drei(), new CompatPolicy { DeprecatedOutput = CompatPolicyOutput.Hide }));
    }

    [Fact]
    public void Other_visitors_ignore_the_member_policy()
    {
        var clone = new CloneVisitor { Policy = new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject, DeprecatedOutput = CompatPolicyOutput.Hide } };
        FeatureStruct1? value = new() { Foo = 3 };
        clone.Visit(null, ref value);
        Assert.Equal(new FeatureStruct1 { Foo = 3 }, value);
    }

    [Fact]
    public void CheckInput_for_commands_uses_the_given_error_class()
    {
        var policy = new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject };
        var e = Assert.Throws<QapiException>(
            () => policy.CheckInput(QapiSpecialFeatures.Deprecated, QapiErrorClass.CommandNotFound, "command", "test-command-features1"));
        Assert.Equal("Deprecated command test-command-features1 disabled by policy", e.Message);
        Assert.Equal(QapiErrorClass.CommandNotFound, e.ErrorClass);
        policy.CheckInput(QapiSpecialFeatures.Unstable, QapiErrorClass.CommandNotFound, "command", "x");
        policy.CheckInput(QapiSpecialFeatures.None, QapiErrorClass.CommandNotFound, "command", "x");
    }

    [Fact]
    public void Policy_itself_is_a_QAPI_struct()
    {
        // QEMU reads -compat deprecated-input=reject,... through the keyval visitor.
        var policy = QObjectInputVisitor.ReadKeyval<CompatPolicy>(new QDict { ["deprecated-input"] = "reject", ["unstable-output"] = "hide" });
        Assert.Equal(new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject, UnstableOutput = CompatPolicyOutput.Hide }, policy);
        Same(new QDict { ["deprecated-input"] = "reject", ["unstable-output"] = "hide" }, QObjectOutputVisitor.Write(policy));
        Fails(
            "Parameter 'deprecated-input' does not accept value 'maybe'",
            () => QObjectInputVisitor.ReadKeyval<CompatPolicy>(new QDict { ["deprecated-input"] = "maybe" }));
        Fails("Parameter 'x' is unexpected", () => QObjectInputVisitor.Read<CompatPolicy>(new QDict { ["x"] = 1 }));
    }
}
