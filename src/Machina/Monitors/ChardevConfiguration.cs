namespace Machina.Program.Monitors;

/// <summary>How a character device reaches its peer.</summary>
internal enum ChardevKind
{
    /// <summary>A Unix socket (<c>unix:PATH</c>, <c>-chardev socket,path=PATH</c>).</summary>
    Unix,

    /// <summary>A TCP socket (<c>tcp:HOST:PORT</c>, <c>-chardev socket,host=HOST,port=PORT</c>).</summary>
    Tcp,

    /// <summary>The program's standard input and output (<c>stdio</c>).</summary>
    Stdio,
}

/// <summary>A character device a monitor talks through: QEMU's socket and stdio chardevs.</summary>
/// <param name="Id">The chardev's id (<c>compat_monitorN</c> for <c>-qmp</c>).</param>
/// <param name="Location">Where it was defined on the command line, for errors.</param>
/// <param name="Kind">Unix socket, TCP socket or stdio.</param>
/// <param name="Path">The Unix socket's path.</param>
/// <param name="Host">The TCP host; empty for every address.</param>
/// <param name="Port">The TCP port.</param>
/// <param name="Server">Whether to listen (<c>server=on</c>) rather than connect.</param>
/// <param name="Wait">Whether start-up waits for the first client (<c>wait=on</c>, the default for servers).</param>
internal sealed record ChardevConfiguration(
    string Id,
    string Location,
    ChardevKind Kind,
    string? Path = null,
    string? Host = null,
    int Port = 0,
    bool Server = false,
    bool Wait = true)
{
    /// <summary>How QEMU names the socket while it waits for its first client.</summary>
    public string Describe() => Kind switch
    {
        ChardevKind.Unix => $"disconnected:unix:{Path}{(Server ? ",server=on" : "")}",
        ChardevKind.Tcp => $"disconnected:tcp:{Host}:{Port}{(Server ? ",server=on" : "")}",
        _ => "stdio",
    };
}

/// <summary>A QMP monitor on a chardev.</summary>
/// <param name="Location">The option that made it, for errors.</param>
/// <param name="Chardev">The chardev it talks through.</param>
/// <param name="Pretty">Whether replies and events are written indented (<c>-qmp-pretty</c>, <c>pretty=on</c>).</param>
internal sealed record MonitorConfiguration(string Location, ChardevConfiguration Chardev, bool Pretty);
