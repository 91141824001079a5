namespace Machina.Qapi.Parsing;

/// <summary>A token of the schema language with where it starts.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Value">A string's value (escapes resolved) or a comment's text from its <c>#</c>; null for other tokens.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, counted as QEMU's error messages count it.</param>
public readonly record struct QapiToken(QapiTokenKind Kind, string? Value, int Line, int Column);

/// <summary>The kinds of tokens of the schema language.</summary>
public enum QapiTokenKind : byte
{
    /// <summary>The end of the text.</summary>
    Eof,

    /// <summary><c>{</c></summary>
    LeftBrace,

    /// <summary><c>}</c></summary>
    RightBrace,

    /// <summary><c>:</c></summary>
    Colon,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>[</c></summary>
    LeftBracket,

    /// <summary><c>]</c></summary>
    RightBracket,

    /// <summary>A single-quoted string.</summary>
    String,

    /// <summary><c>true</c></summary>
    True,

    /// <summary><c>false</c></summary>
    False,

    /// <summary>A comment, from <c>#</c> to the end of the line.</summary>
    Comment,
}
