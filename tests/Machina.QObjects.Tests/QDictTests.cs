namespace Machina.QObjects.Tests;

/// <summary>QDict's storage: small dictionaries are scanned, larger ones indexed; both behave alike.</summary>
public class QDictTests
{
    public static TheoryData<int> Sizes => new() { 0, 1, 8, 9, 50 };

    private static QDict Make(int size)
    {
        var dict = new QDict();
        for (var i = 0; i < size; i++)
        {
            dict.Add($"k{i}", i);
        }

        return dict;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Lookups_removals_and_order_agree_at_every_size(int size)
    {
        var dict = Make(size);
        Assert.Equal(size, dict.Count);
        for (var i = 0; i < size; i++)
        {
            Assert.Equal(new QNum(i), dict[$"k{i}"]);
            Assert.True(dict.ContainsKey($"k{i}"));
        }

        Assert.False(dict.ContainsKey("absent"));
        if (size > 2)
        {
            Assert.True(dict.Remove("k1", out var removed));
            Assert.Equal(new QNum(1), removed);
            Assert.False(dict.ContainsKey("k1"));
            Assert.Equal(new QNum(2), dict["k2"]);
            Assert.Equal(new[] { "k0", "k2" }, dict.Keys.Take(2));
            dict["k1"] = 100;
            Assert.Equal("k1", dict.GetAt(dict.Count - 1).Key);
            Assert.Equal(size, dict.Count);
        }

        dict.Clear();
        Assert.Empty(dict);
        Assert.False(dict.ContainsKey("k0"));
        dict["again"] = true;
        Assert.Equal(QBool.True, dict["again"]);
    }

    [Fact]
    public void Keys_and_values_are_live_read_only_views()
    {
        var dict = Make(3);
        var keys = dict.Keys;
        dict.Add("k3", 3);
        Assert.Equal(4, keys.Count);
        Assert.Equal("k3", keys[3]);
        Assert.Equal(new QNum(3), dict.Values[3]);
        Assert.Contains("k2", (ICollection<string>)keys);
        Assert.Throws<NotSupportedException>(() => ((ICollection<string>)keys).Add("x"));
        var copy = new string[5];
        keys.CopyTo(copy, 1);
        Assert.Equal([null, "k0", "k1", "k2", "k3"], copy);
        Assert.Equal([0L, 1L, 2L, 3L], dict.Values.Select(v => ((QNum)v).GetInt64()));
        Assert.Contains(new QNum(2), (ICollection<QObject>)dict.Values);
        Assert.Equal(2, ((IList<string>)dict.Keys).IndexOf("k2"));
        Assert.Equal(-1, dict.Keys.IndexOf("absent"));
        Assert.Equal(3, dict.Values.IndexOf(new QNum(3)));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)keys)[0] = "x");
    }

    [Fact]
    public void Changing_a_dictionary_while_enumerating_it_is_refused()
    {
        var dict = Make(3);
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var (key, _) in dict)
            {
                dict.Remove(key);
            }
        });
    }

    [Fact]
    public void Collection_interfaces_work()
    {
        ICollection<KeyValuePair<string, QObject>> dict = Make(2);
        dict.Add(new("x", 1));
        Assert.Contains(new KeyValuePair<string, QObject>("x", 1), dict);
        var array = new KeyValuePair<string, QObject>[3];
        dict.CopyTo(array, 0);
        Assert.Equal(["k0", "k1", "x"], array.Select(p => p.Key));
        Assert.True(dict.Remove(new KeyValuePair<string, QObject>("x", 1)));
        Assert.False(dict.Remove(new KeyValuePair<string, QObject>("k0", 5)));
        IReadOnlyDictionary<string, QObject> read = (QDict)dict;
        Assert.Equal(["k0", "k1"], read.Keys);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((QDict)dict).GetAt(2));
    }
}
