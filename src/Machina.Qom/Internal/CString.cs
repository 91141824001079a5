using System.Text;

namespace Machina.Qom.Internal;

/// <summary>Strings as QEMU holds them in C: UTF-8 with U+0000 as the two bytes C0 80 (as QEMU's JSON parser stores it).</summary>
internal static class CString
{
    public static byte[] Bytes(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (!bytes.AsSpan().Contains((byte)0))
        {
            return bytes;
        }

        var modified = new List<byte>(bytes.Length + 4);
        foreach (var b in bytes)
        {
            if (b == 0)
            {
                modified.Add(0xC0);
                modified.Add(0x80);
            }
            else
            {
                modified.Add(b);
            }
        }

        return [.. modified];
    }
}
