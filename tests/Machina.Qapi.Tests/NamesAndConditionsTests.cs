using Machina.Qapi.Schema;

namespace Machina.Qapi.Tests;

public class NamesAndConditionsTests
{
    [Theory]
    [InlineData("int", "q_int", "int")]
    [InlineData("__org.qemu_x-foo", "__org_qemu_x_foo", "__org_qemu_x_foo")]
    [InlineData("1a", "q_1a", "1a")]
    [InlineData("unix", "q_unix", "unix")]
    [InlineData("a-b.c", "a_b_c", "a_b_c")]
    [InlineData("_Bool", "q__Bool", "_Bool")]
    public void CName_maps_to_c_identifiers_like_qemu(string name, string protectedName, string plainName)
    {
        Assert.Equal(protectedName, QapiNames.CName(name));
        Assert.Equal(plainName, QapiNames.CName(name, protect: false));
    }

    [Theory]
    [InlineData("__org.qemu_x-foo", "foo")]
    [InlineData("x-1abc", "x-1abc")]
    [InlineData("x-", "x-")]
    [InlineData("X-Foo", "Foo")]
    [InlineData("__a_b_c", "b_c")]
    [InlineData("__a.b-_Foo-bar", "Foo-bar")]
    [InlineData("a", "a")]
    [InlineData("__foo", null)]
    [InlineData("_x", null)]
    [InlineData("", null)]
    [InlineData("a b", null)]
    public void Stem_strips_the_downstream_and_experimental_prefixes_like_qemu(string name, string? stem) =>
        Assert.Equal(stem, QapiNames.Stem(name));

    // parse_qapi_name: text, whole name required, length or -1.
    [Theory]
    [InlineData("a", false, 1)]
    [InlineData("a-b_c9", false, 6)]
    [InlineData("a.b", false, 1)]
    [InlineData("a.b", true, -1)]
    [InlineData("9a", false, -1)]
    [InlineData("_a", false, -1)]
    [InlineData("__a.b-c_d", true, 9)]
    [InlineData("__a", false, -1)]
    [InlineData("__a_", false, -1)]
    [InlineData("___a", true, 4)]
    [InlineData("", false, -1)]
    [InlineData("é", false, -1)]
    [InlineData("x-a", true, 3)]
    public void Run_time_name_parse_is_parse_qapi_name(string text, bool complete, int expected) =>
        Assert.Equal(expected, QapiNames.ParseName(text, complete));

    private static QapiIfCond Nested() => QapiIfCond.Of(new QapiConditionAll(
    [
        new QapiConditionSymbol("A"),
        new QapiConditionNot(new QapiConditionAny([new QapiConditionSymbol("B"), new QapiConditionSymbol("C")])),
        new QapiConditionNot(new QapiConditionSymbol("D")),
    ]));

    [Fact]
    public void Condition_renders_for_c_for_documentation_and_as_the_schema_spells_it()
    {
        var cond = Nested();
        Assert.Equal("defined(A) && !(defined(B) || defined(C)) && !defined(D)", cond.ToCExpression());
        Assert.Equal("A and not (B or C) and not D", cond.ToDocString());
        Assert.Equal("{'all': ['A', {'not': {'any': ['B', 'C']}}, {'not': 'D'}]}", cond.ToString());
        Assert.Equal("A", QapiIfCond.Of(new QapiConditionSymbol("A")).ToString());
    }

    [Fact]
    public void Condition_evaluates_against_the_defined_symbols()
    {
        var cond = Nested();
        Assert.True(cond.Evaluate(new HashSet<string> { "A" }));
        Assert.False(cond.Evaluate(new HashSet<string> { "A", "C" }));
        Assert.False(cond.Evaluate(new HashSet<string> { "A", "D" }));
        Assert.False(cond.Evaluate(new HashSet<string>()));
        Assert.True(cond.Evaluate(s => s == "A"));
    }

    [Fact]
    public void The_empty_condition_always_holds_and_renders_as_nothing()
    {
        var always = QapiIfCond.Always;
        Assert.False(always.IsPresent);
        Assert.True(always.Evaluate(new HashSet<string>()));
        Assert.Equal(string.Empty, always.ToCExpression());
        Assert.Equal(string.Empty, always.ToString());
        Assert.Same(always, QapiIfCond.Of(null));
    }
}
