using Machina.Qapi;
using Machina.Qom.Machines;
using Machina.QObjects;

namespace Machina.Qom.Tests.Machines;

/// <summary>The machine object, its CPU topology rules and the run state.</summary>
public sealed class MachineTests
{
    [Fact]
    public void None_machine_has_qemus_containers_and_address_spaces()
    {
        var runtime = StandardTypes.CreateRuntime();

        var machine = Machine.Create(runtime, "none");

        Assert.Equal("/machine", machine.CanonicalPath);
        Assert.Equal(["peripheral", "peripheral-anon", "unattached"], machine.Children.Select(c => c.CanonicalPathComponent));
        Assert.Equal(["system[0]", "io[0]"], runtime.GetContainer("/machine/unattached").Children.Select(c => c.CanonicalPathComponent));
        Assert.Equal("none", machine.Class.MachineName);
        Assert.Equal("empty machine", machine.Class.Description);
        Assert.Equal(1U, machine.Class.MinCpus);
        Assert.Equal(1U, machine.Class.MaxCpus);
        Assert.Equal(0UL, machine.RamSize);
    }

    [Fact]
    public void Unknown_machine_is_refused_with_a_hint()
    {
        var error = Assert.Throws<QapiException>(() => Machine.Create(StandardTypes.CreateRuntime(), "pc"));

        Assert.Equal("unsupported machine type", error.Message);
        Assert.Equal("Use -machine help to list supported machines\n", error.Hint);
    }

    [Fact]
    public void Machine_type_names_end_in_machine()
    {
        var runtime = StandardTypes.CreateRuntime();
        runtime.Types.Register(new QomTypeInfo("badly-named") { Parent = "machine" });

        Assert.Throws<InvalidOperationException>(() => runtime.Types.FindClass("badly-named"));
    }

    public static TheoryData<string, string, string?> Topologies => new()
    {
        // machine: max 8 CPUs, cores preferred (QEMU 6.2 and later)
        { "{}", "1 1 1 1 1 1 1", null },
        { "{\"cpus\": 4}", "4 1 1 1 4 1 4", null },
        { "{\"cpus\": 4, \"sockets\": 2}", "4 2 1 1 2 1 4", null },
        { "{\"cpus\": 4, \"cores\": 2}", "4 2 1 1 2 1 4", null },
        { "{\"cpus\": 4, \"sockets\": 2, \"cores\": 1}", "4 2 1 1 1 2 4", null },
        { "{\"maxcpus\": 8, \"cpus\": 2}", "2 1 1 1 8 1 8", null },
        { "{\"sockets\": 2, \"threads\": 2}", "4 2 1 1 1 2 4", null },
        { "{\"cpus\": 3, \"sockets\": 2}", "3 2 1 1 1 1 3",
            "Invalid CPU topology: product of the hierarchy must match maxcpus: sockets (2) * cores (1) * threads (1) != maxcpus (3)" },
        { "{\"cpus\": 4, \"maxcpus\": 2}", "4 1 1 1 2 1 2",
            "Invalid CPU topology: maxcpus must be equal to or greater than smp: sockets (1) * cores (2) * threads (1) == maxcpus (2) < smp_cpus (4)" },
        { "{\"cpus\": 16}", "16 1 1 1 16 1 16", "Invalid SMP CPUs 16. The max CPUs supported by machine 'test' is 8" },
        { "{\"dies\": 2}", "1 1 1 1 1 1 1", "dies not supported by this machine's CPU topology" },
        { "{\"cpus\": 1, \"sockets\": 65536, \"threads\": 65536}", "1 65536 1 1 0 65536 1",
            "Invalid CPU topology: product of the hierarchy must match maxcpus: sockets (65536) * cores (0) * threads (65536) != maxcpus (1)" },
    };

    [Theory]
    [MemberData(nameof(Topologies))]
    public void Smp_configuration_is_completed_and_checked_as_qemu_does(string json, string expected, string? error)
    {
        var runtime = StandardTypes.CreateRuntime();
        runtime.Types.Register(new QomTypeInfo("test-machine")
        {
            Parent = "machine",
            ClassInit = k => ((MachineClass)k).MaxCpus = 8,
        });
        var machine = (Machine)runtime.New("test-machine");

        var thrown = Record.Exception(() => machine.SetPropertyValue("smp", Machina.QObjects.Json.QJson.Parse(json)));

        var s = machine.Smp;
        Assert.Equal(expected, $"{s.Cpus} {s.Sockets} {s.Dies} {s.Clusters} {s.Cores} {s.Threads} {s.MaxCpus}");
        Assert.Equal(error, thrown?.Message);
        machine.Unref();
    }

    [Fact]
    public void Boards_from_before_6_2_prefer_sockets()
    {
        var klass = new MachineClass { MachineName = "old", MaxCpus = 8, MinCpus = 1, PreferSockets = true };

        var topology = CpuTopology.Parse(klass, new SMPConfiguration { Cpus = 4 }, default, out var error);

        Assert.Null(error);
        Assert.Equal(new CpuTopology(4, 4, 1, 1, 1, 1, 4), topology);
    }

    [Fact]
    public void Memory_size_is_rounded_to_8_KiB_and_the_board_default_fills_in()
    {
        var runtime = StandardTypes.CreateRuntime();
        var machine = Machine.Create(runtime, "none");

        machine.SetPropertyValue("memory", new QDict { ["size"] = 1 });
        Assert.Equal(new QDict { ["size"] = 8192 }, machine.GetPropertyValue("memory"));
        machine.SetPropertyValue("memory", new QDict());
        Assert.Equal(0UL, machine.RamSize);
    }

    [Fact]
    public void Boot_keeps_the_board_default_order_when_none_is_given()
    {
        var runtime = StandardTypes.CreateRuntime();
        runtime.Types.Register(new QomTypeInfo("disk-machine")
        {
            Parent = "machine",
            ClassInit = k => ((MachineClass)k).DefaultBootOrder = "cad",
        });
        var machine = (Machine)runtime.New("disk-machine");

        machine.SetPropertyValue("boot", new QDict { ["menu"] = true });

        Assert.Equal(new QDict { ["order"] = "cad", ["menu"] = true }, machine.GetPropertyValue("boot"));
        machine.Unref();
    }
}
