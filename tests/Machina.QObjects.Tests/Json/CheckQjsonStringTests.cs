using Machina.QObjects.Json;
using static Machina.QObjects.Tests.Json.JsonTestHelpers;

namespace Machina.QObjects.Tests.Json;

/// <summary>
/// The string cases of QEMU's tests/unit/check-qjson.c (escaped strings, quotes, and the UTF-8
/// decoder stress table), each run with double and with single quotes, plus QEMU's error texts.
/// Byte strings are written one Latin-1 character per byte (see <see cref="JsonTestHelpers.Bytes"/>).
/// </summary>
public class CheckQjsonStringTests
{
    private static byte[] Quoted(string latin1Content, bool single)
    {
        var quote = single ? "'" : "\"";
        return Bytes(quote + latin1Content + quote);
    }

    /// <summary>The string inside compact JSON of a string, without its quotes (check-qjson's to_json_str).</summary>
    private static string Unparse(string value)
    {
        var json = QJson.ToJson(new QString(value));
        Assert.StartsWith("\"", json, StringComparison.Ordinal);
        Assert.EndsWith("\"", json, StringComparison.Ordinal);
        return json[1..^1];
    }

    // check-qjson's escaped_string: input inside the quotes, expected UTF-8 (null: rejected),
    // and whether writing it back gives the input again.
    public static TheoryData<string, string?, bool> EscapedStrings => new()
    {
        { @"\b\f\n\r\t\\\""", "\b\f\n\r\t\\\"", true },
        { @"\/\'", "/'", false },
        { @"single byte utf-8 \u0020", "single byte utf-8  ", false },
        { @"double byte utf-8 \u00A2", "double byte utf-8 \u00C2\u00A2", true },
        { @"triple byte utf-8 \u20AC", "triple byte utf-8 \u00E2\u0082\u00AC", true },
        { @"quadruple byte utf-8 \uD834\uDD1E", "quadruple byte utf-8 \u00F0\u009D\u0084\u009E", true },
        { @"\", null, false },
        { @"\z", null, false },
        { @"\ux", null, false },
        { @"\u1x", null, false },
        { @"\u12x", null, false },
        { @"\u123x", null, false },
        { @"\u12345", "\u00E1\u0088\u00B45", true },
        { @"\u0000x", "\u00C0\u0080x", true },
        { @"unpaired leading surrogate \uD800", null, false },
        { @"unpaired leading surrogate \uD800\uCAFE", null, false },
        { @"unpaired leading surrogate \uD800\uD801\uDC02", null, false },
        { @"unpaired trailing surrogate \uDC00", null, false },
        { @"backward surrogate pair \uDC00\uD800", null, false },
        { @"noncharacter U+FDD0 \uFDD0", null, false },
        { @"noncharacter U+FDEF \uFDEF", null, false },
        { @"noncharacter U+1FFFE \uD87F\uDFFE", null, false },
        { @"noncharacter U+10FFFF \uDC3F\uDFFF", null, false },
    };

    [Theory]
    [MemberData(nameof(EscapedStrings))]
    public void Escaped_string_parses_and_writes_back_as_qemu(string jsonIn, string? utf8Out, bool writesBack)
    {
        foreach (var single in new[] { false, true })
        {
            var input = Quoted(jsonIn, single);
            if (utf8Out is null)
            {
                ParseError(input);
                continue;
            }

            var value = Assert.IsType<QString>(ParseOk(input));
            Assert.Equal(FromModifiedUtf8(Bytes(utf8Out)), value.Value);
            if (writesBack)
            {
                Assert.Equal(jsonIn, Unparse(value.Value));
            }
        }
    }

    [Theory]
    [InlineData(@"\", "JSON parse error, stray '\"\\\"'")]
    [InlineData(@"\z", "JSON parse error, invalid escape sequence in string")]
    [InlineData(@"\ux", "JSON parse error, \\ux\" is not a valid Unicode character")]
    [InlineData(@"\u12x", "JSON parse error, \\u12x\" is not a valid Unicode character")]
    [InlineData(@"\u123x", "JSON parse error, \\u123x is not a valid Unicode character")]
    [InlineData(@"\u", "JSON parse error, \\u\" is not a valid Unicode character")]
    [InlineData(@"a\uD800", "JSON parse error, \\uD800 is not a valid Unicode character")]
    [InlineData(@"\uD800\uCAFE", "JSON parse error, \\uD800 is not a valid Unicode character")]
    [InlineData(@"\uD800\u12", "JSON parse error, \\uD800 is not a valid Unicode character")]
    [InlineData(@"\uDC00\uD800", "JSON parse error, \\uDC00 is not a valid Unicode character")]
    [InlineData(@"\uD87F\uDFFE", "JSON parse error, \\uD87F\\uDFFE is not a valid Unicode character")]
    [InlineData(@"\uFDD0", "JSON parse error, \\uFDD0 is not a valid Unicode character")]
    [InlineData("\u00ED\u00A0\u0080", "JSON parse error, invalid UTF-8 sequence in string")]
    [InlineData("\u00C0\u00AF", "JSON parse error, invalid UTF-8 sequence in string")]
    [InlineData("\u00EF\u00BF\u00BF", "JSON parse error, invalid UTF-8 sequence in string")]
    [InlineData("abc\u0001", "JSON parse error, stray '\"abc\u0001'")]
    [InlineData("abc\u00FF", "JSON parse error, stray '\"abc\uFFFD'")]
    [InlineData("ab\u0000cd", "JSON parse error, stray '\"ab'")]
    public void String_errors_have_qemus_text(string content, string message)
    {
        // Verified with qemu-img's json: filenames, which go through qobject_from_json.
        Assert.Equal(message, ParseError(Quoted(content, single: false)).Message);
    }

    [Fact]
    public void An_escape_quoting_a_partial_character_is_quoted_with_a_replacement()
    {
        // QEMU quotes six bytes, cutting the euro sign's three-byte sequence after two bytes.
        var error = ParseError(Bytes("\"\\u12\u00E2\u0082\u00AC\""));
        Assert.Equal("JSON parse error, \\u12\uFFFD is not a valid Unicode character", error.Message);
        Assert.Equal(1, error.Position);
    }

    [Theory]
    [InlineData("\"the bee's knees\"", "the bee's knees")]
    [InlineData("'double quote \"'", "double quote \"")]
    public void A_string_may_hold_the_other_quote(string json, string expected) =>
        Assert.Equal(new QString(expected), QJson.Parse(json));

    // check-qjson's utf8_string table (Markus Kuhn's UTF-8 decoder stress test): the bytes inside
    // the quotes, the UTF-8 they parse to (null: rejected), and how writing that string (or, when
    // rejected, the raw bytes) looks (null: same as the input).
    public static TheoryData<string, string, string?, string?> Utf8Table => new()
    {
        { "0 Control characters", "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F", null, "\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r\\u000E\\u000F\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F" },
        { "1 Some correct UTF-8 text", "Falsches \u00C3\u009Cben von Xylophonmusik qu\u00C3\u00A4lt jeden gr\u00C3\u00B6\u00C3\u009Feren Zwerg.", "Falsches \u00C3\u009Cben von Xylophonmusik qu\u00C3\u00A4lt jeden gr\u00C3\u00B6\u00C3\u009Feren Zwerg.", "Falsches \\u00DCben von Xylophonmusik qu\\u00E4lt jeden gr\\u00F6\\u00DFeren Zwerg." },
        { "1 Some correct UTF-8 text", "\u00CE\u00BA\u00E1\u00BD\u00B9\u00CF\u0083\u00CE\u00BC\u00CE\u00B5", "\u00CE\u00BA\u00E1\u00BD\u00B9\u00CF\u0083\u00CE\u00BC\u00CE\u00B5", "\\u03BA\\u1F79\\u03C3\\u03BC\\u03B5" },
        { "'%' character when not interpolating", "100%", "100%", null },
        { "2.1 First possible sequence of a certain length", " ", " ", null },
        { "2.1.2 2 bytes U+0080", "\u00C2\u0080", "\u00C2\u0080", "\\u0080" },
        { "2.1.3 3 bytes U+0800", "\u00E0\u00A0\u0080", "\u00E0\u00A0\u0080", "\\u0800" },
        { "2.1.4 4 bytes U+10000", "\u00F0\u0090\u0080\u0080", "\u00F0\u0090\u0080\u0080", "\\uD800\\uDC00" },
        { "2.1.5 5 bytes U+200000", "\u00F8\u0088\u0080\u0080\u0080", null, "\\uFFFD" },
        { "2.1.6 6 bytes U+4000000", "\u00FC\u0084\u0080\u0080\u0080\u0080", null, "\\uFFFD" },
        { "2.2.1 1 byte U+007F", "\u007F", "\u007F", "\\u007F" },
        { "2.2.2 2 bytes U+07FF", "\u00DF\u00BF", "\u00DF\u00BF", "\\u07FF" },
        { "2.2.2 2 bytes U+07FF", "\u00EF\u00BF\u00BC", "\u00EF\u00BF\u00BC", "\\uFFFC" },
        { "2.2.4 4 bytes U+1FFFFF", "\u00F7\u00BF\u00BF\u00BF", null, "\\uFFFD" },
        { "2.2.5 5 bytes U+3FFFFFF", "\u00FB\u00BF\u00BF\u00BF\u00BF", null, "\\uFFFD" },
        { "2.2.6 6 bytes U+7FFFFFFF", "\u00FD\u00BF\u00BF\u00BF\u00BF\u00BF", null, "\\uFFFD" },
        { "2.3 Other boundary conditions", "\u00ED\u009F\u00BF", "\u00ED\u009F\u00BF", "\\uD7FF" },
        { "2.3 Other boundary conditions", "\u00EE\u0080\u0080", "\u00EE\u0080\u0080", "\\uE000" },
        { "2.3 Other boundary conditions", "\u00EF\u00BF\u00BD", "\u00EF\u00BF\u00BD", "\\uFFFD" },
        { "2.3 Other boundary conditions", "\u00F4\u008F\u00BF\u00BD", "\u00F4\u008F\u00BF\u00BD", "\\uDBFF\\uDFFD" },
        { "2.3 Other boundary conditions", "\u00F4\u0090\u0080\u0080", null, "\\uFFFD" },
        { "3.1.1 First continuation byte", "\u0080", null, "\\uFFFD" },
        { "3.1.2 Last continuation byte", "\u00BF", null, "\\uFFFD" },
        { "3.1.3 2 continuation bytes", "\u0080\u00BF", null, "\\uFFFD\\uFFFD" },
        { "3.1.4 3 continuation bytes", "\u0080\u00BF\u0080", null, "\\uFFFD\\uFFFD\\uFFFD" },
        { "3.1.5 4 continuation bytes", "\u0080\u00BF\u0080\u00BF", null, "\\uFFFD\\uFFFD\\uFFFD\\uFFFD" },
        { "3.1.6 5 continuation bytes", "\u0080\u00BF\u0080\u00BF\u0080", null, "\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD" },
        { "3.1.7 6 continuation bytes", "\u0080\u00BF\u0080\u00BF\u0080\u00BF", null, "\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD" },
        { "3.1.8 7 continuation bytes", "\u0080\u00BF\u0080\u00BF\u0080\u00BF\u0080", null, "\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD" },
        { "3.1.9 Sequence of all 64 possible continuation bytes", "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\u00A0\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00AF\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF", null, "\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD" },
        { "3.2.1 All 32 first bytes of 2-byte sequences, followed by space", "\u00C0 \u00C1 \u00C2 \u00C3 \u00C4 \u00C5 \u00C6 \u00C7 \u00C8 \u00C9 \u00CA \u00CB \u00CC \u00CD \u00CE \u00CF \u00D0 \u00D1 \u00D2 \u00D3 \u00D4 \u00D5 \u00D6 \u00D7 \u00D8 \u00D9 \u00DA \u00DB \u00DC \u00DD \u00DE \u00DF ", null, "\\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD " },
        { "3.2.2 All 16 first bytes of 3-byte sequences, followed by space", "\u00E0 \u00E1 \u00E2 \u00E3 \u00E4 \u00E5 \u00E6 \u00E7 \u00E8 \u00E9 \u00EA \u00EB \u00EC \u00ED \u00EE \u00EF ", null, "\\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD " },
        { "3.2.3 All 8 first bytes of 4-byte sequences, followed by space", "\u00F0 \u00F1 \u00F2 \u00F3 \u00F4 \u00F5 \u00F6 \u00F7 ", null, "\\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD \\uFFFD " },
        { "3.2.4 All 4 first bytes of 5-byte sequences, followed by space", "\u00F8 \u00F9 \u00FA \u00FB ", null, "\\uFFFD \\uFFFD \\uFFFD \\uFFFD " },
        { "3.2.5 All 2 first bytes of 6-byte sequences, followed by space", "\u00FC \u00FD ", null, "\\uFFFD \\uFFFD " },
        { "3.3.1 2-byte sequence with last byte missing (U+0000)", "\u00C0", null, "\\uFFFD" },
        { "3.3.2 3-byte sequence with last byte missing (U+0000)", "\u00E0\u0080", null, "\\uFFFD" },
        { "3.3.3 4-byte sequence with last byte missing (U+0000)", "\u00F0\u0080\u0080", null, "\\uFFFD" },
        { "3.3.4 5-byte sequence with last byte missing (U+0000)", "\u00F8\u0080\u0080\u0080", null, "\\uFFFD" },
        { "3.3.5 6-byte sequence with last byte missing (U+0000)", "\u00FC\u0080\u0080\u0080\u0080", null, "\\uFFFD" },
        { "3.3.6 2-byte sequence with last byte missing (U+07FF)", "\u00DF", null, "\\uFFFD" },
        { "3.3.7 3-byte sequence with last byte missing (U+FFFF)", "\u00EF\u00BF", null, "\\uFFFD" },
        { "3.3.8 4-byte sequence with last byte missing (U+1FFFFF)", "\u00F7\u00BF\u00BF", null, "\\uFFFD" },
        { "3.3.9 5-byte sequence with last byte missing (U+3FFFFFF)", "\u00FB\u00BF\u00BF\u00BF", null, "\\uFFFD" },
        { "3.3.10 6-byte sequence with last byte missing (U+7FFFFFFF)", "\u00FD\u00BF\u00BF\u00BF\u00BF", null, "\\uFFFD" },
        { "3.4 Concatenation of incomplete sequences", "\u00C0\u00E0\u0080\u00F0\u0080\u0080\u00F8\u0080\u0080\u0080\u00FC\u0080\u0080\u0080\u0080\u00DF\u00EF\u00BF\u00F7\u00BF\u00BF\u00FB\u00BF\u00BF\u00BF\u00FD\u00BF\u00BF\u00BF\u00BF", null, "\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD" },
        { "3.5 Impossible bytes", "\u00FE", null, "\\uFFFD" },
        { "3.5 Impossible bytes", "\u00FF", null, "\\uFFFD" },
        { "3.5 Impossible bytes", "\u00FE\u00FE\u00FF\u00FF", null, "\\uFFFD\\uFFFD\\uFFFD\\uFFFD" },
        { "4.1 Overlong '/'", "\u00C0\u00AF", null, "\\uFFFD" },
        { "4.1 Overlong '/'", "\u00E0\u0080\u00AF", null, "\\uFFFD" },
        { "4.1 Overlong '/'", "\u00F0\u0080\u0080\u00AF", null, "\\uFFFD" },
        { "4.1 Overlong '/'", "\u00F8\u0080\u0080\u0080\u00AF", null, "\\uFFFD" },
        { "4.1 Overlong '/'", "\u00FC\u0080\u0080\u0080\u0080\u00AF", null, "\\uFFFD" },
        { "4.1 Overlong '/'", "\u00C1\u00BF", null, "\\uFFFD" },
        { "4.1 Overlong '/'", "\u00E0\u009F\u00BF", null, "\\uFFFD" },
        { "4.1 Overlong '/'", "\u00F0\u008F\u00BF\u00BC", null, "\\uFFFD" },
        { "4.1 Overlong '/'", "\u00F8\u0087\u00BF\u00BF\u00BF", null, "\\uFFFD" },
        { "4.1 Overlong '/'", "\u00FC\u0083\u00BF\u00BF\u00BF\u00BF", null, "\\uFFFD" },
        { "4.3 Overlong representation of the NUL character", "\u00C0\u0080", "\u00C0\u0080", "\\u0000" },
        { "4.3 Overlong representation of the NUL character", "\u00E0\u0080\u0080", null, "\\uFFFD" },
        { "4.3 Overlong representation of the NUL character", "\u00F0\u0080\u0080\u0080", null, "\\uFFFD" },
        { "4.3 Overlong representation of the NUL character", "\u00F8\u0080\u0080\u0080\u0080", null, "\\uFFFD" },
        { "4.3 Overlong representation of the NUL character", "\u00FC\u0080\u0080\u0080\u0080\u0080", null, "\\uFFFD" },
        { "5.1 Single UTF-16 surrogates", "\u00ED\u00A0\u0080", null, "\\uFFFD" },
        { "5.1 Single UTF-16 surrogates", "\u00ED\u00AD\u00BF", null, "\\uFFFD" },
        { "5.1 Single UTF-16 surrogates", "\u00ED\u00AE\u0080", null, "\\uFFFD" },
        { "5.1 Single UTF-16 surrogates", "\u00ED\u00AF\u00BF", null, "\\uFFFD" },
        { "5.1 Single UTF-16 surrogates", "\u00ED\u00B0\u0080", null, "\\uFFFD" },
        { "5.1 Single UTF-16 surrogates", "\u00ED\u00BE\u0080", null, "\\uFFFD" },
        { "5.1 Single UTF-16 surrogates", "\u00ED\u00BF\u00BF", null, "\\uFFFD" },
        { "5.2 Paired UTF-16 surrogates", "\u00ED\u00A0\u0080\u00ED\u00B0\u0080", null, "\\uFFFD\\uFFFD" },
        { "5.2 Paired UTF-16 surrogates", "\u00ED\u00A0\u0080\u00ED\u00BF\u00BF", null, "\\uFFFD\\uFFFD" },
        { "5.2 Paired UTF-16 surrogates", "\u00ED\u00AD\u00BF\u00ED\u00B0\u0080", null, "\\uFFFD\\uFFFD" },
        { "5.2 Paired UTF-16 surrogates", "\u00ED\u00AD\u00BF\u00ED\u00BF\u00BF", null, "\\uFFFD\\uFFFD" },
        { "5.2 Paired UTF-16 surrogates", "\u00ED\u00AE\u0080\u00ED\u00B0\u0080", null, "\\uFFFD\\uFFFD" },
        { "5.2 Paired UTF-16 surrogates", "\u00ED\u00AE\u0080\u00ED\u00BF\u00BF", null, "\\uFFFD\\uFFFD" },
        { "5.2 Paired UTF-16 surrogates", "\u00ED\u00AF\u00BF\u00ED\u00B0\u0080", null, "\\uFFFD\\uFFFD" },
        { "5.2 Paired UTF-16 surrogates", "\u00ED\u00AF\u00BF\u00ED\u00BF\u00BF", null, "\\uFFFD\\uFFFD" },
        { "BMP noncharacters", "\u00EF\u00BF\u00BE", null, "\\uFFFD" },
        { "BMP noncharacters", "\u00EF\u00BF\u00BF", null, "\\uFFFD" },
        { "BMP noncharacters", "\u00EF\u00B7\u0090", null, "\\uFFFD" },
        { "BMP noncharacters", "\u00EF\u00B7\u00AF", null, "\\uFFFD" },
        { "Plane 1 .. 16 noncharacters", "\u00F0\u009F\u00BF\u00BE\u00F0\u009F\u00BF\u00BF\u00F0\u00AF\u00BF\u00BE\u00F0\u00AF\u00BF\u00BF\u00F0\u00BF\u00BF\u00BE\u00F0\u00BF\u00BF\u00BF\u00F1\u008F\u00BF\u00BE\u00F1\u008F\u00BF\u00BF\u00F1\u009F\u00BF\u00BE\u00F1\u009F\u00BF\u00BF\u00F1\u00AF\u00BF\u00BE\u00F1\u00AF\u00BF\u00BF\u00F1\u00BF\u00BF\u00BE\u00F1\u00BF\u00BF\u00BF\u00F2\u008F\u00BF\u00BE\u00F2\u008F\u00BF\u00BF\u00F2\u009F\u00BF\u00BE\u00F2\u009F\u00BF\u00BF\u00F2\u00AF\u00BF\u00BE\u00F2\u00AF\u00BF\u00BF\u00F2\u00BF\u00BF\u00BE\u00F2\u00BF\u00BF\u00BF\u00F3\u008F\u00BF\u00BE\u00F3\u008F\u00BF\u00BF\u00F3\u009F\u00BF\u00BE\u00F3\u009F\u00BF\u00BF\u00F3\u00AF\u00BF\u00BE\u00F3\u00AF\u00BF\u00BF\u00F3\u00BF\u00BF\u00BE\u00F3\u00BF\u00BF\u00BF\u00F4\u008F\u00BF\u00BE\u00F4\u008F\u00BF\u00BF", null, "\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD\\uFFFD" },
    };

    [Theory]
    [MemberData(nameof(Utf8Table))]
    public void Utf8_stress_case_matches_qemu(string section, string jsonIn, string? utf8Out, string? jsonOut)
    {
        Assert.NotEmpty(section);
        var inBytes = Bytes(jsonIn);
        var utf8In = utf8Out is null ? inBytes : Bytes(utf8Out);
        var expectedJson = jsonOut ?? jsonIn;
        foreach (var single in new[] { false, true })
        {
            // Parse the input: the expected string, or an error for the whole and for each sequence alone.
            if (utf8Out is not null)
            {
                var value = Assert.IsType<QString>(ParseOk(Quoted(jsonIn, single)));
                Assert.Equal(FromModifiedUtf8(utf8In), value.Value);
            }
            else
            {
                ParseError(Quoted(jsonIn, single));
                var tail = 0;
                while (tail < inBytes.Length)
                {
                    ModifiedUtf8.Decode(inBytes.AsSpan(tail), out var length);
                    var end = tail + length;
                    if (end < inBytes.Length && inBytes[end] == ' ')
                    {
                        end++;
                    }

                    var piece = "\"" + jsonIn[tail..end] + "\"";
                    ParseError(Bytes(single ? "'" + piece[1..^1] + "'" : piece));
                    tail = end;
                }
            }

            // Write the bytes as a string, as QEMU's writer does: invalid sequences become U+FFFD.
            Assert.Equal(expectedJson, Unparse(ModifiedUtf8.BytesToString(utf8In)));

            // Read the output back, unless it holds replacements.
            if (!expectedJson.Contains("\\uFFFD", StringComparison.Ordinal))
            {
                var back = Assert.IsType<QString>(ParseOk(Quoted(expectedJson, single)));
                Assert.Equal(ModifiedUtf8.BytesToString(utf8In), back.Value);
            }
        }
    }

    [Fact]
    public void Valid_utf8_strings_write_the_same_from_their_dotnet_form()
    {
        // The table's valid strings, written from the parsed .NET string rather than from bytes.
        foreach (var row in Utf8Table)
        {
            var (_, jsonIn, utf8Out, jsonOut) = row.Data;
            if (utf8Out is not null)
            {
                var parsed = (QString)QJson.Parse(Quoted(jsonIn, single: false));
                Assert.Equal(jsonOut ?? jsonIn, Unparse(parsed.Value));
            }
        }
    }

    [Fact]
    public void Modified_utf8_nul_reads_as_U0000_and_writes_as_an_escape()
    {
        var value = (QString)QJson.Parse(Bytes("\"a\u00C0\u0080b\""));
        Assert.Equal("a\0b", value.Value);
        Assert.Equal("\"a\\u0000b\"", QJson.ToJson(value));
    }

    [Fact]
    public void Percent_is_an_ordinary_character_without_interpolation()
    {
        Assert.Equal(new QString("100%%"), QJson.Parse("'100%%'"));
        Assert.Equal("JSON parse error, stray '%'", ParseError(Bytes("%d")).Message);
    }

    [Fact]
    public void An_unpaired_surrogate_in_a_dotnet_string_is_rejected_as_invalid_utf8()
    {
        Assert.Equal("JSON parse error, invalid UTF-8 sequence in string", Assert.Throws<QJsonException>(() => QJson.Parse("\"a\uD800\"")).Message);
        Assert.Equal(new QString("\U0001D11E"), QJson.Parse("\"\U0001D11E\""));
    }

    [Fact]
    public void Error_positions_point_at_the_defect()
    {
        Assert.Equal(7, ParseError(Bytes("[1, \"ab\\q\"]")).Position);
        Assert.Equal(6, ParseError(Bytes("[1, \"a\u00FFb\"]")).Position);
        Assert.Equal(3, ParseError(Bytes("{\"a\u00C3(\": 1}")).Position);
    }
}
