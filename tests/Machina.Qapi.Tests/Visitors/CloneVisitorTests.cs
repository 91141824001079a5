using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>QEMU's tests/unit/test-clone-visitor.c, plus what a C# deep copy must guarantee.</summary>
public class CloneVisitorTests
{
    [Fact]
    public void Struct_is_copied_and_an_absent_optional_stays_absent()
    {
        var src = new UserDefOne { Integer = 42, String = "Hello" };
        var dst = CloneVisitor.Clone(src);
        Assert.NotSame(src, dst);
        Assert.Equal(42, dst.Integer);
        Assert.Equal("Hello", dst.String);
        Assert.Null(dst.Enum1);
        Assert.Equal(src, dst);
    }

    [Fact]
    public void Alternate_keeps_its_branch()
    {
        AltEnumBool bSrc = true;
        AltEnumBool sSrc = EnumOne.Value1;
        var bDst = CloneVisitor.Clone(bSrc);
        var sDst = CloneVisitor.Clone(sSrc);
        Assert.Equal(new AltEnumBool.B(true), bDst);
        Assert.Equal(new AltEnumBool.E(EnumOne.Value1), sDst);
        Assert.NotSame(bSrc, bDst);
    }

    [Fact]
    public void Builtin_list_is_copied()
    {
        QapiList<byte>? src = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var copy = src;
        new CloneVisitor().VisitUInt8List(null, ref copy);
        Assert.NotSame(src, copy);
        Assert.Equal(src, copy);
    }

    [Fact]
    public void Empty_struct_with_empty_base()
    {
        var src = new Empty2();
        var dst = CloneVisitor.Clone(src);
        Assert.NotSame(src, dst);
        Assert.Equal(src, dst);
    }

    [Fact]
    public void Flat_union_keeps_branch_and_members()
    {
        UserDefFlatUnion src = new UserDefFlatUnion.Value1 { Integer = 123, String = "abc", Boolean = true };
        var dst = Assert.IsType<UserDefFlatUnion.Value1>(CloneVisitor.Clone(src));
        Assert.Equal(123, dst.Integer);
        Assert.Equal("abc", dst.String);
        Assert.Equal(EnumOne.Value1, dst.Enum1);
        Assert.True(dst.Boolean);
        Assert.Null(dst.AB);
        Assert.NotSame(src, dst);
    }

    [Fact]
    public void Nested_alternate_and_union_with_a_null_string_made_empty()
    {
        var src = new WrapAlternate
        {
            // Clone intentionally turns a null string into "", as QEMU's does.
            Alt = new UserDefAlternate.Udfu(new UserDefFlatUnion.Value3 { Integer = 42, String = null!, Intb = 99, AB = true }),
        };
        var dst = CloneVisitor.Clone(src);
        var udfu = Assert.IsType<UserDefAlternate.Udfu>(dst.Alt);
        var branch = Assert.IsType<UserDefFlatUnion.Value3>(udfu.Value);
        Assert.Equal(42, branch.Integer);
        Assert.Equal("", branch.String);
        Assert.Equal(EnumOne.Value3, branch.Enum1);
        Assert.Equal(99, branch.Intb);
        Assert.True(branch.AB);
        Assert.NotSame(((UserDefAlternate.Udfu)src.Alt).Value, udfu.Value);
    }

    [Fact]
    public void List_of_structs_is_copied_element_by_element()
    {
        QapiList<UserDefOne> src =
        [
            new UserDefOne { Integer = 1, String = "one" },
            new UserDefOne { Integer = 2, String = "two" },
            new UserDefOne { Integer = 3, String = "three", Enum1 = EnumOne.Value3 },
        ];
        var dst = CloneVisitor.Clone(src);
        Assert.Equal(src, dst);
        Assert.NotSame(src, dst);
        for (var i = 0; i < src.Count; i++)
        {
            Assert.NotSame(src[i], dst[i]);
        }

        Assert.Null(dst[0].Enum1);
        Assert.Equal(EnumOne.Value3, dst[2].Enum1);
    }

    [Fact]
    public void Copy_shares_nothing_mutable()
    {
        var src = new ArrayStruct
        {
            Integer = [1, 2],
            S8 = [],
            S16 = [],
            S32 = [],
            S64 = [],
            U8 = [],
            U16 = [],
            U32 = [],
            U64 = [],
            Number = [],
            Boolean = [],
            String = ["a"],
            Any = [new QDict { ["k"] = new QList { 1 } }],
        };
        var dst = CloneVisitor.Clone(src);
        Assert.Equal(src, dst);

        src.Integer.Add(3);
        ((QList)((QDict)src.Any[0])["k"]).Add(2);
        Assert.Equal([1L, 2L], dst.Integer);
        VisitorAssert.Same(new QDict { ["k"] = new QList { 1 } }, dst.Any![0]);
    }

    [Fact]
    public void Base_typed_clone_of_a_struct()
    {
        var src = new UserDefTwo
        {
            String0 = "s0",
            Dict1 = new UserDefTwoDict
            {
                String1 = "s1",
                Dict2 = new UserDefTwoDictDict { Userdef = new UserDefOne { Integer = 1, String = "u" }, String = "s2" },
            },
        };
        var dst = CloneVisitor.Clone(src);
        Assert.Equal(src, dst);
        Assert.NotSame(src.Dict1.Dict2.Userdef, dst.Dict1.Dict2.Userdef);
        dst.Dict1.Dict2.Userdef.Integer = 2;
        Assert.Equal(1, src.Dict1.Dict2.Userdef.Integer);
    }

    [Fact]
    public void Null_clones_to_null()
    {
        Assert.Null(CloneVisitor.Clone((UserDefOne?)null));
        Assert.Null(CloneVisitor.Clone((QapiList<UserDefOne>?)null));
    }
}
