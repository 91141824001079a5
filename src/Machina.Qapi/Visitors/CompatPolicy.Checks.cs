namespace Machina.Qapi.Visitors;

// How the policy acts (QEMU's qapi/qapi-util.c compat_policy_input_ok and the QObject output
// visitor's policy_skip); hand-written beside the generated shape.
public sealed partial record CompatPolicy
{
    /// <summary>
    /// Applies the input policy to an interface element with the special <paramref name="features"/>
    /// (QEMU's <c>compat_policy_input_ok</c>): <c>accept</c> lets it through, <c>reject</c> throws
    /// "Deprecated parameter x disabled by policy", <c>crash</c> ends the process, as QEMU's abort() does.
    /// </summary>
    /// <param name="features">The element's special features.</param>
    /// <param name="errorClass">The class of the error when rejected (QMP uses CommandNotFound for commands).</param>
    /// <param name="kind">What the element is, for the message: <c>parameter</c>, <c>value</c>, <c>command</c>.</param>
    /// <param name="name">The element's name, for the message.</param>
    /// <exception cref="QapiException">The policy rejects the element.</exception>
    public void CheckInput(QapiSpecialFeatures features, QapiErrorClass errorClass, string kind, string name) =>
        CheckInput(this, features, errorClass, kind, name, static message => Environment.FailFast(message));

    /// <summary>
    /// Whether the output policy hides an element with the special <paramref name="features"/>
    /// (deprecated with <c>deprecated-output=hide</c>, or unstable with <c>unstable-output=hide</c>).
    /// </summary>
    public bool HidesOutput(QapiSpecialFeatures features) =>
        ((features & QapiSpecialFeatures.Deprecated) != 0 && DeprecatedOutput == CompatPolicyOutput.Hide)
        || ((features & QapiSpecialFeatures.Unstable) != 0 && UnstableOutput == CompatPolicyOutput.Hide);

    internal static void CheckInput(
        CompatPolicy? policy, QapiSpecialFeatures features, QapiErrorClass errorClass, string kind, string name, Action<string> crash)
    {
        if ((features & QapiSpecialFeatures.Deprecated) != 0)
        {
            CheckInput(policy?.DeprecatedInput, "Deprecated", errorClass, kind, name, crash);
        }

        if ((features & QapiSpecialFeatures.Unstable) != 0)
        {
            CheckInput(policy?.UnstableInput, "Unstable", errorClass, kind, name, crash);
        }
    }

    private static void CheckInput(
        CompatPolicyInput? policy, string adjective, QapiErrorClass errorClass, string kind, string name, Action<string> crash)
    {
        switch (policy)
        {
            case null or CompatPolicyInput.Accept:
                return;
            case CompatPolicyInput.Reject:
                throw new QapiException(errorClass, $"{adjective} {kind} {name} disabled by policy");
            default:
                crash($"{adjective} {kind} {name} used while the compatibility policy says crash");
                // The handler does not return in production; a test handler that does must not let the input through.
                throw new QapiException(errorClass, $"{adjective} {kind} {name} disabled by policy");
        }
    }
}
