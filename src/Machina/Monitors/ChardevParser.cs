using System.Globalization;
using Machina.Options;
using Machina.Program.CommandLine;

namespace Machina.Program.Monitors;

/// <summary>
/// Reads QEMU's two spellings of a chardev: the short one of <c>-qmp</c> (<c>unix:PATH,server=on</c>,
/// <c>tcp:HOST:PORT,...</c>, <c>stdio</c>; QEMU's <c>qemu_chr_parse_compat</c>) and <c>-chardev
/// BACKEND,id=ID,...</c>, with QEMU's messages. Machina has the <c>socket</c> and <c>stdio</c> backends.
/// </summary>
internal static class ChardevParser
{
    // QEMU's chardev options that socket and stdio use; others are refused as QEMU refuses unknown ones.
    private static readonly QemuOptDesc[] Descriptions =
    [
        new("backend", QemuOptType.String),
        new("path", QemuOptType.String),
        new("host", QemuOptType.String),
        new("port", QemuOptType.String),
        new("to", QemuOptType.Number),
        new("ipv4", QemuOptType.Bool),
        new("ipv6", QemuOptType.Bool),
        new("server", QemuOptType.Bool),
        new("wait", QemuOptType.Bool),
        new("nodelay", QemuOptType.Bool),
        new("reconnect", QemuOptType.Number),
        new("telnet", QemuOptType.Bool),
        new("tn3270", QemuOptType.Bool),
        new("websocket", QemuOptType.Bool),
        new("abstract", QemuOptType.Bool),
        new("tight", QemuOptType.Bool),
        new("fd", QemuOptType.String),
        new("signal", QemuOptType.Bool),
        new("mux", QemuOptType.Bool),
        new("logfile", QemuOptType.String),
        new("logappend", QemuOptType.Bool),
    ];

    // Every backend name QEMU 7.2 knows; Machina implements socket and stdio.
    private static readonly HashSet<string> QemuBackends =
    [
        "braille", "dbus", "file", "memory", "msmouse", "mux", "null", "parallel", "pipe", "pty", "qemu-vdagent",
        "ringbuf", "serial", "socket", "spiceport", "spicevmc", "stdio", "testdev", "tty", "udp", "vc", "wctablet",
    ];

    /// <summary>Reads <c>-qmp</c>'s argument (QEMU's short chardev syntax) as the chardev <paramref name="id"/>.</summary>
    /// <exception cref="CommandLineException">QEMU's messages, ending in "parse error: ...".</exception>
    public static ChardevConfiguration ParseCompat(string id, string location, string text)
    {
        if (text == "stdio")
        {
            return new ChardevConfiguration(id, location, ChardevKind.Stdio);
        }

        var list = NewList();
        var opts = list.Create();
        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            ParseInto(opts, text["unix:".Length..], "path", location, text);
            opts.Set("backend", "socket");
            return FromSocketOptions(id, location, opts);
        }

        if (text.StartsWith("tcp:", StringComparison.Ordinal))
        {
            // HOST:PORT, or :PORT for every address; the port ends at the first comma.
            var rest = text["tcp:".Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || colon > 64)
            {
                throw ParseError(location, text);
            }

            var comma = rest.IndexOf(',', colon + 1);
            var portEnd = comma < 0 ? rest.Length : comma;
            if (portEnd == colon + 1)
            {
                throw ParseError(location, text);
            }

            opts.Set("host", rest[..colon]);
            opts.Set("port", rest[(colon + 1)..portEnd]);
            if (comma >= 0)
            {
                ParseInto(opts, rest[(comma + 1)..], null, location, text);
            }

            opts.Set("backend", "socket");
            return FromSocketOptions(id, location, opts);
        }

        throw new CommandLineException(
            location, $"'{text}' is not a valid char driver", $"{MachinaProgram.Name}: {location}: parse error: {text}\n");
    }

    /// <summary>Reads <c>-chardev</c>'s argument.</summary>
    /// <exception cref="CommandLineException">QEMU's messages.</exception>
    public static ChardevConfiguration Parse(string location, string text)
    {
        var list = NewList();
        Options.QemuOpts opts;
        try
        {
            opts = list.Parse(text, permitAbbreviation: true);
        }
        catch (OptionsException e)
        {
            throw new CommandLineException(location, e.Message, e.Hint);
        }

        var backend = opts.Get("backend");
        if (string.IsNullOrEmpty(opts.Id))
        {
            throw new CommandLineException(location, "chardev: no id specified");
        }

        if (backend is null)
        {
            throw new CommandLineException(location, "chardev: \"" + opts.Id + "\" missing backend");
        }

        if (!QemuBackends.Contains(backend))
        {
            throw new CommandLineException(location, $"'{backend}' is not a valid char driver name");
        }

        return backend switch
        {
            "socket" => FromSocketOptions(opts.Id, location, opts),
            "stdio" => new ChardevConfiguration(opts.Id, location, ChardevKind.Stdio),
            _ => throw new CommandLineException(location, $"chardev backend '{backend}' is not available in machina (it has 'socket' and 'stdio')"),
        };
    }

    private static QemuOptsList NewList() => new("chardev", Descriptions, impliedOptName: "backend");

    private static void ParseInto(Options.QemuOpts opts, string parameters, string? firstName, string location, string text)
    {
        try
        {
            opts.Parse(parameters, firstName);
        }
        catch (OptionsException e)
        {
            throw new CommandLineException(location, e.Message, $"{e.Hint}{MachinaProgram.Name}: {location}: parse error: {text}\n");
        }
    }

    private static CommandLineException ParseError(string location, string text) =>
        new(location, $"parse error: {text}");

    private static ChardevConfiguration FromSocketOptions(string id, string location, Options.QemuOpts opts)
    {
        var server = opts.GetBool("server", false);
        var wait = opts.GetBool("wait", true);
        var path = opts.Get("path");
        var host = opts.Get("host");
        if (path is not null)
        {
            return new ChardevConfiguration(id, location, ChardevKind.Unix, Path: path, Server: server, Wait: wait);
        }

        if (host is null)
        {
            // QEMU then looks for fd=, and without one says so in these words.
            throw new CommandLineException(location, "Unable to parse FD number ");
        }

        var portText = opts.Get("port");
        if (portText is null)
        {
            throw new CommandLineException(location, "chardev: socket: no port given");
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new CommandLineException(location, $"Invalid port '{portText}'");
        }

        return new ChardevConfiguration(id, location, ChardevKind.Tcp, Host: host, Port: port, Server: server, Wait: wait);
    }
}
