using Machina.QObjects;

namespace Machina.Options.Tests.Keyval;

public class KeyvalPrinterTests
{
    [Fact]
    public void Prints_paths_in_insertion_order_and_doubles_commas()
    {
        var dict = new QDict
        {
            ["driver"] = "qcow2",
            ["file"] = new QDict { ["driver"] = "file", ["filename"] = "a,b.img" },
            ["list"] = new QList { "x", new QDict { ["k"] = "v" }, new QList { "y" } },
        };
        Assert.Equal("driver=qcow2,file.driver=file,file.filename=a,,b.img,list.0=x,list.1.k=v,list.2.0=y", KeyvalPrinter.Print(dict));
    }

    [Fact]
    public void Empty_root_prints_as_empty_string() => Assert.Equal("", KeyvalPrinter.Print([]));

    [Fact]
    public void Implied_key_value_is_printed_first_and_bare()
    {
        var dict = new QDict { ["id"] = "n0", ["driver"] = "virtio-net-pci" };
        var text = KeyvalPrinter.Print(dict, "driver");
        Assert.Equal("virtio-net-pci,id=n0", text);
        Assert.Equal<QObject>(dict, KeyvalParser.Parse(text, "driver"));
    }

    [Fact]
    public void Dotted_implied_key_is_printed_bare()
    {
        var dict = new QDict { ["eins"] = new QDict { ["zwei"] = "val", ["drei"] = "x" } };
        Assert.Equal("val,eins.drei=x", KeyvalPrinter.Print(dict, "eins.zwei"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a,b")]
    [InlineData("a=b")]
    [InlineData("help")]
    [InlineData("?")]
    public void Implied_value_the_short_form_cannot_carry_is_printed_with_its_key(string value)
    {
        var dict = new QDict { ["driver"] = value, ["id"] = "x" };
        var text = KeyvalPrinter.Print(dict, "driver");
        Assert.StartsWith("driver=", text, StringComparison.Ordinal);
        Assert.Equal<QObject>(dict, KeyvalParser.Parse(text, "driver"));
    }

    [Fact]
    public void Absent_implied_key_changes_nothing() =>
        Assert.Equal("id=x", KeyvalPrinter.Print(new QDict { ["id"] = "x" }, "driver"));

    [Fact]
    public void Booleans_and_numbers_print_as_the_keyval_visitor_reads_them()
    {
        var dict = new QDict { ["b"] = true, ["n"] = -5, ["u"] = ulong.MaxValue, ["d"] = 0.1, ["f"] = false };
        Assert.Equal("b=on,n=-5,u=18446744073709551615,d=0.10000000000000001,f=off", KeyvalPrinter.Print(dict));
    }

    [Theory]
    [MemberData(nameof(Unprintable))]
    public void Tree_outside_keyval_is_refused_naming_the_path(string why, QDict dict, string path)
    {
        var e = Assert.Throws<ArgumentException>(() => KeyvalPrinter.Print(dict));
        Assert.Contains($"'{path}'", e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(why));
    }

    public static TheoryData<string, QDict, string> Unprintable => new()
    {
        { "empty dictionary", new QDict { ["a"] = new QDict() }, "a" },
        { "empty list", new QDict { ["a"] = new QDict { ["l"] = new QList() } }, "a.l" },
        { "key not a QAPI name", new QDict { ["a"] = new QDict { ["0"] = "x" } }, "a" },
        { "key with a dot", new QDict { ["a.b"] = "x" }, "(root)" },
        { "key too long", new QDict { [new string('k', 128)] = "x" }, "(root)" },
        { "null", new QDict { ["a"] = new QList { QNull.Instance } }, "a.0" },
        { "NUL in a string", new QDict { ["a"] = "x\0y" }, "a" },
    };
}
