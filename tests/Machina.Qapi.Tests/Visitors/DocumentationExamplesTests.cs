using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;
using static Machina.Qapi.Tests.Visitors.VisitorAssert;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>The examples of docs/visitors.md, run.</summary>
public class DocumentationExamplesTests
{
    [Fact]
    public void Whole_values()
    {
        var args = new QDict { ["integer"] = 42, ["string"] = "hello" };
        var one = QObjectInputVisitor.Read<UserDefOne>(args);
        Assert.Equal(new UserDefOne { Integer = 42, String = "hello" }, one);

        var reply = QObjectOutputVisitor.Write(one);
        Same(args, reply);

        var copy = CloneVisitor.Clone(one);
        Assert.Equal(one, copy);

        var options = QObjectInputVisitor.ReadKeyval<UserDefOptions>(new QDict { ["u64x"] = "0x10" });
        Assert.Equal(16UL, options.U64x);

        Fails("Parameter 'dict1.string1' is missing", () => QObjectInputVisitor.Read<UserDefTwo>(new QDict { ["string0"] = "s", ["dict1"] = new QDict() }));
        Fails(
            "Deprecated parameter foo disabled by policy",
            () => QObjectInputVisitor.Read<FeatureStruct1>(new QDict { ["foo"] = 1 }, new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject }));
    }

    [Fact]
    public void By_hand_in_both_directions()
    {
        var v = new QObjectInputVisitor(new QDict { ["id"] = "n0", ["vectors"] = 4, ["opts"] = new QList { 1, 2 } });
        string? id = null;
        byte vectors = 0;
        QapiList<long>? opts = null;
        v.StartStruct(null);
        v.VisitString("id", ref id);
        v.VisitUInt8("vectors", ref vectors);
        if (v.VisitOptional("opts", opts is not null))
        {
            v.VisitInt64List("opts", ref opts);
        }

        v.CheckStruct();
        v.EndStruct();
        Assert.Equal(("n0", (byte)4), (id, vectors));
        Assert.Equal([1L, 2L], opts);

        var o = new QObjectOutputVisitor();
        o.StartStruct(null);
        o.VisitString("id", ref id);
        o.VisitUInt8("vectors", ref vectors);
        o.EndStruct();
        Same(new QDict { ["id"] = "n0", ["vectors"] = 4 }, o.Complete());
    }

    [Fact]
    public void Lists_by_hand()
    {
        var input = new QObjectInputVisitor(new QList { 1, 2, 3 });
        var numbers = new List<long>();
        if (input.StartList(null))
        {
            do
            {
                long n = 0;
                input.VisitInt64(null, ref n);
                numbers.Add(n);
            }
            while (input.NextList());
        }

        input.CheckList();
        input.EndList();
        Assert.Equal([1L, 2L, 3L], numbers);

        var text = new StringOutputVisitor(human: true);
        QapiList<long>? cpus = [0, 1, 2, 3, 8];
        text.VisitInt64List(null, ref cpus);
        Assert.Equal("0-3,8 (0x0-0x3,0x8)", text.Complete());
    }
}
