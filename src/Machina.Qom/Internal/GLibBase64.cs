using Machina.Qapi;

namespace Machina.Qom.Internal;

/// <summary>
/// Base64 as QEMU decodes secrets: QEMU's <c>qbase64_decode</c> checks (no NUL, only the base64
/// alphabet, '=' and newline) and then GLib's lenient <c>g_base64_decode</c>, which skips characters
/// outside the alphabet and lets '=' end a group early.
/// </summary>
internal static class GLibBase64
{
    private const byte NoRank = 0xFF;
    private static readonly byte[] Rank = BuildRanks();

    /// <summary>QEMU's <c>qbase64_decode</c> of a NUL-terminated buffer of known length.</summary>
    /// <exception cref="QapiException">QEMU's messages for embedded NULs and characters outside the alphabet.</exception>
    public static byte[] DecodeChecked(ReadOnlySpan<byte> input)
    {
        if (input.Contains((byte)0))
        {
            throw new QapiException("Base64 data contains embedded NUL characters");
        }

        foreach (var b in input)
        {
            if (!IsValid(b))
            {
                throw new QapiException("Base64 data contains invalid characters");
            }
        }

        return Decode(input);
    }

    /// <summary>GLib's <c>g_base64_decode</c>: four alphabet characters make three bytes, fewer when '=' ends the group.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> input)
    {
        var output = new byte[(input.Length / 4 * 3) + 3];
        var length = 0;
        uint v = 0;
        var count = 0;
        byte last0 = 0, last1 = 0;
        foreach (var c in input)
        {
            var rank = Rank[c];
            if (rank == NoRank)
            {
                continue;
            }

            last1 = last0;
            last0 = c;
            v = (v << 6) | rank;
            if (++count == 4)
            {
                output[length++] = (byte)(v >> 16);
                if (last1 != '=')
                {
                    output[length++] = (byte)(v >> 8);
                }

                if (last0 != '=')
                {
                    output[length++] = (byte)v;
                }

                count = 0;
            }
        }

        return output.AsSpan(0, length).ToArray();
    }

    private static bool IsValid(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'+' or (byte)'/' or (byte)'=' or (byte)'\n';

    private static byte[] BuildRanks()
    {
        var ranks = new byte[256];
        Array.Fill(ranks, NoRank);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = 0; i < Alphabet.Length; i++)
        {
            ranks[Alphabet[i]] = (byte)i;
        }

        ranks['='] = 0;
        return ranks;
    }
}
