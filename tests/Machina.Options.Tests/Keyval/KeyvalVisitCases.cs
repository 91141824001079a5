using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;

namespace Machina.Options.Tests.Keyval;

/// <summary>One step of a hand-driven visit, as QEMU's unit tests drive visitors.</summary>
public enum VisitOp
{
    StartStruct,
    CheckStruct,
    EndStruct,
    StartList,
    CheckList,
    EndList,
    Optional,
    Bool,
    Int64,
    UInt64,
    Size,
    Number,
    String,
    Any,
    AltStrObj,
    AltNumEnum,
    AltEnumBool,
}

/// <summary>
/// A visit step: the operation, the member name (null at the root and for list elements), and the
/// value it must yield or QEMU's error text.
/// </summary>
public sealed record VisitStep(VisitOp Op, string? Name = null, object? Expected = null, string? Error = null)
{
    public override string ToString() =>
        $"{Op}({Name}){(Error is null ? Expected is null ? "" : " = " + Expected : " fails: " + Error)}";
}

/// <summary>A keyval string (no implied key) and the visit of its tree, in keyval mode.</summary>
public sealed record KeyvalVisitCase(string Input, IReadOnlyList<VisitStep> Steps);

/// <summary>
/// The behaviours of QEMU's <c>tests/unit/test-keyval.c</c> <c>test_keyval_visit_*</c> (bool,
/// number, size, dict, list, optional, alternate, any): each C test's parse-and-visit sequences, with
/// the exact messages QEMU's keyval input visitor gives where the C tests only check that an error
/// occurred; then more of the visitor's keyval rules. Messages the real binary could show were checked
/// against qemu-system-x86_64 7.2 (<c>-blockdev null-co,...</c>, <c>-compat ...</c>).
/// </summary>
public static class KeyvalVisitCases
{
    private const string SizeError = "expects size";

    public static IReadOnlyDictionary<string, KeyvalVisitCase> All { get; } = new Dictionary<string, KeyvalVisitCase>
    {
        // test_keyval_visit_bool
        ["bool_on_and_off"] = new("bool1=on,bool2=off", [Start(), Ok(VisitOp.Bool, "bool1", true), Ok(VisitOp.Bool, "bool2", false), Check(), End()]),
        ["bool_rejects_offer"] = new("bool1=offer", [Start(), Fail(VisitOp.Bool, "bool1", "Parameter 'bool1' expects 'on' or 'off'"), End()]),

        // test_keyval_visit_number
        ["number_lower_limit_zero"] = new("number1=0", [Start(), Ok(VisitOp.UInt64, "number1", 0UL), Check(), End()]),
        ["number_upper_limit_and_minus_one"] = new("number1=18446744073709551615,number2=-1",
            [Start(), Ok(VisitOp.UInt64, "number1", ulong.MaxValue), Ok(VisitOp.UInt64, "number2", ulong.MaxValue), Check(), End()]),
        ["number_above_upper_limit"] = new("number1=18446744073709551616", [Start(), Fail(VisitOp.UInt64, "number1", "Parameter 'number1' expects integer"), End()]),
        ["number_below_lower_limit"] = new("number1=-18446744073709551616", [Start(), Fail(VisitOp.UInt64, "number1", "Parameter 'number1' expects integer"), End()]),
        ["number_hex_and_octal"] = new("number1=0x2a,number2=052", [Start(), Ok(VisitOp.UInt64, "number1", 42UL), Ok(VisitOp.UInt64, "number2", 42UL), Check(), End()]),
        ["number_trailing_garbage"] = new("number1=3.14,number2=08",
            [Start(), Fail(VisitOp.UInt64, "number1", "Parameter 'number1' expects integer"), Fail(VisitOp.UInt64, "number2", "Parameter 'number2' expects integer"), End()]),

        // test_keyval_visit_size
        ["size_lower_limit_zero"] = new("sz1=0", [Start(), Ok(VisitOp.Size, "sz1", 0UL), Check(), End()]),
        ["size_around_double_precision"] = new("sz1=9007199254740991,sz2=9007199254740992,sz3=9007199254740993",
            [Start(), Ok(VisitOp.Size, "sz1", 0x1fffffffffffffUL), Ok(VisitOp.Size, "sz2", 0x20000000000000UL), Ok(VisitOp.Size, "sz3", 0x20000000000001UL), Check(), End()]),
        ["size_around_signed_limit"] = new("sz1=9223372036854775807,sz2=9223372036854775808,sz3=9223372036854775809",
            [Start(), Ok(VisitOp.Size, "sz1", 0x7fffffffffffffffUL), Ok(VisitOp.Size, "sz2", 0x8000000000000000UL), Ok(VisitOp.Size, "sz3", 0x8000000000000001UL), Check(), End()]),
        ["size_near_upper_limit"] = new("sz1=18446744073709549568,sz2=18446744073709550591",
            [Start(), Ok(VisitOp.Size, "sz1", 0xfffffffffffff800UL), Ok(VisitOp.Size, "sz2", 0xfffffffffffffbffUL), Check(), End()]),
        ["size_upper_limit"] = new("sz1=18446744073709551615", [Start(), Ok(VisitOp.Size, "sz1", ulong.MaxValue), Check(), End()]),
        ["size_beyond_limits"] = new("sz1=-1,sz2=18446744073709551616",
            [Start(), Fail(VisitOp.Size, "sz1", $"Parameter 'sz1' {SizeError}"), Fail(VisitOp.Size, "sz2", $"Parameter 'sz2' {SizeError}"), End()]),
        ["size_suffixes"] = new("sz1=8b,sz2=1.5k,sz3=2M,sz4=0.1G,sz5=16777215T",
            [Start(), Ok(VisitOp.Size, "sz1", 8UL), Ok(VisitOp.Size, "sz2", 1536UL), Ok(VisitOp.Size, "sz3", 2UL << 20),
             Ok(VisitOp.Size, "sz4", (1UL << 30) / 10), Ok(VisitOp.Size, "sz5", 16777215UL << 40), Check(), End()]),
        ["size_beyond_limit_with_suffix"] = new("sz1=16777216T", [Start(), Fail(VisitOp.Size, "sz1", $"Parameter 'sz1' {SizeError}"), End()]),
        ["size_trailing_garbage"] = new("sz1=0Z,sz2=16Gi",
            [Start(), Fail(VisitOp.Size, "sz1", $"Parameter 'sz1' {SizeError}"), Fail(VisitOp.Size, "sz2", $"Parameter 'sz2' {SizeError}"), End()]),

        // test_keyval_visit_dict
        ["dict_nested_last_wins"] = new("a.b.c=1,a.b.c=2,d=3",
            [Start(), Start("a"), Start("b"), Ok(VisitOp.Int64, "c", 2L), Check(), End(), Check(), End(), Ok(VisitOp.Int64, "d", 3L), Check(), End()]),
        ["dict_missing_and_unexpected_members"] = new("a.b=",
            [Start(), Start("a"), Fail(VisitOp.Int64, "c", "Parameter 'a.c' is missing"), Check("Parameter 'a.b' is unexpected"), End(), Check(), End()]),

        // test_keyval_visit_list
        ["list_of_strings_and_a_list"] = new("a.0=,a.1=I,a.2.0=II",
            [Start(), List("a"), Ok(VisitOp.String, null, ""), Ok(VisitOp.String, null, "I"), List(null), Ok(VisitOp.String, null, "II"),
             CheckList(), EndList(), CheckList(), EndList(), Check(), End()]),
        ["list_elements_left_over_and_missing"] = new("a.0=,b.0.0=head",
            [Start(), List("a"), CheckList("Only 0 list elements expected in a"), EndList(), List("b"), List(null), Ok(VisitOp.String, null, "head"),
             Fail(VisitOp.String, null, "Parameter 'b.0.1' is missing"), EndList(), EndList(), Check(), End()]),

        // test_keyval_visit_optional
        ["optional_members"] = new("a.b=1",
            [Start(), Ok(VisitOp.Optional, "b", false), Ok(VisitOp.Optional, "a", true), Start("a"), Ok(VisitOp.Optional, "b", true), Ok(VisitOp.Int64, "b", 1L),
             Ok(VisitOp.Optional, "a", false), Check(), End(), Check(), End()]),

        // test_keyval_visit_alternate: only a string branch can take a keyval scalar.
        ["alternate_takes_its_string_branch_or_fails"] = new("a=1,b=2,c=on",
            [Start(), Ok(VisitOp.AltStrObj, "a", new AltStrObj.S("1")), Fail(VisitOp.AltNumEnum, "b", "Parameter 'b' does not accept value '2'"),
             Fail(VisitOp.AltEnumBool, "c", "Parameter 'c' does not accept value 'on'"), End()]),

        // test_keyval_visit_any: the tree as the parser left it, strings and all.
        ["any_is_the_tree_itself"] = new("a.0=null,a.1=1", [Start(), Ok(VisitOp.Any, "a", new QList { "null", "1" }), Check(), End()]),

        // More of the keyval input visitor's rules.
        ["int64_is_signed"] = new("i=-1,j=0x10,k=010", [Start(), Ok(VisitOp.Int64, "i", -1L), Ok(VisitOp.Int64, "j", 16L), Ok(VisitOp.Int64, "k", 8L), Check(), End()]),
        ["int64_overflow"] = new("i=9223372036854775808", [Start(), Fail(VisitOp.Int64, "i", "Parameter 'i' expects integer"), End()]),
        ["number_reads_strtod"] = new("x=1.5,y=0x1p-2,z= -2e3", [Start(), Ok(VisitOp.Number, "x", 1.5), Ok(VisitOp.Number, "y", 0.25), Ok(VisitOp.Number, "z", -2000.0), Check(), End()]),
        ["number_refuses_words_and_infinity"] = new("x=abc,y=inf",
            [Start(), Fail(VisitOp.Number, "x", "Invalid parameter type for 'x', expected: number"), Fail(VisitOp.Number, "y", "Invalid parameter type for 'y', expected: number"), End()]),
        ["scalar_where_a_dict_is_is_unexpected"] = new("size.x=1", [Start(), Fail(VisitOp.Int64, "size", "Parameters 'size.*' are unexpected"), End()]),
        ["scalar_where_a_list_is_is_unexpected"] = new("l.0=1", [Start(), Fail(VisitOp.String, "l", "Parameters 'l.*' are unexpected"), End()]),
        ["dict_where_a_scalar_is"] = new("a=1", [Start(), Fail(VisitOp.StartStruct, "a", "Invalid parameter type for 'a', expected: object"), End()]),
        ["list_where_a_scalar_is"] = new("a=1", [Start(), Fail(VisitOp.StartList, "a", "Invalid parameter type for 'a', expected: array"), End()]),
        ["list_element_names_use_dots"] = new("l.0=x",
            [Start(), List("l"), Fail(VisitOp.Bool, null, "Parameter 'l.0' expects 'on' or 'off'"), EndList(), End()]),
        ["bool_words"] = new("a=yes,b=n,c=true,d=off", [Start(), Ok(VisitOp.Bool, "a", true), Ok(VisitOp.Bool, "b", false), Ok(VisitOp.Bool, "c", true), Ok(VisitOp.Bool, "d", false), Check(), End()]),
        ["bool_is_case_sensitive"] = new("a=ON", [Start(), Fail(VisitOp.Bool, "a", "Parameter 'a' expects 'on' or 'off'"), End()]),
        ["size_of_hex_with_suffix"] = new("s=0x10k", [Start(), Ok(VisitOp.Size, "s", 0x4000UL), Check(), End()]),
        ["first_unexpected_member_in_qemus_order"] = new("bogus=1,size=2,other=3", [Start(), Check("Parameter 'size' is unexpected"), End()]),
        ["first_unexpected_member_whatever_the_input_order"] = new("other=3,bogus=1", [Start(), Check("Parameter 'bogus' is unexpected"), End()]),
    };

    public static TheoryData<string> Names => [.. All.Keys];

    private static VisitStep Start(string? name = null) => new(VisitOp.StartStruct, name);

    private static VisitStep Check(string? error = null) => new(VisitOp.CheckStruct, Error: error);

    private static VisitStep End() => new(VisitOp.EndStruct);

    private static VisitStep List(string? name) => new(VisitOp.StartList, name);

    private static VisitStep CheckList(string? error = null) => new(VisitOp.CheckList, Error: error);

    private static VisitStep EndList() => new(VisitOp.EndList);

    private static VisitStep Ok(VisitOp op, string? name, object expected) => new(op, name, expected);

    private static VisitStep Fail(VisitOp op, string? name, string error) => new(op, name, Error: error);
}
