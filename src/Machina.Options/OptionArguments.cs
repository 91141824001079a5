using System.Diagnostics.CodeAnalysis;
using Machina.Options.Internal;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi;
using Machina.Qapi.Visitors;

namespace Machina.Options;

/// <summary>
/// An option argument read into a dictionary, with the spelling it came in, which decides how QEMU
/// visits it: JSON values are typed, so strictly; keyval and QemuOpts values are strings, converted
/// by type at visit time.
/// </summary>
/// <param name="Arguments">The dictionary: typed values from JSON, string leaves otherwise.</param>
/// <param name="Syntax">How the argument was spelled.</param>
/// <param name="HelpRequested">True when a keyval or QemuOpts argument asked for help (<c>help</c> or <c>?</c>).</param>
public sealed record OptionArgument(QDict Arguments, OptionSyntax Syntax, bool HelpRequested = false)
{
    /// <summary>For an argument read by a QemuOpts group, the instance it created; null otherwise and for help.</summary>
    public QemuOpts? Opts { get; init; }

    /// <summary>QEMU's warnings for the argument (deprecated spellings), in order.</summary>
    public IReadOnlyList<OptionsWarning> Warnings { get; init; } = [];

    /// <summary>
    /// The visitor QEMU reads <see cref="Arguments"/> with: strict for JSON, keyval mode otherwise
    /// (QEMU's <c>qobject_input_visitor_new</c> or <c>qobject_input_visitor_new_keyval</c>).
    /// </summary>
    /// <param name="policy">The compatibility policy (<c>-compat</c>), or null to accept everything.</param>
    public QObjectInputVisitor CreateVisitor(CompatPolicy? policy = null) =>
        new(Arguments, keyval: Syntax != OptionSyntax.Json) { Policy = policy };

    /// <summary>Reads <see cref="Arguments"/> as a <typeparamref name="T"/> with <see cref="CreateVisitor"/>.</summary>
    /// <param name="policy">The compatibility policy, or null to accept everything.</param>
    /// <exception cref="QapiException">The arguments are not a valid <typeparamref name="T"/> (QEMU's message).</exception>
    public T Read<T>(CompatPolicy? policy = null)
        where T : class, IQapiType<T>
    {
        T? value = null;
        CreateVisitor(policy).Visit(null, ref value);
        return value;
    }
}

/// <summary>
/// Reads command-line option arguments that QEMU accepts as JSON or as text, choosing by the first
/// character exactly as QEMU does: JSON when it is <c>{</c>, keyval (or a QemuOpts group) otherwise.
/// </summary>
/// <remarks>
/// <para>Which QEMU option reads its argument which way:</para>
/// <list type="table">
/// <listheader><term>QEMU</term><description>Machina</description></listheader>
/// <item><term><c>-blockdev</c>, <c>-audiodev</c> (implied key <c>driver</c>), <c>-display</c>, modern
/// <c>-netdev</c> (<c>type</c>), <c>-compat</c> (none); the storage daemon's <c>--blockdev</c>,
/// <c>--export</c>, <c>--monitor</c>, <c>--nbd-server</c>: <c>qobject_input_visitor_new_str</c></term>
/// <description><see cref="CreateVisitor"/>, <see cref="Read{T}"/>, or <see cref="Parse(string, string?)"/></description></item>
/// <item><term><c>--object</c> of the storage daemon, qemu-img, qemu-io and qemu-nbd:
/// <c>user_creatable_parse_str</c> (implied key <c>qom-type</c>, help allowed)</term>
/// <description><see cref="Parse(string, string?, bool)"/> with <c>allowHelp: true</c></description></item>
/// <item><term><c>-device</c> (and legacy <c>-netdev</c>): JSON, or the QemuOpts group with
/// abbreviation and QEMU's warnings</term>
/// <description><see cref="ParseWithQemuOpts"/></description></item>
/// <item><term><c>-object</c> of the system emulator: JSON read strictly, or the <c>object</c> QemuOpts
/// group read by QEMU's opts visitor</term>
/// <description><see cref="ParseWithQemuOpts"/> (Machina has no opts visitor; visiting the
/// QemuOpts form in keyval mode differs in its treatment of lists and in some messages)</description></item>
/// </list>
/// <para>Text is read as a C string: a U+0000 ends it. JSON errors are QEMU's texts
/// (<c>JSON parse error, premature EOI</c>, <c>Expecting at most one JSON value</c>) as
/// <see cref="OptionsException"/> with <see cref="OptionsErrorCode.InvalidJson"/> and the position of
/// the defect in the argument.</para>
/// </remarks>
public static class OptionArguments
{
    /// <summary>
    /// Reads an argument that starts with <c>{</c> as QEMU's <c>qobject_from_json</c> does (one JSON
    /// object in QEMU's dialect, nothing after it).
    /// </summary>
    /// <param name="argument">The argument, for example <c>{"driver": "virtio-net-pci", "id": "n0"}</c>.</param>
    /// <returns>The object.</returns>
    /// <exception cref="OptionsException">Not valid JSON, or not one value (QEMU's message).</exception>
    /// <exception cref="ArgumentException"><paramref name="argument"/> does not start with <c>{</c>.</exception>
    public static QDict ParseJson(string argument) =>
        TryParseJson(argument, out var dict, out var error) ? dict : throw error.ToException();

    /// <summary>Reads a JSON argument as <see cref="ParseJson"/> does, without throwing for bad input.</summary>
    /// <param name="argument">The argument; it must start with <c>{</c>.</param>
    /// <param name="dict">The object, or null.</param>
    /// <param name="error">What was wrong, or null.</param>
    /// <returns>True on success.</returns>
    /// <exception cref="ArgumentException"><paramref name="argument"/> does not start with <c>{</c>.</exception>
    public static bool TryParseJson(string argument, [NotNullWhen(true)] out QDict? dict, [NotNullWhen(false)] out OptionsError? error)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var text = CString.Text(argument);
        if (OptionSyntaxes.Classify(text) != OptionSyntax.Json)
        {
            throw new ArgumentException("a JSON option argument starts with '{'", nameof(argument));
        }

        if (!QJson.TryParse(text, out var value, out var jsonError))
        {
            dict = null;
            error = new OptionsError(OptionsErrorCode.InvalidJson, jsonError.Message, null, argument, Utf8Offsets.ToCharIndex(text, jsonError.Position));
            return false;
        }

        // One complete value that starts with '{' is an object.
        dict = (QDict)value;
        error = null;
        return true;
    }

    /// <summary>
    /// The dictionary of an argument as <c>qobject_input_visitor_new_str</c> reads it: JSON when it
    /// starts with <c>{</c>, else keyval with <paramref name="impliedKey"/>, where a help request is an error.
    /// </summary>
    /// <param name="argument">The argument.</param>
    /// <param name="impliedKey">The key a leading bare keyval value stands for (<c>driver</c> for <c>-blockdev</c>), or null.</param>
    /// <exception cref="OptionsException">Bad JSON or keyval; <c>Help is not available for this option</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="impliedKey"/> is not a valid key.</exception>
    public static OptionArgument Parse(string argument, string? impliedKey) => Parse(argument, impliedKey, allowHelp: false);

    /// <summary>
    /// The dictionary of an argument: JSON when it starts with <c>{</c>, else keyval with
    /// <paramref name="impliedKey"/>; with <paramref name="allowHelp"/> a keyval help request is
    /// reported (<see cref="OptionArgument.HelpRequested"/>), as <c>user_creatable_parse_str</c> does.
    /// </summary>
    /// <param name="argument">The argument.</param>
    /// <param name="impliedKey">The key a leading bare keyval value stands for, or null.</param>
    /// <param name="allowHelp">Whether <c>help</c> or <c>?</c> is a request rather than an error.</param>
    /// <exception cref="OptionsException">Bad JSON or keyval; without <paramref name="allowHelp"/>,
    /// <c>Help is not available for this option</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="impliedKey"/> is not a valid key.</exception>
    public static OptionArgument Parse(string argument, string? impliedKey, bool allowHelp)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (OptionSyntaxes.Classify(CString.Of(argument)) == OptionSyntax.Json)
        {
            return new OptionArgument(ParseJson(argument), OptionSyntax.Json);
        }

        if (!allowHelp)
        {
            return new OptionArgument(KeyvalParser.Parse(argument, impliedKey), OptionSyntax.Keyval);
        }

        var dict = KeyvalParser.Parse(argument, impliedKey, out var help);
        return new OptionArgument(dict, OptionSyntax.Keyval, help);
    }

    /// <summary>
    /// An argument QEMU reads as JSON or with a QemuOpts group (<c>-device</c>): JSON when it starts
    /// with <c>{</c>, else the group's noisy parse with the implied name permitted, whose instance
    /// becomes the dictionary (<c>qemu_opts_to_qdict</c>, string values) as QEMU's <c>qdev_device_add</c>
    /// makes it.
    /// </summary>
    /// <param name="argument">The argument.</param>
    /// <param name="group">The QemuOpts group for the text form (with an implied name).</param>
    /// <returns>The dictionary; for the text form also the instance, which stays in
    /// <paramref name="group"/> as in QEMU, and QEMU's warnings. A help request gives an empty dictionary.</returns>
    /// <exception cref="OptionsException">Bad JSON, or QEMU's message for the text form.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="group"/> has no implied name.</exception>
    public static OptionArgument ParseWithQemuOpts(string argument, QemuOptsList group)
    {
        ArgumentNullException.ThrowIfNull(argument);
        ArgumentNullException.ThrowIfNull(group);
        if (OptionSyntaxes.Classify(CString.Of(argument)) == OptionSyntax.Json)
        {
            return new OptionArgument(ParseJson(argument), OptionSyntax.Json);
        }

        var result = group.ParseNoisily(argument, permitAbbreviation: true);
        return new OptionArgument(result.Opts?.ToQDict() ?? [], OptionSyntax.Keyval, result.HelpRequested)
        {
            Opts = result.Opts,
            Warnings = result.Warnings,
        };
    }

    /// <summary>
    /// QEMU's <c>qobject_input_visitor_new_str</c>: the input visitor for an argument, strict over its
    /// JSON or in keyval mode over its keyval dictionary.
    /// </summary>
    /// <param name="argument">The argument.</param>
    /// <param name="impliedKey">The key a leading bare keyval value stands for, or null.</param>
    /// <param name="policy">The compatibility policy, or null to accept everything.</param>
    /// <exception cref="OptionsException">Bad JSON or keyval, or a help request.</exception>
    /// <exception cref="ArgumentException"><paramref name="impliedKey"/> is not a valid key.</exception>
    public static QObjectInputVisitor CreateVisitor(string argument, string? impliedKey, CompatPolicy? policy = null) =>
        Parse(argument, impliedKey).CreateVisitor(policy);

    /// <summary>
    /// Reads an argument as a <typeparamref name="T"/> the way QEMU reads <c>-blockdev</c>:
    /// <see cref="CreateVisitor"/>, then the type's visit.
    /// </summary>
    /// <param name="argument">The argument.</param>
    /// <param name="impliedKey">The key a leading bare keyval value stands for, or null.</param>
    /// <param name="policy">The compatibility policy, or null to accept everything.</param>
    /// <exception cref="QapiException">QEMU's message: an <see cref="OptionsException"/> when the text
    /// is not valid JSON or keyval, else the visitor's error (<c>Parameter 'x' is missing</c>, ...).</exception>
    /// <exception cref="ArgumentException"><paramref name="impliedKey"/> is not a valid key.</exception>
    public static T Read<T>(string argument, string? impliedKey, CompatPolicy? policy = null)
        where T : class, IQapiType<T> =>
        Parse(argument, impliedKey).Read<T>(policy);
}
