using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;
using static Machina.Qapi.Tests.Visitors.VisitorAssert;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>QEMU's tests/unit/test-string-input-visitor.c, plus the exact error texts.</summary>
public class StringInputVisitorTests
{
    private static QapiList<long> Int64List(string text)
    {
        QapiList<long>? list = null;
        new StringInputVisitor(text).VisitInt64List(null, ref list);
        return list;
    }

    private static QapiList<ulong> UInt64List(string text)
    {
        QapiList<ulong>? list = null;
        new StringInputVisitor(text).VisitUInt64List(null, ref list);
        return list;
    }

    [Fact]
    public void Int_reads_and_rejects_non_numbers_and_the_empty_string()
    {
        long res = 0;
        new StringInputVisitor("-42").VisitInt64(null, ref res);
        Assert.Equal(-42, res);

        Fails("Parameter 'null' expects int64", () => new StringInputVisitor("not an int").VisitInt64(null, ref res));
        Fails("Parameter 'x' expects int64", () => new StringInputVisitor("").VisitInt64("x", ref res));
    }

    [Fact]
    public void Int_uses_C_syntax()
    {
        long res = 0;
        new StringInputVisitor("0x1f").VisitInt64(null, ref res);
        Assert.Equal(31, res);
        new StringInputVisitor("017").VisitInt64(null, ref res);
        Assert.Equal(15, res);
        new StringInputVisitor(" \t-5").VisitInt64(null, ref res);
        Assert.Equal(-5, res);
        Fails("Parameter 'null' expects int64", () => new StringInputVisitor("5 ").VisitInt64(null, ref res));
    }

    [Fact]
    public void Int64_lists_expand_ranges()
    {
        Assert.Equal([1L, 2, 0, 2, 3, 4, 20, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8], Int64List("1,2,0,2-4,20,5-9,1-8"));
        Assert.Equal([32767L, -32768, -32767], Int64List("32767,-32768--32767"));
        Assert.Equal([long.MinValue, long.MaxValue], Int64List("-9223372036854775808,9223372036854775807"));
        Assert.Equal([1L], Int64List("1-1"));
        Assert.Equal([long.MaxValue - 2, long.MaxValue - 1, long.MaxValue], Int64List("9223372036854775805-9223372036854775807"));
        Assert.Empty(Int64List(""));

        // A trailing comma ends the list, as in QEMU.
        Assert.Equal([1L], Int64List("1,"));
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("3-1")]
    [InlineData("9223372036854775807-0")]
    [InlineData("0-65536")]
    [InlineData("not an int list")]
    [InlineData("1,,2")]
    [InlineData("1-2-3")]
    [InlineData("-9223372036854775808-9223372036854775807")]
    public void Int64_list_errors(string text)
    {
        Fails("Parameter 'null' expects list of int64 values or ranges", () => Int64List(text));
    }

    [Fact]
    public void Range_limit_is_65536_elements()
    {
        Assert.Equal(StringInputVisitor.RangeMaxElements, Int64List("0-65535").Count);
        Assert.Equal(65536, UInt64List("1-65536").Count);
        Fails("Parameter 'null' expects list of uint64 values or ranges", () => UInt64List("1-65537"));
    }

    [Fact]
    public void UInt64_lists_expand_ranges_and_wrap_negatives()
    {
        Assert.Equal([1UL, 2, 0, 2, 3, 4, 20, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8], UInt64List("1,2,0,2-4,20,5-9,1-8"));
        Assert.Equal([32767UL, unchecked((ulong)-32768L), unchecked((ulong)-32767L)], UInt64List("32767,-32768--32767"));
        Assert.Equal([unchecked((ulong)long.MinValue), (ulong)long.MaxValue], UInt64List("-9223372036854775808,9223372036854775807"));
        Assert.Equal([1UL], UInt64List("1-1"));
        Assert.Equal([ulong.MaxValue], UInt64List("18446744073709551615"));
        Assert.Equal([ulong.MaxValue - 2, ulong.MaxValue - 1, ulong.MaxValue], UInt64List("18446744073709551613-18446744073709551615"));
        Assert.Empty(UInt64List(""));
    }

    [Theory]
    [InlineData("18446744073709551616")]
    [InlineData("-18446744073709551616")]
    [InlineData("3-1")]
    [InlineData("18446744073709551615-0")]
    [InlineData("0-65536")]
    [InlineData("not an uint list")]
    public void UInt64_list_errors(string text)
    {
        Fails("Parameter 'null' expects list of uint64 values or ranges", () => UInt64List(text));
    }

    [Fact]
    public void Unvisited_list_tail_fails_the_check()
    {
        var v = new StringInputVisitor("0,2-3");
        Assert.True(v.StartList(null));
        long val = 0;
        v.VisitInt64(null, ref val);
        Assert.Equal(0, val);
        v.VisitInt64(null, ref val);
        Assert.Equal(2, val);
        Fails("Fewer list elements expected", v.CheckList);
        v.EndList();

        var u = new StringInputVisitor("0,2-3");
        u.StartList(null);
        ulong uval = 0;
        u.VisitUInt64(null, ref uval);
        u.VisitUInt64(null, ref uval);
        Assert.Equal(2UL, uval);
        Fails("Fewer list elements expected", u.CheckList);
        u.EndList();
    }

    [Fact]
    public void Visit_beyond_the_end_of_a_list()
    {
        var v = new StringInputVisitor("0");
        v.StartList(null);
        long val = -1;
        v.VisitInt64(null, ref val);
        Assert.Equal(0, val);
        Assert.False(v.NextList());
        Fails("Fewer list elements expected", () => v.VisitInt64(null, ref val));
        v.CheckList();
        v.EndList();

        var u = new StringInputVisitor("0");
        u.StartList(null);
        ulong uval = 1;
        u.VisitUInt64(null, ref uval);
        Assert.Equal(0UL, uval);
        Fails("Fewer list elements expected", () => u.VisitUInt64(null, ref uval));
        u.CheckList();
        u.EndList();
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("y", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("n", false)]
    public void Bool(string text, bool expected)
    {
        var res = !expected;
        new StringInputVisitor(text).VisitBool(null, ref res);
        Assert.Equal(expected, res);
    }

    [Fact]
    public void Bool_rejects_other_text()
    {
        var res = false;
        Fails("Parameter 'b' expects 'on' or 'off'", () => new StringInputVisitor("1").VisitBool("b", ref res));
    }

    [Fact]
    public void Number_reads_finite_values_only()
    {
        double res = 0;
        new StringInputVisitor("3.14").VisitNumber(null, ref res);
        Assert.Equal(3.14, res);
        new StringInputVisitor("0x1.8p1").VisitNumber(null, ref res);
        Assert.Equal(3.0, res);

        Fails("Invalid parameter type for 'null', expected: number", () => new StringInputVisitor("NaN").VisitNumber(null, ref res));
        Fails("Invalid parameter type for 'null', expected: number", () => new StringInputVisitor("inf").VisitNumber(null, ref res));
        Fails("Invalid parameter type for 'n', expected: number", () => new StringInputVisitor("1e400").VisitNumber("n", ref res));
    }

    [Fact]
    public void String_is_the_text()
    {
        string? res = null;
        new StringInputVisitor("Q E M U").VisitString(null, ref res);
        Assert.Equal("Q E M U", res);
    }

    [Fact]
    public void Enum_by_wire_name()
    {
        foreach (var value in Enum.GetValues<EnumOne>())
        {
            var res = (EnumOne)(-1);
            new StringInputVisitor(value.ToQapiName()).VisitEnum<EnumOne>(null, ref res);
            Assert.Equal(value, res);
        }

        var e = EnumOne.Value1;
        Fails("Parameter 'null' does not accept value 'value9'", () => new StringInputVisitor("value9").VisitEnum<EnumOne>(null, ref e));
    }

    [Fact]
    public void Size_with_suffixes_and_QEMUs_messages()
    {
        ulong size = 0;
        new StringInputVisitor("1.5k").VisitSize("s", ref size);
        Assert.Equal(1536UL, size);

        Fails("Value '16E' is out of range for parameter 's'", () => new StringInputVisitor("16E").VisitSize("s", ref size));
        var e = Fails("Parameter 's' expects a non-negative number below 2^64", () => new StringInputVisitor("-1").VisitSize("s", ref size));
        Assert.Equal("Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\nand exabytes, respectively.\n", e.Hint);

        // QEMU passes a null name through printf's %s here.
        Fails("Parameter '(null)' expects a non-negative number below 2^64", () => new StringInputVisitor("x").VisitSize(null, ref size));
    }

    [Fact]
    public void Null_is_the_empty_string()
    {
        QNull? n = null;
        new StringInputVisitor("").VisitNull(null, ref n);
        Assert.Same(QNull.Instance, n);
        Fails("Invalid parameter type for 'null', expected: null", () => new StringInputVisitor("x").VisitNull(null, ref n));
    }

    [Fact]
    public void Structs_alternates_and_any_are_not_supported()
    {
        var v = new StringInputVisitor("x");
        Assert.Throws<NotSupportedException>(() => v.StartStruct(null));
        Assert.Throws<NotSupportedException>(() => v.StartAlternate(null, QType.None));
        QObject? any = null;
        Assert.Throws<NotSupportedException>(() => v.VisitAny(null, ref any));
        v.StartList(null);
        string? s = null;
        Assert.Throws<NotSupportedException>(() => v.VisitString(null, ref s));
        Assert.Throws<NotSupportedException>(() => v.StartList(null));
    }

    [Fact]
    public void Fuzz_never_throws_anything_but_QAPI_errors()
    {
        var random = new Random(1);
        for (var i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(0, 64)];
            for (var k = 0; k < chars.Length; k++)
            {
                // Mostly the characters the parsers care about, some anything.
                chars[k] = random.Next(4) == 0 ? (char)random.Next(0, 0x3000) : "0123456789-,xX.eEpP+ kMG"[random.Next(24)];
            }

            var text = new string(chars);
            Survives(() => { long x = 0; new StringInputVisitor(text).VisitInt64(null, ref x); });
            Survives(() => { QapiList<long>? l = null; new StringInputVisitor(text).VisitInt64List(null, ref l); });
            Survives(() => { QapiList<ulong>? l = null; new StringInputVisitor(text).VisitUInt64List(null, ref l); });
            Survives(() => { var b = false; new StringInputVisitor(text).VisitBool(null, ref b); });
            Survives(() => { double d = 0; new StringInputVisitor(text).VisitNumber(null, ref d); });
            Survives(() => { ulong z = 0; new StringInputVisitor(text).VisitSize(null, ref z); });
            Survives(() => { string? s = null; new StringInputVisitor(text).VisitString(null, ref s); });
            Survives(() => { var e = EnumOne.Value1; new StringInputVisitor(text).VisitEnum(null, ref e); });
        }

        static void Survives(Action visit)
        {
            try
            {
                visit();
            }
            catch (QapiException)
            {
            }
        }
    }
}
