using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>Recursive types nest as deep as their data; absurd depths fail cleanly, never overflow the stack.</summary>
public class DeepNestingTests
{
    /// <summary>An __org.qemu_x-Struct2 whose union list nests <paramref name="depth"/> levels.</summary>
    private static QDict Nested(int depth)
    {
        var array = new QList();
        for (var i = 0; i < depth; i++)
        {
            array = new QList { new QDict { ["__org.qemu_x-member1"] = "__org.qemu_x-value", ["array"] = array } };
        }

        return new QDict { ["array"] = array };
    }

    [Fact]
    public void JSON_depth_input_reads()
    {
        // 512 union levels are 1024 JSON levels (object and list each), QEMU's parser limit.
        var value = QObjectInputVisitor.Read<OrgQemuXStruct2>(Nested(512));
        var depth = 0;
        for (var s = value.Array; s.Count > 0; s = ((OrgQemuXUnion.OrgQemuXValue)s[0]).Array)
        {
            depth++;
        }

        Assert.Equal(512, depth);
    }

    [Fact]
    public void Absurdly_deep_input_is_a_QAPI_error()
    {
        var e = Assert.Throws<QapiException>(() => QObjectInputVisitor.Read<OrgQemuXStruct2>(Nested(200_000)));
        Assert.EndsWith("' is nested too deeply", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("Parameter 'array[0].array[0].array[0]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cyclic_output_fails_without_overflowing_the_stack()
    {
        var list = new QapiList<OrgQemuXUnion>();
        list.Add(new OrgQemuXUnion.OrgQemuXValue { Array = list });
        var cyclic = new OrgQemuXStruct2 { Array = list };
        Assert.Throws<InsufficientExecutionStackException>(() => QObjectOutputVisitor.Write(cyclic));
    }
}
