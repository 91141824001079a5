using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>QEMU's tests/unit/test-string-output-visitor.c, in plain and human mode.</summary>
public class StringOutputVisitorTests
{
    private static string Print(bool human, Action<Visitor> visit)
    {
        var v = new StringOutputVisitor(human);
        visit(v);
        return v.Complete();
    }

    [Theory]
    [InlineData(false, "42")]
    [InlineData(true, "42 (0x2a)")]
    public void Int(bool human, string expected)
    {
        Assert.Equal(expected, Print(human, v => { long x = 42; v.VisitInt64(null, ref x); }));
    }

    [Theory]
    [InlineData(false, "0-1,3-6,9-16,21-22,9223372036854775806-9223372036854775807")]
    [InlineData(true, "0-1,3-6,9-16,21-22,9223372036854775806-9223372036854775807 (0x0-0x1,0x3-0x6,0x9-0x10,0x15-0x16,0x7ffffffffffffffe-0x7fffffffffffffff)")]
    public void Int_list_prints_merged_ranges(bool human, string expected)
    {
        QapiList<long>? list = [0, 1, 9, 10, 16, 15, 14, 3, 4, 5, 6, 11, 12, 13, 21, 22, long.MaxValue - 1, long.MaxValue];
        Assert.Equal(expected, Print(human, v => v.VisitInt64List(null, ref list)));
    }

    [Fact]
    public void Int_list_edge_cases()
    {
        QapiList<long>? list = [];
        Assert.Equal("", Print(false, v => v.VisitInt64List(null, ref list)));
        list = [5];
        Assert.Equal("5 (0x5)", Print(true, v => v.VisitInt64List(null, ref list)));
        list = [3, 4];
        Assert.Equal("3-4", Print(false, v => v.VisitInt64List(null, ref list)));
        list = [4, 3];
        Assert.Equal("3-4", Print(false, v => v.VisitInt64List(null, ref list)));

        // Ranges sort as unsigned numbers, so negative values come last.
        list = [-5, 7, -3, 1];
        Assert.Equal("1,7,-5,-3", Print(false, v => v.VisitInt64List(null, ref list)));
        Assert.Equal("1,7,-5,-3 (0x1,0x7,0xfffffffffffffffb,0xfffffffffffffffd)", Print(true, v => v.VisitInt64List(null, ref list)));

        // QEMU aborts on a run from -1 to 0; Machina prints it as two ranges.
        list = [-2, -1, 0, 1];
        Assert.Equal("0-1,-2--1", Print(false, v => v.VisitInt64List(null, ref list)));
    }

    [Fact]
    public void UInt64_above_int64_prints_negative_as_in_QEMU()
    {
        Assert.Equal("-1", Print(false, v => { var x = ulong.MaxValue; v.VisitUInt64(null, ref x); }));
        QapiList<ulong>? list = [1, 2, 3];
        Assert.Equal("1-3 (0x1-0x3)", Print(true, v => v.VisitUInt64List(null, ref list)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bool(bool human)
    {
        Assert.Equal("true", Print(human, v => { var b = true; v.VisitBool(null, ref b); }));
        Assert.Equal("false", Print(human, v => { var b = false; v.VisitBool(null, ref b); }));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Number_prints_17_significant_digits(bool human)
    {
        Assert.Equal("3.1415926535897931", Print(human, v => { var d = 3.1415926535897932; v.VisitNumber(null, ref d); }));
        Assert.Equal("1.7976931348623157e+308", Print(human, v => { var d = double.MaxValue; v.VisitNumber(null, ref d); }));
        Assert.Equal("-1", Print(human, v => { var d = -1.0; v.VisitNumber(null, ref d); }));
    }

    [Theory]
    [InlineData(false, "Q E M U")]
    [InlineData(true, "\"Q E M U\"")]
    public void String(bool human, string expected)
    {
        Assert.Equal(expected, Print(human, v => { string? s = "Q E M U"; v.VisitString(null, ref s); }));
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "<null>")]
    public void No_string(bool human, string expected)
    {
        Assert.Equal(expected, Print(human, v => { string? s = null; v.VisitString(null, ref s); }));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Enum(bool human)
    {
        foreach (var value in System.Enum.GetValues<EnumOne>())
        {
            var expected = human ? "\"" + value.ToQapiName() + "\"" : value.ToQapiName();
            Assert.Equal(expected, Print(human, v => { var e = value; v.VisitEnum("unused", ref e); }));
        }
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "<null>")]
    public void Null(bool human, string expected)
    {
        Assert.Equal(expected, Print(human, v => { QNull? n = null; v.VisitNull(null, ref n); }));
    }

    [Theory]
    [InlineData(0UL, "0", "0 (0 B)")]
    [InlineData(1024UL, "1024", "1024 (1 KiB)")]
    [InlineData(1000UL, "1000", "1000 (0.977 KiB)")]
    [InlineData(1536UL, "1536", "1536 (1.5 KiB)")]
    [InlineData(1152UL, "1152", "1152 (1.12 KiB)")]
    [InlineData(ulong.MaxValue, "18446744073709551615", "18446744073709551615 (16 EiB)")]
    public void Size(ulong value, string plain, string human)
    {
        Assert.Equal(plain, Print(false, v => { var x = value; v.VisitSize(null, ref x); }));
        Assert.Equal(human, Print(true, v => { var x = value; v.VisitSize(null, ref x); }));
    }

    [Fact]
    public void Other_lists_print_their_last_element_as_QEMU_does()
    {
        QapiList<string>? strings = ["a", "b", "c"];
        Assert.Equal("c", Print(false, v => v.VisitStringList(null, ref strings)));
    }

    [Fact]
    public void Structs_and_nested_lists_are_not_supported()
    {
        var v = new StringOutputVisitor();
        Assert.Throws<NotSupportedException>(() => v.StartStruct(null));
        QObject? any = QNull.Instance;
        Assert.Throws<NotSupportedException>(() => v.VisitAny(null, ref any));
        v.StartList(null, 2);
        Assert.Throws<NotSupportedException>(() => v.StartList(null, 1));
    }
}
