using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom.Tests.Properties;

/// <summary>The visitor behind aliases: renames one top-level member and nothing below it.</summary>
public sealed class ForwardFieldVisitorTests
{
    [Fact]
    public void Renames_the_top_level_member_only()
    {
        var input = new QObjectInputVisitor(new QDict { ["outer"] = new QDict { ["inner"] = "x" } });
        input.StartStruct(null);
        var forward = new ForwardFieldVisitor(input, "target", "outer");

        forward.StartStruct("target");
        string? value = null;
        forward.VisitString("inner", ref value);
        forward.CheckStruct();
        forward.EndStruct();

        Assert.Equal("x", value);
    }

    [Fact]
    public void Another_top_level_name_is_a_missing_parameter()
    {
        var input = new QObjectInputVisitor(new QDict { ["a"] = 1 });
        input.StartStruct(null);
        var forward = new ForwardFieldVisitor(input, "from", "a");
        long value = 0;

        var error = Assert.Throws<QapiException>(() => forward.VisitInt64("other", ref value));

        Assert.Equal("Parameter 'other' is missing", error.Message);
        Assert.False(forward.VisitOptional("other", true));
        Assert.True(forward.VisitOptional("from", false));
    }

    [Fact]
    public void Output_is_written_under_the_new_name()
    {
        var output = new QObjectOutputVisitor();
        output.StartStruct(null);
        var forward = new ForwardFieldVisitor(output, "from", "to");
        var list = new QapiList<long> { 1, 2 };
        QapiList<long>? value = list;

        forward.VisitInt64List("from", ref value);
        output.EndStruct();

        Assert.Equal(new QDict { ["to"] = new QList { 1, 2 } }, output.Complete());
    }
}
