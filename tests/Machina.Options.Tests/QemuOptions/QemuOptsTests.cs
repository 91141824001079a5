using Machina.QObjects;

namespace Machina.Options.Tests.QemuOptions;

/// <summary>QEMU's <c>tests/unit/test-qemu-opts.c</c>, behaviour by behaviour.</summary>
public class QemuOptsTests
{
    [Theory]
    [MemberData(nameof(QemuOptsParseCases.Names), MemberType = typeof(QemuOptsParseCases))]
    public void Opts_parse(string behaviour)
    {
        var c = QemuOptsParseCases.All[behaviour];
        var list = OptsLists.ByName(c.List);
        foreach (var before in c.Before ?? [])
        {
            list.Parse(before, c.Implied);
        }

        var instancesBefore = list.Instances.Count;
        if (c.Error is not null)
        {
            var e = Assert.Throws<OptionsException>(() => list.Parse(c.Input, c.Implied));
            Assert.Equal(c.Error, e.Message);
            Assert.Equal(c.Hint, e.Hint);
            Assert.Equal(c.List == "opts_list_04" ? 0 : instancesBefore, list.Instances.Count);
            return;
        }

        var opts = list.Parse(c.Input, c.Implied);
        Assert.Contains(opts, list.Instances);
        if (c.Count is { } count)
        {
            Assert.Equal(count, opts.Settings.Count);
        }

        Assert.Equal(c.Id, opts.Id);
        foreach (var (name, value) in c.Strings ?? [])
        {
            Assert.Equal(value, opts.Get(name));
        }

        foreach (var (name, value) in c.Bools ?? [])
        {
            Assert.Equal(value, opts.GetBool(name, !value));
        }

        foreach (var (name, value) in c.Numbers ?? [])
        {
            Assert.Equal(value, opts.GetNumber(name, ~value));
        }

        foreach (var (name, value) in c.Sizes ?? [])
        {
            Assert.Equal(value, opts.GetSize(name, ~value));
        }
    }

    [Fact]
    public void Find_unknown_group_fails()
    {
        var registry = Registry();
        var e = Assert.Throws<OptionsException>(() => registry.Find("unknown"));
        Assert.Equal("There is no option group 'unknown'", e.Message);
        Assert.Equal(OptionsErrorCode.NoSuchGroup, e.Code);
        Assert.Null(registry.TryFind("unknown"));
    }

    [Fact]
    public void Find_group_by_name() => Assert.Equal("opts_list_01", Registry().Find("opts_list_01").Name);

    [Fact]
    public void Opts_create_find_and_delete()
    {
        var list = OptsLists.List01();
        Assert.Empty(list.Instances);
        Assert.Null(list.Find(null));
        var opts = list.Create();
        Assert.NotEmpty(list.Instances);
        Assert.Same(opts, list.Find(null));
        opts.Delete();
        Assert.Null(list.Find(null));
    }

    [Fact]
    public void Opt_get_returns_the_latest_setting()
    {
        var opts = OptsLists.List01().Create();
        Assert.Null(opts.Get("str2"));
        opts.Set("str2", "value");
        Assert.Equal("value", opts.Get("str2"));
        opts.Set("str2", "value2");
        Assert.Equal("value2", opts.Get("str2"));
    }

    [Fact]
    public void Opt_get_bool_prefers_the_setting_over_the_default()
    {
        var opts = OptsLists.List02().Create();
        Assert.False(opts.GetBool("bool1", false));
        opts.SetBool("bool1", true);
        Assert.True(opts.GetBool("bool1", false));
        opts.SetBool("bool1", false);
        Assert.False(opts.GetBool("bool1", true));
        Assert.Equal("off", opts.Get("bool1"));
    }

    [Fact]
    public void Opt_get_number_prefers_the_setting_over_the_default()
    {
        var opts = OptsLists.List01().Create();
        Assert.Equal(5UL, opts.GetNumber("number1", 5));
        opts.SetNumber("number1", 10);
        Assert.Equal(10UL, opts.GetNumber("number1", 5));
        opts.SetNumber("number1", 15);
        Assert.Equal(15UL, opts.GetNumber("number1", 5));
    }

    [Fact]
    public void Opt_get_size_after_absorbing_a_dictionary()
    {
        var opts = OptsLists.List02().Create();
        Assert.Equal(5UL, opts.GetSize("size1", 5));
        var dict = new QDict { ["size1"] = "10" };
        opts.AbsorbQDict(dict);
        Assert.Equal(10UL, opts.GetSize("size1", 5));
        Assert.Empty(dict);
        dict["size1"] = "15";
        opts.AbsorbQDict(dict);
        Assert.Equal(15UL, opts.GetSize("size1", 5));
    }

    [Fact]
    public void Opt_unset_reveals_the_earlier_setting()
    {
        var opts = OptsLists.List03().Parse("key=value");
        Assert.Equal("value", opts.Get("key"));
        opts.Set("key", "value2");
        Assert.Equal("value2", opts.Get("key"));
        Assert.True(opts.Unset("key"));
        Assert.Equal("value", opts.Get("key"));
    }

    [Fact]
    public void Opt_unset_is_only_for_groups_that_accept_anything() =>
        Assert.Throws<InvalidOperationException>(() => OptsLists.List01().Create().Unset("str1"));

    [Fact]
    public void Opts_reset_deletes_every_instance()
    {
        var list = OptsLists.List01();
        var opts = list.Create();
        opts.SetNumber("number1", 10);
        Assert.Equal(10UL, opts.GetNumber("number1", 5));
        list.Reset();
        Assert.Null(list.Find(null));
    }

    // test_has_help_option: text, has_help_option / without implied name, with implied name.
    [Theory]
    [InlineData("help", true, false)]
    [InlineData("?", true, false)]
    [InlineData("helpme", false, false)]
    [InlineData("?me", false, false)]
    [InlineData("a,help", true, true)]
    [InlineData("a,?", true, true)]
    [InlineData("a=0,help,b", true, true)]
    [InlineData("a=0,?,b", true, true)]
    [InlineData("help,b=1", true, false)]
    [InlineData("?,b=1", true, false)]
    [InlineData("a,b,,help", true, true)]
    [InlineData("a,b,,?", true, true)]
    public void Has_help_option(string parameters, bool expect, bool expectImplied)
    {
        Assert.Equal(expect, QemuOptsList.HasHelpOption(parameters));
        Assert.Equal(expect, OptsLists.List03().Parse(parameters).HasHelpOption);
        Assert.Equal(expectImplied, OptsLists.List03().Parse(parameters, permitAbbreviation: true).HasHelpOption);
    }

    [Fact]
    public void Append_to_nothing_copies_descriptions_but_not_the_group_settings()
    {
        var merged = QemuOptsList.Append(null, OptsLists.List01());
        Assert.Null(merged.Name);
        Assert.Null(merged.ImpliedOptName);
        Assert.False(merged.MergeLists);
        Assert.Equal(OptsLists.List01().Descriptions, merged.Descriptions);
        Assert.Equal(OptsLists.Str1Help, merged.Descriptions[0].Help);
        Assert.Equal("default", merged.Descriptions[0].DefaultValue);
    }

    [Fact]
    public void Append_skips_names_already_present()
    {
        var merged = QemuOptsList.Append(QemuOptsList.Append(null, OptsLists.List02()), OptsLists.List01());
        Assert.Equal(
            ["str1", "str2", "bool1", "bool2", "size1", "size2", "size3", "str3", "number1", "number2"],
            merged.Descriptions.Select(d => d.Name));
        Assert.Null(merged.Descriptions[0].Help);
        Assert.Equal(OptsLists.Number1Help, merged.Descriptions[8].Help);
        Assert.Equal(QemuOptType.Number, merged.Descriptions[9].Type);
    }

    [Fact]
    public void To_qdict_gives_strings_for_present_parameters_only()
    {
        var opts = OptsLists.List01().Parse("str1=foo,str2=,str3=bar,number1=42");
        var dict = opts.ToQDict();
        Assert.Equal<QObject>(new QDict { ["str1"] = "foo", ["str2"] = "", ["str3"] = "bar", ["number1"] = "42" }, dict);
    }

    [Fact]
    public void To_qdict_filtered_by_group_and_deleting()
    {
        var merged = QemuOptsList.Append(QemuOptsList.Append(null, OptsLists.List02()), OptsLists.List01());
        var opts = merged.Parse("str1=foo,str2=,str3=bar,bool1=off,number1=42");
        var list01 = OptsLists.List01();
        var list02 = OptsLists.List02();

        Assert.Equal<QObject>(new QDict { ["str1"] = "foo", ["str2"] = "", ["str3"] = "bar", ["number1"] = "42" }, opts.ToQDictFiltered(null, list01, delete: false));
        Assert.Equal<QObject>(new QDict { ["str1"] = "foo", ["str2"] = "", ["bool1"] = "off" }, opts.ToQDictFiltered(null, list02, delete: false));
        Assert.Equal<QObject>(new QDict { ["str1"] = "foo", ["str2"] = "", ["str3"] = "bar", ["number1"] = "42" }, opts.ToQDictFiltered(null, list01, delete: true));
        Assert.Equal<QObject>(new QDict { ["bool1"] = "off" }, opts.ToQDictFiltered(null, list02, delete: true));
        Assert.Empty(opts.Settings);
    }

    [Fact]
    public void To_qdict_last_duplicate_wins_and_delete_removes_all()
    {
        var opts = OptsLists.List03().Parse("foo=a,foo=b");
        Assert.Equal([("foo", "a"), ("foo", "b")], opts.Settings.Select(s => (s.Name, s.Value)));
        Assert.Equal(["a", "b"], opts.GetAll("foo"));
        Assert.Equal<QObject>(new QDict { ["foo"] = "b" }, opts.ToQDict());
        Assert.Equal<QObject>(new QDict { ["foo"] = "b" }, opts.ToQDictFiltered(null, null, delete: true));
        Assert.Empty(opts.Settings);
    }

    [Fact]
    public void To_qdict_puts_the_id_first()
    {
        var opts = OptsLists.List03().Parse("a=1,id=x");
        Assert.Equal(["id", "a"], opts.ToQDict().Keys);
    }

    private static QemuOptsRegistry Registry()
    {
        var registry = new QemuOptsRegistry();
        registry.Add(OptsLists.List01());
        registry.Add(OptsLists.List02());
        registry.Add(OptsLists.List03());
        registry.Add(OptsLists.List04());
        return registry;
    }
}
