namespace Machina.Options.Tests.Help;

/// <summary>Which help QEMU prints for which <c>-object</c> and <c>-device</c> option.</summary>
public class HelpCatalogTests
{
    private static readonly HelpCatalog Catalog = new(
        [
            new ObjectTypeHelp("rng-random", [new("filename", "string")]),
            new ObjectTypeHelp("authz-list", []),
        ],
        [
            new DeviceHelp("virtio-net-pci", [new("mac", "str"), new("mq", "bool", "on/off", false)], "PCI", "virtio-net", Categories: [DeviceCategory.Network]),
            new DeviceHelp("e1000", [], "PCI", "e1000-82540em", "Intel Gigabit Ethernet", Categories: [DeviceCategory.Network]),
        ]);

    // As QEMU's system emulator reads -device and -object: accept-anything groups with an implied name.
    private static QemuOpts Device(string text) => new QemuOptsList("device", [], impliedOptName: "driver").Parse(text, permitAbbreviation: true);

    private static QemuOpts Object(string text) => new QemuOptsList("object", [], impliedOptName: "qom-type").Parse(text, permitAbbreviation: true);

    [Theory]
    [InlineData("help")]
    [InlineData("?")]
    [InlineData("help,x=1")]
    public void Device_help_lists_the_devices(string text) =>
        Assert.Equal(
            "\nNetwork devices:\nname \"e1000\", bus PCI, alias \"e1000-82540em\", desc \"Intel Gigabit Ethernet\"\nname \"virtio-net-pci\", bus PCI, alias \"virtio-net\"\n",
            Catalog.DeviceHelp(Device(text)));

    [Theory]
    [InlineData("virtio-net-pci,help")]
    [InlineData("virtio-net,help")]
    [InlineData("virtio-net,?")]
    [InlineData("driver=virtio-net-pci,id=n0,help")]
    public void Device_type_help_lists_its_properties_resolving_aliases(string text) =>
        Assert.Equal(
            "virtio-net-pci options:\n  mac=<str>\n  mq=<bool>              - on/off (default: false)\n",
            Catalog.DeviceHelp(Device(text)));

    [Fact]
    public void Device_type_without_properties() =>
        Assert.Equal("There are no options for e1000.\n", Catalog.DeviceHelp(Device("e1000-82540em,help")));

    [Theory]
    [InlineData("virtio-net-pci,id=n0")]
    [InlineData("id=n0,help")]
    public void Device_option_without_a_help_request_gets_none(string text) => Assert.Null(Catalog.DeviceHelp(Device(text)));

    [Fact]
    public void Device_help_for_an_unknown_driver_fails()
    {
        var e = Assert.Throws<OptionsException>(() => Catalog.DeviceHelp(Device("nosuch,help")));
        Assert.Equal("Device 'nosuch' not found", e.Message);
        Assert.Equal(OptionsErrorCode.DeviceNotFound, e.Code);
    }

    [Fact]
    public void Object_help_with_keyval_lists_types_or_properties()
    {
        var types = "List of user creatable objects:\n  authz-list\n  rng-random\n";
        Assert.Equal(types, Catalog.ObjectHelp(KeyvalParser.Parse("help", "qom-type", out _)));
        Assert.Equal(types, Catalog.ObjectHelp(KeyvalParser.Parse("nosuch,help", "qom-type", out _)));
        Assert.Equal("rng-random options:\n  filename=<string>\n", Catalog.ObjectHelp(KeyvalParser.Parse("rng-random,help", "qom-type", out _)));
    }

    [Fact]
    public void Object_help_with_qemu_opts_follows_the_system_emulator()
    {
        Assert.Equal(Catalog.ObjectTypeList(), Catalog.ObjectHelp(Object("help")));
        Assert.Equal("There are no options for authz-list.\n", Catalog.ObjectHelp(Object("authz-list,help")));
        Assert.Null(Catalog.ObjectHelp(Object("rng-random,id=r")));
        Assert.Null(Catalog.ObjectHelp(Object("nosuch,help")));
    }

    [Fact]
    public void Object_option_without_a_type_is_missing_it()
    {
        // qemu-system-x86_64 -object x=1,help
        var e = Assert.Throws<OptionsException>(() => Catalog.ObjectHelp(Object("x=1,help")));
        Assert.Equal("Parameter 'qom-type' is missing", e.Message);
    }

    [Fact]
    public void Catalog_refuses_duplicate_types() =>
        Assert.Throws<ArgumentException>(() => new HelpCatalog([new("a", []), new("a", [])], []));
}
