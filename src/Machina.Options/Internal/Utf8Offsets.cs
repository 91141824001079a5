namespace Machina.Options.Internal;

/// <summary>Maps byte offsets in a text's UTF-8 encoding back to offsets in the text.</summary>
internal static class Utf8Offsets
{
    /// <summary>
    /// The index of the character whose encoding contains byte <paramref name="byteOffset"/> of
    /// <paramref name="text"/> as <c>QJson</c> encodes it (an unpaired surrogate takes three bytes);
    /// the text's length for an offset at or past its end.
    /// </summary>
    public static int ToCharIndex(ReadOnlySpan<char> text, long byteOffset)
    {
        long bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int size;
            var units = 1;
            if (c < 0x80)
            {
                size = 1;
            }
            else if (c < 0x800)
            {
                size = 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                size = 4;
                units = 2;
            }
            else
            {
                size = 3;
            }

            if (byteOffset < bytes + size)
            {
                return i;
            }

            bytes += size;
            i += units - 1;
        }

        return text.Length;
    }
}
