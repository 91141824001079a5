namespace Machina.Program.CommandLine;

/// <summary>
/// A mistake on the command line or in what it asked for, reported as QEMU reports it:
/// <c>machina: LOCATION: MESSAGE</c>, then the hint on lines of its own. The program exits with 1.
/// </summary>
internal sealed class CommandLineException : Exception
{
    /// <summary>An error at <paramref name="location"/> (the option and its argument as given, or null once parsing is over).</summary>
    public CommandLineException(string? location, string message, string? hint = null)
        : base(message)
    {
        Location = location;
        Hint = hint;
    }

    /// <summary>The option and its argument as the user typed them, or null.</summary>
    public string? Location { get; }

    /// <summary>More lines of help after the message, each ending in '\n', or null.</summary>
    public string? Hint { get; }

    /// <summary>The whole report: <c>PROGRAM: [LOCATION: ]MESSAGE\n[HINT]</c>.</summary>
    public string Format(string program) =>
        Location is null ? $"{program}: {Message}\n{Hint}" : $"{program}: {Location}: {Message}\n{Hint}";
}
