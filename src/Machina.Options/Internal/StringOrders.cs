namespace Machina.Options.Internal;

/// <summary>C's <c>strcmp</c> on UTF-8: ordinal by code point (UTF-16 order differs only around surrogates).</summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static Utf8Order Comparer { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Rank(x[i]).CompareTo(Rank(y[i]));
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    // Surrogates (code points above U+FFFF) sort after every BMP character in UTF-8.
    private static int Rank(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}

/// <summary>C's <c>strcasecmp</c> on UTF-8: ASCII letters compared as lower case, everything else by code point.</summary>
internal sealed class AsciiCaseInsensitiveOrder : IComparer<string>
{
    public static AsciiCaseInsensitiveOrder Comparer { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = Rank(x[i]);
            var b = Rank(y[i]);
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static int Rank(char c) => c switch
    {
        >= 'A' and <= 'Z' => c + ('a' - 'A'),
        _ when char.IsSurrogate(c) => c + 0x10000,
        _ => c,
    };
}
