using Machina.Qapi.Source;

namespace Machina.Qapi;

/// <summary>
/// An error in a QAPI schema, or a schema that cannot be read. <see cref="Exception.Message"/> is
/// the complete report exactly as QEMU's front end prints it, possibly several lines long.
/// </summary>
public class QapiSchemaException : Exception
{
    /// <summary>Creates an error with the given report.</summary>
    public QapiSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with the given report and the failure behind it.</summary>
    public QapiSchemaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// An error found at a place in the schema source. The report names the place as
/// <c>[include chain][definition context]FILE:LINE[:COLUMN]: REASON</c>.
/// </summary>
/// <remarks>
/// The report is composed when read, like QEMU composes it when printing, so it shows the
/// definition that the source line belongs to once the checker has recorded it.
/// </remarks>
public class QapiSourceException : QapiSchemaException
{
    /// <summary>Creates an error at <paramref name="info"/>, optionally at a column of that line.</summary>
    public QapiSourceException(QapiSourceInfo info, string reason, int? column = null)
        : base(reason)
    {
        ArgumentNullException.ThrowIfNull(info);
        Info = info;
        Reason = reason;
        Column = column;
    }

    /// <summary>Where the error is.</summary>
    public QapiSourceInfo Info { get; }

    /// <summary>The 1-based column (tab stops every 8 columns), when the error has one.</summary>
    public int? Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string Message => Column is { } column
        ? $"{Info}:{column}: {Reason}"
        : $"{Info}: {Reason}";
}

/// <summary>A syntax error: the report always carries the column of the offending token.</summary>
public sealed class QapiParseException : QapiSourceException
{
    /// <summary>Creates a syntax error at a line and column.</summary>
    public QapiParseException(QapiSourceInfo info, string reason, int column)
        : base(info, reason, column)
    {
    }
}

/// <summary>A well-formed schema that breaks one of the language's rules.</summary>
public sealed class QapiSemanticException : QapiSourceException
{
    /// <summary>Creates a rule violation at a source line.</summary>
    public QapiSemanticException(QapiSourceInfo info, string reason)
        : base(info, reason)
    {
    }
}
