using Machina.Options;
using Machina.Program.Monitors;
using Machina.Qapi;
using Machina.Qom;
using Machina.QObjects;
using Machina.QObjects.Json;

namespace Machina.Program.CommandLine;

/// <summary>
/// Reads QEMU's command line (softmmu/vl.c's option loop) for the options the machina program has,
/// with QEMU's spelling (<c>-opt</c> or <c>--opt</c>, the argument as the next word) and QEMU's
/// messages. Help requests (<c>-h</c>, <c>-object help</c>, <c>-machine help</c>) and
/// <c>-version</c> end parsing with text to print, as in QEMU.
/// </summary>
internal sealed class CommandLineParser
{
    private static readonly Dictionary<string, bool> OptionTakesArgument = new(StringComparer.Ordinal)
    {
        ["h"] = false, ["help"] = false, ["version"] = false,
        ["machine"] = true, ["M"] = true, ["object"] = true,
        ["qmp"] = true, ["qmp-pretty"] = true, ["chardev"] = true, ["mon"] = true,
        ["S"] = false, ["name"] = true, ["nodefaults"] = false, ["display"] = true,
        ["pidfile"] = true, ["daemonize"] = false,
    };

    // QEMU 7.2's display types; Machina has 'none'.
    private static readonly HashSet<string> QemuDisplays = ["default", "none", "gtk", "sdl", "egl-headless", "curses", "cocoa", "spice-app", "dbus"];

    private static readonly QemuOptsList NameOptions = new(
        "name",
        [new QemuOptDesc("guest", QemuOptType.String), new QemuOptDesc("process", QemuOptType.String), new QemuOptDesc("debug-threads", QemuOptType.Bool)],
        impliedOptName: "guest");

    private static readonly QemuOptsList MonitorOptions = new(
        "mon",
        [new QemuOptDesc("mode", QemuOptType.String), new QemuOptDesc("chardev", QemuOptType.String), new QemuOptDesc("pretty", QemuOptType.Bool)],
        impliedOptName: "chardev");

    private static readonly QemuOptsList ObjectOptionsList = new("object", [], impliedOptName: "qom-type");

    private readonly QomRuntime _runtime;
    private int _compatMonitors;

    /// <summary>A parser that checks <c>-object</c> options against the types of <paramref name="runtime"/>.</summary>
    public CommandLineParser(QomRuntime runtime) => _runtime = runtime;

    /// <summary>Reads <paramref name="args"/>.</summary>
    /// <exception cref="CommandLineException">The first mistake, with QEMU's message.</exception>
    public MachinaConfiguration Parse(IReadOnlyList<string> args)
    {
        var config = new MachinaConfiguration();
        for (var i = 0; i < args.Count && config.ImmediateOutput is null; i++)
        {
            var word = args[i];
            if (word.Length < 2 || word[0] != '-')
            {
                throw new CommandLineException(word, "invalid option");
            }

            var name = word[1] == '-' ? word[2..] : word[1..];
            if (!OptionTakesArgument.TryGetValue(name, out var takesArgument))
            {
                throw new CommandLineException(word, "invalid option");
            }

            string? argument = null;
            if (takesArgument)
            {
                if (i + 1 >= args.Count)
                {
                    throw new CommandLineException(word, "requires an argument");
                }

                argument = args[++i];
            }

            Apply(config, name, word, argument);
        }

        if (config.ImmediateOutput is null)
        {
            ResolveMonitors(config);
        }

        return config;
    }

    private void Apply(MachinaConfiguration config, string name, string word, string? argument)
    {
        var location = argument is null ? word : $"{word} {argument}";
        switch (name)
        {
            case "h" or "help":
                config.ImmediateOutput = UsageText.Text;
                break;
            case "version":
                config.ImmediateOutput = UsageText.Version;
                break;
            case "machine" or "M":
                ParseMachine(config, location, argument!);
                break;
            case "object":
                ParseObject(config, location, argument!);
                break;
            case "qmp" or "qmp-pretty":
                ParseQmp(config, location, argument!, pretty: name == "qmp-pretty");
                break;
            case "chardev":
                var chardev = ChardevParser.Parse(location, argument!);
                if (!config.Chardevs.TryAdd(chardev.Id, chardev))
                {
                    throw new CommandLineException(location, $"Duplicate ID '{chardev.Id}' for chardev");
                }

                break;
            case "mon":
                ParseMonitor(config, location, argument!);
                break;
            case "S":
                config.StartPaused = true;
                break;
            case "name":
                var opts = Parse(NameOptions, location, argument!);
                config.Name = opts.Get("guest");
                break;
            case "nodefaults":
                config.NoDefaults = true;
                break;
            case "display":
                ParseDisplay(location, argument!);
                break;
            case "pidfile":
                config.PidFile = argument;
                break;
            case "daemonize":
                config.Daemonize = true;
                break;
        }
    }

    private void ParseMachine(MachinaConfiguration config, string location, string argument)
    {
        bool help;
        try
        {
            KeyvalParser.ParseInto(config.MachineOptions, argument, "type", out help);
        }
        catch (OptionsException e)
        {
            throw new CommandLineException(location, e.Message, e.Hint);
        }

        if (help)
        {
            config.ImmediateOutput = config.MachineOptions.TryGetString("type", out var type)
                ? _runtime.UserCreatable.PropertiesHelp(type + "-machine") ?? MachineList()
                : MachineList();
        }
    }

    private string MachineList()
    {
        var text = new System.Text.StringBuilder("Supported machines are:\n");
        foreach (var klass in _runtime.Types.ListClassesSorted("machine", includeAbstract: false))
        {
            if (klass is Qom.Machines.MachineClass machine)
            {
                text.Append(machine.MachineName.PadRight(20)).Append(' ').Append(machine.Description).Append('\n');
            }
        }

        return text.ToString();
    }

    private void ParseObject(MachinaConfiguration config, string location, string argument)
    {
        ObjectOptions options;
        try
        {
            if (argument.StartsWith('{'))
            {
                if (!QJson.TryParse(argument, out var json, out var jsonError))
                {
                    throw new CommandLineException(location, jsonError.Message);
                }

                options = ObjectOptions.Read(json, _runtime.Types);
            }
            else
            {
                // QEMU's system emulator reads -object as QemuOpts (the id checked as it is parsed),
                // then through its QemuOpts visitor.
                var opts = ObjectOptionsList.Parse(argument, permitAbbreviation: true);
                var type = opts.Get("qom-type");
                if (type is "help" or "?")
                {
                    config.ImmediateOutput = _runtime.UserCreatable.TypesHelp();
                    return;
                }

                if (type is not null && opts.HasHelpOption && _runtime.UserCreatable.PropertiesHelp(type) is { } help)
                {
                    config.ImmediateOutput = help;
                    return;
                }

                options = ReadAsQemuOptsVisitor(opts.ToQDict());
            }
        }
        catch (OptionsException e)
        {
            throw new CommandLineException(location, e.Message, e.Hint);
        }
        catch (QapiException e)
        {
            throw new CommandLineException(location, e.Message, e.Hint);
        }

        if (config.Objects.Any(o => o.Options.Id == options.Id))
        {
            throw new CommandLineException(location, $"Duplicate ID '{options.Id}' for object");
        }

        config.Objects.Add(new LocatedObject(location, options));
    }

    // The keyval input visitor reads what QEMU's QemuOpts visitor reads; two of their messages differ.
    private ObjectOptions ReadAsQemuOptsVisitor(QDict tree)
    {
        try
        {
            return ObjectOptions.Read(tree, _runtime.Types, keyval: true);
        }
        catch (QapiException e) when (e.Message.EndsWith("' is unexpected", StringComparison.Ordinal))
        {
            throw new QapiException(e.ErrorClass, $"Invalid parameter '{e.Message["Parameter '".Length..^"' is unexpected".Length]}'");
        }
        catch (QapiException e) when (e.Message.EndsWith("' expects size", StringComparison.Ordinal))
        {
            throw new QapiException(e.ErrorClass, e.Message[..^"size".Length] + "a size value");
        }
    }

    private void ParseQmp(MachinaConfiguration config, string location, string argument, bool pretty)
    {
        if (argument.StartsWith("chardev:", StringComparison.Ordinal))
        {
            config.PendingMonitors.Add((location, argument["chardev:".Length..], pretty));
            return;
        }

        var chardev = ChardevParser.ParseCompat($"compat_monitor{_compatMonitors++}", location, argument);
        config.Monitors.Add(new MonitorConfiguration(location, chardev, pretty));
    }

    private static void ParseMonitor(MachinaConfiguration config, string location, string argument)
    {
        var opts = Parse(MonitorOptions, location, argument);
        var chardev = opts.Get("chardev") ?? throw new CommandLineException(location, "Parameter 'chardev' is missing");
        var mode = opts.Get("mode") ?? "readline";
        switch (mode)
        {
            case "control":
                break;
            case "readline":
                throw new CommandLineException(location, "the human monitor (mode=readline) is not available in machina; use mode=control");
            default:
                throw new CommandLineException(location, $"Parameter 'mode' does not accept value '{mode}'");
        }

        config.PendingMonitors.Add((location, chardev, opts.GetBool("pretty", false)));
    }

    private static void ResolveMonitors(MachinaConfiguration config)
    {
        foreach (var (location, id, pretty) in config.PendingMonitors)
        {
            if (!config.Chardevs.TryGetValue(id, out var chardev))
            {
                throw new CommandLineException(location, $"chardev \"{id}\" not found");
            }

            config.Monitors.Add(new MonitorConfiguration(location, chardev, pretty));
        }

        if (config.Daemonize && config.Monitors.FirstOrDefault(m => m.Chardev.Kind == ChardevKind.Stdio) is { } stdio)
        {
            throw new CommandLineException(stdio.Location, "cannot use stdio with -daemonize");
        }
    }

    private static void ParseDisplay(string location, string argument)
    {
        QDict options;
        try
        {
            options = KeyvalParser.Parse(argument, "type");
        }
        catch (OptionsException e)
        {
            throw new CommandLineException(location, e.Message, e.Hint);
        }

        var type = options.TryGetString("type", out var t) ? t : "default";
        if (!QemuDisplays.Contains(type))
        {
            throw new CommandLineException(location, $"Parameter 'type' does not accept value '{type}'");
        }

        if (type is not ("none" or "default"))
        {
            throw new CommandLineException(location, $"Display '{type}' is not available.");
        }

        if (options.Count > 1)
        {
            var extra = options.First(p => p.Key != "type").Key;
            throw new CommandLineException(location, $"Invalid parameter '{extra}'");
        }
    }

    private static Options.QemuOpts Parse(QemuOptsList list, string location, string argument)
    {
        try
        {
            return list.Parse(argument, permitAbbreviation: true);
        }
        catch (OptionsException e)
        {
            throw new CommandLineException(location, e.Message, e.Hint);
        }
    }
}
