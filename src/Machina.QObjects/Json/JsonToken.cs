namespace Machina.QObjects.Json;

/// <summary>The kinds of token QEMU's lexer produces (without interpolation).</summary>
internal enum JsonTokenType : byte
{
    LeftCurly,
    RightCurly,
    LeftSquare,
    RightSquare,
    Colon,
    Comma,
    Integer,
    Float,
    Keyword,
    String,
}

/// <summary>
/// One token of a pending message. Structural tokens keep no text; the others point into the
/// splitter's text buffer, where a string keeps its quotes.
/// </summary>
internal struct JsonToken
{
    public JsonTokenType Type;

    /// <summary>Offset of the token's text in the message's text buffer.</summary>
    public int Start;

    /// <summary>Length of the token's text in bytes (1 for a structural token).</summary>
    public int Length;

    /// <summary>Offset of the token's first byte in the input stream.</summary>
    public long Position;
}
