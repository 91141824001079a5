using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Machina.QObjects.Json;

// Strings: QEMU's parse_string. Escapes are \" \' \\ \/ \b \f \n \r \t and \uXXXX (a leading
// surrogate must be followed by an escaped trailing one); raw bytes must be modified UTF-8 naming
// a character (no surrogates, no noncharacters, no overlong forms except C0 80 for U+0000).
// The common cases (plain ASCII; valid UTF-8 without escapes) take fast paths with the same result.
internal sealed partial class JsonParser
{
    private const int CachedStringMaxLength = 32;

    // Strings at least this long (in bytes) are kept as UTF-8 and decoded when first read.
    private const int LazyStringMinLength = 64 << 10;
    private const int CacheBits = 11;
    private const int CacheSize = 1 << CacheBits;

    // Keys and short values repeat a lot in QMP traffic; reusing them saves allocations.
    private readonly string?[] _keyCache = new string?[CacheSize];
    private readonly QString?[] _valueCache = new QString?[CacheSize];
    private char[] _chars = new char[256];

    private string? DecodeKey(in JsonToken token) =>
        DecodeKey(_text.AsSpan(token.Start, token.Length), token.Escaped, token.Ascii, token.Position);

    private QString? ParseStringValue(in JsonToken token) =>
        ParseStringValue(_text.AsSpan(token.Start, token.Length), token.Escaped, token.Ascii, token.Position);

    // A string token is its bytes with the quotes; escaped/ascii are what the lexer knows of it
    // (ascii false: not known); position locates errors.
    internal string? DecodeKey(ReadOnlySpan<byte> token, bool escaped, bool ascii, long position)
    {
        var content = token[1..^1];
        if (!escaped && content.Length <= CachedStringMaxLength && (ascii || Ascii.IsValid(content)))
        {
            ref var slot = ref _keyCache[CacheSlot(content)];
            if (slot is { } cached && Ascii.Equals(content, cached))
            {
                return cached;
            }

            return slot = Encoding.ASCII.GetString(content);
        }

        return DecodeString(token, escaped, ascii, position);
    }

    internal QString? ParseStringValue(ReadOnlySpan<byte> token, bool escaped, bool ascii, long position)
    {
        var content = token[1..^1];
        if (!escaped && content.Length <= CachedStringMaxLength && (ascii || Ascii.IsValid(content)))
        {
            ref var slot = ref _valueCache[CacheSlot(content)];
            if (slot is { } cached && Ascii.Equals(content, cached.Value))
            {
                return cached;
            }

            return slot = new QString(Encoding.ASCII.GetString(content));
        }

        if (!escaped && content.Length >= LazyStringMinLength && IsPlainUtf8(content, ascii))
        {
            // A large value may never be read (an argument the command rejects, say): until it
            // is, it takes half the memory of a .NET string and no decoding.
            var utf8 = GC.AllocateUninitializedArray<byte>(content.Length);
            content.CopyTo(utf8);
            return new QString(utf8);
        }

        return DecodeString(token, escaped, ascii, position) is { } s ? new QString(s) : null;
    }

    // True when .NET's UTF-8 decoder gives exactly QEMU's string: ASCII, or valid UTF-8 without the
    // lead bytes of noncharacters (0xEF and above), which QEMU rejects and DecodeCarefully reports.
    private static bool IsPlainUtf8(ReadOnlySpan<byte> content, bool ascii) =>
        ascii || Ascii.IsValid(content) || (content.IndexOfAnyInRange((byte)0xEF, (byte)0xFF) < 0 && Utf8.IsValid(content));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CacheSlot(ReadOnlySpan<byte> content) =>
        (int)((HeadTailHash(content) * 0xC2B2AE3D27D4EB4FUL) >> (64 - CacheBits));

    // Length, head and tail are enough to spread QMP's keys and words; a collision only costs a
    // comparison (or, in a cache, a miss).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HeadTailHash(ReadOnlySpan<byte> content)
    {
        ulong head, tail;
        if (content.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(content);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(content[^8..]);
        }
        else
        {
            head = 0;
            foreach (var b in content)
            {
                head = (head << 8) | b;
            }

            tail = 0;
        }

        return (head * 0x9E3779B97F4A7C15UL) ^ (tail + (ulong)content.Length);
    }

    /// <summary>The string token's value, or null after recording QEMU's error.</summary>
    private string? DecodeString(ReadOnlySpan<byte> token, bool escaped, bool ascii, long position)
    {
        var content = token[1..^1];
        if (!escaped && (ascii || Ascii.IsValid(content)))
        {
            return Encoding.ASCII.GetString(content);
        }

        if (_chars.Length < content.Length)
        {
            _chars = new char[Math.Max(content.Length, _chars.Length * 2)];
        }

        // Valid UTF-8 without escapes decodes the same way in .NET, unless it holds a
        // noncharacter (all of which need a lead byte of 0xEF or above), which QEMU rejects.
        if (!escaped && content.IndexOfAnyInRange((byte)0xEF, (byte)0xFF) < 0
            && Utf8.ToUtf16(content, _chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            return new string(_chars, 0, written);
        }

        return DecodeCarefully(token, position);
    }

    private string? DecodeCarefully(ReadOnlySpan<byte> token, long position)
    {
        var content = token[1..^1];
        // Every byte yields at most one UTF-16 unit, so _chars (at least content.Length) suffices.
        var chars = _chars.AsSpan();
        var n = 0;
        var p = 0;
        while (p < content.Length)
        {
            var b = content[p];
            if (b == '\\')
            {
                var begin = p;
                var escaped = content[p + 1]; // the lexer never ends a string on a backslash
                p += 2;
                switch (escaped)
                {
                    case (byte)'"' or (byte)'\'' or (byte)'\\' or (byte)'/':
                        chars[n++] = (char)escaped;
                        break;
                    case (byte)'b':
                        chars[n++] = '\b';
                        break;
                    case (byte)'f':
                        chars[n++] = '\f';
                        break;
                    case (byte)'n':
                        chars[n++] = '\n';
                        break;
                    case (byte)'r':
                        chars[n++] = '\r';
                        break;
                    case (byte)'t':
                        chars[n++] = '\t';
                        break;
                    case (byte)'u':
                    {
                        var cp = Hex4(content, p);
                        p += 4;
                        if (cp is >= 0xD800 and <= 0xDBFF && p + 1 < content.Length && content[p] == '\\' && content[p + 1] == 'u')
                        {
                            var trailing = Hex4(content, p + 2);
                            if (trailing is >= 0xDC00 and <= 0xDFFF)
                            {
                                cp = 0x10000 + ((cp & 0x3FF) << 10) + (trailing & 0x3FF);
                                p += 6;
                            }
                            else
                            {
                                cp = -1;
                            }
                        }

                        if (!ModifiedUtf8.IsValidCodePoint(cp))
                        {
                            // QEMU quotes up to the escape's end, but never past the closing quote.
                            var quoted = content[begin..].Length + 1;
                            var text = token.Slice(1 + begin, Math.Min(p - begin, quoted));
                            Fail($"{ModifiedUtf8.BytesToString(text)} is not a valid Unicode character", position + 1 + begin);
                            return null;
                        }

                        n += WriteCodePoint(chars[n..], cp);
                        break;
                    }

                    default:
                        Fail("invalid escape sequence in string", position + 1 + begin);
                        return null;
                }
            }
            else if (b < 0x80)
            {
                chars[n++] = (char)b;
                p++;
            }
            else
            {
                var cp = ModifiedUtf8.Decode(content[p..], out var length);
                if (cp < 0)
                {
                    Fail("invalid UTF-8 sequence in string", position + 1 + p);
                    return null;
                }

                n += WriteCodePoint(chars[n..], cp);
                p += length;
            }
        }

        return new string(chars[..n]);
    }

    private static int WriteCodePoint(Span<char> destination, int cp)
    {
        if (cp < 0x10000)
        {
            destination[0] = (char)cp;
            return 1;
        }

        destination[0] = (char)(0xD800 + ((cp - 0x10000) >> 10));
        destination[1] = (char)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        return 2;
    }

    /// <summary>Four hex digits at <paramref name="at"/> as a number, or -1.</summary>
    private static int Hex4(ReadOnlySpan<byte> s, int at)
    {
        var value = 0;
        for (var i = at; i < at + 4; i++)
        {
            if (i >= s.Length)
            {
                return -1;
            }

            var digit = HexDigit(s[i]);
            if (digit < 0)
            {
                return -1;
            }

            value = (value << 4) | digit;
        }

        return value;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
