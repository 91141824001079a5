using System.Globalization;
using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;
using static Machina.Qapi.Tests.Visitors.VisitorAssert;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>QEMU's tests/unit/test-qobject-output-visitor.c.</summary>
public class QObjectOutputVisitorTests
{
    private static QObject Write<T>(T value)
        where T : class, IQapiType<T> => QObjectOutputVisitor.Write(value);

    private static QObject Scalar(VisitElement<long> visit, long value)
    {
        var v = new QObjectOutputVisitor();
        visit(v, null, ref value);
        return v.Complete();
    }

    [Fact]
    public void Int_bool_number_string()
    {
        Same(new QNum(-42), Scalar(static (Visitor v, string? n, ref long x) => v.VisitInt64(n, ref x), -42));

        var o = new QObjectOutputVisitor();
        var b = true;
        o.VisitBool(null, ref b);
        Same(QBool.True, o.Complete());

        o = new QObjectOutputVisitor();
        var d = 3.14;
        o.VisitNumber(null, ref d);
        var number = Assert.IsType<QNum>(o.Complete());
        Assert.Equal(QNumKind.Double, number.Kind);
        Assert.Equal(3.14, number.ToDouble());

        o = new QObjectOutputVisitor();
        string? s = "Q E M U";
        o.VisitString(null, ref s);
        Same(new QString("Q E M U"), o.Complete());
    }

    [Fact]
    public void Null_string_is_output_as_empty()
    {
        var o = new QObjectOutputVisitor();
        string? s = null;
        o.VisitString(null, ref s);
        Same(QString.Empty, o.Complete());
    }

    [Fact]
    public void Unsigned_and_size_are_unsigned_numbers()
    {
        var o = new QObjectOutputVisitor();
        var u = ulong.MaxValue;
        o.VisitUInt64(null, ref u);
        var number = Assert.IsType<QNum>(o.Complete());
        Assert.Equal(QNumKind.UInt64, number.Kind);
        Assert.Equal(ulong.MaxValue, number.GetUInt64());

        o = new QObjectOutputVisitor();
        o.VisitSize(null, ref u);
        Assert.Equal(QNumKind.UInt64, Assert.IsType<QNum>(o.Complete()).Kind);
    }

    [Fact]
    public void Enum_writes_each_wire_name()
    {
        foreach (var value in Enum.GetValues<EnumOne>())
        {
            var o = new QObjectOutputVisitor();
            var e = value;
            o.VisitEnum("unused", ref e);
            Same(new QString(value.ToQapiName()), o.Complete());
        }
    }

    [Fact]
    public void Enum_value_outside_the_schema_is_a_programming_error()
    {
        var o = new QObjectOutputVisitor();
        var e = (EnumOne)17;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => o.VisitEnum("e", ref e));
        Assert.Contains("'e'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Struct()
    {
        Same(
            new QDict { ["integer"] = 42, ["boolean"] = false, ["string"] = "foo" },
            Write(new TestStruct { Integer = 42, Boolean = false, String = "foo" }));
    }

    [Fact]
    public void Nested_struct_with_optional_member_present()
    {
        var ud2 = new UserDefTwo
        {
            String0 = "forty two",
            Dict1 = new UserDefTwoDict
            {
                String1 = "forty three",
                Dict2 = new UserDefTwoDictDict
                {
                    Userdef = new UserDefOne { Integer = 42, String = "user def string" },
                    String = "forty four",
                },
                Dict3 = new UserDefTwoDictDict
                {
                    Userdef = new UserDefOne { Integer = 42, String = "user def string" },
                    String = "forty five",
                },
            },
        };

        Same(
            new QDict
            {
                ["string0"] = "forty two",
                ["dict1"] = new QDict
                {
                    ["string1"] = "forty three",
                    ["dict2"] = new QDict
                    {
                        ["userdef"] = new QDict { ["integer"] = 42, ["string"] = "user def string" },
                        ["string"] = "forty four",
                    },
                    ["dict3"] = new QDict
                    {
                        ["userdef"] = new QDict { ["integer"] = 42, ["string"] = "user def string" },
                        ["string"] = "forty five",
                    },
                },
            },
            Write(ud2));
    }

    [Fact]
    public void Members_come_out_in_schema_order_base_first()
    {
        var dict = Assert.IsType<QDict>(Write(new UserDefOne { Integer = 1, String = "s", Enum1 = EnumOne.Value2 }));
        Assert.Equal(["integer", "string", "enum1"], dict.Keys);
    }

    [Fact]
    public void List_of_structs_in_order()
    {
        var list = new QapiList<TestStruct>();
        for (var i = 0; i < 10; i++)
        {
            list.Add(new TestStruct { Integer = 10 + i, Boolean = true, String = "list value" });
        }

        var v = new QObjectOutputVisitor();
        v.VisitList(null, ref list);
        var qlist = Assert.IsType<QList>(v.Complete());
        Assert.Equal(10, qlist.Count);
        for (var i = 0; i < 10; i++)
        {
            Same(new QDict { ["integer"] = 10 + i, ["boolean"] = true, ["string"] = "list value" }, qlist[i]);
        }
    }

    [Fact]
    public void Long_list_of_nested_structs()
    {
        var list = new QapiList<UserDefTwo>();
        for (var i = 0; i < 1024; i++)
        {
            list.Add(new UserDefTwo
            {
                String0 = "foo bar",
                Dict1 = new UserDefTwoDict
                {
                    String1 = "foo bar",
                    Dict2 = new UserDefTwoDictDict { Userdef = new UserDefOne { Integer = 42, String = "foo bar" }, String = "foo bar" },
                },
            });
        }

        var v = new QObjectOutputVisitor();
        v.VisitList(null, ref list);
        Assert.Equal(1024, Assert.IsType<QList>(v.Complete()).Count);
    }

    [Fact]
    public void Any_is_written_as_is()
    {
        var v = new QObjectOutputVisitor();
        QObject? any = -42;
        v.VisitAny(null, ref any);
        Same(new QNum(-42), v.Complete());

        v = new QObjectOutputVisitor();
        any = new QDict { ["integer"] = -42, ["boolean"] = true, ["string"] = "foo" };
        v.VisitAny(null, ref any);
        Same(new QDict { ["integer"] = -42, ["boolean"] = true, ["string"] = "foo" }, v.Complete());
    }

    [Fact]
    public void Flat_union()
    {
        Same(
            new QDict { ["integer"] = 41, ["string"] = "str", ["enum1"] = "value1", ["boolean"] = true },
            Write<UserDefFlatUnion>(new UserDefFlatUnion.Value1 { Integer = 41, String = "str", Boolean = true }));
    }

    [Fact]
    public void Alternate_writes_its_branch()
    {
        Same(new QNum(42), Write<UserDefAlternate>(new UserDefAlternate.I(42)));
        Same(new QString("value1"), Write<UserDefAlternate>(EnumOne.Value1));
        Same(QNull.Instance, Write<UserDefAlternate>(new UserDefAlternate.N()));
        Same(
            new QDict { ["integer"] = 1, ["string"] = "str", ["enum1"] = "value1", ["boolean"] = true },
            Write<UserDefAlternate>(new UserDefAlternate.Udfu(new UserDefFlatUnion.Value1 { Integer = 1, String = "str", Boolean = true })));
    }

    [Fact]
    public void Alternate_output_keeps_the_object()
    {
        var wrap = new WrapAlternate { Alt = new UserDefAlternate.I(7) };
        var alt = wrap.Alt;
        Same(new QDict { ["alt"] = 7 }, Write(wrap));
        Assert.Same(alt, wrap.Alt);
    }

    [Fact]
    public void Null_member_by_hand()
    {
        var v = new QObjectOutputVisitor();
        v.StartStruct(null);
        QNull? n = null;
        v.VisitNull("a", ref n);
        v.CheckStruct();
        v.EndStruct();
        Same(new QDict { ["a"] = QNull.Instance }, v.Complete());
    }

    [Fact]
    public void Struct_of_lists_of_every_builtin()
    {
        var range = Enumerable.Range(0, 32).ToArray();
        var arrs = new ArrayStruct
        {
            Integer = [.. range.Select(i => (long)i)],
            S8 = [.. range.Select(i => (sbyte)i)],
            S16 = [.. range.Select(i => (short)i)],
            S32 = [.. range],
            S64 = [.. range.Select(i => (long)i)],
            U8 = [.. range.Select(i => (byte)i)],
            U16 = [.. range.Select(i => (ushort)i)],
            U32 = [.. range.Select(i => (uint)i)],
            U64 = [.. range.Select(i => (ulong)i)],
            Number = [.. range.Select(i => (double)i / 3)],
            Boolean = [.. range.Select(i => i % 3 == 0)],
            String = [.. range.Select(i => i.ToString(CultureInfo.InvariantCulture))],
        };

        var qdict = Assert.IsType<QDict>(Write(arrs));
        foreach (var member in new[] { "integer", "s8", "s16", "s32", "s64", "u8", "u16", "u32", "u64" })
        {
            Assert.Equal(range.Select(i => (long)i), Assert.IsType<QList>(qdict[member]).Select(e => ((QNum)e).GetInt64()));
        }

        Assert.Equal(range.Select(i => (double)i / 3), Assert.IsType<QList>(qdict["number"]).Select(e => ((QNum)e).ToDouble()));
        Assert.Equal(range.Select(i => i % 3 == 0), Assert.IsType<QList>(qdict["boolean"]).Select(e => ((QBool)e).Value));
        Assert.Equal(
            range.Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Assert.IsType<QList>(qdict["string"]).Select(e => ((QString)e).Value));

        // Absent optional lists stay absent.
        Assert.False(qdict.ContainsKey("sz"));
        Assert.Equal(12, qdict.Count);
    }

    [Fact]
    public void Optional_members_are_written_only_when_present()
    {
        Same(new QDict { ["enum1"] = "value1", ["enum3"] = "value3" }, Write(new NestedEnumsOne { Enum1 = EnumOne.Value1, Enum3 = EnumOne.Value3 }));
        Same(
            new QDict { ["enum1"] = "value1", ["enum2"] = "value2", ["enum3"] = "value3", ["enum4"] = "value4" },
            Write(new NestedEnumsOne { Enum1 = EnumOne.Value1, Enum2 = EnumOne.Value2, Enum3 = EnumOne.Value3, Enum4 = EnumOne.Value4 }));
    }

    [Fact]
    public void Empty_optional_list_is_present()
    {
        Same(new QDict { ["i64"] = new QList() }, Write(new UserDefOptions { I64 = [] }));
        Same(new QDict(), Write(new UserDefOptions()));
    }

    [Fact]
    public void Null_required_list_is_written_empty_like_QEMU()
    {
        Same(new QDict { ["array"] = new QList() }, Write(new OrgQemuXStruct2 { Array = null! }));
    }

    [Fact]
    public void Null_required_struct_is_a_programming_error()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Write(new WrapAlternate { Alt = null! }));
        Assert.Contains("'alt'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_requires_a_finished_visit()
    {
        var v = new QObjectOutputVisitor();
        Assert.Throws<InvalidOperationException>(v.Complete);
        v.StartStruct(null);
        Assert.Throws<InvalidOperationException>(v.Complete);
        v.EndStruct();
        Same(new QDict(), v.Complete());

        long i = 1;
        Assert.Throws<InvalidOperationException>(() => v.VisitInt64(null, ref i));
    }

    [Fact]
    public void Output_visitors_cannot_start_alternates_for_input()
    {
        var v = new QObjectOutputVisitor();
        Assert.Equal(QType.QNum, v.StartAlternate(null, QType.QNum));
        v.EndAlternate();
    }
}
