namespace Machina.Qom.Tests.Commands;

/// <summary>One request of a recorded QMP session with what real QEMU answered.</summary>
/// <param name="Line">The line of the request in the data file.</param>
/// <param name="Request">The request as sent.</param>
/// <param name="Events">The events QEMU sent before its reply, timestamps removed.</param>
/// <param name="Reply">QEMU's reply, as QEMU wrote it.</param>
public sealed record RecordedStep(int Line, string Request, IReadOnlyList<string> Events, string Reply)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {Line}: {Request}";
}

/// <summary>
/// Reads the sessions in Data/: lines <c>&gt;&gt; request</c>, then <c>!! event</c> for each event
/// QEMU sent, then <c>&lt;&lt; reply</c>; <c>#</c> starts a comment.
/// </summary>
public static class RecordedSession
{
    /// <summary>The steps of the data file <paramref name="name"/>.</summary>
    public static IReadOnlyList<RecordedStep> Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", name);
        var steps = new List<RecordedStep>();
        string? request = null;
        var requestLine = 0;
        var events = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.StartsWith(">> ", StringComparison.Ordinal))
            {
                request = line[3..];
                requestLine = lineNumber;
                events = [];
            }
            else if (line.StartsWith("!! ", StringComparison.Ordinal))
            {
                events.Add(line[3..]);
            }
            else if (line.StartsWith("<< ", StringComparison.Ordinal))
            {
                steps.Add(new RecordedStep(requestLine, request ?? throw new InvalidDataException($"{name}:{lineNumber}: reply without request"), events, line[3..]));
                request = null;
            }
        }

        return steps;
    }
}
