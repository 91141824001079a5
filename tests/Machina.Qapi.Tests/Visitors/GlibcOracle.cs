using System.Runtime.InteropServices;
using System.Text;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>
/// The C library QEMU's number conversions wrap, called directly (glibc, C locale), so tests can
/// compare Machina's reimplementation against the real thing on random input.
/// </summary>
internal static class GlibcOracle
{
    private const int LcCTypeMask = 1 << 0;
    private const int LcNumericMask = 1 << 1;
    private static readonly IntPtr CLocale = NewLocale(LcCTypeMask | LcNumericMask, "C", IntPtr.Zero);

    /// <summary>strtoll: value, errno, end offset (inputs are ASCII, so bytes are chars).</summary>
    public static (long Value, int Errno, int End) StrToLL(string text, int radix)
    {
        using var pinned = new Pinned(text);
        Marshal.SetLastPInvokeError(0);
        var value = NativeStrToLL(pinned.Address, out var end, radix, CLocale);
        return (value, Marshal.GetLastPInvokeError(), pinned.Offset(end));
    }

    /// <summary>strtoull.</summary>
    public static (ulong Value, int Errno, int End) StrToULL(string text, int radix)
    {
        using var pinned = new Pinned(text);
        Marshal.SetLastPInvokeError(0);
        var value = NativeStrToULL(pinned.Address, out var end, radix, CLocale);
        return (value, Marshal.GetLastPInvokeError(), pinned.Offset(end));
    }

    /// <summary>strtod.</summary>
    public static (double Value, int Errno, int End) StrToD(string text)
    {
        using var pinned = new Pinned(text);
        Marshal.SetLastPInvokeError(0);
        var value = NativeStrToD(pinned.Address, out var end, CLocale);
        return (value, Marshal.GetLastPInvokeError(), pinned.Offset(end));
    }

    [DllImport("libc", EntryPoint = "newlocale", BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr NewLocale(int mask, [MarshalAs(UnmanagedType.LPUTF8Str)] string locale, IntPtr baseLocale);

    [DllImport("libc", EntryPoint = "strtoll_l", SetLastError = true)]
    private static extern long NativeStrToLL(IntPtr text, out IntPtr end, int radix, IntPtr locale);

    [DllImport("libc", EntryPoint = "strtoull_l", SetLastError = true)]
    private static extern ulong NativeStrToULL(IntPtr text, out IntPtr end, int radix, IntPtr locale);

    [DllImport("libc", EntryPoint = "strtod_l", SetLastError = true)]
    private static extern double NativeStrToD(IntPtr text, out IntPtr end, IntPtr locale);

    /// <summary>An ASCII C string pinned in memory.</summary>
    private readonly struct Pinned : IDisposable
    {
        private readonly GCHandle _handle;

        public Pinned(string text)
        {
            _handle = GCHandle.Alloc(Encoding.ASCII.GetBytes(text + "\0"), GCHandleType.Pinned);
            Address = _handle.AddrOfPinnedObject();
        }

        public IntPtr Address { get; }

        public int Offset(IntPtr end) => (int)(end - Address);

        public void Dispose() => _handle.Free();
    }
}
