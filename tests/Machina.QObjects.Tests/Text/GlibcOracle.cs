using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Machina.QObjects.Tests.Text;

/// <summary>
/// The C library QEMU's number conversions wrap, called directly (glibc, C locale), so tests can
/// compare Machina's reimplementation against the real thing on random input.
/// </summary>
/// <remarks>
/// Debian 12's glibc 2.36 has bug 30220 (fixed in 2.38): <c>strtod</c> drops the least significant
/// bit of an input that needs exactly 54 significant bits and lies below 2^-1022 when only that bit
/// and the half-unit bit are set below subnormal precision. <see cref="HasStrtodBug30220"/> says
/// when an input is such a case; Machina rounds those correctly.
/// </remarks>
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

    /// <summary>
    /// C's <c>%.{precision}g</c> as glibc prints it, through <c>strfromd</c> (C23), which takes no
    /// variable arguments and so can be called from .NET.
    /// </summary>
    public static string FormatG(double value, int precision)
    {
        var format = "%." + precision.ToString(System.Globalization.CultureInfo.InvariantCulture) + "g";
        var buffer = new byte[precision + 32];

        // strfromd formats in the thread's locale: make it C's for the call.
        var previous = UseLocale(CLocale);
        try
        {
            var length = NativeStrFromD(buffer, (nuint)buffer.Length, format, value);
            return Encoding.ASCII.GetString(buffer, 0, length);
        }
        finally
        {
            UseLocale(previous);
        }
    }

    /// <summary>
    /// Whether glibc before 2.38 misreads <paramref name="mantissa"/> × 2^<paramref name="exponent"/>
    /// (bug 30220), and if so the value it reads instead: the odd significand less one.
    /// </summary>
    public static bool HasStrtodBug30220(BigInteger mantissa, long exponent, out BigInteger misreadMantissa, out long misreadExponent)
    {
        misreadMantissa = mantissa;
        misreadExponent = exponent;
        if (mantissa.Sign <= 0)
        {
            return false;
        }

        // An odd significand M × 2^e.
        while (mantissa.IsEven)
        {
            mantissa >>= 1;
            exponent++;
        }

        // Bits of M below the subnormal unit 2^-1074; with 54 bits, at least 2 of them put the value below 2^-1022.
        var below = -1074 - exponent;
        if (mantissa.GetBitLength() != 54 || below < 2)
        {
            return false;
        }

        var low = mantissa & ((BigInteger.One << (int)below) - 1);
        if (!(low & ~(BigInteger.One | (BigInteger.One << (int)(below - 1)))).IsZero)
        {
            return false;
        }

        misreadMantissa = mantissa - 1;
        misreadExponent = exponent;
        return true;
    }

    [DllImport("libc", EntryPoint = "newlocale", BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr NewLocale(int mask, [MarshalAs(UnmanagedType.LPUTF8Str)] string locale, IntPtr baseLocale);

    [DllImport("libc", EntryPoint = "strtoll_l", SetLastError = true)]
    private static extern long NativeStrToLL(IntPtr text, out IntPtr end, int radix, IntPtr locale);

    [DllImport("libc", EntryPoint = "strtoull_l", SetLastError = true)]
    private static extern ulong NativeStrToULL(IntPtr text, out IntPtr end, int radix, IntPtr locale);

    [DllImport("libc", EntryPoint = "strtod_l", SetLastError = true)]
    private static extern double NativeStrToD(IntPtr text, out IntPtr end, IntPtr locale);

    [DllImport("libc", EntryPoint = "uselocale")]
    private static extern IntPtr UseLocale(IntPtr locale);

    [DllImport("libc", EntryPoint = "strfromd")]
    private static extern int NativeStrFromD(byte[] buffer, nuint size, [MarshalAs(UnmanagedType.LPUTF8Str)] string format, double value);

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
