using Machina.TestSupport;

namespace Machina.Tests;

/// <summary>
/// The command line: each mistake gets QEMU 7.2's message (with <c>machina</c> for the program's
/// name) and exit code 1; help and version print and exit with 0. Where QEMU is installed, each
/// case is also run through <c>qemu-system-x86_64</c> and the two outputs must be equal.
/// </summary>
public sealed class CommandLineTests
{
    /// <summary>Arguments after <c>-machine none -nodefaults -display none</c>, and what machina prints on standard error.</summary>
    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["-foo"], "machina: -foo: invalid option\n" },
        { ["--foo"], "machina: --foo: invalid option\n" },
        { ["-machine"], "machina: -machine: requires an argument\n" },
        { ["-machine", "nonex"], "machina: unsupported machine type\nUse -machine help to list supported machines\n" },
        { ["-machine", "none,foo=bar"], "machina: Property 'none-machine.foo' not found\n" },
        { ["-machine", "none,dump-guest-core=maybe"], "machina: Parameter 'dump-guest-core' expects 'on' or 'off'\n" },
        { ["-object", "secret,id=s0"], "machina: Either 'file' or 'data' must be provided\n" },
        { ["-object", "secret,id=s0,data=x,bogus=1"], "machina: -object secret,id=s0,data=x,bogus=1: Invalid parameter 'bogus'\n" },
        { ["-object", "nosuch,id=x"], "machina: -object nosuch,id=x: Parameter 'qom-type' does not accept value 'nosuch'\n" },
        { ["-object", "memory-backend-ram,id=m,size=foo"], "machina: -object memory-backend-ram,id=m,size=foo: Parameter 'size' expects a size value\n" },
        { ["-object", "secret,id=0bad,data=x"], "machina: -object secret,id=0bad,data=x: Parameter 'id' expects an identifier\nIdentifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n" },
        { ["-object", "secret,id=a,data=x", "-object", "secret,id=a,data=y"], "machina: -object secret,id=a,data=y: Duplicate ID 'a' for object\n" },
        { ["-object", "secret,id=s,data=x,format=hex"], "machina: -object secret,id=s,data=x,format=hex: Parameter 'format' does not accept value 'hex'\n" },
        { ["-object", "{\"qom-type\":\"secret\",\"id\":\"s\",\"data\":1}"], "machina: -object {\"qom-type\":\"secret\",\"id\":\"s\",\"data\":1}: Invalid parameter type for 'data', expected: string\n" },
        { ["-object", "secret"], "machina: -object secret: Parameter 'id' is missing\n" },
        { ["-object", ",id=x"], "machina: -object ,id=x: Parameter 'qom-type' does not accept value ''\n" },
        { ["-qmp", "foo:bar"], "machina: -qmp foo:bar: 'foo:bar' is not a valid char driver\nmachina: -qmp foo:bar: parse error: foo:bar\n" },
        { ["-qmp", "unix:/tmp/x.sock,server=maybe"], "machina: -qmp unix:/tmp/x.sock,server=maybe: Parameter 'server' expects 'on' or 'off'\nmachina: -qmp unix:/tmp/x.sock,server=maybe: parse error: unix:/tmp/x.sock,server=maybe\n" },
        { ["-qmp", "tcp:localhost"], "machina: -qmp tcp:localhost: parse error: tcp:localhost\n" },
        { ["-qmp", "unix:/nonexistent/dir/x.sock,server=on,wait=off"], "machina: -qmp unix:/nonexistent/dir/x.sock,server=on,wait=off: Failed to bind socket to /nonexistent/dir/x.sock: No such file or directory\n" },
        { ["-mon", "chardev=nope,mode=control"], "machina: -mon chardev=nope,mode=control: chardev \"nope\" not found\n" },
        { ["-mon", "mode=control"], "machina: -mon mode=control: Parameter 'chardev' is missing\n" },
        { ["-chardev", "socket,id=c0"], "machina: -chardev socket,id=c0: Unable to parse FD number \n" },
        { ["-chardev", "socket,path=/tmp/cc.sock"], "machina: -chardev socket,path=/tmp/cc.sock: chardev: no id specified\n" },
        { ["-chardev", "bogus,id=x"], "machina: -chardev bogus,id=x: 'bogus' is not a valid char driver name\n" },
        { ["-chardev", "socket,id=c0,path=/tmp/m1.sock,server=on,wait=off", "-chardev", "socket,id=c0,path=/tmp/m2.sock,server=on,wait=off"], "machina: -chardev socket,id=c0,path=/tmp/m2.sock,server=on,wait=off: Duplicate ID 'c0' for chardev\n" },
        { ["-display", "foo"], "machina: -display foo: Parameter 'type' does not accept value 'foo'\n" },
        { ["-name"], "machina: -name: requires an argument\n" },
        { ["-name", "foo,bar=1"], "machina: -name foo,bar=1: Invalid parameter 'bar'\n" },
        { ["-pidfile"], "machina: -pidfile: requires an argument\n" },
        { ["-pidfile", "/nonexistent/dir/p"], "machina: cannot create PID file: Could not create '/nonexistent/dir/p': No such file or directory\n" },
        { ["-daemonize", "-qmp", "stdio"], "machina: -qmp stdio: cannot use stdio with -daemonize\n" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Mistake_gets_qemus_message_and_exit_code_1(string[] args, string expected)
    {
        var (code, output, errors) = await MachinaProcess.RunMachinaAsync(["-machine", "none", "-nodefaults", "-display", "none", .. args]);

        Assert.Equal(expected, errors);
        Assert.Equal(string.Empty, output);
        Assert.Equal(1, code);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Qemu_prints_the_same_for_the_same_mistake(string[] args, string expected)
    {
        QemuProcess.Require();

        var (code, output, errors) = await MachinaProcess.Start(QemuProcess.ProgramName, ["-machine", "none", "-nodefaults", "-display", "none", .. args]).WaitAsync();

        Assert.Equal(expected, errors.Replace(QemuProcess.ProgramName + ":", "machina:", StringComparison.Ordinal));
        Assert.Equal(string.Empty, output);
        Assert.Equal(1, code);
    }

    [Theory]
    [InlineData("-object", "secret,help")]
    [InlineData("-object", "iothread,help")]
    [InlineData("-machine", "none,help")]
    public async Task Type_help_lists_what_qemu_lists(string option, string argument)
    {
        var (code, output, errors) = await MachinaProcess.RunMachinaAsync(option, argument);

        Assert.Equal((0, string.Empty), (code, errors));
        if (QemuProcess.IsInstalled)
        {
            var qemu = await MachinaProcess.Start(QemuProcess.ProgramName, [option, argument]).WaitAsync();
            Assert.Equal(qemu.Output, output);
        }
        else
        {
            Assert.StartsWith(argument.Split(',')[0], output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Object_help_lists_machinas_user_creatable_types()
    {
        var (code, output, _) = await MachinaProcess.RunMachinaAsync("-object", "help");

        Assert.Equal(0, code);
        Assert.Equal("List of user creatable objects:\n  authz-simple\n  iothread\n  memory-backend-ram\n  secret\n", output);
    }

    [Fact]
    public async Task Machine_help_lists_none()
    {
        var (code, output, _) = await MachinaProcess.RunMachinaAsync("-machine", "help");

        Assert.Equal((0, "Supported machines are:\nnone                 empty machine\n"), (code, output));
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-version")]
    public async Task Version_names_the_qemu_interface(string option)
    {
        var (code, output, _) = await MachinaProcess.RunMachinaAsync(option);

        Assert.Equal(0, code);
        Assert.StartsWith("Machina emulator version 7.2.0 (machina ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public async Task Help_lists_every_option(string option)
    {
        var (code, output, _) = await MachinaProcess.RunMachinaAsync(option);

        Assert.Equal(0, code);
        foreach (var name in new[] { "-machine", "-object", "-qmp", "-qmp-pretty", "-chardev", "-mon", "-S", "-name", "-nodefaults", "-display", "-pidfile", "-daemonize", "-version" })
        {
            Assert.Contains("\n" + name + " ", output, StringComparison.Ordinal);
        }
    }
}
