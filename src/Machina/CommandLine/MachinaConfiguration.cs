using Machina.Program.Monitors;
using Machina.Qom;
using Machina.QObjects;

namespace Machina.Program.CommandLine;

/// <summary>What a command line asks the program to do, checked as far as parsing can check it.</summary>
internal sealed class MachinaConfiguration
{
    /// <summary>Text to print to standard output before exiting with 0 instead of running (help, version), or null.</summary>
    public string? ImmediateOutput { get; set; }

    /// <summary>The merged <c>-machine</c> options: <c>type</c> and the machine's properties, keyval strings.</summary>
    public QDict MachineOptions { get; } = new();

    /// <summary>The objects of <c>-object</c>, in command-line order.</summary>
    public List<LocatedObject> Objects { get; } = [];

    /// <summary>The QMP monitors of <c>-qmp</c>, <c>-qmp-pretty</c> and <c>-mon</c>, in command-line order.</summary>
    public List<MonitorConfiguration> Monitors { get; } = [];

    /// <summary>The character devices of <c>-chardev</c> by id.</summary>
    public Dictionary<string, ChardevConfiguration> Chardevs { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>-mon</c> options, resolved against <see cref="Chardevs"/> once parsing is over.</summary>
    public List<(string Location, string Chardev, bool Pretty)> PendingMonitors { get; } = [];

    /// <summary><c>-S</c>: start paused (run state <c>prelaunch</c>) until <c>cont</c>.</summary>
    public bool StartPaused { get; set; }

    /// <summary><c>-name</c>'s guest name.</summary>
    public string? Name { get; set; }

    /// <summary><c>-nodefaults</c> (Machina creates no default devices in any case).</summary>
    public bool NoDefaults { get; set; }

    /// <summary><c>-pidfile</c>.</summary>
    public string? PidFile { get; set; }

    /// <summary><c>-daemonize</c>.</summary>
    public bool Daemonize { get; set; }
}

/// <summary>One <c>-object</c>: its checked options and where it was given.</summary>
/// <param name="Location">The option and its argument, for errors found while parsing.</param>
/// <param name="Options">The object's options.</param>
internal sealed record LocatedObject(string Location, ObjectOptions Options);
