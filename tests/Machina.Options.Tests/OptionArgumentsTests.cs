using CsCheck;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.TestSupport;

namespace Machina.Options.Tests;

/// <summary>
/// Option arguments in JSON or keyval form, read as QEMU reads them. The expected lines are what
/// qemu-system-x86_64 7.2 printed for the same arguments (<c>-nodefaults -machine none -S</c>).
/// </summary>
public class OptionArgumentsTests
{
    private const string Qemu = "qemu-system-x86_64";

    private static QemuOptsList DeviceGroup() => new("device", [], impliedOptName: "driver");

    [Theory]
    [InlineData("{\"driver\":", "JSON parse error, premature EOI")]
    [InlineData("{", "JSON parse error, premature EOI")]
    [InlineData("{} {}", "Expecting at most one JSON value")]
    [InlineData("{'driver': 'x'", "JSON parse error, premature EOI")]
    [InlineData("{\"driver\": \"x\"} x", "Expecting at most one JSON value")]
    [InlineData("{\"a\":1,\"a\":2}", "JSON parse error, duplicate key")]
    [InlineData("{\"driver\":\"x\",}", "JSON parse error, expecting value")]
    [InlineData("{\"driver\":\"virtio-rng-pci\"}x", "Expecting at most one JSON value")]
    public void Device_json_errors_print_as_qemu_prints_them(string argument, string message)
    {
        var e = Assert.Throws<OptionsException>(() => OptionArguments.ParseWithQemuOpts(argument, DeviceGroup()));
        Assert.Equal(OptionsErrorCode.InvalidJson, e.Code);
        Assert.Equal(argument, e.Error.Input);
        Assert.Equal($"{Qemu}: -device {argument}: {message}\n", CommandLineErrors.Format(Qemu, "-device", argument, e));
    }

    [Theory]
    [InlineData("null-co,node-name=a,size=0Z", "Parameter 'size' expects integer")]
    [InlineData("null-co,node-name=a,read-zeroes=offer", "Parameter 'read-zeroes' expects 'on' or 'off'")]
    [InlineData("null-co,node-name=a,latency-ns=3.14", "Parameter 'latency-ns' expects integer")]
    [InlineData("null-co,node-name=a,size.x=1", "Parameters 'size.*' are unexpected")]
    [InlineData("null-co,node-name=a,size=1,size=2,bogus=1", "Parameter 'bogus' is unexpected")]
    [InlineData("{\"driver\":\"null-co\",\"node-name\":\"a\",\"size\":\"1k\"}", "Invalid parameter type for 'size', expected: integer")]
    [InlineData("{\"driver\":\"null-co\",\"node-name\":\"a\",\"size\":1024,\"read-zeroes\":\"on\"}", "Invalid parameter type for 'read-zeroes', expected: boolean")]
    [InlineData("help", "Help is not available for this option")]
    [InlineData("null-co,help", "Help is not available for this option")]
    [InlineData("{\"driver\": \"null-co\"", "JSON parse error, premature EOI")]
    [InlineData("{}", "Parameter 'driver' is missing")]
    [InlineData("{\"node-name\":\"x\"}", "Parameter 'driver' is missing")]
    public void Blockdev_errors_print_as_qemu_prints_them(string argument, string message)
    {
        var e = Assert.ThrowsAny<QapiException>(() => OptionArguments.Read<NullBlockdevOptions>(argument, "driver"));
        Assert.Equal($"{Qemu}: -blockdev {argument}: {message}\n", CommandLineErrors.Format(Qemu, "-blockdev", argument, e));
    }

    [Fact]
    public void Blockdev_reads_the_same_from_json_and_keyval()
    {
        var expected = new NullBlockdevOptions { Driver = "null-co", NodeName = "n0", Size = 1048576, LatencyNs = 10, ReadZeroes = true };
        Assert.Equal(expected, OptionArguments.Read<NullBlockdevOptions>("null-co,node-name=n0,size=0x100000,latency-ns=10,read-zeroes=on", "driver"));
        Assert.Equal(expected, OptionArguments.Read<NullBlockdevOptions>(
            "{\"driver\": \"null-co\", \"node-name\": \"n0\", \"size\": 1048576, \"latency-ns\": 10, \"read-zeroes\": true}", "driver"));
    }

    [Theory]
    [InlineData("{\"deprecated-input\": 1}", "Invalid parameter type for 'deprecated-input', expected: string")]
    [InlineData("{\"deprecated-input\": \"x\"}", "Parameter 'deprecated-input' does not accept value 'x'")]
    [InlineData("deprecated-input=x", "Parameter 'deprecated-input' does not accept value 'x'")]
    [InlineData("{\"bogus\": \"x\"}", "Parameter 'bogus' is unexpected")]
    [InlineData("help", "Help is not available for this option")]
    [InlineData("bogus=1,size=2,other=3", "Parameter 'size' is unexpected")]
    [InlineData("zeta=1,alpha=2,mid=3,deprecated-input=accept", "Parameter 'alpha' is unexpected")]
    public void Compat_errors_print_as_qemu_prints_them(string argument, string message)
    {
        var e = Assert.ThrowsAny<QapiException>(() => OptionArguments.Read<CompatPolicy>(argument, null));
        Assert.Equal($"{Qemu}: -compat {argument}: {message}\n", CommandLineErrors.Format(Qemu, "-compat", argument, e));
    }

    [Fact]
    public void Compat_reads_the_same_from_json_and_keyval()
    {
        var expected = new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject, DeprecatedOutput = CompatPolicyOutput.Hide };
        Assert.Equal(expected, OptionArguments.Read<CompatPolicy>("deprecated-input=reject,deprecated-output=hide", null));
        Assert.Equal(expected, OptionArguments.Read<CompatPolicy>("{'deprecated-input': 'reject', 'deprecated-output': 'hide'}", null));
    }

    [Fact]
    public void Visitor_is_strict_for_json_and_keyval_mode_otherwise()
    {
        var json = OptionArguments.Parse("{\"driver\": \"null-co\", \"size\": 4}", "driver");
        Assert.Equal(OptionSyntax.Json, json.Syntax);
        Assert.False(json.CreateVisitor().IsKeyval);
        Assert.Equal<QObject>(new QDict { ["driver"] = "null-co", ["size"] = 4 }, json.Arguments);

        var keyval = OptionArguments.Parse("null-co,size=4", "driver");
        Assert.Equal(OptionSyntax.Keyval, keyval.Syntax);
        Assert.True(keyval.CreateVisitor().IsKeyval);
        Assert.Equal<QObject>(new QDict { ["driver"] = "null-co", ["size"] = "4" }, keyval.Arguments);
    }

    [Fact]
    public void Device_json_is_a_typed_dictionary_and_leaves_the_group_alone()
    {
        var group = DeviceGroup();
        var device = OptionArguments.ParseWithQemuOpts("{\"driver\": \"virtio-net-pci\", \"id\": \"n0\", \"vectors\": 4}", group);
        Assert.Equal(OptionSyntax.Json, device.Syntax);
        Assert.Equal<QObject>(new QDict { ["driver"] = "virtio-net-pci", ["id"] = "n0", ["vectors"] = 4 }, device.Arguments);
        Assert.Null(device.Opts);
        Assert.Empty(device.Warnings);
        Assert.Empty(group.Instances);
    }

    [Fact]
    public void Device_text_goes_through_the_qemuopts_group()
    {
        var group = DeviceGroup();
        var device = OptionArguments.ParseWithQemuOpts("virtio-net-pci,id=n0,vectors=4", group);
        Assert.Equal(OptionSyntax.Keyval, device.Syntax);
        Assert.Equal<QObject>(new QDict { ["id"] = "n0", ["driver"] = "virtio-net-pci", ["vectors"] = "4" }, device.Arguments);
        Assert.Same(group.Instances.Single(), device.Opts);
        Assert.Equal("n0", device.Opts!.Id);

        // Its properties are then visited in keyval mode, as qdev_device_add does.
        var visitor = device.CreateVisitor();
        visitor.StartStruct(null);
        byte vectors = 0;
        visitor.VisitUInt8("vectors", ref vectors);
        Assert.Equal(4, vectors);

        var e = Assert.Throws<OptionsException>(() => OptionArguments.ParseWithQemuOpts("virtio-net-pci,id=n0", group));
        Assert.Equal("Duplicate ID 'n0' for device", e.Message);
    }

    [Fact]
    public void Legacy_text_keeps_qemus_warnings_and_help()
    {
        var netdev = new QemuOptsList("netdev", [new("type", QemuOptType.String), new("ipv6", QemuOptType.Bool)], impliedOptName: "type");
        var user = OptionArguments.ParseWithQemuOpts("user,id=n,ipv6", netdev);
        Assert.Equal("short-form boolean option 'ipv6' deprecated", user.Warnings.Single().Message);
        Assert.True(user.Opts!.GetBool("ipv6", false));

        var help = OptionArguments.ParseWithQemuOpts("user,help", netdev);
        Assert.True(help.HelpRequested);
        Assert.Null(help.Opts);
        Assert.Empty(help.Arguments);
    }

    [Fact]
    public void Text_form_needs_an_implied_name_but_json_does_not()
    {
        var group = new QemuOptsList("device", []);
        Assert.Equal(OptionSyntax.Json, OptionArguments.ParseWithQemuOpts("{\"driver\": \"x\"}", group).Syntax);
        Assert.Throws<InvalidOperationException>(() => OptionArguments.ParseWithQemuOpts("x", group));
    }

    [Fact]
    public void User_creatable_text_may_ask_for_help()
    {
        var help = OptionArguments.Parse("memory-backend-ram,help", "qom-type", allowHelp: true);
        Assert.True(help.HelpRequested);
        Assert.Equal<QObject>(new QDict { ["qom-type"] = "memory-backend-ram" }, help.Arguments);

        var json = OptionArguments.Parse("{\"qom-type\": \"help\"}", "qom-type", allowHelp: true);
        Assert.False(json.HelpRequested);

        Assert.Equal("Help is not available for this option", Assert.Throws<OptionsException>(() => OptionArguments.Parse("help", "qom-type")).Message);
    }

    [Fact]
    public void Only_a_leading_brace_means_json()
    {
        // QEMU's -object ' {}' reads qom-type ' {}' (and rejects that type).
        var spaced = OptionArguments.Parse(" {}", "qom-type");
        Assert.Equal(OptionSyntax.Keyval, spaced.Syntax);
        Assert.Equal<QObject>(new QDict { ["qom-type"] = " {}" }, spaced.Arguments);
        Assert.Equal(OptionSyntax.Keyval, OptionArguments.Parse("", null).Syntax);
        Assert.Throws<ArgumentException>(() => OptionArguments.ParseJson(" {}"));
    }

    [Fact]
    public void U0000_ends_the_argument_as_it_ends_a_c_string()
    {
        Assert.Equal<QObject>(new QDict(), OptionArguments.Parse("{}\0junk", null).Arguments);
        Assert.Equal<QObject>(new QDict { ["a"] = "1" }, OptionArguments.Parse("a=1\0{", null).Arguments);
    }

    [Theory]
    [InlineData("{\"é\": x}", 6)]
    [InlineData("{\"𝄞\": x}", 7)]
    [InlineData("{\"driver\":", 10)]
    [InlineData("{\"a\": 1, \"b\": [1, 2,, 3]}", 20)]
    public void Json_errors_say_where_in_the_argument(string argument, int position)
    {
        Assert.False(OptionArguments.TryParseJson(argument, out var dict, out var error));
        Assert.Null(dict);
        Assert.Equal(position, error.Position);
        Assert.Equal(argument, error.Input);
    }

    [Fact]
    public void Hints_follow_the_message_on_the_command_line()
    {
        var e = Assert.Throws<OptionsException>(() => QemuConversions.ParseOptionSize("size", "1x"));
        Assert.Equal(
            "qemu-system-x86_64: -m 1x: Parameter 'size' expects a non-negative number below 2^64\n" +
            "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\nand exabytes, respectively.\n",
            CommandLineErrors.Format(Qemu, "-m", "1x", e));
    }

    // Random arguments: keyval characters, JSON characters, and anything else.
    private static readonly Gen<string> Argument = Gen.Frequency(
        (3, Gen.Char["ab01.,=_-?hlp{}[]:\"' "].Array[0, 24].Select(c => new string(c))),
        (2, Gen.Char["ab01.,:\"'{}[] \\nul"].Array[0, 24].Select(c => "{" + new string(c))),
        (1, Gen.Char['\0', '\uffff'].Array[0, 12].Select(c => new string(c))));

    [Fact]
    public void Random_arguments_parse_or_fail_with_an_options_error() =>
        Argument.Sample(
            text =>
            {
                try
                {
                    var argument = OptionArguments.Parse(text, "driver", allowHelp: true);
                    Assert.Equal(text.StartsWith('{') ? OptionSyntax.Json : OptionSyntax.Keyval, argument.Syntax);
                }
                catch (OptionsException e)
                {
                    Assert.Equal(text, e.Error.Input);
                    Assert.InRange(e.Error.Position, 0, text.Length);
                    Assert.Equal(text.StartsWith('{'), e.Code == OptionsErrorCode.InvalidJson);
                }
            },
            iter: PropertyRuns.Iterations(20000));

    [Fact]
    public void Random_arguments_read_as_a_type_or_fail_with_a_qapi_error() =>
        Argument.Sample(
            text =>
            {
                try
                {
                    Assert.NotNull(OptionArguments.Read<NullBlockdevOptions>(text, "driver"));
                }
                catch (QapiException e)
                {
                    Assert.False(string.IsNullOrEmpty(e.Message));
                }
            },
            iter: PropertyRuns.Iterations(20000));

    // Characters QEMU's writer keeps as they are (no surrogates or noncharacters, which it replaces).
    private static readonly Gen<string> JsonText = Gen.Char['\u0001', '\ud7ff'].Array[0, 8].Select(c => new string(c));

    private static readonly Gen<QObject> JsonScalar = Gen.OneOf(
        Gen.Long.Select(n => (QObject)n),
        Gen.Bool.Select(b => (QObject)b),
        JsonText.Select(s => (QObject)s),
        Gen.Const<QObject>(QNull.Instance));

    [Fact]
    public void Any_object_written_as_json_reads_back_equal() =>
        Gen.Select(JsonText.Array[0, 6], JsonScalar.Array[6]).Sample(
            (keys, values) =>
            {
                var dict = new QDict();
                for (var i = 0; i < keys.Length; i++)
                {
                    dict[keys[i]] = values[i];
                }

                Assert.Equal<QObject>(dict, OptionArguments.ParseJson(QJson.ToJson(dict)));
            },
            iter: PropertyRuns.Iterations(3000));
}
