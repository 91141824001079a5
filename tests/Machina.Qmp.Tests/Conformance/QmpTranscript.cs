using System.Text;
using System.Text.RegularExpressions;

namespace Machina.Qmp.Tests.Conformance;

/// <summary>
/// Plays a <see cref="QmpConformanceCase"/> against an engine and records everything the server
/// sends, byte for byte: the greeting, every reply and event, up to the reply to a closing sync
/// request (or the connection's end).
/// </summary>
internal static partial class QmpTranscript
{
    /// <summary>The id of the request that ends every case; unknown to both servers, so it gets a CommandNotFound reply.</summary>
    public const string SyncId = "conformance-sync";

    private static readonly byte[] Sync = Encoding.ASCII.GetBytes($$"""{"execute": "{{SyncId}}", "id": "{{SyncId}}"}""");

    // Between the writes of one case, so the server sees them as separate reads.
    private static readonly TimeSpan WriteGap = TimeSpan.FromMilliseconds(30);

    /// <summary>The transcript of <paramref name="case"/> on <paramref name="engine"/>, masked (see <see cref="Mask"/>).</summary>
    public static async Task<string> RecordAsync(QmpEngine engine, QmpConformanceCase @case)
    {
        await using var connection = await engine.ConnectAsync();
        var transcript = new StringBuilder();
        transcript.Append(await connection.ReadLineTextAsync());
        for (var i = 0; i < @case.Writes.Count; i++)
        {
            if (i > 0)
            {
                await Task.Delay(WriteGap);
            }

            await connection.SendAsync(@case.Writes[i]);
        }

        if (!@case.Closes)
        {
            await connection.SendAsync(Sync);
        }

        while (true)
        {
            var line = await connection.ReadLineTextAsync();
            if (line is null)
            {
                transcript.Append("<closed>");
                break;
            }

            transcript.Append(line);
            if (!@case.Closes && line.Contains($"\"id\": \"{SyncId}\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        return Mask(transcript.ToString());
    }

    /// <summary>
    /// Replaces what legitimately differs between two servers, and nothing else: the version
    /// object (in the greeting and <c>query-version</c>) and event timestamps.
    /// </summary>
    public static string Mask(string transcript) =>
        Timestamp().Replace(Version().Replace(transcript, "<version>"), "\"timestamp\": <timestamp>");

    [GeneratedRegex("""\{"qemu": \{"micro": \d+, "minor": \d+, "major": \d+\}, "package": "[^"]*"\}""")]
    private static partial Regex Version();

    [GeneratedRegex("""\"timestamp\": \{"seconds": \d+, "microseconds": \d+\}""")]
    private static partial Regex Timestamp();
}
