using System.Diagnostics.CodeAnalysis;
using Machina.QObjects;

namespace Machina.Qapi.Visitors;

/// <summary>
/// Walks a QAPI value in step with some other representation of it: QEMU's visitor
/// (include/qapi/visitor.h). Generated visit functions drive a visitor member by member; each
/// visitor implementation decides what a step means (read a QObject, build one, parse a string,
/// copy the value).
/// </summary>
/// <remarks>
/// <para><b>Protocol.</b> A struct is <see cref="StartStruct"/>, its members, <see cref="CheckStruct"/>,
/// <see cref="EndStruct"/>. A list is <see cref="StartList(string?, int)"/>, its elements (each
/// followed by <see cref="NextList"/>), <see cref="CheckList"/>, <see cref="EndList"/>. An alternate is
/// <see cref="StartAlternate"/>, one branch, <see cref="EndAlternate"/>. An optional member is visited
/// only when <see cref="VisitOptional"/> says it is present. Names are member names inside structs
/// and null at the root and for list elements.</para>
/// <para><b>Values by reference.</b> Every visit takes the value by <c>ref</c>: input visitors store
/// what they read, output visitors only read it, clone visitors replace references by deep copies.</para>
/// <para><b>Errors.</b> Bad input raises <see cref="QapiException"/> with QEMU's message. A scalar or
/// <c>Start...</c> that fails leaves the visitor where it was, so hand-written visits may carry on
/// (QEMU's tests do); after an exception escapes a generated visit function the visitor's position
/// is unspecified and the visitor should be dropped. A visitor visits one root value; create one per visit.</para>
/// </remarks>
public abstract partial class Visitor
{
    private static readonly Action<string> FailFast = message => Environment.FailFast(message);

    /// <summary>Creates a visitor of the given <paramref name="kind"/>.</summary>
    protected Visitor(VisitorKind kind)
    {
        if (kind is not (VisitorKind.Input or VisitorKind.Output or VisitorKind.Clone))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a visitor kind");
        }

        Kind = kind;
    }

    /// <summary>Which way this visitor moves data.</summary>
    public VisitorKind Kind { get; }

    /// <summary>True for input visitors (QEMU's <c>visit_is_input</c>).</summary>
    public bool IsInput => Kind == VisitorKind.Input;

    /// <summary>True for output visitors.</summary>
    public bool IsOutput => Kind == VisitorKind.Output;

    /// <summary>
    /// How to treat deprecated and unstable interfaces (QEMU's <c>visit_set_policy</c>, set from
    /// <c>-compat</c>); null accepts everything. The QObject visitors apply it to members, and every
    /// input visitor to enum values.
    /// </summary>
    public CompatPolicy? Policy { get; set; }

    /// <summary>
    /// Whether this visitor keeps what the schema does not define: members of a struct or union
    /// the generated type does not know, and enum values it does not know. Off by default, which is
    /// QEMU's strict behaviour. QMP clients turn it on to read replies of a newer QEMU (input) and to
    /// write such values back unchanged (output); see <see cref="VisitUnknownMembers(QDict?)"/>.
    /// </summary>
    /// <remarks>
    /// Unknown members are kept only by types generated with tolerant decoding
    /// (<c>CSharpGeneratorOptions.TolerantInput</c>); unknown enum values by every input visit of an
    /// enum (they become negative values, <see cref="QapiEnum.IsKnown{TEnum}"/>).
    /// </remarks>
    public bool KeepUnknown { get; set; }

    /// <summary>What the <c>crash</c> policy does; tests replace QEMU's abort with something observable.</summary>
    internal Action<string> CrashHandler { get; set; } = FailFast;

    // ---- Structs -------------------------------------------------------------------------------

    /// <summary>Starts visiting a struct (an object) named <paramref name="name"/> (<c>visit_start_struct</c>).</summary>
    /// <exception cref="QapiException">Input: the value is missing or not an object.</exception>
    /// <exception cref="NotSupportedException">This visitor cannot visit structs.</exception>
    public virtual void StartStruct(string? name) => throw Unsupported("structs");

    /// <summary>
    /// Checks, after the members, that the struct had no others (<c>visit_check_struct</c>).
    /// </summary>
    /// <exception cref="QapiException">Input: a member was not visited ("Parameter 'x' is unexpected").</exception>
    public virtual void CheckStruct()
    {
    }

    /// <summary>Ends the struct started last (<c>visit_end_struct</c>).</summary>
    public virtual void EndStruct() => throw Unsupported("structs");

    /// <summary>
    /// Visits the members of the current struct or union that its type does not define; called by
    /// code generated with tolerant decoding after the known members and before <see cref="CheckStruct"/>.
    /// </summary>
    /// <param name="members">For output and clone visits, the unknown members the value holds (null for none).</param>
    /// <returns>
    /// Input: with <see cref="KeepUnknown"/>, the members not visited so far (null when there are
    /// none), which then no longer count as unexpected; without it null, so <see cref="CheckStruct"/>
    /// rejects them. Output: <paramref name="members"/>. Clone: a deep copy.
    /// </returns>
    /// <exception cref="QapiException">Output without <see cref="KeepUnknown"/>: the value holds unknown members (strict encoding).</exception>
    public virtual QDict? VisitUnknownMembers(QDict? members) => members;

    /// <summary>
    /// Visits the unknown members of <paramref name="value"/> (<see cref="VisitUnknownMembers(QDict?)"/>)
    /// and stores what the visit gives back; the statement code generated with tolerant decoding uses.
    /// </summary>
    /// <exception cref="QapiException">Output without <see cref="KeepUnknown"/>: the value holds unknown members.</exception>
    public void VisitUnknownMembers(IQapiUnknownMembers value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.UnknownMembers = VisitUnknownMembers(value.UnknownMembers);
    }

    // ---- Lists ---------------------------------------------------------------------------------

    /// <summary>Starts visiting a list for an input visitor; same as <c>StartList(name, -1)</c>.</summary>
    /// <returns>Whether a first element follows.</returns>
    public bool StartList(string? name) => StartList(name, -1);

    /// <summary>Starts visiting a list (<c>visit_start_list</c>).</summary>
    /// <param name="name">The list's member name, or null.</param>
    /// <param name="count">For output and clone visits, the number of elements the caller will visit;
    /// input visits pass -1, the input decides.</param>
    /// <returns>Whether a first element follows.</returns>
    /// <exception cref="QapiException">Input: the value is missing or not a list.</exception>
    /// <exception cref="NotSupportedException">This visitor cannot visit lists.</exception>
    public virtual bool StartList(string? name, int count) => throw Unsupported("lists");

    /// <summary>Called after each element (<c>visit_next_list</c>).</summary>
    /// <returns>Whether another element follows.</returns>
    public virtual bool NextList() => throw Unsupported("lists");

    /// <summary>Checks, after the elements, that the list had no more (<c>visit_check_list</c>).</summary>
    /// <exception cref="QapiException">Input: elements were left unvisited.</exception>
    public virtual void CheckList()
    {
    }

    /// <summary>Ends the list started last (<c>visit_end_list</c>).</summary>
    public virtual void EndList() => throw Unsupported("lists");

    // ---- Alternates ----------------------------------------------------------------------------

    /// <summary>Starts visiting an alternate (<c>visit_start_alternate</c>).</summary>
    /// <param name="name">The member name, or null.</param>
    /// <param name="current">For output and clone visits, the kind of value the alternate holds
    /// (the <see cref="QType"/> of its branch); input visits pass <see cref="QType.None"/>.</param>
    /// <returns>Input: the kind of the value in the input, which picks the branch. Otherwise <paramref name="current"/>.</returns>
    /// <exception cref="QapiException">Input: the value is missing.</exception>
    /// <exception cref="NotSupportedException">This input visitor cannot visit alternates.</exception>
    public virtual QType StartAlternate(string? name, QType current) =>
        IsInput ? throw Unsupported("alternates") : current;

    /// <summary>Ends the alternate started last (<c>visit_end_alternate</c>).</summary>
    public virtual void EndAlternate()
    {
    }

    // ---- Members -------------------------------------------------------------------------------

    /// <summary>Whether the optional member <paramref name="name"/> is present (<c>visit_optional</c>).</summary>
    /// <param name="name">The member name.</param>
    /// <param name="present">For output and clone visits, whether the value has the member.</param>
    /// <returns>Input: whether the input has it. Otherwise <paramref name="present"/>.</returns>
    public virtual bool VisitOptional(string name, bool present) => present;

    /// <summary>
    /// Applies the input compatibility policy to member <paramref name="name"/>, which has the
    /// special <paramref name="features"/> (<c>visit_policy_reject</c>).
    /// </summary>
    /// <exception cref="QapiException">The policy rejects it ("Deprecated parameter x disabled by policy").</exception>
    public virtual void CheckPolicy(string name, QapiSpecialFeatures features)
    {
    }

    /// <summary>
    /// Whether the output compatibility policy hides member <paramref name="name"/>, which has the
    /// special <paramref name="features"/> (<c>visit_policy_skip</c>); a hidden member is not visited.
    /// </summary>
    public virtual bool SkipByPolicy(string name, QapiSpecialFeatures features) => false;

    // ---- Scalars -------------------------------------------------------------------------------

    /// <summary>Visits a signed 64-bit integer: QAPI <c>int</c> and <c>int64</c> (<c>visit_type_int64</c>).</summary>
    /// <exception cref="QapiException">Input: missing, or not an integer in range.</exception>
    public abstract void VisitInt64(string? name, ref long value);

    /// <summary>Visits an unsigned 64-bit integer: QAPI <c>uint64</c> (<c>visit_type_uint64</c>).</summary>
    /// <exception cref="QapiException">Input: missing, or not an integer in range.</exception>
    public abstract void VisitUInt64(string? name, ref ulong value);

    /// <summary>Visits a byte count: QAPI <c>size</c> (<c>visit_type_size</c>); by default as <see cref="VisitUInt64"/>.</summary>
    /// <exception cref="QapiException">Input: missing, or not a size.</exception>
    public virtual void VisitSize(string? name, ref ulong value) => VisitUInt64(name, ref value);

    /// <summary>Visits a boolean: QAPI <c>bool</c> (<c>visit_type_bool</c>).</summary>
    /// <exception cref="QapiException">Input: missing, or not a boolean.</exception>
    public abstract void VisitBool(string? name, ref bool value);

    /// <summary>
    /// Visits a string: QAPI <c>str</c> (<c>visit_type_str</c>). Input visitors always store a
    /// string; output visitors treat null as the empty string, as QEMU does.
    /// </summary>
    /// <exception cref="QapiException">Input: missing, or not a string.</exception>
    public abstract void VisitString(string? name, [NotNull] ref string? value);

    /// <summary>Visits a floating-point number: QAPI <c>number</c> (<c>visit_type_number</c>).</summary>
    /// <exception cref="QapiException">Input: missing, or not a number.</exception>
    public abstract void VisitNumber(string? name, ref double value);

    /// <summary>Visits any value: QAPI <c>any</c> (<c>visit_type_any</c>).</summary>
    /// <exception cref="QapiException">Input: missing.</exception>
    /// <exception cref="NotSupportedException">This visitor cannot visit arbitrary values.</exception>
    public virtual void VisitAny(string? name, [NotNull] ref QObject? value) => throw Unsupported("'any' values");

    /// <summary>Visits JSON null: QAPI <c>null</c> (<c>visit_type_null</c>).</summary>
    /// <exception cref="QapiException">Input: missing, or not null.</exception>
    /// <exception cref="NotSupportedException">This visitor cannot visit null.</exception>
    public virtual void VisitNull(string? name, [NotNull] ref QNull? value) => throw Unsupported("null");

    /// <summary>The exception for an operation this visitor does not implement.</summary>
    protected NotSupportedException Unsupported(string what) => new($"{GetType().Name} cannot visit {what}");
}
