using Machina.QObjects;

namespace Machina.Options.Tests.Keyval;

/// <summary>Whether the caller of the keyval parser accepts help requests.</summary>
public enum HelpMode
{
    /// <summary>QEMU's <c>keyval_parse(..., NULL, errp)</c>: help is an error.</summary>
    NotAllowed,

    /// <summary>QEMU's <c>keyval_parse(..., &amp;help, errp)</c>: help is reported.</summary>
    Reported,
}

/// <summary>One keyval behaviour: an input and either the tree it yields or QEMU's error text.</summary>
public sealed record KeyvalCase(
    string Input,
    string? ImpliedKey = null,
    HelpMode Help = HelpMode.NotAllowed,
    QDict? Expected = null,
    bool ExpectHelp = false,
    string? Error = null);

/// <summary>
/// The behaviours of QEMU's <c>tests/unit/test-keyval.c</c> (<c>test_keyval_parse</c>,
/// <c>test_keyval_parse_list</c>), one case each, plus cases pinning QEMU's exact error texts and its
/// hash-order choices. Every error text here was checked against qemu-system-x86_64 7.2
/// (<c>-compat</c> reads keyval without an implied key, <c>-blockdev</c> with implied key <c>driver</c>).
/// </summary>
public static class KeyvalParseCases
{
    private static readonly string LongKey = new string('a', 126) + "z";
    private static readonly string OverlongKey = new string('a', 127) + "z";

    public static IReadOnlyDictionary<string, KeyvalCase> All { get; } = new Dictionary<string, KeyvalCase>
    {
        // test_keyval_parse
        ["nothing"] = new("", Expected: []),
        ["empty_key_is_invalid"] = new("=val", Error: "Invalid parameter ''"),
        ["empty_key_fragment_alone_is_invalid"] = new(".", Error: "Invalid parameter '.'"),
        ["empty_key_fragment_at_end_is_invalid"] = new("key.", Error: "Invalid parameter 'key.'"),
        ["key_not_a_qapi_name_is_invalid"] = new("7up=val", Error: "Invalid parameter '7up'"),
        ["overlong_key_is_rejected"] = new(OverlongKey + "=v", Error: $"Parameter '{OverlongKey}' is too long"),
        ["overlong_key_fragment_is_rejected"] = new("k." + OverlongKey + "=v", Error: $"Parameter fragment '{OverlongKey}' is too long"),
        ["key_of_127_characters_is_accepted"] = new(LongKey + "=v", Expected: new QDict { [LongKey] = "v" }),
        ["key_fragment_of_127_characters_is_accepted"] = new("k." + LongKey + "=v", Expected: new QDict { ["k"] = new QDict { [LongKey] = "v" } }),
        ["characters_after_a_valid_key_are_invalid"] = new("key[0]=val", Error: "Invalid parameter 'key[0]'"),
        ["last_of_repeated_keys_wins"] = new("a=1,b=2,,x,a=3", Expected: new QDict { ["a"] = "3", ["b"] = "2,x" }),
        ["last_of_repeated_ids_wins"] = new("id=foo,id=bar", Expected: new QDict { ["id"] = "bar" }),
        ["dotted_keys_nest"] = new("a.b.c=1,a.b.c=2,d=3", Expected: new QDict { ["a"] = new QDict { ["b"] = new QDict { ["c"] = "2" } }, ["d"] = "3" }),
        ["value_after_object_is_inconsistent"] = new("a.b=1,a=2", Error: "Parameters 'a.*' used inconsistently"),
        ["object_after_value_is_inconsistent"] = new("a.b=1,a.b.c=2", Error: "Parameters 'a.b.*' used inconsistently"),
        ["trailing_comma_is_ignored"] = new("x=y,", Expected: new QDict { ["x"] = "y" }),
        ["lone_comma_is_an_empty_key"] = new(",", Error: "Invalid parameter ''"),
        ["escaped_comma_keeps_id_inside_value"] = new("x=,,id=bar", Expected: new QDict { ["x"] = ",id=bar" }),
        ["anti_social_id_is_left_to_the_caller"] = new("id=666", Expected: new QDict { ["id"] = "666" }),
        ["value_without_key_is_not_a_flag"] = new("an,noaus,noaus=", Error: "Expected '=' after parameter 'an'"),
        ["no_alone_is_not_a_negated_flag"] = new("no", Error: "Expected '=' after parameter 'no'"),
        ["implied_key_takes_first_bare_value"] = new("an,aus=off,noaus=", "implied", Expected: new QDict { ["implied"] = "an", ["aus"] = "off", ["noaus"] = "" }),
        ["implied_key_may_be_dotted"] = new("val", "eins.zwei", Expected: new QDict { ["eins"] = new QDict { ["zwei"] = "val" } }),
        ["implied_key_value_cannot_be_empty"] = new(",", "implied", Error: "Invalid parameter ''"),
        ["implied_key_value_cannot_be_a_comma"] = new(",,,a=1", "implied", Error: "Invalid parameter ''"),
        ["implied_key_value_cannot_contain_a_comma"] = new("val,,ue", "implied", Error: "Invalid parameter ''"),
        ["empty_key_is_not_an_implied_key"] = new("=val", "implied", Error: "Invalid parameter ''"),
        ["help_alone_is_a_help_request"] = new("help", Help: HelpMode.Reported, Expected: [], ExpectHelp: true),
        ["help_alone_with_implied_key_is_a_help_request"] = new("help", "implied", HelpMode.Reported, Expected: [], ExpectHelp: true),
        ["help_without_help_support_is_an_error"] = new("help", Error: "Help is not available for this option"),
        ["help_without_help_support_is_an_error_with_implied_key"] = new("help", "implied", Error: "Help is not available for this option"),
        ["help_as_a_key_is_an_ordinary_key"] = new("help=on", Help: HelpMode.Reported, Expected: new QDict { ["help"] = "on" }),
        ["help_followed_by_more_key_is_a_key_without_value"] = new("help.abc", Help: HelpMode.Reported, Error: "Expected '=' after parameter 'help.abc'"),
        ["help_followed_by_more_is_the_implied_value"] = new("help.abc", "implied", HelpMode.Reported, Expected: new QDict { ["implied"] = "help.abc" }),
        ["help_among_other_parameters"] = new("number=42,help,foo=bar", Help: HelpMode.Reported, Expected: new QDict { ["number"] = "42", ["foo"] = "bar" }, ExpectHelp: true),
        ["help_among_other_parameters_with_implied_key"] = new("val,help,foo=bar", "implied", HelpMode.Reported, Expected: new QDict { ["implied"] = "val", ["foo"] = "bar" }, ExpectHelp: true),

        // test_keyval_parse_list
        ["root_cannot_be_a_list"] = new("0=1", Error: "Invalid parameter '0'"),
        ["list_elements_may_come_in_any_order"] = new("list.0=null,list.2=zwei,list.1=eins", Expected: new QDict { ["list"] = List("null", "eins", "zwei") }),
        ["last_of_repeated_indexes_wins"] = new("list.1=goner,list.0=null,list.01=eins,list.2=zwei", Expected: new QDict { ["list"] = List("null", "eins", "zwei") }),
        ["lists_nest_inside_objects"] = new("a.list.1=eins,a.list.00=null,a.list.2=zwei", Expected: new QDict { ["a"] = new QDict { ["list"] = List("null", "eins", "zwei") } }),
        ["list_index_after_member_is_inconsistent"] = new("a.b.c=1,a.b.0=2", Error: "Parameters 'a.b.*' used inconsistently"),
        ["member_after_list_index_is_inconsistent"] = new("a.0.c=1,a.b.c=2", Error: "Parameters 'a.*' used inconsistently"),
        ["list_without_index_0_is_incomplete"] = new("list.1=lonely", Error: "Parameter 'list.0' missing"),
        ["list_with_a_gap_is_incomplete"] = new("list.0=null,list.2=eins,list.02=zwei", Error: "Parameter 'list.1' missing"),

        // QEMU's texts for more malformed keys.
        ["empty_fragment_after_dot_is_invalid"] = new("a.=1", Error: "Invalid parameter 'a.'"),
        ["empty_fragment_between_dots_is_invalid"] = new("a..b=1", Error: "Invalid parameter 'a..b'"),
        ["index_followed_by_letters_is_invalid"] = new("a.0b=1", Error: "Invalid parameter 'a.0b'"),
        ["negative_index_is_invalid"] = new("a.-1=x", Error: "Invalid parameter 'a.-1'"),
        ["single_underscore_prefix_is_invalid"] = new("_x=1", Error: "Invalid parameter '_x'"),
        ["unterminated_downstream_prefix_is_invalid"] = new("__x=1", Error: "Invalid parameter '__x'"),
        ["downstream_prefix_may_contain_dots"] = new("a.__org.qemu_x=1", Expected: new QDict { ["a"] = new QDict { ["__org.qemu_x"] = "1" } }),
        ["downstream_name_is_one_fragment"] = new("a.__org.qemu_x=1,a=2", Error: "Parameters 'a.*' used inconsistently"),
        ["dotted_key_without_value"] = new("a.b", Error: "Expected '=' after parameter 'a.b'"),
        ["question_mark_is_a_help_request"] = new("x=1,?", Error: "Help is not available for this option"),
        ["value_may_contain_equals_signs"] = new("a=b=c", Expected: new QDict { ["a"] = "b=c" }),
        ["empty_value_is_an_empty_string"] = new("a=", Expected: new QDict { ["a"] = "" }),
        ["value_ends_with_an_escaped_comma"] = new("a=x,,", Expected: new QDict { ["a"] = "x," }),
        ["inconsistency_with_implied_key_names_it"] = new("x,a.b=1,a=2", "driver", Error: "Parameters 'a.*' used inconsistently"),
        ["help_among_parameters_with_implied_key_unsupported"] = new("val,help", "driver", Error: "Help is not available for this option"),
        ["lists_may_hold_lists_and_objects"] = new("a.0.0=x,a.1.b=y", Expected: new QDict { ["a"] = new QList { List("x"), new QDict { ["b"] = "y" } } }),
        ["nul_ends_the_input"] = new("a=1\0b=2", Expected: new QDict { ["a"] = "1" }),

        // Huge indexes count as int's maximum and leave a gap at the first free slot.
        ["index_at_int_max_leaves_index_0_missing"] = new("a.2147483647=x", Error: "Parameter 'a.0' missing"),
        ["index_beyond_int_max_leaves_index_0_missing"] = new("a.99999999999999999999=x", Error: "Parameter 'a.0' missing"),
        ["huge_index_after_index_0_leaves_index_1_missing"] = new("a.0=x,a.99999999999=y", Error: "Parameter 'a.1' missing"),

        // Which error QEMU reports first follows its hash table: "a" comes before "c", "x" before "y".
        ["first_error_in_hash_order_is_reported"] = new("c.0=y,c.b=z,a.1=x", Error: "Parameter 'a.0' missing"),
        ["first_error_in_hash_order_is_reported_whatever_the_input_order"] = new("y.1=r,x.1=q", Error: "Parameter 'x.0' missing"),
        ["inner_dictionaries_are_checked_before_outer_ones"] = new("a.0=x,a.1.b=y,a.1.0=z", Error: "Parameters 'a.1.*' used inconsistently"),
        ["spelling_later_in_hash_order_wins_for_one_index"] = new("list.01=eins,list.0=null,list.1=goner", Expected: new QDict { ["list"] = List("null", "eins") }),
    };

    public static TheoryData<string> Names => [.. All.Keys];

    private static QList List(params string[] items) => [.. items.Select(i => (QObject)i)];
}
