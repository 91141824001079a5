using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Machina.QObjects.Json;

/// <summary>
/// QEMU's rules for UTF-8 (util/unicode.c): which code points are characters, and how one
/// sequence decodes. QEMU uses "modified UTF-8", where U+0000 is the overlong pair C0 80.
/// </summary>
internal static class ModifiedUtf8
{
    /// <summary>
    /// A Unicode scalar value that is not a noncharacter: U+0000..U+10FFFF without the surrogates,
    /// U+FDD0..U+FDEF and the last two code points of every plane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsValidCodePoint(int cp) =>
        (uint)cp <= 0x10FFFF
        && (cp & 0xFFFE) != 0xFFFE
        && (uint)(cp - 0xFDD0) > 0xFDEF - 0xFDD0
        && (uint)(cp - 0xD800) > 0xDFFF - 0xD800;

    /// <summary>
    /// Decodes the sequence at the start of <paramref name="s"/> as QEMU's <c>mod_utf8_codepoint</c>:
    /// the code point, or -1 when the sequence is invalid. <paramref name="length"/> is how many
    /// bytes the sequence took (at least 1 unless <paramref name="s"/> is empty or starts with 0).
    /// </summary>
    /// <remarks>
    /// A lead byte announces up to five continuation bytes; a missing one ends the sequence early.
    /// Well-formed sequences are still invalid when overlong (except C0 80), beyond U+10FFFF,
    /// a surrogate or a noncharacter.
    /// </remarks>
    public static int Decode(ReadOnlySpan<byte> s, out int length)
    {
        if (s.IsEmpty || s[0] == 0)
        {
            length = 0;
            return -1;
        }

        int lead = s[0];
        length = 1;
        if (lead < 0x80)
        {
            return lead;
        }

        if (lead >= 0xFE || (lead & 0x40) == 0)
        {
            return -1; // impossible byte or a continuation byte without a lead
        }

        var expected = BitOperations.LeadingZeroCount((uint)(byte)~lead) - 24; // leading one bits: 2..6
        var cp = lead & (0x7F >> expected);
        for (var i = 1; i < expected; i++)
        {
            if (i >= s.Length || (s[i] & 0xC0) != 0x80)
            {
                return -1;
            }

            length++;
            cp = (cp << 6) | (s[i] & 0x3F);
        }

        if (!IsValidCodePoint(cp))
        {
            return -1;
        }

        ReadOnlySpan<int> minimum = [0x80, 0x800, 0x10000, 0x200000, 0x4000000];
        return cp < minimum[expected - 2] && !(cp == 0 && expected == 2) ? -1 : cp;
    }

    /// <summary>
    /// Text that QEMU holds as bytes (an error message quoting input), as a string: decoded as
    /// QEMU's writer would, every invalid sequence becoming U+FFFD, stopping at a zero byte as C does.
    /// </summary>
    public static string BytesToString(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            bytes = bytes[..nul];
        }

        if (System.Text.Ascii.IsValid(bytes))
        {
            return Encoding.ASCII.GetString(bytes);
        }

        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            var cp = Decode(bytes, out var length);
            AppendCodePoint(sb, cp < 0 ? 0xFFFD : cp);
            bytes = bytes[length..];
        }

        return sb.ToString();
    }

    /// <summary>The most bytes <see cref="Encode"/> writes per UTF-16 unit.</summary>
    public const int MaxBytesPerChar = 3;

    /// <summary>
    /// Writes <paramref name="text"/> as the bytes QEMU holds for it: UTF-8, with U+0000 as the
    /// pair C0 80 and an unpaired surrogate (which QEMU cannot hold) as U+FFFD. Returns the length;
    /// <paramref name="bytes"/> needs <see cref="MaxBytesPerChar"/> bytes per character.
    /// </summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> bytes)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                cp = 0xFFFD;
            }

            if (cp is > 0 and <= 0x7F)
            {
                bytes[n++] = (byte)cp;
            }
            else if (cp <= 0x7FF)
            {
                bytes[n++] = (byte)(0xC0 | (cp >> 6));
                bytes[n++] = (byte)(0x80 | (cp & 0x3F));
            }
            else if (cp <= 0xFFFF)
            {
                bytes[n++] = (byte)(0xE0 | (cp >> 12));
                bytes[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                bytes[n++] = (byte)(0x80 | (cp & 0x3F));
            }
            else
            {
                bytes[n++] = (byte)(0xF0 | (cp >> 18));
                bytes[n++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                bytes[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                bytes[n++] = (byte)(0x80 | (cp & 0x3F));
            }
        }

        return n;
    }

    /// <summary>Appends <paramref name="cp"/> (a valid code point) as UTF-16.</summary>
    public static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp < 0x10000)
        {
            sb.Append((char)cp);
        }
        else
        {
            sb.Append((char)(0xD800 + ((cp - 0x10000) >> 10)));
            sb.Append((char)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        }
    }
}
