using Machina.Qapi;
using Machina.Qapi.Visitors;

namespace Machina.Options;

/// <summary>What kind of mistake an <see cref="OptionsError"/> reports.</summary>
/// <remarks>
/// QEMU reports all of these as its generic error class; the code lets a caller react to a kind
/// of mistake without matching message text.
/// </remarks>
public enum OptionsErrorCode
{
    /// <summary>A key that is malformed, unknown to the option group, or not allowed here
    /// (<c>Invalid parameter 'x'</c>).</summary>
    InvalidParameter,

    /// <summary>A keyval key or key fragment of 128 characters or more.</summary>
    ParameterTooLong,

    /// <summary>A keyval key not followed by <c>=</c>.</summary>
    ExpectedEquals,

    /// <summary>A keyval path used both as a value and as an object or list, or both as object and list.</summary>
    InconsistentParameters,

    /// <summary>A keyval list with a gap in its indexes (<c>Parameter 'list.0' missing</c>).</summary>
    MissingListElement,

    /// <summary><c>help</c> or <c>?</c> where the caller offers no help.</summary>
    HelpNotAvailable,

    /// <summary>A value the parameter's type does not accept (<c>Parameter 'x' expects ...</c>).</summary>
    InvalidValue,

    /// <summary>A number or size outside 0 to 2^64-1.</summary>
    ValueOutOfRange,

    /// <summary>An option group instance with the same <c>id</c> exists already.</summary>
    DuplicateId,

    /// <summary>A required parameter is absent (<c>Parameter 'x' is missing</c>).</summary>
    MissingParameter,

    /// <summary>No option group of that name is registered.</summary>
    NoSuchGroup,

    /// <summary>A help request named a device type the help catalog does not know.</summary>
    DeviceNotFound,

    /// <summary>An argument that starts with <c>{</c> but is not one JSON object in QEMU's dialect
    /// (<c>JSON parse error, ...</c>, <c>Expecting at most one JSON value</c>).</summary>
    InvalidJson,
}

/// <summary>
/// A mistake in an option string: QEMU's exact message, an optional hint and where it was found.
/// </summary>
/// <remarks>
/// This is the value form of QEMU's <c>Error</c>. <see cref="Message"/> is byte for byte what QEMU
/// reports; <see cref="Hint"/> is what QEMU appends with <c>error_append_hint</c> (shown by QEMU on the
/// human monitor and the command line, never over QMP). <see cref="Input"/> and
/// <see cref="Position"/> are Machina's additions, so a caller can point at the offending text.
/// </remarks>
/// <param name="Code">The kind of mistake.</param>
/// <param name="Message">QEMU's message text, without location prefix or trailing newline.</param>
/// <param name="Hint">QEMU's hint, each line ending in a newline; null when QEMU gives none.</param>
/// <param name="Input">The option string that was being parsed, when there was one.</param>
/// <param name="Position">Offset in <paramref name="Input"/> of the parameter at fault, or -1.</param>
public sealed record OptionsError(
    OptionsErrorCode Code,
    string Message,
    string? Hint = null,
    string? Input = null,
    int Position = -1)
{
    /// <summary>The same error located in <paramref name="input"/> at <paramref name="position"/>.</summary>
    public OptionsError At(string input, int position) => this with { Input = input, Position = position };

    /// <summary>An exception carrying this error.</summary>
    public OptionsException ToException() => new(this);

    /// <summary>The message, as QEMU prints it.</summary>
    public override string ToString() => Message;
}

/// <summary>A warning QEMU prints while accepting an option (for example a deprecated spelling).</summary>
/// <param name="Message">QEMU's warning text.</param>
/// <param name="Hint">The advice QEMU prints on the following line, or null.</param>
public sealed record OptionsWarning(string Message, string? Hint = null);

/// <summary>
/// Thrown when an option string or option value is not acceptable; carries the <see cref="OptionsError"/>.
/// </summary>
/// <remarks>
/// <para>Bad input to any parser in <c>Machina.Options</c> raises only this exception. Other exceptions
/// (<see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>) mean the calling code
/// broke a documented rule, as QEMU would fail an assertion.</para>
/// <para>It is a <see cref="QapiException"/> of class <see cref="QapiErrorClass.GenericError"/>, as
/// every QEMU error is: code that reads an option and then visits it (<see cref="OptionArguments.Read{T}(string, string?, CompatPolicy?)"/>)
/// can catch <see cref="QapiException"/> for both steps.</para>
/// </remarks>
public sealed class OptionsException : QapiException
{
    /// <summary>Wraps <paramref name="error"/>.</summary>
    public OptionsException(OptionsError error)
        : base(QapiErrorClass.GenericError, (error ?? throw new ArgumentNullException(nameof(error))).Message, error.Hint) => Error = error;

    /// <summary>The error.</summary>
    public OptionsError Error { get; }

    /// <summary>The kind of mistake.</summary>
    public OptionsErrorCode Code => Error.Code;
}
