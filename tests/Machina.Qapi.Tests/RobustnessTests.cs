using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Machina.Qapi.Dump;
using Machina.Qapi.Schema;
using Machina.TestSupport;

namespace Machina.Qapi.Tests;

/// <summary>
/// No input crashes or hangs the front end: mutated schemas (byte flips, truncations, token
/// shuffles, inserted delimiters) give either a dump or an error report that starts with a location.
/// </summary>
public partial class RobustnessTests
{
    // Include chain, definition context, then FILE:LINE[:COL]: and the reason (which may span lines).
    [GeneratedRegex(@"\A(In file included from [^\n]+:\d+:\n)*([^\n]+: In (enum|struct|union|alternate|command|event) '[^'\n]*':\n)?[^\n]+:\d+(:\d+)?: \S")]
    private static partial Regex PositionedError();

    private static readonly string[] Snippets =
        ["'", "{", "}", "[", "]", ":", ",", "\\", "\\\\", "##", "#", "\t", "\r", "\n", "\"", "@x:", "# =", "true", "false",
         "'include'", "'if'", "'data'", "'base'", "'*'", "\u00a0", "\U0001F600", "\u0000"];

    /// <summary>Schema files to mutate: QEMU's suite when it is there, plus our own cases.</summary>
    private static readonly Lazy<List<(string Folder, string Name, byte[] Bytes)>> Corpus = new(() =>
    {
        var corpus = new List<(string, string, byte[])>();
        void AddFolder(string folder)
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                corpus.Add((folder, Path.GetFileName(path), File.ReadAllBytes(path)));
            }
        }

        AddFolder(Path.Combine(AppContext.BaseDirectory, "Schemas"));
        if (QemuReference.IsAvailable)
        {
            AddFolder(QemuReference.PathOf("tests/qapi-schema"));
        }

        return corpus;
    });

    private static Gen<byte[]> Mutation(byte[] source) =>
        Gen.Int[0, 4].SelectMany(kind =>
        {
            var length = Math.Max(source.Length, 1);
            return kind switch
            {
                0 => Gen.Select(Gen.Int[0, length - 1], Gen.Int[1, 255], (at, mask) => Flip(source, at, (byte)mask)),
                1 => Gen.Int[0, source.Length].Select(at => source[..at]),
                2 => Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], (a, b) => SwapTokens(source, a, b)),
                3 => Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 2], (a, how) => EditToken(source, a, how)),
                _ => Gen.Select(Gen.Int[0, source.Length], Gen.Int[0, Snippets.Length - 1], (at, s) => Insert(source, at, Snippets[s])),
            };
        });

    private static byte[] Flip(byte[] source, int at, byte mask)
    {
        var copy = (byte[])source.Clone();
        if (copy.Length > 0)
        {
            copy[at] ^= mask;
        }

        return copy;
    }

    private static byte[] Insert(byte[] source, int at, string snippet) =>
        [.. source.AsSpan(0, at), .. Encoding.UTF8.GetBytes(snippet), .. source.AsSpan(at)];

    /// <summary>Rough tokens: quoted strings, words, single delimiters, runs of white space.</summary>
    private static List<string> Tokens(byte[] source) =>
        [.. TokenPattern().Matches(Encoding.UTF8.GetString(source)).Select(m => m.Value)];

    [GeneratedRegex(@"'[^'\n]*'|[A-Za-z0-9_@#=-]+|\s+|.", RegexOptions.Singleline)]
    private static partial Regex TokenPattern();

    private static byte[] SwapTokens(byte[] source, int a, int b)
    {
        var tokens = Tokens(source);
        if (tokens.Count > 1)
        {
            var (i, j) = (a % tokens.Count, b % tokens.Count);
            (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
        }

        return Encoding.UTF8.GetBytes(string.Concat(tokens));
    }

    private static byte[] EditToken(byte[] source, int a, int how)
    {
        var tokens = Tokens(source);
        if (tokens.Count > 0)
        {
            var i = a % tokens.Count;
            switch (how)
            {
                case 0:
                    tokens.RemoveAt(i);
                    break;
                case 1:
                    tokens.Insert(i, tokens[i]);
                    break;
                default:
                    tokens[i] = tokens[(i * 7 + 3) % tokens.Count];
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(string.Concat(tokens));
    }

    /// <summary>Loads <paramref name="bytes"/> as <paramref name="name"/> in <paramref name="folder"/> (includes come from disk).</summary>
    private static void AssertDumpOrPositionedError(string folder, string name, byte[] bytes)
    {
        var files = new MemoryFiles(folder, fallBackToDisk: true).Add(name, bytes);
        try
        {
            Assert.NotNull(QapiSchemaDumper.Dump(QapiSchema.Load(name, files)));
        }
        catch (QapiSchemaException e)
        {
            Assert.Matches(PositionedError(), e.Message);
        }
    }

    [Fact(Timeout = 600_000)]
    public async Task Mutated_schemas_give_a_dump_or_a_positioned_error()
    {
        var corpus = Corpus.Value;
        var gen = Gen.Int[0, corpus.Count - 1].SelectMany(index =>
            Mutation(corpus[index].Bytes).SelectMany(once => Gen.Int[0, 1].SelectMany(again =>
                again == 0 ? Gen.Const(once) : Mutation(once))).Select(bytes => (index, bytes)));

        await Task.Run(
            () => gen.Sample(
                (index, bytes) => AssertDumpOrPositionedError(corpus[index].Folder, corpus[index].Name, bytes),
                iter: 20_000,
                print: t => $"{corpus[t.Item1].Name}: {Encoding.UTF8.GetString(t.Item2)}"),
            TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("{ \"enum\": 'Quoted', 'data': [] }\n")]
    [InlineData("{ 'enum': 'Empty', 'data': [ '' ] }\n")]
    [InlineData("{ 'union': 'U', 'base': { 'k': 'E' }, 'discriminator': '', 'data': {} }\n{ 'enum': 'E', 'data': [ 'a' ] }\n")]
    [InlineData("##\n# @Tab:\n#\n# @a\tb: text\n##\n{ 'struct': 'Tab', 'data': { 'a': 'int' } }\n")]
    [InlineData("{ 'enum': 'Bin', 'data': [ '\u0001' ] }\n")]
    [InlineData("{ 'struct': 'Named', 'data': 'Named' }\n")]
    [InlineData("\uFEFF{ 'enum': 'Bom', 'data': [] }\n")]
    public void Inputs_that_crash_qemus_own_front_end_get_positioned_errors(string text) =>
        AssertDumpOrPositionedError("/memory", "x.json", Encoding.UTF8.GetBytes(text));
}
