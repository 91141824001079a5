using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;
using static Machina.Qapi.Tests.Visitors.VisitorAssert;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>QEMU's tests/unit/test-qobject-input-visitor.c, plus the exact error texts.</summary>
public class QObjectInputVisitorTests
{
    private static QObjectInputVisitor Strict(QObject input) => new(input);

    private static QObjectInputVisitor Keyval(QObject input) => new(input, keyval: true);

    private static T Read<T>(QObject input)
        where T : class, IQapiType<T> => QObjectInputVisitor.Read<T>(input);

    [Fact]
    public void Int_reads_and_the_root_can_be_read_again_as_a_number()
    {
        var v = Strict(-42);
        long i = 0;
        v.VisitInt64(null, ref i);
        Assert.Equal(-42, i);

        double d = 0;
        v.VisitNumber(null, ref d);
        Assert.Equal(-42.0, d);
    }

    [Fact]
    public void Uint_reads_positive_and_accepts_negative_modulo_2_to_the_64()
    {
        var v = Strict(42);
        ulong u = 0;
        v.VisitUInt64(null, ref u);
        Assert.Equal(42UL, u);
        long i = 0;
        v.VisitInt64(null, ref i);
        Assert.Equal(42, i);
        double d = 0;
        v.VisitNumber(null, ref d);
        Assert.Equal(42.0, d);

        // QEMU's documented bug, kept for backward compatibility.
        Strict(-42).VisitUInt64(null, ref u);
        Assert.Equal(unchecked((ulong)-42L), u);

        v = Strict(18446744073709551574UL);
        v.VisitUInt64(null, ref u);
        Assert.Equal(18446744073709551574UL, u);
        v.VisitNumber(null, ref d);
        Assert.Equal(18446744073709552000.0, d);
    }

    [Fact]
    public void Int_rejects_a_double_even_a_whole_one()
    {
        long i = 0;
        Fails("Invalid parameter type for '<anonymous>', expected: integer", () => Strict(double.MaxValue).VisitInt64(null, ref i));
        Fails("Invalid parameter type for '<anonymous>', expected: integer", () => Strict(1.0).VisitInt64(null, ref i));
    }

    [Fact]
    public void Int_rejects_strings_in_strict_mode_and_reads_them_in_keyval_mode()
    {
        long i = 0;
        Fails("Invalid parameter type for '<anonymous>', expected: integer", () => Strict("-42").VisitInt64(null, ref i));

        Keyval("-42").VisitInt64(null, ref i);
        Assert.Equal(-42, i);

        // Keyval trees hold only strings; anything else is QEMU's "internal error".
        Fails("Internal error: parameter <anonymous> invalid", () => Keyval(-42).VisitInt64(null, ref i));
    }

    [Fact]
    public void Bool_strict_and_keyval()
    {
        var b = false;
        Strict(true).VisitBool(null, ref b);
        Assert.True(b);
        Fails("Invalid parameter type for '<anonymous>', expected: boolean", () => Strict("true").VisitBool(null, ref b));

        Keyval("on").VisitBool(null, ref b);
        Assert.True(b);
        Fails("Internal error: parameter <anonymous> invalid", () => Keyval(true).VisitBool(null, ref b));
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("y", true)]
    [InlineData("off", false)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    [InlineData("n", false)]
    public void Bool_keyval_spellings(string text, bool expected)
    {
        var b = !expected;
        Keyval(text).VisitBool(null, ref b);
        Assert.Equal(expected, b);
    }

    [Theory]
    [InlineData("On")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(" on")]
    public void Bool_keyval_rejects_other_spellings(string text)
    {
        var b = false;
        Fails("Parameter '<anonymous>' expects 'on' or 'off'", () => Keyval(text).VisitBool(null, ref b));
    }

    [Fact]
    public void Number_strict_and_keyval()
    {
        double d = 0;
        Strict(3.14).VisitNumber(null, ref d);
        Assert.Equal(3.14, d);
        Fails("Invalid parameter type for '<anonymous>', expected: number", () => Strict("3.14").VisitNumber(null, ref d));

        Keyval("3.14").VisitNumber(null, ref d);
        Assert.Equal(3.14, d);
        Fails("Internal error: parameter <anonymous> invalid", () => Keyval(3.14).VisitNumber(null, ref d));
        Fails("Invalid parameter type for '<anonymous>', expected: number", () => Keyval("inf").VisitNumber(null, ref d));
        Fails("Invalid parameter type for '<anonymous>', expected: number", () => Keyval("NaN").VisitNumber(null, ref d));
        Fails("Invalid parameter type for '<anonymous>', expected: number", () => Keyval("1e999").VisitNumber(null, ref d));
    }

    [Fact]
    public void Large_number_reads_as_double_but_not_as_integers()
    {
        // QEMU's JSON parser makes -18446744073709551616 a double.
        var v = Strict(-18446744073709551616.0);
        double d = 0;
        v.VisitNumber(null, ref d);
        Assert.Equal(-18446744073709552e3, d);

        long i = 0;
        Fails("Invalid parameter type for '<anonymous>', expected: integer", () => v.VisitInt64(null, ref i));
        ulong u = 0;
        Fails("Parameter '<anonymous>' expects uint64", () => v.VisitUInt64(null, ref u));
    }

    [Fact]
    public void Size_keyval_takes_suffixes_strict_wants_a_number()
    {
        ulong size = 0;
        Keyval("500M").VisitSize(null, ref size);
        Assert.Equal(500UL * 1024 * 1024, size);

        Fails("Parameter '<anonymous>' expects uint64", () => Strict("500M").VisitSize(null, ref size));
        Strict(4096).VisitSize(null, ref size);
        Assert.Equal(4096UL, size);

        Fails("Parameter '<anonymous>' expects size", () => Keyval("-1").VisitSize(null, ref size));
        Fails("Parameter '<anonymous>' expects size", () => Keyval("16E").VisitSize(null, ref size));
    }

    [Fact]
    public void Uint64_keyval_uses_strtoull_rules_and_the_integer_message()
    {
        ulong u = 0;
        Keyval("0x10").VisitUInt64(null, ref u);
        Assert.Equal(16UL, u);
        Keyval("-1").VisitUInt64(null, ref u);
        Assert.Equal(ulong.MaxValue, u);
        Fails("Parameter '<anonymous>' expects integer", () => Keyval("18446744073709551616").VisitUInt64(null, ref u));
        long i = 0;
        Keyval("010").VisitInt64(null, ref i);
        Assert.Equal(8, i);
        Fails("Parameter '<anonymous>' expects integer", () => Keyval("9223372036854775808").VisitInt64(null, ref i));
        Fails("Parameter '<anonymous>' expects integer", () => Keyval("12abc").VisitInt64(null, ref i));
    }

    [Fact]
    public void String_reads()
    {
        string? s = null;
        Strict("Q E M U").VisitString(null, ref s);
        Assert.Equal("Q E M U", s);
        Keyval("Q E M U").VisitString(null, ref s);
        Assert.Equal("Q E M U", s);
    }

    [Fact]
    public void Enum_reads_every_value_by_wire_name()
    {
        foreach (var value in Enum.GetValues<EnumOne>())
        {
            var e = (EnumOne)(-1);
            Strict(value.ToQapiName()).VisitEnum<EnumOne>(null, ref e);
            Assert.Equal(value, e);
        }
    }

    [Fact]
    public void Enum_rejects_an_unknown_name_with_the_member_name_only()
    {
        var v = Strict(new QDict { ["outer"] = new QDict { ["e"] = "value5" } });
        v.StartStruct(null);
        v.StartStruct("outer");
        var e = EnumOne.Value1;
        Fails("Parameter 'e' does not accept value 'value5'", () => v.VisitEnum("e", ref e));
        Fails("Parameter 'null' does not accept value 'Value1'", () => Strict("Value1").VisitEnum<EnumOne>(null, ref e));
    }

    [Fact]
    public void Struct_reads()
    {
        var p = Read<TestStruct>(new QDict { ["integer"] = -42, ["boolean"] = true, ["string"] = "foo" });
        Assert.Equal(new TestStruct { Integer = -42, Boolean = true, String = "foo" }, p);
    }

    [Fact]
    public void Nested_struct_reads_and_an_absent_optional_member_is_null()
    {
        var udp = Read<UserDefTwo>(new QDict
        {
            ["string0"] = "string0",
            ["dict1"] = new QDict
            {
                ["string1"] = "string1",
                ["dict2"] = new QDict
                {
                    ["userdef"] = new QDict { ["integer"] = 42, ["string"] = "string" },
                    ["string"] = "string2",
                },
            },
        });

        Assert.Equal("string0", udp.String0);
        Assert.Equal("string1", udp.Dict1.String1);
        Assert.Equal(42, udp.Dict1.Dict2.Userdef.Integer);
        Assert.Equal("string", udp.Dict1.Dict2.Userdef.String);
        Assert.Null(udp.Dict1.Dict2.Userdef.Enum1);
        Assert.Equal("string2", udp.Dict1.Dict2.String);
        Assert.Null(udp.Dict1.Dict3);
    }

    [Fact]
    public void List_of_structs_reads_and_an_empty_list_is_valid()
    {
        var v = Strict(new QList
        {
            new QDict { ["string"] = "string0", ["integer"] = 42 },
            new QDict { ["string"] = "string1", ["integer"] = 43 },
            new QDict { ["string"] = "string2", ["integer"] = 44 },
        });
        QapiList<UserDefOne>? list = null;
        v.VisitList(null, ref list);
        Assert.Equal(3, list.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("string" + i, list[i].String);
            Assert.Equal(42 + i, list[i].Integer);
        }

        list = null;
        Strict(new QList()).VisitList(null, ref list);
        Assert.Empty(list);
    }

    [Fact]
    public void Struct_of_lists_of_every_builtin_reads()
    {
        var input = new QDict();
        foreach (var member in new[] { "integer", "s8", "s16", "s32", "s64", "u8", "u16", "u32", "u64" })
        {
            var numbers = new QList();
            for (var j = 0; j < 32; j++)
            {
                numbers.Add(j);
            }

            input[member] = numbers;
        }

        var doubles = new QList();
        var booleans = new QList();
        var strings = new QList();
        for (var i = 0; i < 32; i++)
        {
            doubles.Add((double)i / 3);
            booleans.Add(i % 3 == 0);
            strings.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        input["number"] = doubles;
        input["boolean"] = booleans;
        input["string"] = strings;

        var arrs = Read<ArrayStruct>(input);
        var expected = Enumerable.Range(0, 32).ToArray();
        Assert.Equal(expected.Select(i => (long)i), arrs.Integer);
        Assert.Equal(expected.Select(i => (sbyte)i), arrs.S8);
        Assert.Equal(expected.Select(i => (short)i), arrs.S16);
        Assert.Equal(expected, arrs.S32);
        Assert.Equal(expected.Select(i => (long)i), arrs.S64);
        Assert.Equal(expected.Select(i => (byte)i), arrs.U8);
        Assert.Equal(expected.Select(i => (ushort)i), arrs.U16);
        Assert.Equal(expected.Select(i => (uint)i), arrs.U32);
        Assert.Equal(expected.Select(i => (ulong)i), arrs.U64);
        Assert.Equal(expected.Select(i => (double)i / 3), arrs.Number);
        Assert.Equal(expected.Select(i => i % 3 == 0), arrs.Boolean);
        Assert.Equal(expected.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), arrs.String);
        Assert.Null(arrs.Sz);
        Assert.Null(arrs.Any);
        Assert.Null(arrs.User);
    }

    [Fact]
    public void Any_reads_the_value_itself()
    {
        QObject? res = null;
        Strict(-42).VisitAny(null, ref res);
        Same(new QNum(-42), res);

        var dict = new QDict { ["integer"] = -42, ["boolean"] = true, ["string"] = "foo" };
        Strict(dict).VisitAny(null, ref res);
        Same(new QDict { ["integer"] = -42, ["boolean"] = true, ["string"] = "foo" }, res);
    }

    [Fact]
    public void Null_reads_null_consumes_a_wrong_value_and_reports_missing_members()
    {
        var v = Strict(new QDict { ["a"] = QNull.Instance, ["b"] = "" });
        v.StartStruct(null);
        QNull? n = null;
        v.VisitNull("a", ref n);
        Assert.Same(QNull.Instance, n);

        n = null;
        Fails("Invalid parameter type for 'b', expected: null", () => v.VisitNull("b", ref n));
        Assert.Null(n);

        string? s = null;
        Fails("Parameter 'c' is missing", () => v.VisitString("c", ref s));
        Assert.Null(s);

        // 'b' was consumed by the failed visit: nothing is left over.
        v.CheckStruct();
        v.EndStruct();
    }

    [Fact]
    public void Flat_union_reads_base_and_branch_members()
    {
        var tmp = Read<UserDefFlatUnion>(new QDict
        {
            ["enum1"] = "value1",
            ["integer"] = 41,
            ["string"] = "str",
            ["boolean"] = true,
        });

        var branch = Assert.IsType<UserDefFlatUnion.Value1>(tmp);
        Assert.Equal(EnumOne.Value1, tmp.Enum1);
        Assert.Equal("str", tmp.String);
        Assert.Equal(41, tmp.Integer);
        Assert.True(branch.Boolean);
        Assert.Null(branch.AB);
    }

    [Fact]
    public void Flat_union_branch_without_members_reads()
    {
        var tmp = Read<UserDefFlatUnion>(new QDict { ["enum1"] = "value4", ["integer"] = 1, ["string"] = "s" });
        Assert.Equal(new UserDefFlatUnion.Value4 { Integer = 1, String = "s" }, tmp);
    }

    [Fact]
    public void Alternate_picks_the_branch_by_the_kind_of_value()
    {
        Assert.Equal(new UserDefAlternate.I(42), Read<UserDefAlternate>(42));
        Assert.Equal(new UserDefAlternate.E(EnumOne.Value1), Read<UserDefAlternate>("value1"));
        Assert.Equal(new UserDefAlternate.N(), Read<UserDefAlternate>(QNull.Instance));

        var udfu = UdfuInput();
        var dict = Assert.IsType<UserDefAlternate.Udfu>(Read<UserDefAlternate>(udfu));
        Assert.Equal(ExpectedUdfu(), dict.Value);

        Assert.Equal(new UserDefAlternate.I(42), Read<WrapAlternate>(new QDict { ["alt"] = 42 }).Alt);
        Assert.Equal(new UserDefAlternate.E(EnumOne.Value1), Read<WrapAlternate>(new QDict { ["alt"] = "value1" }).Alt);
        var wrapped = Assert.IsType<UserDefAlternate.Udfu>(Read<WrapAlternate>(new QDict { ["alt"] = UdfuInput() }).Alt);
        Assert.Equal(ExpectedUdfu(), wrapped.Value);
    }

    private static QDict UdfuInput() => new() { ["integer"] = 1, ["string"] = "str", ["enum1"] = "value1", ["boolean"] = true };

    private static UserDefFlatUnion.Value1 ExpectedUdfu() => new() { Integer = 1, String = "str", Boolean = true };

    [Fact]
    public void Alternate_numbers_go_to_the_number_or_int_branch()
    {
        // An integer.
        Fails("Invalid parameter type for 'null', expected: AltEnumBool", () => Read<AltEnumBool>(42));
        Assert.Equal(new AltEnumNum.N(42), Read<AltEnumNum>(42));
        Assert.Equal(new AltNumEnum.N(42), Read<AltNumEnum>(42));
        Assert.Equal(new AltEnumInt.I(42), Read<AltEnumInt>(42));
        Assert.Equal(new AltListInt.I(42), Read<AltListInt>(42));

        // A double.
        Fails("Invalid parameter type for 'null', expected: AltEnumBool", () => Read<AltEnumBool>(42.5));
        Assert.Equal(new AltEnumNum.N(42.5), Read<AltEnumNum>(42.5));
        Assert.Equal(new AltNumEnum.N(42.5), Read<AltNumEnum>(42.5));
        Fails("Invalid parameter type for '<anonymous>', expected: integer", () => Read<AltEnumInt>(42.5));
    }

    [Fact]
    public void Alternate_with_a_list_branch_reads_lists()
    {
        var ali = Assert.IsType<AltListInt.L>(Read<AltListInt>(new QList { 42, 43, 44 }));
        Assert.Equal([42L, 43L, 44L], ali.Value);

        var empty = Assert.IsType<AltListInt.L>(Read<AltListInt>(new QList()));
        Assert.Empty(empty.Value);
    }

    [Fact]
    public void Alternate_with_a_string_branch_and_a_struct_branch()
    {
        Assert.Equal(new AltStrObj.S("x"), Read<AltStrObj>("x"));
        Assert.Equal(
            new AltStrObj.O(new TestStruct { Integer = 1, Boolean = false, String = "s" }),
            Read<AltStrObj>(new QDict { ["integer"] = 1, ["boolean"] = false, ["string"] = "s" }));
        Fails("Invalid parameter type for 'null', expected: AltStrObj", () => Read<AltStrObj>(1));
    }

    [Fact]
    public void Errors_in_members_of_every_kind()
    {
        Fails(
            "Invalid parameter type for 'integer', expected: integer",
            () => Read<TestStruct>(new QDict { ["integer"] = false, ["boolean"] = "foo", ["string"] = -42 }));

        QapiList<string>? q = null;
        Fails(
            "Invalid parameter type for '[2]', expected: string",
            () => Strict(new QList { "1", "2", false, "3" }).VisitStringList(null, ref q));

        Fails("Parameter 'string0' is missing", () => Read<UserDefTwo>(new QDict { ["str"] = "hi" }));
        Fails("Parameter 'alt' is missing", () => Read<WrapAlternate>(new QDict()));
    }

    [Fact]
    public void Wrong_kinds_of_value_are_not_confused()
    {
        QapiList<string>? q = null;
        long i = 0;

        // Arrays and structs.
        Fails("Invalid parameter type for '<anonymous>', expected: object", () => Read<TestStruct>(new QList()));
        Fails("Invalid parameter type for '<anonymous>', expected: array", () => Strict(new QDict()).VisitStringList(null, ref q));

        // Primitives and structs.
        Fails("Invalid parameter type for '<anonymous>', expected: object", () => Read<TestStruct>(1));
        Fails("Invalid parameter type for '<anonymous>', expected: integer", () => Strict(new QDict()).VisitInt64(null, ref i));

        // Primitives and arrays.
        Fails("Invalid parameter type for '<anonymous>', expected: array", () => Strict(1).VisitStringList(null, ref q));
        Fails("Invalid parameter type for '<anonymous>', expected: integer", () => Strict(new QList()).VisitInt64(null, ref i));
    }

    [Fact]
    public void Unexpected_member_fails_the_struct()
    {
        Fails(
            "Parameter 'extra' is unexpected",
            () => Read<TestStruct>(new QDict { ["integer"] = -42, ["boolean"] = true, ["string"] = "foo", ["extra"] = 42 }));
    }

    [Fact]
    public void Unexpected_member_deep_inside_is_named_by_its_path()
    {
        Fails(
            "Parameter 'dict1.dict2.userdef1' is unexpected",
            () => Read<UserDefTwo>(new QDict
            {
                ["string0"] = "string0",
                ["dict1"] = new QDict
                {
                    ["string1"] = "string1",
                    ["dict2"] = new QDict
                    {
                        ["userdef"] = new QDict { ["integer"] = 42, ["string"] = "string" },
                        ["userdef1"] = new QDict { ["integer"] = 42, ["string"] = "string", ["extra"] = new QList { 42, 23, new QDict { ["foo"] = "bar" } } },
                        ["string"] = "string2",
                    },
                },
            }));

        Fails(
            "Parameter 'dict1.dict2.userdef.extra' is unexpected",
            () => Read<UserDefTwo>(new QDict
            {
                ["string0"] = "string0",
                ["dict1"] = new QDict
                {
                    ["string1"] = "string1",
                    ["dict2"] = new QDict
                    {
                        ["userdef"] = new QDict { ["integer"] = 42, ["string"] = "string", ["extra"] = new QList { 42 } },
                        ["string"] = "string2",
                    },
                },
            }));
    }

    [Fact]
    public void Unexpected_member_in_a_list_element_names_the_index()
    {
        var v = Strict(new QList
        {
            new QDict { ["string"] = "string0", ["integer"] = 42 },
            new QDict { ["string"] = "string1", ["integer"] = 43 },
            new QDict { ["string"] = "string2", ["integer"] = 44, ["extra"] = "ggg" },
        });
        QapiList<UserDefOne>? head = null;
        Fails("Parameter '[2].extra' is unexpected", () => v.VisitList(null, ref head));
        Assert.Null(head);
    }

    [Fact]
    public void Missing_values_of_every_kind_inside_a_struct()
    {
        var v = Strict(new QDict { ["sub"] = new QList { new QDict() } });
        v.StartStruct(null);
        Fails("Parameter 'struct' is missing", () => v.StartStruct("struct"));
        Fails("Parameter 'list' is missing", () => v.StartList("list"));
        Fails("Parameter 'alternate' is missing", () => v.StartAlternate("alternate", QType.None));
        Assert.False(v.VisitOptional("optional", false));
        var en = EnumOne.Value1;
        Fails("Parameter 'enum' is missing", () => v.VisitEnum("enum", ref en));
        long i64 = 0;
        Fails("Parameter 'i64' is missing", () => v.VisitInt64("i64", ref i64));
        uint u32 = 0;
        Fails("Parameter 'u32' is missing", () => v.VisitUInt32("u32", ref u32));
        sbyte i8 = 0;
        Fails("Parameter 'i8' is missing", () => v.VisitInt8("i8", ref i8));
        string? str = null;
        Fails("Parameter 'i8' is missing", () => v.VisitString("i8", ref str));
        double dbl = 0;
        Fails("Parameter 'dbl' is missing", () => v.VisitNumber("dbl", ref dbl));
        QObject? any = null;
        Fails("Parameter 'any' is missing", () => v.VisitAny("any", ref any));
        QNull? nul = null;
        Fails("Parameter 'null' is missing", () => v.VisitNull("null", ref nul));

        Assert.True(v.StartList("sub"));
        v.StartStruct(null);
        Fails("Parameter 'sub[0].i64' is missing", () => v.VisitInt64("i64", ref i64));
        v.EndStruct();
        v.EndList();
        v.EndStruct();
    }

    [Fact]
    public void List_with_an_unvisited_tail_fails_the_check()
    {
        var v = Strict(new QList { 1, 2, 3 });
        Assert.True(v.StartList(null));
        long i64 = -1;
        v.VisitInt64(null, ref i64);
        Assert.Equal(1, i64);
        v.VisitInt64(null, ref i64);
        Assert.Equal(2, i64);
        Assert.True(v.NextList());
        Fails("Only 2 list elements expected in <anonymous>", v.CheckList);
        v.EndList();
    }

    [Fact]
    public void List_visited_beyond_its_end()
    {
        var v = Strict(new QList());
        Assert.False(v.StartList(null));
        long i64 = 0;
        Fails("Parameter '[0]' is missing", () => v.VisitInt64(null, ref i64));
        v.EndList();
    }

    [Fact]
    public void Nested_list_with_an_unvisited_tail_names_the_outer_index()
    {
        var v = Strict(new QList { 0, new QList { 1, 2, 3 } });
        v.StartList(null);
        long i64 = -1;
        v.VisitInt64(null, ref i64);
        Assert.Equal(0, i64);
        v.StartList(null);
        v.VisitInt64(null, ref i64);
        Assert.Equal(1, i64);
        Fails("Only 1 list elements expected in [1]", v.CheckList);
        v.EndList();
        v.CheckList();
        v.EndList();
    }

    [Fact]
    public void Keyval_names_list_elements_with_dots()
    {
        var v = Keyval(new QDict { ["a"] = new QList { "1", new QList { "x", "y" } } });
        v.StartStruct(null);
        v.StartList("a");
        long i = 0;
        v.VisitInt64(null, ref i);
        v.StartList(null);
        string? s = null;
        v.VisitString(null, ref s);
        Fails("Only 1 list elements expected in a.1", v.CheckList);
        Fails("Parameter 'a.1.1' expects integer", () => v.VisitInt64(null, ref i));
    }

    [Fact]
    public void Keyval_reports_containers_where_scalars_belong()
    {
        var v = Keyval(new QDict { ["a"] = new QDict { ["b"] = "1" }, ["l"] = new QList { "1" } });
        v.StartStruct(null);
        long i = 0;
        Fails("Parameters 'a.*' are unexpected", () => v.VisitInt64("a", ref i));
        string? s = null;
        Fails("Parameters 'l.*' are unexpected", () => v.VisitString("l", ref s));
    }

    [Fact]
    public void Keyval_struct_with_sizes_and_booleans()
    {
        var options = QObjectInputVisitor.ReadKeyval<UserDefOptions>(new QDict
        {
            ["i64"] = new QList { "3", "-5" },
            ["u16"] = new QList { "0x10" },
            ["u64x"] = "0x7f",
        });
        Assert.Equal(new UserDefOptions { I64 = [3, -5], U16 = [16], U64x = 0x7f }, options);
        // The range check names the bare member, "null" for list elements (QEMU's visit_type_uintN).
        Fails(
            "Parameter 'null' expects uint16_t",
            () => QObjectInputVisitor.ReadKeyval<UserDefOptions>(new QDict { ["u16"] = new QList { "65536" } }));
    }

    [Fact]
    public void Keyval_alternates_only_ever_see_strings()
    {
        // Every keyval scalar is a string, so the enum branch is taken even for digits.
        Fails("Parameter 'null' does not accept value '42'", () => QObjectInputVisitor.ReadKeyval<AltEnumInt>("42"));
        Assert.Equal(new AltEnumInt.E(EnumOne.Value2), QObjectInputVisitor.ReadKeyval<AltEnumInt>("value2"));
        Assert.Equal(new AltStrObj.S("42"), QObjectInputVisitor.ReadKeyval<AltStrObj>("42"));
        Assert.Equal(
            new AltStrObj.O(new TestStruct { Integer = 1, Boolean = true, String = "s" }),
            QObjectInputVisitor.ReadKeyval<AltStrObj>(new QDict { ["integer"] = "1", ["boolean"] = "on", ["string"] = "s" }));
        Fails("Invalid parameter type for 'null', expected: AltListInt", () => QObjectInputVisitor.ReadKeyval<AltListInt>("42"));
    }

    [Fact]
    public void Union_branch_member_missing()
    {
        Fails(
            "Parameter 'intb' is missing",
            () => Read<UserDefFlatUnion>(new QDict { ["enum1"] = "value2", ["string"] = "c", ["integer"] = 41, ["boolean"] = true }));
    }

    [Fact]
    public void Union_without_discriminator()
    {
        Fails(
            "Parameter 'enum1' is missing",
            () => Read<UserDefFlatUnion2>(new QDict { ["integer"] = 42, ["string"] = "c", ["string1"] = "d", ["string2"] = "e" }));
    }

    [Fact]
    public void Union_members_of_the_other_branch_are_unexpected()
    {
        Fails(
            "Parameter 'boolean' is unexpected",
            () => Read<UserDefFlatUnion>(new QDict { ["enum1"] = "value2", ["string"] = "c", ["integer"] = 41, ["intb"] = 1, ["boolean"] = true }));
    }

    [Fact]
    public void Alternate_rejects_a_double_when_no_branch_takes_one()
    {
        Fails("Invalid parameter type for '<anonymous>', expected: integer", () => Read<UserDefAlternate>(3.14));
        Fails("Invalid parameter type for 'null', expected: UserDefAlternate", () => Read<UserDefAlternate>(true));
        Fails(
            "Invalid parameter type for 'alt', expected: UserDefAlternate",
            () => Read<WrapAlternate>(new QDict { ["alt"] = new QList() }));
    }

    [Fact]
    public void Sized_integers_check_their_range_with_QEMUs_type_names()
    {
        var v = Strict(new QDict { ["a"] = 128, ["b"] = -129, ["c"] = 256, ["d"] = -1, ["e"] = 1L << 31, ["f"] = 1L << 32, ["g"] = 65536, ["h"] = -32769 });
        v.StartStruct(null);
        sbyte i8 = 0;
        Fails("Parameter 'a' expects int8_t", () => v.VisitInt8("a", ref i8));
        Fails("Parameter 'b' expects int8_t", () => v.VisitInt8("b", ref i8));
        byte u8 = 0;
        Fails("Parameter 'c' expects uint8_t", () => v.VisitUInt8("c", ref u8));
        ushort u16 = 0;

        // -1 reads as uint64 2^64-1, out of any smaller range.
        Fails("Parameter 'd' expects uint16_t", () => v.VisitUInt16("d", ref u16));
        int i32 = 0;
        Fails("Parameter 'e' expects int32_t", () => v.VisitInt32("e", ref i32));
        uint u32 = 0;
        Fails("Parameter 'f' expects uint32_t", () => v.VisitUInt32("f", ref u32));
        Fails("Parameter 'g' expects uint16_t", () => v.VisitUInt16("g", ref u16));
        short i16 = 0;
        Fails("Parameter 'h' expects int16_t", () => v.VisitInt16("h", ref i16));
        Assert.Equal(0, i8);
        Assert.Equal(0, u16);
    }

    [Fact]
    public void Sized_integers_accept_their_limits()
    {
        var v = Strict(new QList { -128, 127, 255, -32768, 65535, int.MinValue, (long)uint.MaxValue });
        v.StartList(null);
        sbyte i8 = 0;
        v.VisitInt8(null, ref i8);
        Assert.Equal(sbyte.MinValue, i8);
        v.VisitInt8(null, ref i8);
        Assert.Equal(sbyte.MaxValue, i8);
        byte u8 = 0;
        v.VisitUInt8(null, ref u8);
        Assert.Equal(byte.MaxValue, u8);
        short i16 = 0;
        v.VisitInt16(null, ref i16);
        Assert.Equal(short.MinValue, i16);
        ushort u16 = 0;
        v.VisitUInt16(null, ref u16);
        Assert.Equal(ushort.MaxValue, u16);
        int i32 = 0;
        v.VisitInt32(null, ref i32);
        Assert.Equal(int.MinValue, i32);
        uint u32 = 0;
        v.VisitUInt32(null, ref u32);
        Assert.Equal(uint.MaxValue, u32);
        v.CheckList();
        v.EndList();
    }

    [Fact]
    public void Full_names_through_structs_and_lists()
    {
        Fails(
            "Parameter 'array[0].array[1].__org.qemu_x-member1' is missing",
            () => Read<OrgQemuXStruct2>(new QDict
            {
                ["array"] = new QList
                {
                    new QDict
                    {
                        ["__org.qemu_x-member1"] = "__org.qemu_x-value",
                        ["array"] = new QList
                        {
                            new QDict { ["__org.qemu_x-member1"] = "__org.qemu_x-value", ["array"] = new QList() },
                            new QDict { ["array"] = new QList() },
                        },
                    },
                },
            }));
    }

    [Fact]
    public void Recursive_union_reads()
    {
        var value = Read<OrgQemuXStruct2>(new QDict
        {
            ["array"] = new QList
            {
                new QDict
                {
                    ["__org.qemu_x-member1"] = "__org.qemu_x-value",
                    ["array"] = new QList { new QDict { ["__org.qemu_x-member1"] = "__org.qemu_x-value", ["array"] = new QList() } },
                },
            },
        });
        var outer = Assert.IsType<OrgQemuXUnion.OrgQemuXValue>(Assert.Single(value.Array));
        var inner = Assert.IsType<OrgQemuXUnion.OrgQemuXValue>(Assert.Single(outer.Array));
        Assert.Empty(inner.Array);
    }

    [Fact]
    public void Struct_with_more_than_64_members_tracks_them_all()
    {
        var input = new QDict { ["integer"] = 1, ["boolean"] = true, ["string"] = "s" };
        for (var i = 0; i < 100; i++)
        {
            input["x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = i;
        }

        var v = Strict(input);
        v.StartStruct(null);
        for (var i = 0; i < 100; i++)
        {
            if (i != 77)
            {
                long x = 0;
                v.VisitInt64("x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), ref x);
                Assert.Equal(i, x);
            }
        }

        long n = 0;
        v.VisitInt64("integer", ref n);
        var b = false;
        v.VisitBool("boolean", ref b);
        string? s = null;
        v.VisitString("string", ref s);
        Fails("Parameter 'x77' is unexpected", v.CheckStruct);
        v.VisitInt64("x77", ref n);
        v.CheckStruct();
        v.EndStruct();
    }

    [Fact]
    public void Missing_root_name_is_anonymous_and_a_named_root_uses_its_name()
    {
        long i = 0;
        Fails("Invalid parameter type for 'top', expected: integer", () => Strict("x").VisitInt64("top", ref i));
    }

    [Fact]
    public void Visitor_must_not_be_given_null()
    {
        Assert.Throws<ArgumentNullException>(() => new QObjectInputVisitor(null!));
    }
}
