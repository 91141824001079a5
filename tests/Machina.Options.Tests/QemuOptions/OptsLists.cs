namespace Machina.Options.Tests.QemuOptions;

/// <summary>The option groups of QEMU's <c>tests/unit/test-qemu-opts.c</c>, fresh for every test.</summary>
public static class OptsLists
{
    public const string Str1Help = "Help texts are preserved in qemu_opts_append";
    public const string Number1Help = "Having help texts only for some options is okay";

    public static QemuOptsList List01() => new("opts_list_01",
    [
        new("str1", QemuOptType.String, Str1Help, "default"),
        new("str2", QemuOptType.String),
        new("str3", QemuOptType.String),
        new("number1", QemuOptType.Number, Number1Help),
        new("number2", QemuOptType.Number),
    ]);

    public static QemuOptsList List02() => new("opts_list_02",
    [
        new("str1", QemuOptType.String),
        new("str2", QemuOptType.String),
        new("bool1", QemuOptType.Bool),
        new("bool2", QemuOptType.Bool),
        new("size1", QemuOptType.Size),
        new("size2", QemuOptType.Size),
        new("size3", QemuOptType.Size),
    ]);

    /// <summary>Accepts any parameter; implied name "implied".</summary>
    public static QemuOptsList List03() => new("opts_list_03", [], impliedOptName: "implied");

    public static QemuOptsList List04() => new("opts_list_04", [new("str3", QemuOptType.String)], mergeLists: true);

    public static QemuOptsList ByName(string name) => name switch
    {
        "opts_list_01" => List01(),
        "opts_list_02" => List02(),
        "opts_list_03" => List03(),
        "opts_list_04" => List04(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test list"),
    };
}
