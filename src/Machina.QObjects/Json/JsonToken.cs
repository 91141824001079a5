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

    /// <summary>A string token that contains a backslash (so it needs the careful decoder).</summary>
    public bool Escaped;

    /// <summary>A string token the lexer saw to be all ASCII (false: not known).</summary>
    public bool Ascii;

    /// <summary>
    /// For an opening bracket: how many commas the splitter saw directly inside it, so the parser
    /// can size the container once. A hint only; the parser does not rely on it.
    /// </summary>
    public int Commas;

    /// <summary>Offset of the token's text in the message's text buffer.</summary>
    public int Start;

    /// <summary>Length of the token's text in bytes (1 for a structural token).</summary>
    public int Length;

    /// <summary>Offset of the token's first byte in the input stream.</summary>
    public long Position;
}
