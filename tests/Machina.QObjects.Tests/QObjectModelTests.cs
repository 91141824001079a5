using Machina.QObjects;

namespace Machina.QObjects.Tests;

public class QObjectModelTests
{
    // Static type QObject keeps xunit from comparing lists and dictionaries as plain sequences.
    private static void Same(QObject expected, QObject actual) => Assert.Equal(expected, actual);

    private static void Differ(QObject expected, QObject actual) => Assert.NotEqual(expected, actual);

    [Fact]
    public void Dict_iterates_in_insertion_order_and_replacing_keeps_the_place()
    {
        var dict = new QDict { ["b"] = 1, ["a"] = "x", ["c"] = true };
        dict["b"] = 2;
        dict["d"] = QNull.Instance;

        Assert.Equal(["b", "a", "c", "d"], dict.Keys);
        Assert.Equal(new QNum(2), dict["b"]);
    }

    [Fact]
    public void Dict_add_rejects_a_duplicate_key_and_names_it()
    {
        var dict = new QDict { { "a", 1 } };
        var e = Assert.Throws<ArgumentException>(() => dict.Add("a", 2));
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
        Assert.Equal(new QNum(1), dict["a"]);
    }

    [Fact]
    public void Dict_indexer_names_a_missing_key()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => new QDict()["nope"]);
        Assert.Contains("'nope'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dict_equality_ignores_key_order()
    {
        var a = new QDict { ["x"] = 1, ["y"] = new QList { 1, 2 } };
        var b = new QDict { ["y"] = new QList { 1, 2 }, ["x"] = 1 };
        Same(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Differ(a, new QDict { ["x"] = 1 });
    }

    [Fact]
    public void List_equality_depends_on_order()
    {
        Same(new QList { 1, "a" }, new QList { 1, "a" });
        Differ(new QList { 1, "a" }, new QList { "a", 1 });
    }

    [Fact]
    public void Typed_accessors_check_the_kind()
    {
        var dict = new QDict { ["s"] = "str", ["n"] = 42, ["b"] = false, ["u"] = ulong.MaxValue };

        Assert.True(dict.TryGetString("s", out var s));
        Assert.Equal("str", s);
        Assert.False(dict.TryGetString("n", out _));
        Assert.True(dict.TryGetInt64("n", out var n));
        Assert.Equal(42, n);
        Assert.True(dict.TryGetBool("b", out var b));
        Assert.False(b);
        Assert.False(dict.TryGetInt64("u", out _));
        Assert.True(dict.TryGetUInt64("u", out var u));
        Assert.Equal(ulong.MaxValue, u);
        Assert.False(dict.TryGetBool("missing", out _));
    }

    [Fact]
    public void Pattern_matching_reads_values()
    {
        QObject value = new QDict { ["return"] = new QDict { ["running"] = true } };
        var running = value is QDict { Count: 1 } d && d["return"] is QDict r && r.TryGetBool("running", out var x) && x;
        Assert.True(running);
    }

    [Fact]
    public void Integers_of_either_kind_are_equal_when_their_values_are()
    {
        Same(new QNum(5L), new QNum(5UL));
        Assert.Equal(new QNum(5L).GetHashCode(), new QNum(5UL).GetHashCode());
        Differ(new QNum(-1L), new QNum(ulong.MaxValue));
    }

    [Fact]
    public void An_integer_never_equals_a_double()
    {
        Differ(new QNum(1L), new QNum(1.0));
        Same(new QNum(1.5), new QNum(1.5));
        Same(new QNum(0.0), new QNum(-0.0));
    }

    [Fact]
    public void Number_conversions_follow_qemu()
    {
        Assert.True(new QNum(long.MaxValue).TryGetUInt64(out var u) && u == long.MaxValue);
        Assert.False(new QNum(-1L).TryGetUInt64(out _));
        Assert.False(new QNum((ulong)long.MaxValue + 1).TryGetInt64(out _));
        Assert.True(new QNum((ulong)long.MaxValue).TryGetInt64(out var i) && i == long.MaxValue);
        Assert.False(new QNum(2.0).TryGetInt64(out _));
        Assert.Equal(18446744073709551615.0, new QNum(ulong.MaxValue).ToDouble());
        Assert.Throws<InvalidOperationException>(() => new QNum(1.5).GetInt64());
    }

    [Fact]
    public void Deep_clone_shares_no_container()
    {
        var inner = new QList { 1 };
        var original = new QDict { ["l"] = inner };
        var copy = (QDict)original.DeepClone();
        inner.Add(2);

        Same(new QList { 1 }, copy["l"]);
        Differ(original, copy);
    }

    [Fact]
    public void Different_kinds_are_never_equal()
    {
        QObject[] values = [QNull.Instance, QBool.False, new QNum(0L), new QString(""), new QList(), new QDict()];
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = 0; j < values.Length; j++)
            {
                Assert.Equal(i == j, values[i].Equals(values[j]));
            }
        }
    }

    [Fact]
    public void QType_names_are_qapis()
    {
        Assert.Equal("qdict", new QDict().Type.ToQapiName());
        Assert.Equal("qnum", new QNum(1).Type.ToQapiName());
        Assert.Equal("none", QType.None.ToQapiName());
    }
}
