using System.Text;
using System.Text.Unicode;
using Machina.Qapi.Source;
using Machina.QObjects;

namespace Machina.Qapi.Parsing;

/// <summary>
/// Reads a QAPI schema file: the JSON-like syntax with single-quoted strings and <c>#</c> comments,
/// the documentation comments between <c>##</c> lines, and the <c>include</c> and <c>pragma</c>
/// directives. The result is the file's expressions (included files' expressions spliced in after
/// each directive) and its documentation blocks, ready for <see cref="Checking.QapiExpressionChecker"/>.
/// </summary>
/// <remarks>
/// <para>Syntax: objects <c>{ 'key': value, ... }</c> with string keys and no duplicates, arrays
/// <c>[ value, ... ]</c>, strings of printable ASCII in single quotes where <c>\\</c> is the only
/// escape, and <c>true</c>/<c>false</c>. There are no numbers and no null. Values become
/// <see cref="QDict"/>, <see cref="QList"/>, <see cref="QString"/> and <see cref="QBool"/>.</para>
/// <para>The lexer works on the file's UTF-8 bytes, which must be valid UTF-8; <c>\r\n</c> and
/// <c>\r</c> read as line ends. Columns in syntax errors count characters from 1 with QEMU's tab
/// rule.</para>
/// <para>Limits: a file is at most <see cref="QapiSourceFiles.MaxFileSize"/> bytes and values nest
/// at most <see cref="MaxNesting"/> deep; beyond either the parser reports an error instead of
/// failing. (QEMU itself crashes on very deep nesting.)</para>
/// </remarks>
public sealed partial class QapiSchemaParser
{
    /// <summary>How deeply objects and arrays may nest.</summary>
    public const int MaxNesting = 1024;

    private readonly string _fileName;
    private readonly QapiSourceFiles _files;
    private readonly HashSet<string> _included;
    private readonly List<QapiExpression> _expressions = [];
    private readonly List<QapiDoc> _docs = [];
    private readonly StringBuilder _docText = new(1024);

    // The file's bytes, ending in '\n' and without '\r'; and room to decode one comment line.
    private byte[] _src = "\n"u8.ToArray();
    private char[] _lineChars = new char[256];

    // Lexer state: the current token, where it starts, and where the next one starts.
    private QapiTokenKind _tok;
    private string? _val;
    private int _pos;
    private int _cursor;
    private int _linePos;
    private int _depth;
    private int _line = 1;

    // The location of the most recent line asked for; a line's location is made when first needed,
    // and everything on that line shares it.
    private QapiSourceInfo _info;

    private QapiSchemaParser(string fileName, QapiSourceFiles files, HashSet<string> included, QapiSourceInfo? includedFrom)
    {
        _fileName = fileName;
        _files = files;
        _included = included;
        _included.Add(files.GetFullPath(fileName));
        _info = new QapiSourceInfo(fileName, includedFrom);
    }

    /// <summary>The expressions in source order, included files' expressions after their directive.</summary>
    public IReadOnlyList<QapiExpression> Expressions => _expressions;

    /// <summary>Every documentation block, definition and free-form, in source order.</summary>
    public IReadOnlyList<QapiDoc> Docs => _docs;

    /// <summary>Parses the schema file <paramref name="fileName"/> and everything it includes.</summary>
    /// <param name="fileName">The main file's name; reports and module names use it as given.</param>
    /// <param name="files">Where files are read from (default: the file system, relative to the current directory).</param>
    /// <exception cref="QapiSchemaException">The file cannot be read, or the schema has a syntax or directive error.</exception>
    public static QapiSchemaParser Parse(string fileName, QapiSourceFiles? files = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        files ??= new QapiSourceFiles();
        var parser = new QapiSchemaParser(fileName, files, new HashSet<string>(StringComparer.Ordinal), null);
        byte[] bytes;
        try
        {
            bytes = files.ReadAllBytes(fileName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new QapiSchemaException($"can't read schema file '{fileName}': {QapiSourceFiles.DescribeFailure(e)}", e);
        }

        parser.Run(bytes);
        return parser;
    }

    private void Run(byte[] bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            throw InvalidUtf8(bytes);
        }

        _src = PrepareLines(bytes);
        ParseFile();
    }

    /// <summary>QEMU's front end dies on undecodable text; report where it starts instead.</summary>
    private QapiParseException InvalidUtf8(byte[] bytes)
    {
        Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        _src = PrepareLines(bytes[..read], alwaysAppendLineEnd: true);
        _cursor = _pos = _src.Length - 1;
        _linePos = _src.AsSpan(0, _pos).LastIndexOf((byte)'\n') + 1;
        _line = 1 + _src.AsSpan(0, _pos).Count((byte)'\n');
        return Error($"invalid UTF-8 at byte offset {read}");
    }

    /// <summary>
    /// The text with <c>\r\n</c> and a lone <c>\r</c> read as <c>\n</c> (as Python's text files do)
    /// and a final <c>\n</c>; the same array when it needs neither.
    /// </summary>
    private static byte[] PrepareLines(byte[] bytes, bool alwaysAppendLineEnd = false)
    {
        var cr = bytes.AsSpan().IndexOf((byte)'\r');
        if (cr < 0)
        {
            return bytes.Length > 0 && bytes[^1] == '\n' && !alwaysAppendLineEnd ? bytes : [.. bytes, (byte)'\n'];
        }

        var result = new byte[bytes.Length + 1];
        bytes.AsSpan(0, cr).CopyTo(result);
        var length = cr;
        for (var i = cr; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r')
            {
                result[length++] = (byte)'\n';
                if (i + 1 < bytes.Length && bytes[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                result[length++] = bytes[i];
            }
        }

        if (length == 0 || result[length - 1] != '\n' || alwaysAppendLineEnd)
        {
            result[length++] = (byte)'\n';
        }

        return result[..length];
    }

    /// <summary>The location of the current line.</summary>
    private QapiSourceInfo Info => _info.Line == _line ? _info : _info = _info.AtLine(_line);

    private void ParseFile()
    {
        QapiDoc? doc = null;
        Accept();
        while (_tok != QapiTokenKind.Eof)
        {
            var info = Info;
            if (_tok == QapiTokenKind.Comment)
            {
                RejectExpressionDoc(doc);
                foreach (var block in GetDocs(info))
                {
                    _docs.Add(block);
                    doc = block;
                }

                continue;
            }

            var value = GetValue();
            if (value is not QDict expr)
            {
                throw new QapiSemanticException(info, "top-level expression must be an object");
            }

            if (expr.ContainsKey("include"))
            {
                RejectExpressionDoc(doc);
                Include(expr, info);
            }
            else if (expr.ContainsKey("pragma"))
            {
                RejectExpressionDoc(doc);
                Pragma(expr, info);
            }
            else
            {
                if (doc is not null && doc.Symbol is null)
                {
                    throw new QapiSemanticException(doc.Info, "definition documentation required");
                }

                _expressions.Add(new QapiExpression(expr, info, doc));
            }

            doc = null;
        }

        RejectExpressionDoc(doc);
    }

    private static void RejectExpressionDoc(QapiDoc? doc)
    {
        if (doc?.Symbol is { } symbol)
        {
            throw new QapiSemanticException(doc.Info, $"documentation for '{symbol}' is not followed by the definition");
        }
    }

    /// <summary>Reads the next token; comments are skipped unless they start with <c>##</c> or <paramref name="skipComment"/> is false.</summary>
    private void Accept(bool skipComment = true)
    {
        var src = _src;
        while (true)
        {
            var c = src[_cursor];
            _pos = _cursor;
            _cursor++;
            _val = null;
            switch (c)
            {
                case (byte)'#':
                    if (src[_cursor] == '#')
                    {
                        skipComment = false;
                    }

                    _cursor += src.AsSpan(_cursor).IndexOf((byte)'\n');
                    if (!skipComment)
                    {
                        _tok = QapiTokenKind.Comment;
                        return;
                    }

                    continue;
                case (byte)'{':
                    _tok = QapiTokenKind.LeftBrace;
                    return;
                case (byte)'}':
                    _tok = QapiTokenKind.RightBrace;
                    return;
                case (byte)':':
                    _tok = QapiTokenKind.Colon;
                    return;
                case (byte)',':
                    _tok = QapiTokenKind.Comma;
                    return;
                case (byte)'[':
                    _tok = QapiTokenKind.LeftBracket;
                    return;
                case (byte)']':
                    _tok = QapiTokenKind.RightBracket;
                    return;
                case (byte)'\'':
                    ReadString();
                    return;
                case (byte)'t' when src.AsSpan(_pos).StartsWith("true"u8):
                    _tok = QapiTokenKind.True;
                    _cursor += 3;
                    return;
                case (byte)'f' when src.AsSpan(_pos).StartsWith("false"u8):
                    _tok = QapiTokenKind.False;
                    _cursor += 4;
                    return;
                case (byte)'\n':
                    if (_cursor == src.Length)
                    {
                        _tok = QapiTokenKind.Eof;
                        return;
                    }

                    _line++;
                    _linePos = _cursor;
                    continue;
                default:
                    var length = SpaceLength(src, _pos);
                    if (length == 0)
                    {
                        throw Error($"stray '{StrayText()}'");
                    }

                    _cursor = _pos + length;
                    continue;
            }
        }
    }

    /// <summary>The length in bytes of the white-space character at <paramref name="at"/>, or 0 for another character.</summary>
    private static int SpaceLength(byte[] src, int at)
    {
        if (src[at] < 0x80)
        {
            return PythonText.IsSpace((char)src[at]) ? 1 : 0;
        }

        Rune.DecodeFromUtf8(src.AsSpan(at), out var rune, out var length);
        return rune.IsBmp && PythonText.IsSpace((char)rune.Value) ? length : 0;
    }

    private void ReadString()
    {
        var src = _src;
        var start = _cursor;
        var escaped = false;
        var hasEscape = false;
        while (true)
        {
            var ch = src[_cursor++];
            if (ch == '\n')
            {
                throw Error("missing terminating \"'\"");
            }

            if (escaped)
            {
                if (ch != '\\')
                {
                    Rune.DecodeFromUtf8(src.AsSpan(_cursor - 1), out var rune, out _);
                    throw Error("unknown escape \\" + rune.ToString());
                }

                escaped = false;
            }
            else if (ch == '\\')
            {
                escaped = hasEscape = true;
                continue;
            }
            else if (ch == '\'')
            {
                // Only printable ASCII gets here, so each byte is one character.
                var raw = Encoding.Latin1.GetString(src, start, _cursor - 1 - start);
                _tok = QapiTokenKind.String;
                _val = hasEscape ? raw.Replace(@"\\", @"\", StringComparison.Ordinal) : raw;
                return;
            }

            if (ch < ' ' || ch >= 0x7f)
            {
                throw Error("funny character in string");
            }
        }
    }

    /// <summary>The text shown for a stray character: it and what follows up to a delimiter or white space.</summary>
    private string StrayText()
    {
        var end = _pos;
        while ("[]{}:,'\""u8.IndexOf(_src[end]) < 0 && SpaceLength(_src, end) == 0)
        {
            Rune.DecodeFromUtf8(_src.AsSpan(end), out _, out var length);
            end += length;
        }

        // QEMU's own parser dies on a lone double quote; show the character itself.
        return Encoding.UTF8.GetString(_src, _pos, Math.Max(end, _pos + 1) - _pos);
    }

    private QDict GetMembers()
    {
        var expr = new QDict();
        if (_tok == QapiTokenKind.RightBrace)
        {
            Accept();
            return expr;
        }

        if (_tok != QapiTokenKind.String)
        {
            throw Error("expected string or '}'");
        }

        while (true)
        {
            var key = _val!;
            Accept();
            if (_tok != QapiTokenKind.Colon)
            {
                throw Error("expected ':'");
            }

            Accept();
            if (expr.ContainsKey(key))
            {
                throw Error($"duplicate key '{key}'");
            }

            expr.Add(key, GetValue());
            if (_tok == QapiTokenKind.RightBrace)
            {
                Accept();
                return expr;
            }

            if (_tok != QapiTokenKind.Comma)
            {
                throw Error("expected ',' or '}'");
            }

            Accept();
            if (_tok != QapiTokenKind.String)
            {
                throw Error("expected string");
            }
        }
    }

    private QList GetValues()
    {
        var expr = new QList();
        if (_tok == QapiTokenKind.RightBracket)
        {
            Accept();
            return expr;
        }

        if (_tok is not (QapiTokenKind.LeftBrace or QapiTokenKind.LeftBracket or QapiTokenKind.String or QapiTokenKind.True or QapiTokenKind.False))
        {
            throw Error("expected '{', '[', ']', string, or boolean");
        }

        while (true)
        {
            expr.Add(GetValue());
            if (_tok == QapiTokenKind.RightBracket)
            {
                Accept();
                return expr;
            }

            if (_tok != QapiTokenKind.Comma)
            {
                throw Error("expected ',' or ']'");
            }

            Accept();
        }
    }

    private QObject GetValue()
    {
        QObject expr;
        switch (_tok)
        {
            case QapiTokenKind.LeftBrace or QapiTokenKind.LeftBracket:
                if (_depth == MaxNesting)
                {
                    throw Error($"nesting too deep (more than {MaxNesting} levels)");
                }

                var isObject = _tok == QapiTokenKind.LeftBrace;
                _depth++;
                Accept();
                expr = isObject ? GetMembers() : GetValues();
                _depth--;
                return expr;
            case QapiTokenKind.String:
                expr = new QString(_val!);
                break;
            case QapiTokenKind.True:
                expr = QBool.True;
                break;
            case QapiTokenKind.False:
                expr = QBool.False;
                break;
            default:
                throw Error("expected '{', '[', string, or boolean");
        }

        Accept();
        return expr;
    }

    /// <summary>The current comment token's bytes, <c>#</c> included, up to the end of its line.</summary>
    private ReadOnlySpan<byte> CommentBytes => _src.AsSpan(_pos, _cursor - _pos);

    /// <summary>The current comment token as text, in a buffer reused for every line.</summary>
    private ReadOnlySpan<char> Comment
    {
        get
        {
            var bytes = CommentBytes;
            if (_lineChars.Length < bytes.Length)
            {
                _lineChars = new char[Math.Max(bytes.Length, _lineChars.Length * 2)];
            }

            return _lineChars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _lineChars));
        }
    }

    private List<QapiDoc> GetDocs(QapiSourceInfo info)
    {
        if (!CommentBytes.SequenceEqual("##"u8))
        {
            throw Error("junk after '##' at start of documentation comment");
        }

        var docs = new List<QapiDoc>();
        var doc = new QapiDoc(this, info, _docText);
        Accept(false);
        while (_tok == QapiTokenKind.Comment)
        {
            var bytes = CommentBytes;
            if (bytes.StartsWith("##"u8))
            {
                if (bytes.Length != 2)
                {
                    throw Error("junk after '##' at end of documentation comment");
                }

                doc.EndComment();
                docs.Add(doc);
                Accept();
                return docs;
            }

            if (bytes.StartsWith("# ="u8))
            {
                if (doc.Symbol is not null)
                {
                    throw Error("unexpected '=' markup in definition documentation");
                }

                if (doc.Body.HasPendingText)
                {
                    doc.EndComment();
                    docs.Add(doc);
                    doc = new QapiDoc(this, info, _docText);
                }
            }

            doc.Append(Comment);
            Accept(false);
        }

        throw Error("documentation comment must end with '##'");
    }

    /// <summary>A syntax error at the current token: its line, and its column by QEMU's count.</summary>
    internal QapiParseException Error(string reason) => new(Info, reason, Column());

    /// <summary>The current token's 1-based column.</summary>
    private int Column()
    {
        var column = 1;
        var line = _src.AsSpan(_linePos, _pos - _linePos);
        while (!line.IsEmpty)
        {
            Rune.DecodeFromUtf8(line, out var rune, out var length);
            line = line[length..];

            // QEMU's tab rule, kept as is: it folds the column back into 1..8.
            column = rune.Value == '\t' ? ((column + 7) % 8) + 1 : column + 1;
        }

        return column;
    }

    /// <summary>
    /// The tokens of schema text, comments included, each with its line and column (counted as
    /// in QEMU's error messages). Directives are not followed: this is the lexical view only.
    /// </summary>
    /// <param name="text">The text of one schema file.</param>
    /// <param name="fileName">The name used in the location of a lexical error.</param>
    /// <exception cref="QapiParseException">The text has a lexical error (an unterminated string, a stray character, ...).</exception>
    public static IEnumerable<QapiToken> Tokenize(string text, string fileName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var parser = new QapiSchemaParser(fileName, new QapiSourceFiles(), new HashSet<string>(StringComparer.Ordinal), null);
        parser._src = PrepareLines(Encoding.UTF8.GetBytes(text));
        return parser.Tokens();
    }

    private IEnumerable<QapiToken> Tokens()
    {
        for (Accept(skipComment: false); _tok != QapiTokenKind.Eof; Accept(skipComment: false))
        {
            var value = _tok switch
            {
                QapiTokenKind.String => _val,
                QapiTokenKind.Comment => Comment.ToString(),
                _ => null,
            };
            yield return new QapiToken(_tok, value, _line, Column());
        }
    }
}
