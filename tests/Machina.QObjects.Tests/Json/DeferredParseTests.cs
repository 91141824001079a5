using System.Text;
using Machina.QObjects.Json;

namespace Machina.QObjects.Tests.Json;

/// <summary>
/// Large messages: QJson.Parse validates them in one pass and builds each dictionary and list when
/// it is first used. The result must be indistinguishable from the tree built at once, apart from
/// when the work happens.
/// </summary>
public class DeferredParseTests
{
    // Comfortably above the size from which QJson.Parse defers.
    private const int Large = 300_000;

    [Fact]
    public void A_large_message_is_validated_now_and_built_on_first_use()
    {
        var json = Encoding.UTF8.GetBytes(ManyEntries(Large));
        var root = Assert.IsType<QDict>(QJson.Parse(json));
        Assert.False(root.IsBuilt);

        var list = Assert.IsType<QList>(root["return"]);
        Assert.True(root.IsBuilt);
        Assert.False(list.IsBuilt);
        var first = Assert.IsType<QDict>(list[0]);
        Assert.False(first.IsBuilt);
        Assert.Equal("entry-0", ((QString)first["name"]).Value);
        Assert.Equal(Eager(json), root);
    }

    [Fact]
    public void A_small_message_is_built_at_once()
    {
        var root = Assert.IsType<QDict>(QJson.Parse("{\"execute\": \"query-status\", \"arguments\": {}}"));
        Assert.True(root.IsBuilt);
    }

    [Theory]
    [InlineData("\"plain ascii\"")]
    [InlineData("\"\u00e9\u20ac mixed\"")]
    [InlineData("\"\u00e9\u20ac\U0001F600 mixed\"")]
    [InlineData("\"esc\\\"aped\\n\"")]
    [InlineData("-1234567890123")]
    [InlineData("18446744073709551615")]
    [InlineData("3.25e-7")]
    [InlineData("{\"key-across\": false}")]
    [InlineData("[true, null]")]
    public void A_token_across_a_chunk_boundary_reads_as_it_does_when_built_at_once(string token)
    {
        // The bytes are kept in 64 KiB chunks; put the chunk boundary at every place in the token.
        const int chunk = 1 << 16;
        var tokenBytes = Encoding.UTF8.GetBytes(token);
        for (var split = 1; split < tokenBytes.Length; split++)
        {
            // ["xxx...", <token>, "yyy..."]: the filler string ends where the token must begin.
            var fillerLength = chunk - split - "[\"".Length - "\", ".Length;
            var json = Encoding.UTF8.GetBytes($"[\"{new string('x', fillerLength)}\", {token}, \"{new string('y', 10_000)}\"]");
            Assert.Equal(tokenBytes, json.AsSpan(chunk - split, tokenBytes.Length).ToArray());
            var deferred = Assert.IsType<QList>(QJson.Parse(json));
            Assert.False(deferred.IsBuilt);
            Assert.Equal(Eager(json), deferred);
            Assert.Equal(QJson.ToUtf8Bytes(Eager(json)), QJson.ToUtf8Bytes(deferred));
        }
    }

    [Theory]
    [InlineData("a")]
    [InlineData("\u00e9")]
    [InlineData("\U0001F600")]
    public void A_string_longer_than_a_chunk_reads_whole(string unit)
    {
        var value = string.Concat(Enumerable.Repeat(unit, 150_000 / Encoding.UTF8.GetByteCount(unit)));
        var json = Encoding.UTF8.GetBytes($"{{\"before\": 1, \"long\": \"{value}\", \"after\": [2]}}");
        var root = Assert.IsType<QDict>(QJson.Parse(json));
        Assert.False(root.IsBuilt);
        Assert.Equal(value, ((QString)root["long"]).Value);
        Assert.Equal(Eager(json), root);
    }

    [Fact]
    public void Errors_in_a_large_message_are_qemus()
    {
        var valid = ManyEntries(Large);
        var cases = new[]
        {
            valid[..^2] + ", \"a\": 1, \"a\": 2}]}",          // a duplicate key near the end
            valid[..^2] + ", {\"s\": \"\\x\"}]}",             // a bad escape
            valid[..^2] + ", {\"n\": 01}]}",                  // a leading zero
            valid[..^1],                                      // cut short
            valid + " 1",                                     // a second value
        };
        foreach (var json in cases)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            Assert.False(QJson.TryParse(bytes, out _, out var error));
            Assert.False(QJson.TryParseExactly(bytes, out _, out var exactError));
            Assert.Equal(exactError, error);
        }
    }

    [Fact]
    public void Messages_the_deferred_reader_leaves_to_the_others_still_read()
    {
        // An escaped key, a key in modified UTF-8 (C0 80 for U+0000), more keys than the deferred
        // reader compares.
        var entries = Encoding.UTF8.GetBytes(ManyEntries(Large)[..^2]);
        var manyKeys = "{" + string.Join(", ", Enumerable.Range(0, 3000).Select(i => $"\"key{i}\": {i}")) + "}";
        var cases = new[]
        {
            [.. entries, .. ", {\"esc\\u0061ped\": 1}]}"u8],
            [.. entries, .. ", {\"nul"u8, 0xC0, 0x80, .. "\": 1}]}"u8],
            Encoding.UTF8.GetBytes("[" + string.Join(", ", Enumerable.Repeat(manyKeys, 20)) + "]"),
        };
        foreach (var json in cases)
        {
            Assert.Null(new JsonParser().TryParseDeferred(json));
            Assert.Equal(Eager(json), QJson.Parse(json));
        }
    }

    [Fact]
    public void Changing_an_unbuilt_container_builds_it_first()
    {
        var json = Encoding.UTF8.GetBytes(ManyEntries(Large));
        var root = (QDict)QJson.Parse(json);
        root["extra"] = new QString("x");
        Assert.Equal(new[] { "return", "extra" }, root.Keys.ToArray());

        var list = (QList)root["return"];
        var count = list.Count;
        list.Insert(0, QNull.Instance);
        Assert.Equal(count + 1, list.Count);
        Assert.Equal("entry-0", ((QString)((QDict)list[1])["name"]).Value);

        var entry = (QDict)list[2];
        Assert.True(entry.Remove("name"));
        Assert.False(entry.ContainsKey("name"));

        var cleared = (QDict)list[3];
        cleared.Clear();
        Assert.Empty(cleared);
    }

    [Fact]
    public void Every_way_of_reading_builds_the_same_entries()
    {
        var json = Encoding.UTF8.GetBytes(ManyEntries(Large));
        var expected = (QDict)((QList)((QDict)Eager(json))["return"])[5];
        QDict Fresh() => (QDict)((QList)((QDict)QJson.Parse(json))["return"])[5];

        Assert.Equal(expected.Count, Fresh().Count);
        Assert.Equal(expected.ToList(), Fresh().ToList());
        Assert.Equal(expected.Keys.ToArray(), Fresh().Keys.ToArray());
        Assert.Equal(expected.Values.ToArray(), Fresh().Values.ToArray());
        Assert.Equal(expected.GetAt(1), Fresh().GetAt(1));
        Assert.True(Fresh().TryGetString("name", out var name) && name == "entry-5");
        Assert.Equal(expected, Fresh().DeepClone());
        Assert.Equal(expected.GetHashCode(), Fresh().GetHashCode());
        Assert.True(Fresh().Equals(expected) && expected.Equals(Fresh()));
        var copy = new KeyValuePair<string, QObject>[expected.Count];
        ((ICollection<KeyValuePair<string, QObject>>)Fresh()).CopyTo(copy, 0);
        Assert.Equal(expected.ToArray(), copy);

        var list = (QList)((QDict)Eager(json))["return"];
        QList FreshList() => (QList)((QDict)QJson.Parse(json))["return"];
        Assert.Equal(list.ToArray(), FreshList().ToArray());
        Assert.Equal(list[7], FreshList()[7]);
        Assert.Equal(7, FreshList().IndexOf(list[7]));
        Assert.Equal(list.GetHashCode(), FreshList().GetHashCode());
        Assert.Equal(list, FreshList().DeepClone());
    }

    [Fact]
    public void Threads_reading_one_unbuilt_tree_see_the_same_children()
    {
        var json = Encoding.UTF8.GetBytes(ManyEntries(Large));
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var list = (QList)((QDict)QJson.Parse(json))["return"];
            var seen = new QObject[4][];
            using var start = new Barrier(seen.Length);

            // Threads of their own: blocking pool threads on a barrier could starve the pool.
            var threads = Enumerable.Range(0, seen.Length).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                seen[t] = [.. list.Cast<QDict>().Select(entry => entry["name"])];
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => Assert.True(thread.Join(TimeSpan.FromSeconds(60))));

            foreach (var names in seen)
            {
                Assert.Equal(seen[0].Length, names.Length);
                for (var i = 0; i < names.Length; i++)
                {
                    Assert.Same(seen[0][i], names[i]);
                }
            }
        }
    }

    // {"return": [{"name": "entry-0", ...}, ...]} of at least minLength bytes, like a QMP reply.
    private static string ManyEntries(int minLength)
    {
        var builder = new StringBuilder("{\"return\": [");
        for (var i = 0; builder.Length < minLength; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ")
                .Append($"{{\"name\": \"entry-{i}\", \"meta-type\": \"object\", \"members\": [{{\"name\": \"m\", \"type\": \"{i % 7}\"}}], \"size\": {i * 3}, \"ok\": true}}");
        }

        return builder.Append("]}").ToString();
    }

    private static QObject Eager(byte[] json) =>
        new JsonParser().TryParseDirect(json) ?? (QJson.TryParseExactly(json, out var value, out var error) ? value : throw error.ToException());
}
