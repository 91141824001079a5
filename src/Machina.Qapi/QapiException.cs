namespace Machina.Qapi;

/// <summary>
/// A QAPI error: what QEMU reports through its <c>Error</c> objects. Visitors throw it for every
/// kind of bad input, with QEMU's exact message text.
/// </summary>
/// <remarks>
/// <para><see cref="Exception.Message"/> is the text QMP sends as <c>desc</c>;
/// <see cref="ErrorClass"/> is its <c>class</c>. <see cref="Hint"/> is extra help that QEMU prints
/// on the command line and in HMP but never sends over QMP.</para>
/// <para>Mistakes in the calling code (visiting a struct with a visitor that cannot, an output
/// visit of a null object) are not QAPI errors; they raise the usual .NET exceptions.</para>
/// </remarks>
public class QapiException : Exception
{
    /// <summary>A <see cref="QapiErrorClass.GenericError"/> with <paramref name="message"/>.</summary>
    public QapiException(string message)
        : this(QapiErrorClass.GenericError, message)
    {
    }

    /// <summary>An error of class <paramref name="errorClass"/> with <paramref name="message"/>.</summary>
    public QapiException(QapiErrorClass errorClass, string message)
        : base(message)
    {
        ErrorClass = errorClass;
    }

    /// <summary>An error of class <paramref name="errorClass"/> with <paramref name="message"/> and a <paramref name="hint"/>.</summary>
    public QapiException(QapiErrorClass errorClass, string message, string? hint)
        : base(message)
    {
        ErrorClass = errorClass;
        Hint = hint;
    }

    /// <summary>A <see cref="QapiErrorClass.GenericError"/> with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public QapiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorClass = QapiErrorClass.GenericError;
    }

    /// <summary>A <see cref="QapiErrorClass.GenericError"/> without a message; prefer the other constructors.</summary>
    public QapiException()
        : this(QapiErrorClass.GenericError, "An error occurred")
    {
    }

    /// <summary>The error class QMP reports.</summary>
    public QapiErrorClass ErrorClass { get; }

    /// <summary>
    /// Extra help for a human (QEMU's <c>error_append_hint</c>), ending in a newline; null when there is none.
    /// </summary>
    public string? Hint { get; }

    /// <summary>
    /// QEMU's "Parameter '<paramref name="name"/>' is missing" (<c>QERR_MISSING_PARAMETER</c>).
    /// </summary>
    public static QapiException MissingParameter(string name) => new($"Parameter '{name}' is missing");

    /// <summary>
    /// QEMU's "Invalid parameter type for '<paramref name="name"/>', expected: <paramref name="expected"/>"
    /// (<c>QERR_INVALID_PARAMETER_TYPE</c>); generated alternate visits report a value no branch accepts with it.
    /// </summary>
    public static QapiException InvalidParameterType(string name, string expected) =>
        new($"Invalid parameter type for '{name}', expected: {expected}");

    /// <summary>
    /// QEMU's "Parameter '<paramref name="name"/>' expects <paramref name="expected"/>" (<c>QERR_INVALID_PARAMETER_VALUE</c>).
    /// </summary>
    public static QapiException InvalidParameterValue(string name, string expected) =>
        new($"Parameter '{name}' expects {expected}");
}
