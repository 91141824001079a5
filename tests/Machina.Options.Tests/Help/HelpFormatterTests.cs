using Machina.QObjects;

namespace Machina.Options.Tests.Help;

/// <summary>
/// Help listings compared with what qemu-system-x86_64 7.2 printed for the same metadata
/// (<c>-device virtio-rng-pci,help</c>, <c>-device help</c>, <c>-object help</c>, <c>-boot help</c>).
/// </summary>
public class HelpFormatterTests
{
    // The properties of virtio-rng-pci in QEMU 7.2, in no particular order.
    private static readonly PropertyHelp[] VirtioRngPci =
    [
        new("disable-legacy", "OnOffAuto", "on/off/auto", (QObject)"auto"),
        new("x-pcie-extcap-init", "bool", "on/off", true),
        new("max-bytes", "uint64", null, (QObject)9223372036854775807L),
        new("period", "uint32", null, (QObject)65536L),
        new("multifunction", "bool", "on/off", false),
        new("ioeventfd", "bool", "on/off", true),
        new("x-ats-page-aligned", "bool", "on/off", true),
        new("rng", "link<rng-backend>", null, null),
        new("failover_pair_id", "str", null, null),
        new("iommu_platform", "bool", "on/off", false),
        new("x-pcie-pm-init", "bool", "on/off", true),
        new("acpi-index", "uint32", null, (QObject)0L),
        new("virtio-backend", "child<virtio-rng-device>", null, null),
        new("modern-pio-notify", "bool", "on/off", false),
        new("x-pcie-lnksta-dllla", "bool", "on/off", true),
        new("page-per-vq", "bool", "on/off", false),
        new("rombar", "uint32", null, (QObject)1L),
        new("x-disable-legacy-check", "bool", null, false),
        new("vectors", "uint32", null, (QObject)4294967295L),
        new("romsize", "uint32", null, (QObject)4294967295L),
        new("packed", "bool", "on/off", false),
        new("x-disable-pcie", "bool", "on/off", false),
        new("event_idx", "bool", "on/off", true),
        new("use-started", "bool", null, true),
        new("x-pcie-lnkctl-init", "bool", "on/off", true),
        new("migrate-extra", "bool", "on/off", true),
        new("aer", "bool", "on/off", false),
        new("addr", "int32", "Slot and optional function number, example: 06.0 or 06", (QObject)(-1L)),
        new("x-ignore-backend-features", "bool", null, false),
        new("notify_on_empty", "bool", "on/off", true),
        new("virtio-pci-bus-master-bug-migration", "bool", "on/off", false),
        new("x-pcie-flr-init", "bool", "on/off", true),
        new("romfile", "str", null, null),
        new("disable-modern", "bool", null, false),
        new("x-pcie-deverr-init", "bool", "on/off", true),
        new("ats", "bool", "on/off", false),
        new("any_layout", "bool", "on/off", true),
        new("use-disabled-flag", "bool", null, true),
        new("indirect_desc", "bool", "on/off", true),
        new("queue_reset", "bool", "on/off", true),
    ];

    private const string VirtioRngPciHelp = """
virtio-rng-pci options:
  acpi-index=<uint32>    -  (default: 0)
  addr=<int32>           - Slot and optional function number, example: 06.0 or 06 (default: -1)
  aer=<bool>             - on/off (default: false)
  any_layout=<bool>      - on/off (default: true)
  ats=<bool>             - on/off (default: false)
  disable-legacy=<OnOffAuto> - on/off/auto (default: "auto")
  disable-modern=<bool>  -  (default: false)
  event_idx=<bool>       - on/off (default: true)
  failover_pair_id=<str>
  indirect_desc=<bool>   - on/off (default: true)
  ioeventfd=<bool>       - on/off (default: true)
  iommu_platform=<bool>  - on/off (default: false)
  max-bytes=<uint64>     -  (default: 9223372036854775807)
  migrate-extra=<bool>   - on/off (default: true)
  modern-pio-notify=<bool> - on/off (default: false)
  multifunction=<bool>   - on/off (default: false)
  notify_on_empty=<bool> - on/off (default: true)
  packed=<bool>          - on/off (default: false)
  page-per-vq=<bool>     - on/off (default: false)
  period=<uint32>        -  (default: 65536)
  queue_reset=<bool>     - on/off (default: true)
  rng=<link<rng-backend>>
  rombar=<uint32>        -  (default: 1)
  romfile=<str>
  romsize=<uint32>       -  (default: 4294967295)
  use-disabled-flag=<bool> -  (default: true)
  use-started=<bool>     -  (default: true)
  vectors=<uint32>       -  (default: 4294967295)
  virtio-backend=<child<virtio-rng-device>>
  virtio-pci-bus-master-bug-migration=<bool> - on/off (default: false)
  x-ats-page-aligned=<bool> - on/off (default: true)
  x-disable-legacy-check=<bool> -  (default: false)
  x-disable-pcie=<bool>  - on/off (default: false)
  x-ignore-backend-features=<bool> -  (default: false)
  x-pcie-deverr-init=<bool> - on/off (default: true)
  x-pcie-extcap-init=<bool> - on/off (default: true)
  x-pcie-flr-init=<bool> - on/off (default: true)
  x-pcie-lnkctl-init=<bool> - on/off (default: true)
  x-pcie-lnksta-dllla=<bool> - on/off (default: true)
  x-pcie-pm-init=<bool>  - on/off (default: true)

""";

    [Fact]
    public void Device_properties_match_qemu_byte_for_byte() =>
        Assert.Equal(VirtioRngPciHelp.ReplaceLineEndings("\n"), HelpFormatter.TypeProperties("virtio-rng-pci", VirtioRngPci));

    [Fact]
    public void Property_line_pads_to_column_24_and_adds_the_default_as_json()
    {
        Assert.Equal("  rng=<link<rng-backend>>", HelpFormatter.PropertyLine(new("rng", "link<rng-backend>")));
        Assert.Equal("  a=<int>                - x", HelpFormatter.PropertyLine(new("a", "int", "x")));
        Assert.Equal("  a=<int>                -  (default: 1)", HelpFormatter.PropertyLine(new("a", "int", null, 1)));
        Assert.Equal("  disable-legacy=<OnOffAuto> - on/off/auto (default: \"auto\")", HelpFormatter.PropertyLine(new("disable-legacy", "OnOffAuto", "on/off/auto", "auto")));
    }

    [Fact]
    public void Defaults_are_written_as_qemu_json()
    {
        Assert.Equal("  d=<any>                -  (default: {\"x\": 1, \"a\": [true, null, 0.5]})",
            HelpFormatter.PropertyLine(new("d", "any", null, new QDict { ["a"] = new QList { true, QNull.Instance, 0.5 }, ["x"] = 1 })));
        Assert.Equal("  s=<str>                -  (default: \"\\u00E9\\t\\\"\\\\\\uD834\\uDD1E\")",
            HelpFormatter.PropertyLine(new("s", "str", null, "é\t\"\\𝄞")));
        Assert.Equal("  u=<uint64>             -  (default: 18446744073709551615)",
            HelpFormatter.PropertyLine(new("u", "uint64", null, ulong.MaxValue)));
    }

    [Fact]
    public void Padding_counts_utf8_bytes_as_qemu_does() =>
        Assert.Equal("  é=<int>               - x", HelpFormatter.PropertyLine(new("é", "int", "x")));

    [Fact]
    public void Type_without_properties_says_so() =>
        Assert.Equal("There are no options for rng-random.\n", HelpFormatter.TypeProperties("rng-random", []));

    [Fact]
    public void Lines_sort_by_whole_line_so_a_longer_name_can_come_first() =>
        Assert.Equal(
            "throttle-group options:\n  x-bps-read-max-length=<int>\n  x-bps-read-max=<int>\n  x-bps-read=<int>\n",
            HelpFormatter.TypeProperties("throttle-group", [new("x-bps-read", "int"), new("x-bps-read-max", "int"), new("x-bps-read-max-length", "int")]));

    [Fact]
    public void Options_help_matches_qemu()
    {
        // qemu-system-x86_64 -boot help (first lines)
        var boot = new QemuOptsList("boot-opts", [new("once", QemuOptType.String), new("menu", QemuOptType.Bool)]);
        Assert.Equal("boot-opts options:\n  menu=<bool (on/off)>\n  once=<str>\n", HelpFormatter.OptionsHelp(boot));
        Assert.Equal("  menu=<bool (on/off)>\n  once=<str>\n", HelpFormatter.OptionsHelp(boot, printCaption: false));
    }

    [Fact]
    public void Options_help_shows_help_texts_and_type_names()
    {
        var list = new QemuOptsList(null,
        [
            new("str1", QemuOptType.String, "Help texts are preserved"),
            new("n", QemuOptType.Number, "a number"),
            new("sz", QemuOptType.Size),
            new("a-very-long-option-name", QemuOptType.Bool, "long"),
        ]);
        Assert.Equal(
            "Options:\n" +
            "  a-very-long-option-name=<bool (on/off)> - long\n" +
            "  n=<num>                - a number\n" +
            "  str1=<str>             - Help texts are preserved\n" +
            "  sz=<size>\n",
            HelpFormatter.OptionsHelp(list));
    }

    [Fact]
    public void Options_help_of_an_empty_group()
    {
        Assert.Equal("There are no options for g.\n", HelpFormatter.OptionsHelp(new QemuOptsList("g", [])));
        Assert.Equal("No options available.\n", HelpFormatter.OptionsHelp(new QemuOptsList(null, []), printCaption: false));
    }

    [Fact]
    public void User_creatable_types_sort_ignoring_case()
    {
        Assert.Equal(
            "List of user creatable objects:\n  authz-list\n  authz-list-file\n  Bravo\n  tls-creds-x509\n",
            HelpFormatter.UserCreatableTypes(["tls-creds-x509", "Bravo", "authz-list-file", "authz-list"]));
    }

    private static readonly DeviceHelp[] Devices =
    [
        new("virtio-net-pci", [], "PCI", "virtio-net", Categories: [DeviceCategory.Network]),
        new("e1000", [], "PCI", "e1000-82540em", "Intel Gigabit Ethernet", Categories: [DeviceCategory.Network]),
        new("pci-bridge", [], "PCI", Description: "Standard PCI Bridge", Categories: [DeviceCategory.Bridge]),
        new("usb-kbd", [], "usb-bus", Categories: [DeviceCategory.Input]),
        new("ich9-ahci", [], "PCI", "ahci", Categories: [DeviceCategory.Storage]),
        new("qemu64-x86_64-cpu", [], Categories: [DeviceCategory.Cpu]),
        new("i6300esb", [], "PCI", Description: "Intel 6300ESB", Categories: [DeviceCategory.Watchdog]),
        new("pc-dimm", [], Description: "DIMM memory module"),
        new("i440FX-pcihost", [], Description: "host bridge", UserCreatable: false, Categories: [DeviceCategory.Bridge]),
    ];

    [Fact]
    public void Device_list_matches_qemu_layout()
    {
        // Lines as qemu-system-x86_64 -device help prints them.
        Assert.Equal(
            """
            Controller/Bridge/Hub devices:
            name "pci-bridge", bus PCI, desc "Standard PCI Bridge"

            Storage devices:
            name "ich9-ahci", bus PCI, alias "ahci"

            Network devices:
            name "e1000", bus PCI, alias "e1000-82540em", desc "Intel Gigabit Ethernet"
            name "virtio-net-pci", bus PCI, alias "virtio-net"

            Input devices:
            name "usb-kbd", bus usb-bus

            CPU devices:
            name "qemu64-x86_64-cpu"

            Watchdog devices:
            name "i6300esb", bus PCI, desc "Intel 6300ESB"

            Uncategorized devices:
            name "pc-dimm", desc "DIMM memory module"

            """.ReplaceLineEndings("\n"),
            HelpFormatter.DeviceList(Devices));
    }

    [Fact]
    public void Full_device_list_shows_no_user_devices()
    {
        var text = HelpFormatter.DeviceList(Devices, showNoUser: true);
        Assert.Contains("name \"i440FX-pcihost\", desc \"host bridge\", no-user\nname \"pci-bridge\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_line_precedes_every_category_but_the_first_even_when_the_first_is_empty() =>
        Assert.Equal("\nUSB devices:\nname \"usb-tablet\"\n", HelpFormatter.DeviceList([new("usb-tablet", [], Categories: [DeviceCategory.Usb])]));

    [Fact]
    public void Device_in_two_categories_is_listed_twice() =>
        Assert.Equal(
            "Controller/Bridge/Hub devices:\nname \"x\"\n\nUSB devices:\nname \"x\"\n",
            HelpFormatter.DeviceList([new("x", [], Categories: [DeviceCategory.Usb, DeviceCategory.Bridge])]));
}
