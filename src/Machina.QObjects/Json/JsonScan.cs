using System.Runtime.CompilerServices;

namespace Machina.QObjects.Json;

// Token scanning shared by the two one-pass readers (JsonParser.Direct.cs builds values as it
// goes, JsonParser.Deferred.cs records where they are). Each scanner accepts a subset of what
// QEMU's lexer accepts and reports "not sure" for the rest, so a caller can hand over to the exact
// lexer and parser instead of guessing. Scanners take the position by reference and work on a
// local copy of it: the JIT would otherwise store it back on every byte.
internal static class JsonScan
{
    /// <summary>The position of the first byte at or after <paramref name="i"/> that is not JSON whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipWhitespace(ReadOnlySpan<byte> input, int i)
    {
        while ((uint)i < (uint)input.Length && input[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Skips the string token opening at <paramref name="i"/> (its quote is there) when it is one the
    /// lexer accepts and it ends within the input.
    /// </summary>
    /// <param name="input">The bytes.</param>
    /// <param name="i">The opening quote's position; after success, the position after the closing quote.</param>
    /// <param name="escaped">The token holds a backslash escape.</param>
    /// <param name="ascii">The token holds only ASCII bytes.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool String(ReadOnlySpan<byte> input, ref int i, out bool escaped, out bool ascii)
    {
        var p = i;
        var quote = input[p++];
        escaped = false;
        var high = 0;
        while ((uint)p < (uint)input.Length)
        {
            var b = input[p++];
            if (b == quote)
            {
                i = p;
                ascii = high < 0x80;
                return true;
            }

            if (b < 0x20 || b >= 0xFE)
            {
                break;
            }

            if (b == '\\')
            {
                if ((uint)p >= (uint)input.Length || input[p] < 0x20 || input[p] >= 0xFE)
                {
                    break;
                }

                escaped = true;
                p++;
            }

            high |= b;
        }

        ascii = false;
        return false;
    }

    /// <summary>
    /// Skips the number token opening at <paramref name="i"/> when QEMU's lexer reads it as one
    /// number; false for the rest ("-" alone, leading zeros, "0e5", a dot without digits...).
    /// </summary>
    /// <param name="input">The bytes.</param>
    /// <param name="i">The token's first byte; after success, the position after its last.</param>
    /// <param name="isFloat">The token has a fraction or an exponent.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Number(ReadOnlySpan<byte> input, ref int i, out bool isFloat)
    {
        isFloat = false;
        var p = i;
        if (input[p] == '-')
        {
            p++;
        }

        var first = p;
        p = Digits(input, p);
        var digits = p - first;
        if (digits == 0 || (digits > 1 && input[first] == '0'))
        {
            return false; // "-" alone, or a leading zero: QEMU's lexer refuses both
        }

        var zero = digits == 1 && input[first] == '0';
        if ((uint)p < (uint)input.Length && input[p] == '.')
        {
            var fraction = p + 1;
            p = Digits(input, fraction);
            if (p == fraction)
            {
                return false;
            }

            isFloat = true;
            zero = false;
        }

        if ((uint)p < (uint)input.Length && input[p] is (byte)'e' or (byte)'E')
        {
            if (zero)
            {
                return false; // QEMU reads "0e5" as 0 and a keyword
            }

            p++;
            if ((uint)p < (uint)input.Length && input[p] is (byte)'+' or (byte)'-')
            {
                p++;
            }

            var exponent = p;
            p = Digits(input, exponent);
            if (p == exponent)
            {
                return false;
            }

            isFloat = true;
        }

        i = p;
        return true;
    }

    /// <summary>
    /// Skips the lower-case word opening at <paramref name="i"/> and says which keyword it is:
    /// <see cref="False"/>, <see cref="True"/>, <see cref="Null"/>, or -1 for any other word.
    /// </summary>
    public static int Keyword(ReadOnlySpan<byte> input, ref int i)
    {
        var start = i;
        var p = i;
        while ((uint)p < (uint)input.Length && input[p] is >= (byte)'a' and <= (byte)'z')
        {
            p++;
        }

        i = p;
        var word = input[start..p];
        return word.SequenceEqual("true"u8) ? True
            : word.SequenceEqual("false"u8) ? False
            : word.SequenceEqual("null"u8) ? Null
            : -1;
    }

    /// <summary>
    /// Skips whitespace and the separator after a member of an array or object:
    /// <see cref="Closed"/> for <paramref name="close"/>, <see cref="Comma"/> for a comma,
    /// <see cref="Unexpected"/> for anything else or the end of the input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AfterMember(ReadOnlySpan<byte> input, ref int i, byte close)
    {
        var p = SkipWhitespace(input, i);
        if ((uint)p >= (uint)input.Length)
        {
            i = p;
            return Unexpected;
        }

        var c = input[p];
        i = p + 1;
        return c == close ? Closed : c == ',' ? Comma : Unexpected;
    }

    /// <summary>What <see cref="AfterMember"/> returns for the closing bracket.</summary>
    public const int Closed = 1;

    /// <summary>What <see cref="AfterMember"/> returns for a comma.</summary>
    public const int Comma = 0;

    /// <summary>What <see cref="AfterMember"/> returns for anything else.</summary>
    public const int Unexpected = -1;

    /// <summary>What <see cref="Keyword"/> returns for <c>false</c>.</summary>
    public const int False = 0;

    /// <summary>What <see cref="Keyword"/> returns for <c>true</c>.</summary>
    public const int True = 1;

    /// <summary>What <see cref="Keyword"/> returns for <c>null</c>.</summary>
    public const int Null = 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> input, int i)
    {
        while ((uint)i < (uint)input.Length && (uint)(input[i] - '0') <= 9)
        {
            i++;
        }

        return i;
    }
}
