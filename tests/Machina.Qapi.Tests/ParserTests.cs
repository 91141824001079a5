using System.Text;
using Machina.Qapi.Parsing;
using Machina.Qapi.Schema;
using Machina.QObjects;

namespace Machina.Qapi.Tests;

public class ParserTests
{
    private static string ErrorOf(string text, string name = "x.json") =>
        Assert.ThrowsAny<QapiSchemaException>(() => QapiSchema.Load(name, new MemoryFiles().Add(name, text))).Message;

    private static string ErrorOf(byte[] bytes) =>
        Assert.ThrowsAny<QapiSchemaException>(() => QapiSchema.Load("x.json", new MemoryFiles().Add("x.json", bytes))).Message;

    [Fact]
    public void Values_become_qobjects_in_source_order()
    {
        var parser = QapiSchemaParser.Parse("x.json", new MemoryFiles().Add("x.json", "{ 'b': [ 'x\\\\y', true, false, {} ], 'a': {} }"));
        var expr = Assert.Single(parser.Expressions);
        Assert.Equal(["b", "a"], expr.Value.Keys);
        Assert.Equal(new QList { "x\\y", true, false, new QDict() }, expr.Value["b"]);
        Assert.Equal(1, expr.Info.Line);
    }

    [Fact]
    public void Every_line_has_its_own_location_and_expressions_on_one_line_share_it()
    {
        var parser = QapiSchemaParser.Parse("x.json", new MemoryFiles().Add("x.json", "\n{ 'a': 'b' } { 'c': 'd' }\n\n{ 'e': 'f' }"));
        var lines = parser.Expressions.Select(e => e.Info.Line).ToArray();
        Assert.Equal([2, 2, 4], lines);
        Assert.Same(parser.Expressions[0].Info, parser.Expressions[1].Info);
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses_and_one_more_level_is_an_error_at_that_bracket()
    {
        string Nested(int depth) => "{ 'a': " + new string('[', depth - 1) + new string(']', depth - 1) + " }\n";

        var parser = QapiSchemaParser.Parse("x.json", new MemoryFiles().Add("x.json", Nested(QapiSchemaParser.MaxNesting)));
        Assert.Single(parser.Expressions);

        var message = ErrorOf(Nested(QapiSchemaParser.MaxNesting + 1));
        Assert.Equal($"x.json:1:{8 + QapiSchemaParser.MaxNesting - 1}: nesting too deep (more than 1024 levels)", message);
    }

    [Fact]
    public void Very_deep_nesting_is_an_error_not_a_crash()
    {
        Assert.Contains("nesting too deep", ErrorOf(new string('[', 200_000)), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_reported_where_it_starts()
    {
        var message = ErrorOf([.. Encoding.UTF8.GetBytes("{ 'enum': 'E', 'data': [] }\n# caf\u00e9 "), 0xff, (byte)'\n']);
        Assert.Equal("x.json:2:8: invalid UTF-8 at byte offset 36", message);
    }

    [Fact]
    public void A_double_quote_is_a_stray_character()
    {
        // QEMU's own parser dies here; we report the character.
        Assert.Equal("x.json:1:3: stray '\"'", ErrorOf("{ \"enum\": 'X' }"));
    }

    [Fact]
    public void Stray_text_runs_to_the_next_delimiter()
    {
        Assert.Equal("x.json:1:8: stray 'null'", ErrorOf("{ 'a': null }"));
        Assert.Equal("x.json:1:8: stray '1.5e3'", ErrorOf("{ 'a': 1.5e3, 'b': 'c' }"));
    }

    [Fact]
    public void Unknown_escape_shows_the_whole_character()
    {
        Assert.Equal("x.json:1:8: unknown escape \\\U0001F600", ErrorOf("{ 'a': '\\\U0001F600' }"));
        Assert.Equal("x.json:1:8: unknown escape \\n", ErrorOf("{ 'a': '\\n' }"));
    }

    [Fact]
    public void A_file_without_a_final_line_end_parses()
    {
        var schema = QapiSchema.Load("x.json", new MemoryFiles().Add("x.json", "{ 'enum': 'Enum', 'data': [ 'a' ] }"));
        Assert.NotNull(schema.Lookup<QapiEnumType>("Enum"));
    }

    [Fact]
    public void An_empty_file_is_an_empty_schema()
    {
        var schema = QapiSchema.Load("x.json", new MemoryFiles().Add("x.json", string.Empty));
        Assert.Equal(["./builtin", "x.json"], schema.Modules.Select(m => m.Name));
        Assert.Empty(schema.Modules[1].Entities);
    }

    [Fact]
    public void Unreadable_main_file_names_it_without_a_location()
    {
        Assert.Equal(
            "can't read schema file 'nope.json': No such file or directory",
            Assert.Throws<QapiSchemaException>(() => QapiSchema.Load("nope.json", new MemoryFiles())).Message);
    }

    [Fact]
    public void Errors_in_included_files_carry_the_include_chain()
    {
        var files = new MemoryFiles()
            .Add("main.json", "\n{ 'include': 'a/one.json' }\n")
            .Add("a/one.json", "{ 'include': 'two.json' }\n")
            .Add("a/two.json", "{ 'enum': 'Two', 'data': [ 'x' ] }\n{ 'enum' }\n");
        var e = Assert.Throws<QapiParseException>(() => QapiSchema.Load("main.json", files));
        Assert.Equal(
            "In file included from main.json:2:\nIn file included from a/one.json:1:\na/two.json:2:10: expected ':'",
            e.Message);
        Assert.Equal("a/two.json", e.Info.FileName);
        Assert.Equal(10, e.Column);
        Assert.Equal("expected ':'", e.Reason);
    }

    [Fact]
    public void A_cycle_through_a_differently_spelled_path_is_found()
    {
        var files = new MemoryFiles()
            .Add("main.json", "{ 'include': 'sub/../main.json' }\n");
        Assert.Equal("main.json:1: inclusion loop for sub/../main.json", Assert.Throws<QapiSemanticException>(() => QapiSchema.Load("main.json", files)).Message);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("machina-qapi-");
        try
        {
            var big = Path.Combine(folder.FullName, "big.json");
            using (var stream = File.Create(big))
            {
                stream.SetLength(Source.QapiSourceFiles.MaxFileSize + 1L);
            }

            File.WriteAllText(Path.Combine(folder.FullName, "main.json"), "{ 'include': 'big.json' }\n");
            var message = Assert.Throws<QapiSemanticException>(
                () => QapiSchema.Load("main.json", new Source.QapiSourceFiles(folder.FullName))).Message;
            Assert.Equal("main.json:1: can't read include file 'big.json': File too large", message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Doc_blocks_split_at_headings_and_keep_their_sections()
    {
        var files = new MemoryFiles().Add("x.json", """
            ##
            # = Title
            # intro
            # == Sub
            ##

            ##
            # @cmd:
            #
            # Runs.
            #
            # @arg: the
            #       argument
            #
            # Since: 1.0
            ##
            { 'command': 'cmd', 'data': { 'arg': 'int', 'other': 'str' } }
            """);
        var schema = QapiSchema.Load("x.json", files);
        Assert.Equal(3, schema.Docs.Count);
        Assert.Equal("= Title\nintro", schema.Docs[0].Body.Text);
        Assert.Equal("== Sub", schema.Docs[1].Body.Text);
        var doc = schema.Docs[2];
        Assert.Same(doc, schema.LookupEntity("cmd")!.Doc);
        Assert.Equal("Runs.", doc.Body.Text);
        Assert.Equal(["arg", "other"], doc.Arguments.Select(a => a.Name));
        Assert.Equal("the\nargument", doc.FindArgument("arg")!.Text);
        Assert.Equal(string.Empty, doc.FindArgument("other")!.Text);
        var argType = schema.Lookup<QapiCommand>("cmd")!.ArgType!;
        Assert.Same(argType.LocalMembers[1], doc.FindArgument("other")!.Member);
        Assert.Equal("Since", Assert.Single(doc.Sections).Name);
        Assert.True(doc.HasSection("Since"));
    }

    [Fact]
    public void A_symbolic_link_loop_is_reported_in_the_systems_words()
    {
        var folder = Directory.CreateTempSubdirectory("machina-qapi-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(folder.FullName, "loop.json"), "loop.json");
            File.WriteAllText(Path.Combine(folder.FullName, "main.json"), "{ 'include': 'loop.json' }\n");
            var message = Assert.Throws<QapiSemanticException>(
                () => QapiSchema.Load("main.json", new Source.QapiSourceFiles(folder.FullName))).Message;
            Assert.Equal("main.json:1: can't read include file 'loop.json': Too many levels of symbolic links", message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Tokens_know_their_line_and_column()
    {
        var tokens = QapiSchemaParser.Tokenize("# note\n{ 'a\\\\b': [ true,\tfalse ] }\n\t## doc").ToList();
        Assert.Equal(
            [
                new QapiToken(QapiTokenKind.Comment, "# note", 1, 1),
                new QapiToken(QapiTokenKind.LeftBrace, null, 2, 1),
                new QapiToken(QapiTokenKind.String, "a\\b", 2, 3),
                new QapiToken(QapiTokenKind.Colon, null, 2, 9),
                new QapiToken(QapiTokenKind.LeftBracket, null, 2, 11),
                new QapiToken(QapiTokenKind.True, null, 2, 13),
                new QapiToken(QapiTokenKind.Comma, null, 2, 17),
                new QapiToken(QapiTokenKind.False, null, 2, 2),
                new QapiToken(QapiTokenKind.RightBracket, null, 2, 8),
                new QapiToken(QapiTokenKind.RightBrace, null, 2, 10),
                new QapiToken(QapiTokenKind.Comment, "## doc", 3, 1),
            ],
            tokens);
    }

    [Fact]
    public void Tokenizing_reports_lexical_errors_with_their_location()
    {
        var e = Assert.Throws<QapiParseException>(() => QapiSchemaParser.Tokenize("{ 'open\n", "t.json").ToList());
        Assert.Equal("t.json:1:3: missing terminating \"'\"", e.Message);
    }
}
