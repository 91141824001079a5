namespace Machina.Options.Tests.QemuOptions;

/// <summary>
/// One <c>qemu_opts_parse</c> behaviour: a string parsed into a test group (after <see cref="Before"/>
/// strings into the same group) and what results.
/// </summary>
public sealed record OptsParseCase(
    string List,
    string Input,
    bool Implied = false,
    string[]? Before = null,
    int? Count = null,
    string? Id = null,
    (string Name, string? Value)[]? Strings = null,
    (string Name, bool Value)[]? Bools = null,
    (string Name, ulong Value)[]? Numbers = null,
    (string Name, ulong Value)[]? Sizes = null,
    string? Error = null,
    string? Hint = null);

/// <summary>
/// The behaviours of QEMU's <c>test_opts_parse</c>, <c>test_opts_parse_bool</c>,
/// <c>test_opts_parse_number</c> and <c>test_opts_parse_size</c>, one case each, with QEMU's error texts.
/// </summary>
public static class QemuOptsParseCases
{
    private const string L01 = "opts_list_01";
    private const string L02 = "opts_list_02";
    private const string L03 = "opts_list_03";
    private const string L04 = "opts_list_04";
    private const string SizeHint = "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\nand exabytes, respectively.\n";

    public static IReadOnlyDictionary<string, OptsParseCase> All { get; } = new Dictionary<string, OptsParseCase>
    {
        // test_opts_parse
        ["nothing"] = new(L03, "", Count: 0),
        ["empty_key_is_accepted"] = new(L03, "=val", Count: 1, Strings: [("", "val")]),
        ["last_of_repeated_keys_wins"] = new(L03, "a=1,b=2,,x,a=3", Count: 3, Strings: [("a", "3"), ("b", "2,x")]),
        ["first_of_repeated_ids_wins"] = new(L03, "id=foo,id=bar", Count: 0, Id: "foo"),
        ["trailing_comma_is_ignored"] = new(L03, "x=y,", Count: 1, Strings: [("x", "y")]),
        ["lone_comma_is_an_empty_flag"] = new(L03, ",", Count: 1, Strings: [("", "on")]),
        ["duplicate_id_is_rejected"] = new(L03, "x=y,id=foo", Before: ["id=foo,id=bar"], Error: "Duplicate ID 'foo' for opts_list_03"),
        ["escaped_comma_keeps_id_inside_value"] = new(L03, "x=,,id=bar", Count: 1, Strings: [("x", ",id=bar")]),
        ["anti_social_id_is_rejected"] = new(L01, "id=666", Error: "Parameter 'id' expects an identifier",
            Hint: "Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n"),
        ["bare_names_are_flags_and_no_negates"] = new(L03, "an,noaus,noaus=", Count: 3, Strings: [("an", "on"), ("aus", "off"), ("noaus", "")]),
        ["no_alone_negates_the_empty_name"] = new(L03, "no", Count: 1, Strings: [("", "off")]),
        ["implied_name_takes_first_bare_value"] = new(L03, "an,noaus,noaus=", Implied: true, Count: 3, Strings: [("implied", "an"), ("aus", "off"), ("noaus", "")]),
        ["implied_name_takes_an_empty_value"] = new(L03, ",", Implied: true, Count: 1, Strings: [("implied", "")]),
        ["implied_name_value_may_contain_escaped_commas"] = new(L03, ",,,a=1", Implied: true, Count: 2, Strings: [("implied", ","), ("a", "1")]),
        ["empty_key_is_not_the_implied_name"] = new(L03, "=val", Implied: true, Count: 1, Strings: [("", "val")]),
        ["unknown_parameter_is_rejected"] = new(L01, "nonexistent=", Error: "Invalid parameter 'nonexistent'"),

        // Beyond QEMU's unit test: merge-lists groups, and other corners.
        ["merge_lists_group_refuses_id"] = new(L04, "id=x", Error: "Invalid parameter 'id'"),
        ["merge_lists_group_merges_into_one_instance"] = new(L04, "str3=b", Before: ["str3=a"], Count: 2, Strings: [("str3", "b")]),
        ["ids_differ_so_no_duplicate"] = new(L03, "x=y,id=bar", Before: ["id=foo"], Count: 1, Id: "bar"),
        ["instances_without_id_never_clash"] = new(L01, "str2=b", Before: ["str2=a"], Count: 1, Strings: [("str2", "b")]),
        ["bare_id_with_implied_name_becomes_id_on"] = new(L03, "id", Implied: true, Count: 1, Id: "on", Strings: [("implied", "id")]),
        ["default_text_answers_for_an_absent_parameter"] = new(L01, "str2=x", Count: 1, Strings: [("str1", "default"), ("str3", null)]),
        ["nul_ends_the_input"] = new(L03, "a=1\0b=2", Count: 1, Strings: [("a", "1"), ("b", null)]),

        // test_opts_parse_bool
        ["bool_on_and_off"] = new(L02, "bool1=on,bool2=off", Count: 2, Bools: [("bool1", true), ("bool2", false)]),
        ["bool_synonyms"] = new(L02, "bool1=yes,bool2=n", Count: 2, Bools: [("bool1", true), ("bool2", false)]),
        ["bool_flag_and_negated_flag"] = new(L02, "bool1,nobool2", Count: 2, Bools: [("bool1", true), ("bool2", false)]),
        ["bool_rejects_other_text"] = new(L02, "bool1=offer", Error: "Parameter 'bool1' expects 'on' or 'off'"),
        ["bool_is_case_sensitive"] = new(L02, "bool1=ON", Error: "Parameter 'bool1' expects 'on' or 'off'"),

        // test_opts_parse_number
        ["number_lower_limit_zero"] = new(L01, "number1=0", Count: 1, Numbers: [("number1", 0)]),
        ["number_upper_limit_and_minus_one"] = new(L01, "number1=18446744073709551615,number2=-1", Count: 2, Numbers: [("number1", ulong.MaxValue), ("number2", ulong.MaxValue)]),
        ["number_above_upper_limit"] = new(L01, "number1=18446744073709551616", Error: "Value '18446744073709551616' is too large for parameter 'number1'"),
        ["number_below_lower_limit"] = new(L01, "number1=-18446744073709551616", Error: "Value '-18446744073709551616' is too large for parameter 'number1'"),
        ["number_hex_and_octal"] = new(L01, "number1=0x2a,number2=052", Count: 2, Numbers: [("number1", 42), ("number2", 42)]),
        ["number_empty_is_invalid"] = new(L01, "number1=", Error: "Parameter 'number1' expects a number"),
        ["number_word_is_invalid"] = new(L01, "number1=eins", Error: "Parameter 'number1' expects a number"),
        ["number_leading_white_space_is_skipped"] = new(L01, "number1= \t42", Count: 1, Numbers: [("number1", 42)]),
        ["number_fraction_is_trailing_garbage"] = new(L01, "number1=3.14", Error: "Parameter 'number1' expects a number"),
        ["number_bad_octal_digit_is_trailing_garbage"] = new(L01, "number1=08", Error: "Parameter 'number1' expects a number"),
        ["number_trailing_space_is_garbage"] = new(L01, "number1=0 ", Error: "Parameter 'number1' expects a number"),

        // test_opts_parse_size
        ["size_lower_limit_zero"] = new(L02, "size1=0", Count: 1, Sizes: [("size1", 0)]),
        ["size_around_double_precision"] = new(L02, "size1=9007199254740991,size2=9007199254740992,size3=9007199254740993", Count: 3,
            Sizes: [("size1", 0x1fffffffffffff), ("size2", 0x20000000000000), ("size3", 0x20000000000001)]),
        ["size_around_signed_limit"] = new(L02, "size1=9223372036854775807,size2=9223372036854775808,size3=9223372036854775809", Count: 3,
            Sizes: [("size1", 0x7fffffffffffffff), ("size2", 0x8000000000000000), ("size3", 0x8000000000000001)]),
        ["size_near_upper_limit"] = new(L02, "size1=18446744073709549568,size2=18446744073709550591", Count: 2,
            Sizes: [("size1", 0xfffffffffffff800), ("size2", 0xfffffffffffffbff)]),
        ["size_upper_limit"] = new(L02, "size1=18446744073709551615", Count: 1, Sizes: [("size1", ulong.MaxValue)]),
        ["size_negative_is_invalid"] = new(L02, "size1=-1", Error: "Parameter 'size1' expects a non-negative number below 2^64", Hint: SizeHint),
        ["size_above_upper_limit"] = new(L02, "size1=18446744073709551616", Error: "Value '18446744073709551616' is out of range for parameter 'size1'"),
        ["size_suffixes_b_k_m"] = new(L02, "size1=8b,size2=1.5k,size3=2M", Count: 3, Sizes: [("size1", 8), ("size2", 1536), ("size3", 2UL << 20)]),
        ["size_suffixes_g_t"] = new(L02, "size1=0.1G,size2=16777215T", Count: 2, Sizes: [("size1", (1UL << 30) / 10), ("size2", 16777215UL << 40)]),
        ["size_beyond_limit_with_suffix"] = new(L02, "size1=16777216T", Error: "Value '16777216T' is out of range for parameter 'size1'"),
        ["size_16_exabytes_is_out_of_range"] = new(L02, "size1=16E", Error: "Value '16E' is out of range for parameter 'size1'"),
        ["size_trailing_garbage"] = new(L02, "size1=16Gi", Error: "Parameter 'size1' expects a non-negative number below 2^64", Hint: SizeHint),
    };

    public static TheoryData<string> Names => [.. All.Keys];
}
