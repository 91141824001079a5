namespace Machina.Program.CommandLine;

/// <summary>The texts of <c>-h</c> and <c>-version</c>.</summary>
internal static class UsageText
{
    /// <summary>The version of the program and of the QEMU interface it follows.</summary>
    public const string Version = "Machina emulator version 7.2.0 (machina 0.1.0)\nQEMU's machine interface, implemented in .NET by the Machina contributors\n";

    /// <summary>What <c>-h</c> prints.</summary>
    public const string Text = """
        Machina emulator version 7.2.0 (machina 0.1.0)
        usage: machina [options]

        Options take QEMU's syntax; each may be written -opt or --opt.

        -h or -help              display this help and exit
        -version                 display version information and exit
        -machine [type=]name[,prop=value[,...]]
                                 select the machine (only 'none', the default) and set its
                                 properties; -machine help lists machines,
                                 -machine none,help their properties
        -M ...                   the same as -machine
        -object TYPE,id=ID[,prop=value[,...]]
        -object {JSON}           create a user-creatable object (secret, memory-backend-ram,
                                 iothread, authz-simple); -object help lists the types,
                                 -object TYPE,help their properties
        -qmp DEV                 serve QMP on DEV: unix:PATH[,server=on|off][,wait=on|off],
                                 tcp:[HOST]:PORT[,server=on|off][,wait=on|off], stdio
        -qmp-pretty DEV          the same, with indented JSON
        -chardev socket,id=ID,path=PATH|host=HOST,port=PORT[,server=on|off][,wait=on|off]
        -chardev stdio,id=ID     define a character device for -mon
        -mon [chardev=]ID,mode=control[,pretty=on|off]
                                 serve QMP on the character device ID
        -S                       do not start the machine: wait for 'cont'
        -name [guest=]NAME       name the machine (query-name)
        -nodefaults              create no default devices (Machina creates none anyway)
        -display none            no display (the only one there is)
        -pidfile FILE            write the process id to FILE; removed on exit
        -daemonize               detach from the terminal once started

        QMP serves the object model's commands (qom-list, qom-get, qom-set, qom-list-types,
        qom-list-properties, object-add, object-del), human-monitor-command ('info qom-tree'),
        query-status, stop, cont, quit, query-name, query-version and query-commands.

        """;
}
