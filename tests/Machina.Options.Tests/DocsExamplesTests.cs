using Machina.QObjects;
using Machina.Qapi;
using Machina.Qapi.Visitors;

namespace Machina.Options.Tests;

/// <summary>The examples in docs/options.md do what the guide says.</summary>
public class DocsExamplesTests
{
    [Fact]
    public void Keyval_examples()
    {
        var blockdev = KeyvalParser.Parse(
            "qcow2,node-name=disk0,file.driver=file,file.filename=/img/a,,b.qcow2,cache.direct=on",
            impliedKey: "driver");
        Assert.Equal<QObject>(
            new QDict
            {
                ["driver"] = "qcow2",
                ["node-name"] = "disk0",
                ["file"] = new QDict { ["driver"] = "file", ["filename"] = "/img/a,b.qcow2" },
                ["cache"] = new QDict { ["direct"] = "on" },
            },
            blockdev);
        Assert.Equal<QObject>(new QDict { ["nodes"] = new QList { "0", "2" } }, KeyvalParser.Parse("nodes.0=0,nodes.1=2"));
        Assert.Equal(
            "qcow2,node-name=disk0,file.driver=file,file.filename=/img/a,,b.qcow2,cache.direct=on",
            KeyvalPrinter.Print(blockdev, impliedKey: "driver"));
    }

    [Fact]
    public void QemuOpts_examples()
    {
        var device = new QemuOptsList("device", [], impliedOptName: "driver");
        var nic = device.Parse("virtio-net-pci,netdev=n0,id=nic0,mac=52:54:00:12:34:56", permitAbbreviation: true);
        Assert.Equal("nic0", nic.Id);
        Assert.Equal("virtio-net-pci", nic.Get("driver"));

        var chardev = new QemuOptsList("chardev",
        [
            new("backend", QemuOptType.String),
            new("path", QemuOptType.String),
            new("server", QemuOptType.Bool),
            new("wait", QemuOptType.Bool),
            new("size", QemuOptType.Size, "ring buffer size"),
        ], impliedOptName: "backend");
        var result = chardev.ParseNoisily("socket,id=mon0,path=/run/qmp.sock,server,nowait", permitAbbreviation: true);
        Assert.Equal(2, result.Warnings.Count);
        Assert.True(result.Opts!.GetBool("server", false));
    }

    [Fact]
    public void Help_example()
    {
        var device = new QemuOptsList("device", [], impliedOptName: "driver");
        var catalog = new HelpCatalog(
            [new ObjectTypeHelp("rng-random", [new PropertyHelp("filename", "string")])],
            [new DeviceHelp("virtio-rng-pci", [new PropertyHelp("max-bytes", "uint64", null, 9223372036854775807L)],
                            "PCI", "virtio-rng", Categories: [DeviceCategory.Misc])]);
        Assert.Equal(
            "virtio-rng-pci options:\n  max-bytes=<uint64>     -  (default: 9223372036854775807)\n",
            catalog.DeviceHelp(device.Parse("virtio-rng,help", permitAbbreviation: true)));
    }

    [Fact]
    public void Json_argument_examples()
    {
        var disk = OptionArguments.Parse("{\"driver\": \"null-co\", \"size\": 4096}", impliedKey: "driver");
        Assert.Equal(OptionSyntax.Json, disk.Syntax);
        var same = OptionArguments.Parse("null-co,size=4096", impliedKey: "driver");
        Assert.Equal<QObject>(new QDict { ["driver"] = "null-co", ["size"] = "4096" }, same.Arguments);
        Assert.Equal(disk.Read<NullBlockdevOptions>(), same.Read<NullBlockdevOptions>());

        var compat = OptionArguments.Read<CompatPolicy>("deprecated-input=reject", impliedKey: null);
        Assert.Equal(CompatPolicyInput.Reject, compat.DeprecatedInput);
        var v = OptionArguments.CreateVisitor("{'deprecated-input': 'reject'}", impliedKey: null);
        Assert.False(v.IsKeyval);

        var devices = new QemuOptsList("device", [], impliedOptName: "driver");
        var nic = OptionArguments.ParseWithQemuOpts("virtio-net-pci,id=nic0,netdev=n0", devices);
        Assert.Equal("nic0", nic.Opts!.Id);
        Assert.Same(nic.Opts, devices.Instances.Single());

        var obj = OptionArguments.Parse("memory-backend-ram,help", "qom-type", allowHelp: true);
        Assert.True(obj.HelpRequested);

        const string arg = "null-co,size=0Z";
        var e = Assert.ThrowsAny<QapiException>(() => OptionArguments.Read<NullBlockdevOptions>(arg, "driver"));
        Assert.Equal(
            "qemu-system-x86_64: -blockdev null-co,size=0Z: Parameter 'size' expects integer\n",
            CommandLineErrors.Format("qemu-system-x86_64", "-blockdev", arg, e));
    }
}
