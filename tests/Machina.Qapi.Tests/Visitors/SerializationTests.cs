using System.Globalization;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>
/// QEMU's tests/unit/test-visitor-serialization.c: values written by an output visitor and read
/// back by the matching input visitor come back equal. "QMP" is the QObject output and input
/// visitors (QEMU also goes through JSON text, which is the JSON parser's concern); "String" is
/// the string output and input visitors, for scalars only.
/// </summary>
public class SerializationTests
{
    /// <summary>QEMU's pt_values: one case per primitive type and interesting value.</summary>
    public static TheoryData<string, object> Primitives => new()
    {
        { "string_empty", "" },
        { "string_whitespace", "a b  c\td" },
        { "string_newlines", "a\nb\n" },
        { "string_commas", "a,b, c,d" },
        { "string_single_quoted", "'a b',cd" },
        { "string_double_quoted", "\"a b\",cd" },
        { "boolean_true", true },
        { "boolean_false", false },
        { "number_sanity1", -1.0 },
        { "number_sanity2", 3.141593 },
        { "number_min", double.Epsilon * (1L << 52) },
        { "number_max", double.MaxValue },
        { "integer_sanity1", -1L },
        { "integer_sanity2", (long.MaxValue / 2) + 1 },
        { "integer_min", long.MinValue },
        { "integer_max", long.MaxValue },
        { "uint8_sanity1", (byte)1 },
        { "uint8_sanity2", (byte)((byte.MaxValue / 2) + 1) },
        { "uint8_min", byte.MinValue },
        { "uint8_max", byte.MaxValue },
        { "uint16_sanity1", (ushort)1 },
        { "uint16_sanity2", (ushort)((ushort.MaxValue / 2) + 1) },
        { "uint16_min", ushort.MinValue },
        { "uint16_max", ushort.MaxValue },
        { "uint32_sanity1", 1U },
        { "uint32_sanity2", (uint.MaxValue / 2) + 1 },
        { "uint32_min", uint.MinValue },
        { "uint32_max", uint.MaxValue },
        { "uint64_sanity1", 1UL },
        { "uint64_sanity2", (ulong.MaxValue / 2) + 1 },
        { "uint64_min", ulong.MinValue },
        { "uint64_max", ulong.MaxValue },
        { "int8_sanity1", (sbyte)-1 },
        { "int8_sanity2", (sbyte)((sbyte.MaxValue / 2) + 1) },
        { "int8_min", sbyte.MinValue },
        { "int8_max", sbyte.MaxValue },
        { "int16_sanity1", (short)-1 },
        { "int16_sanity2", (short)((short.MaxValue / 2) + 1) },
        { "int16_min", short.MinValue },
        { "int16_max", short.MaxValue },
        { "int32_sanity1", -1 },
        { "int32_sanity2", (int.MaxValue / 2) + 1 },
        { "int32_min", int.MinValue },
        { "int32_max", int.MaxValue },
    };

    private delegate T Trip<T>(VisitElement<T> visit, T value);

    private static T ThroughQObject<T>(VisitElement<T> visit, T value)
    {
        var output = new QObjectOutputVisitor();
        visit(output, null, ref value);
        T copy = default!;
        visit(new QObjectInputVisitor(output.Complete()), null, ref copy);
        return copy;
    }

    private static T ThroughString<T>(VisitElement<T> visit, T value)
    {
        var output = new StringOutputVisitor();
        visit(output, null, ref value);
        T copy = default!;
        visit(new StringInputVisitor(output.Complete()), null, ref copy);
        return copy;
    }

    private static void RoundTrip(object value, Func<Delegate, object, object> trip)
    {
        object back = value switch
        {
            string s => trip(new VisitElement<string>(static (Visitor v, string? n, ref string x) => { string? t = x; v.VisitString(n, ref t); x = t; }), s),
            bool b => trip(new VisitElement<bool>(static (Visitor v, string? n, ref bool x) => v.VisitBool(n, ref x)), b),
            double d => trip(new VisitElement<double>(static (Visitor v, string? n, ref double x) => v.VisitNumber(n, ref x)), d),
            long l => trip(new VisitElement<long>(static (Visitor v, string? n, ref long x) => v.VisitInt64(n, ref x)), l),
            byte u8 => trip(new VisitElement<byte>(static (Visitor v, string? n, ref byte x) => v.VisitUInt8(n, ref x)), u8),
            ushort u16 => trip(new VisitElement<ushort>(static (Visitor v, string? n, ref ushort x) => v.VisitUInt16(n, ref x)), u16),
            uint u32 => trip(new VisitElement<uint>(static (Visitor v, string? n, ref uint x) => v.VisitUInt32(n, ref x)), u32),
            ulong u64 => trip(new VisitElement<ulong>(static (Visitor v, string? n, ref ulong x) => v.VisitUInt64(n, ref x)), u64),
            sbyte s8 => trip(new VisitElement<sbyte>(static (Visitor v, string? n, ref sbyte x) => v.VisitInt8(n, ref x)), s8),
            short s16 => trip(new VisitElement<short>(static (Visitor v, string? n, ref short x) => v.VisitInt16(n, ref x)), s16),
            int s32 => trip(new VisitElement<int>(static (Visitor v, string? n, ref int x) => v.VisitInt32(n, ref x)), s32),
            _ => throw new ArgumentException("unexpected primitive", nameof(value)),
        };
        Assert.Equal(value, back);
    }

    private static object Dispatch(Delegate visit, object value, bool viaString) => visit switch
    {
        VisitElement<string> f => viaString ? ThroughString(f, (string)value) : ThroughQObject(f, (string)value),
        VisitElement<bool> f => viaString ? ThroughString(f, (bool)value) : ThroughQObject(f, (bool)value),
        VisitElement<double> f => viaString ? ThroughString(f, (double)value) : ThroughQObject(f, (double)value),
        VisitElement<long> f => viaString ? ThroughString(f, (long)value) : ThroughQObject(f, (long)value),
        VisitElement<byte> f => viaString ? ThroughString(f, (byte)value) : ThroughQObject(f, (byte)value),
        VisitElement<ushort> f => viaString ? ThroughString(f, (ushort)value) : ThroughQObject(f, (ushort)value),
        VisitElement<uint> f => viaString ? ThroughString(f, (uint)value) : ThroughQObject(f, (uint)value),
        VisitElement<ulong> f => viaString ? ThroughString(f, (ulong)value) : ThroughQObject(f, (ulong)value),
        VisitElement<sbyte> f => viaString ? ThroughString(f, (sbyte)value) : ThroughQObject(f, (sbyte)value),
        VisitElement<short> f => viaString ? ThroughString(f, (short)value) : ThroughQObject(f, (short)value),
        VisitElement<int> f => viaString ? ThroughString(f, (int)value) : ThroughQObject(f, (int)value),
        _ => throw new ArgumentException("unexpected visit", nameof(visit)),
    };

    [Theory]
    [MemberData(nameof(Primitives))]
    public void QMP_primitives(string description, object value)
    {
        Assert.NotEmpty(description);
        RoundTrip(value, (visit, v) => Dispatch(visit, v, viaString: false));
    }

    [Theory]
    [MemberData(nameof(Primitives))]
    public void String_primitives(string description, object value)
    {
        Assert.NotEmpty(description);
        RoundTrip(value, (visit, v) => Dispatch(visit, v, viaString: true));
    }

    [Theory]
    [MemberData(nameof(Primitives))]
    public void QMP_primitive_lists_of_32(string description, object value)
    {
        Assert.NotEmpty(description);
        switch (value)
        {
            case string s: ListTrip(s, static (Visitor v, ref QapiList<string>? l) => v.VisitStringList(null, ref l)); break;
            case bool b: ListTrip(b, static (Visitor v, ref QapiList<bool>? l) => v.VisitBoolList(null, ref l)); break;
            case double d: ListTrip(d, static (Visitor v, ref QapiList<double>? l) => v.VisitNumberList(null, ref l)); break;
            case long l64: ListTrip(l64, static (Visitor v, ref QapiList<long>? l) => v.VisitInt64List(null, ref l)); break;
            case byte u8: ListTrip(u8, static (Visitor v, ref QapiList<byte>? l) => v.VisitUInt8List(null, ref l)); break;
            case ushort u16: ListTrip(u16, static (Visitor v, ref QapiList<ushort>? l) => v.VisitUInt16List(null, ref l)); break;
            case uint u32: ListTrip(u32, static (Visitor v, ref QapiList<uint>? l) => v.VisitUInt32List(null, ref l)); break;
            case ulong u64: ListTrip(u64, static (Visitor v, ref QapiList<ulong>? l) => v.VisitUInt64List(null, ref l)); break;
            case sbyte s8: ListTrip(s8, static (Visitor v, ref QapiList<sbyte>? l) => v.VisitInt8List(null, ref l)); break;
            case short s16: ListTrip(s16, static (Visitor v, ref QapiList<short>? l) => v.VisitInt16List(null, ref l)); break;
            case int s32: ListTrip(s32, static (Visitor v, ref QapiList<int>? l) => v.VisitInt32List(null, ref l)); break;
            default: throw new ArgumentException("unexpected primitive", nameof(value));
        }
    }

    private delegate void ListVisit<T>(Visitor v, ref QapiList<T>? list);

    private static void ListTrip<T>(T value, ListVisit<T> visit)
    {
        QapiList<T>? list = [.. Enumerable.Repeat(value, 32)];
        var output = new QObjectOutputVisitor();
        visit(output, ref list);
        QapiList<T>? copy = null;
        visit(new QObjectInputVisitor(output.Complete()), ref copy);
        Assert.Equal(list, copy);
    }

    [Fact]
    public void String_int_lists_round_trip_through_ranges()
    {
        QapiList<long>? list = [5, 1, 2, 3, -7, 9];
        var output = new StringOutputVisitor();
        output.VisitInt64List(null, ref list);
        QapiList<long>? copy = null;
        new StringInputVisitor(output.Complete()).VisitInt64List(null, ref copy);

        // The string form is a set of ranges: sorted (as unsigned numbers) and merged.
        Assert.Equal([1L, 2, 3, 5, 9, -7], copy);
    }

    private static T QmpTrip<T>(T value)
        where T : class, IQapiType<T> => QObjectInputVisitor.Read<T>(QObjectOutputVisitor.Write(value));

    private static UserDefTwo NestedStruct() => new()
    {
        String0 = "test_string0",
        Dict1 = new UserDefTwoDict
        {
            String1 = "test_string1",
            Dict2 = new UserDefTwoDictDict { Userdef = new UserDefOne { Integer = 42, String = "test_string" }, String = "test_string2" },
            Dict3 = new UserDefTwoDictDict { Userdef = new UserDefOne { Integer = 43, String = "test_string" }, String = "test_string3" },
        },
    };

    [Fact]
    public void QMP_struct()
    {
        var ts = new TestStruct { Integer = -42, Boolean = true, String = "test string" };
        Assert.Equal(ts, QmpTrip(ts));
    }

    [Fact]
    public void QMP_nested_struct()
    {
        Assert.Equal(NestedStruct(), QmpTrip(NestedStruct()));
    }

    [Fact]
    public void QMP_nested_struct_list()
    {
        QapiList<UserDefTwo>? list = [.. Enumerable.Range(0, 8).Select(_ => NestedStruct())];
        var output = new QObjectOutputVisitor();
        output.VisitList(null, ref list);
        QapiList<UserDefTwo>? copy = null;
        new QObjectInputVisitor(output.Complete()).VisitList(null, ref copy);
        Assert.Equal(list, copy);
    }

    [Fact]
    public void String_numbers_keep_every_bit()
    {
        foreach (var d in new[] { 0.1, 1.0 / 3, -0.0, 2.2250738585072014e-308, 1e21, 123456789012345680.0 })
        {
            Assert.Equal(
                d.ToString("R", CultureInfo.InvariantCulture),
                Dispatch(new VisitElement<double>(static (Visitor v, string? n, ref double x) => v.VisitNumber(n, ref x)), d, viaString: true) is double back
                    ? back.ToString("R", CultureInfo.InvariantCulture)
                    : "not a double");
        }
    }

    [Fact]
    public void String_subnormals_do_not_come_back_as_in_QEMU()
    {
        // %.17g prints 4.9406564584124654e-324; strtod reads it with ERANGE (inexact underflow),
        // which QEMU's string input visitor rejects.
        var output = new StringOutputVisitor();
        var d = 5e-324;
        output.VisitNumber(null, ref d);
        Assert.Equal("4.9406564584124654e-324", output.Complete());
        VisitorAssert.Fails(
            "Invalid parameter type for 'null', expected: number",
            () => new StringInputVisitor(output.Complete()).VisitNumber(null, ref d));
    }
}
