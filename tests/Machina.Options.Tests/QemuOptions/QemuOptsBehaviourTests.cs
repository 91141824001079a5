using Machina.QObjects;

namespace Machina.Options.Tests.QemuOptions;

/// <summary>QemuOpts behaviours beyond QEMU's unit test: command-line parsing, dictionaries, printing.</summary>
public class QemuOptsBehaviourTests
{
    private static QemuOptsList Chardev() => new("chardev",
    [
        new("backend", QemuOptType.String),
        new("path", QemuOptType.String),
        new("server", QemuOptType.Bool),
        new("wait", QemuOptType.Bool),
        new("delay", QemuOptType.Bool),
        new("size", QemuOptType.Size),
    ], impliedOptName: "backend");

    [Fact]
    public void Noisy_parse_treats_help_as_a_request_in_a_described_group()
    {
        var list = Chardev();
        var result = list.ParseNoisily("socket,help", permitAbbreviation: true);
        Assert.True(result.HelpRequested);
        Assert.Null(result.Opts);
        Assert.Empty(list.Instances);
    }

    [Fact]
    public void Noisy_parse_keeps_help_as_a_setting_in_a_group_that_accepts_anything()
    {
        var result = OptsLists.List03().ParseNoisily("x,help", permitAbbreviation: true);
        Assert.False(result.HelpRequested);
        Assert.True(result.Opts!.HasHelpOption);
        Assert.Equal("on", result.Opts.Get("help"));
    }

    [Fact]
    public void Noisy_parse_warns_about_short_form_booleans_in_qemu_words()
    {
        // qemu-system-x86_64 -chardev socket,id=c,path=/tmp/xsock,server,nowait
        var result = Chardev().ParseNoisily("socket,id=c,path=/tmp/xsock,server,nowait", permitAbbreviation: true);
        Assert.Equal(
            [
                new OptionsWarning("short-form boolean option 'server' deprecated", "Please use server=on instead"),
                new OptionsWarning("short-form boolean option 'nowait' deprecated", "Please use wait=off instead"),
            ],
            result.Warnings);
        Assert.True(result.Opts!.GetBool("server", false));
        Assert.False(result.Opts.GetBool("wait", true));
    }

    [Fact]
    public void Noisy_parse_advises_nodelay_for_the_delay_flag()
    {
        // qemu-system-x86_64 -chardev socket,...,nodelay
        var result = Chardev().ParseNoisily("socket,nodelay", permitAbbreviation: true);
        Assert.Equal([new OptionsWarning("short-form boolean option 'nodelay' deprecated", "Please use nodelay=on instead")], result.Warnings);
        var positive = Chardev().ParseNoisily("socket,delay", permitAbbreviation: true);
        Assert.Equal("Please use nodelay=off instead", positive.Warnings.Single().Hint);
    }

    [Fact]
    public void Noisy_parse_still_fails_on_bad_input()
    {
        var e = Assert.Throws<OptionsException>(() => Chardev().ParseNoisily("socket,server=maybe", permitAbbreviation: true));
        Assert.Equal("Parameter 'server' expects 'on' or 'off'", e.Message);
        Assert.Equal(7, e.Error.Position);
    }

    [Fact]
    public void Hex_size_with_suffix_is_accepted_with_a_warning()
    {
        // qemu-system-x86_64 -m size=0x10k
        var warnings = new List<OptionsWarning>();
        var opts = Chardev().Parse("size=0x10k", warnings: warnings);
        Assert.Equal(16UL * 1024, opts.GetSize("size", 0));
        Assert.Equal([new OptionsWarning("Using a multiplier suffix on hex numbers is deprecated: 0x10k")], warnings);
    }

    [Fact]
    public void Abbreviation_needs_an_implied_name() =>
        Assert.Throws<InvalidOperationException>(() => OptsLists.List01().Parse("x", permitAbbreviation: true));

    [Fact]
    public void Failed_parse_of_a_merge_lists_group_deletes_the_merged_instance()
    {
        var list = OptsLists.List04();
        list.Parse("str3=a");
        Assert.Throws<OptionsException>(() => list.Parse("str3=b,bogus=1"));
        Assert.Empty(list.Instances);
    }

    [Fact]
    public void Do_parse_adds_to_an_instance_and_keeps_settings_before_an_error()
    {
        var opts = OptsLists.List01().Create("a");
        opts.Parse("x", firstName: "str1");
        var e = Assert.Throws<OptionsException>(() => opts.Parse("str2=y,id=z,number1=q"));
        Assert.Equal("Parameter 'number1' expects a number", e.Message);
        Assert.Equal("a", opts.Id);
        Assert.Equal([("str1", "x"), ("str2", "y")], opts.Settings.Select(s => (s.Name, s.Value)));
    }

    [Fact]
    public void From_qdict_converts_scalars_and_ignores_containers()
    {
        var list = OptsLists.List03();
        var dict = new QDict
        {
            ["id"] = "dev0",
            ["s"] = "text",
            ["i"] = -3,
            ["u"] = ulong.MaxValue,
            ["d"] = 0.5,
            ["b"] = true,
            ["n"] = QNull.Instance,
            ["l"] = new QList { 1 },
        };
        var opts = list.FromQDict(dict);
        Assert.Equal("dev0", opts.Id);
        Assert.Equal("text", opts.Get("s"));
        Assert.Equal("-3", opts.Get("i"));
        Assert.Equal("18446744073709551615", opts.Get("u"));
        Assert.Equal("0.5", opts.Get("d"));
        Assert.Equal("on", opts.Get("b"));
        Assert.Null(opts.Get("n"));
        Assert.Null(opts.Get("l"));
        Assert.Equal(5, opts.Settings.Count);
    }

    [Fact]
    public void From_qdict_adds_settings_in_qemu_hash_order()
    {
        // Buckets: x 134, y 241, a 233, c 447.
        var opts = OptsLists.List03().FromQDict(new QDict { ["c"] = "1", ["y"] = "2", ["a"] = "3", ["x"] = "4" });
        Assert.Equal(["x", "a", "y", "c"], opts.Settings.Select(s => s.Name));
    }

    [Fact]
    public void From_qdict_reports_the_first_bad_entry_in_hash_order_and_deletes_the_instance()
    {
        var list = OptsLists.List02();
        var e = Assert.Throws<OptionsException>(() => list.FromQDict(new QDict { ["size1"] = "x", ["bool1"] = "x" }));
        Assert.Equal("Parameter 'bool1' expects 'on' or 'off'", e.Message);
        Assert.Empty(list.Instances);
    }

    [Fact]
    public void From_qdict_checks_the_id()
    {
        var list = OptsLists.List03();
        list.FromQDict(new QDict { ["id"] = "a" });
        Assert.Equal("Duplicate ID 'a' for opts_list_03", Assert.Throws<OptionsException>(() => list.FromQDict(new QDict { ["id"] = "a" })).Message);
        Assert.Equal(OptionsErrorCode.InvalidValue, Assert.Throws<OptionsException>(() => list.FromQDict(new QDict { ["id"] = "1a" })).Code);
    }

    [Fact]
    public void Absorb_takes_only_what_the_group_describes()
    {
        var opts = OptsLists.List02().Create();
        var dict = new QDict { ["size1"] = 4096, ["other"] = "kept", ["bool1"] = false };
        opts.AbsorbQDict(dict);
        Assert.Equal<QObject>(new QDict { ["other"] = "kept" }, dict);
        Assert.Equal(4096UL, opts.GetSize("size1", 0));
        Assert.False(opts.GetBool("bool1", true));
    }

    [Fact]
    public void Validate_types_the_settings_of_a_group_that_accepts_anything()
    {
        var opts = OptsLists.List03().Parse("n=0x10,b=yes");
        opts.Validate([new("n", QemuOptType.Number), new("b", QemuOptType.Bool)]);
        Assert.Equal(16UL, opts.GetNumber("n", 0));
        Assert.True(opts.GetBool("b", false));

        var bad = OptsLists.List03().Parse("n=1,z=2");
        Assert.Equal("Invalid parameter 'z'", Assert.Throws<OptionsException>(() => bad.Validate([new("n", QemuOptType.Number)])).Message);
    }

    [Fact]
    public void Typed_getter_on_an_undescribed_setting_is_a_caller_error() =>
        Assert.Throws<InvalidOperationException>(() => OptsLists.List03().Parse("n=1").GetNumber("n", 0));

    [Fact]
    public void Defaults_feed_the_typed_getters()
    {
        var list = new QemuOptsList("g", [new("b", QemuOptType.Bool, DefaultValue: "on"), new("s", QemuOptType.Size, DefaultValue: "1k")]);
        var opts = list.Create();
        Assert.True(opts.GetBool("b", false));
        Assert.Equal(1024UL, opts.GetSize("s", 0));
    }

    [Fact]
    public void Get_and_delete_removes_every_setting()
    {
        var opts = OptsLists.List01().Parse("str2=a,str2=b,number1=7");
        Assert.Equal("b", opts.GetAndDelete("str2"));
        Assert.Null(opts.Get("str2"));
        Assert.Equal(7UL, opts.GetNumberAndDelete("number1", 0));
        Assert.Equal(0UL, opts.GetNumber("number1", 0));
        Assert.Equal("default", opts.GetAndDelete("str1"));
    }

    [Fact]
    public void Print_follows_descriptions_with_defaults_and_signed_numbers()
    {
        var list = new QemuOptsList("print",
        [
            new("s", QemuOptType.String, DefaultValue: "x,y"),
            new("n", QemuOptType.Number),
            new("z", QemuOptType.Size),
            new("b", QemuOptType.Bool, DefaultValue: "off"),
            new("absent", QemuOptType.String),
        ]);
        var opts = list.Parse("id=p,z=1k,n=-1");
        Assert.Equal("id=p s=x,,y n=-1 z=1024 b=off", opts.Print(" "));
    }

    [Fact]
    public void Print_of_a_group_that_accepts_anything_lists_every_setting()
    {
        var opts = OptsLists.List03().Parse("a=1,b=x,,y,a=2");
        Assert.Equal("a=1,b=x,,y,a=2", opts.ToString());
    }

    [Fact]
    public void Set_bool_on_an_unknown_name_is_an_invalid_parameter() =>
        Assert.Equal("Invalid parameter 'nope'", Assert.Throws<OptionsException>(() => OptsLists.List02().Create().SetBool("nope", true)).Message);

    [Fact]
    public void Duplicate_id_names_the_group()
    {
        // qemu-system-x86_64 -drive id=a,if=none -drive id=a,if=none
        var drive = new QemuOptsList("drive", []);
        drive.Parse("id=a,if=none");
        Assert.Equal("Duplicate ID 'a' for drive", Assert.Throws<OptionsException>(() => drive.Parse("id=a,if=none")).Message);
    }
}
