namespace Machina.TestSupport;

/// <summary>
/// Whether a Unix socket path is listening yet. A server binds (the file appears) before it
/// listens, and a client connecting in between is refused; Linux lists every Unix socket in
/// <c>/proc/net/unix</c> with its flags, so the state can be checked without connecting (which
/// would take QEMU's one monitor slot).
/// </summary>
public static class UnixSocketState
{
    // __SO_ACCEPTCON in the Flags column: the socket is listening.
    private const int AcceptingConnections = 0x10000;

    /// <summary>True when a socket bound to <paramref name="path"/> is listening.</summary>
    public static bool IsListening(string path) => Flags(path) is { } flags && (flags & AcceptingConnections) != 0;

    /// <summary>True when a socket is bound to <paramref name="path"/> but not listening yet.</summary>
    public static bool IsBoundNotListening(string path) => Flags(path) is { } flags && (flags & AcceptingConnections) == 0;

    // The Flags column of the socket bound to path; null when no socket is.
    private static int? Flags(string path)
    {
        // Columns: Num RefCount Protocol Flags Type St Inode [Path]
        foreach (var line in File.ReadLines("/proc/net/unix").Skip(1))
        {
            var columns = line.Split(' ', 8, StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length == 8 && columns[7] == path)
            {
                return Convert.ToInt32(columns[3], 16);
            }
        }

        return null;
    }
}
