using System.Runtime.InteropServices;
using Machina.Qapi;

namespace Machina.Qom.Memory;

/// <summary>
/// A block of host memory for guest RAM (QEMU's anonymous RAM blocks): on Linux an anonymous
/// <c>mmap</c>, private or shared, with or without swap reservation, so pages are committed when
/// first touched; elsewhere native heap memory. Freed by <see cref="Dispose"/>.
/// </summary>
public sealed class HostMemory : IDisposable
{
    private nint _address;

    private HostMemory(nint address, ulong length, bool mapped)
    {
        _address = address;
        Length = length;
        IsMapped = mapped;
    }

    /// <summary>The first byte; zero once disposed.</summary>
    public nint Address => _address;

    /// <summary>The number of usable bytes (the requested size rounded up to whole pages).</summary>
    public ulong Length { get; }

    /// <summary>True when the memory is a Linux mapping (so <c>madvise</c> and <c>mbind</c> apply).</summary>
    public bool IsMapped { get; }

    /// <summary>The host's page size.</summary>
    public static ulong PageSize => (ulong)Environment.SystemPageSize;

    /// <summary>
    /// Allocates <paramref name="size"/> bytes for the RAM block named <paramref name="name"/>
    /// (QEMU's <c>qemu_anon_ram_alloc</c>).
    /// </summary>
    /// <param name="name">The block's name, for the error.</param>
    /// <param name="size">The size in bytes; rounded up to whole pages.</param>
    /// <param name="shared">Map shared rather than private (<c>share=on</c>).</param>
    /// <param name="reserve">Reserve swap space (<c>reserve=on</c>); off maps with <c>MAP_NORESERVE</c>.</param>
    /// <exception cref="QapiException">The host refused: "cannot set up guest memory 'NAME': REASON".</exception>
    public static HostMemory Allocate(string name, ulong size, bool shared, bool reserve)
    {
        var pageSize = PageSize;
        var length = size > ulong.MaxValue - pageSize + 1 ? 0 : (size + pageSize - 1) & ~(pageSize - 1);
        if (length == 0 || length > long.MaxValue)
        {
            throw new QapiException($"cannot set up guest memory '{name}': {Describe(Native.ENOMEM)}");
        }

        if (OperatingSystem.IsLinux())
        {
            var flags = Native.MAP_ANONYMOUS | (shared ? Native.MAP_SHARED : Native.MAP_PRIVATE) | (reserve ? 0 : Native.MAP_NORESERVE);
            var address = Native.mmap(0, (nuint)length, Native.PROT_READ | Native.PROT_WRITE, flags, -1, 0);
            if (address == Native.MAP_FAILED)
            {
                throw new QapiException($"cannot set up guest memory '{name}': {Describe(Marshal.GetLastPInvokeError())}");
            }

            return new HostMemory(address, length, mapped: true);
        }

        try
        {
            unsafe
            {
                var address = (nint)NativeMemory.AlignedAlloc((nuint)length, (nuint)pageSize);
                NativeMemory.Clear((void*)address, (nuint)length);
                return new HostMemory(address, length, mapped: false);
            }
        }
        catch (OutOfMemoryException)
        {
            throw new QapiException($"cannot set up guest memory '{name}': {Describe(Native.ENOMEM)}");
        }
    }

    /// <summary>Marks the memory mergeable or not by the kernel's same-page merging (<c>MADV_MERGEABLE</c>); a no-op where unsupported.</summary>
    public void SetMergeable(bool mergeable) => Advise(mergeable ? Native.MADV_MERGEABLE : Native.MADV_UNMERGEABLE);

    /// <summary>Includes the memory in core dumps or not (<c>MADV_DODUMP</c>/<c>MADV_DONTDUMP</c>); a no-op where unsupported.</summary>
    public void SetDumpable(bool dumpable) => Advise(dumpable ? Native.MADV_DODUMP : Native.MADV_DONTDUMP);

    /// <summary>
    /// Binds the memory to host NUMA nodes (<c>mbind</c> with <c>MPOL_MF_STRICT | MPOL_MF_MOVE</c>).
    /// </summary>
    /// <param name="policy">The Linux memory policy (QEMU's <c>HostMemPolicy</c> values are Linux's).</param>
    /// <param name="nodeMask">The node bitmap, 64 nodes per word.</param>
    /// <param name="maxNode">The number of bits the kernel looks at.</param>
    /// <returns>0, or the errno of the failure.</returns>
    public int Bind(int policy, ulong[] nodeMask, ulong maxNode)
    {
        ArgumentNullException.ThrowIfNull(nodeMask);
        if (!IsMapped || Native.MbindSyscall() is not { } number)
        {
            return Native.ENOSYS;
        }

        unsafe
        {
            fixed (ulong* mask = nodeMask)
            {
                var result = Native.syscall(number, _address, (nint)Length, policy, (nint)mask, (nint)maxNode,
                    Native.MPOL_MF_STRICT | Native.MPOL_MF_MOVE);
                return result == 0 ? 0 : Marshal.GetLastPInvokeError();
            }
        }
    }

    /// <summary>
    /// Commits every page now (QEMU's <c>qemu_prealloc_mem</c>), touching pages from up to
    /// <paramref name="threads"/> threads.
    /// </summary>
    public void Preallocate(int threads)
    {
        var address = _address;
        ObjectDisposedException.ThrowIf(address == 0, this);
        if (IsMapped && Native.madvise(address, (nuint)Length, Native.MADV_POPULATE_WRITE) == 0)
        {
            return;
        }

        var pages = (long)(Length / PageSize);
        var pageSize = (long)PageSize;
        Parallel.For(0, pages, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, page =>
        {
            unsafe
            {
                var p = (byte*)address + (page * pageSize);
                Volatile.Write(ref *p, Volatile.Read(ref *p));
            }
        });
    }

    /// <summary>Copies <paramref name="source"/> into the memory at <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range does not fit.</exception>
    public void Write(ulong offset, ReadOnlySpan<byte> source)
    {
        Check(offset, source.Length);
        unsafe
        {
            source.CopyTo(new Span<byte>((byte*)_address + offset, source.Length));
        }
    }

    /// <summary>Copies memory at <paramref name="offset"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range does not fit.</exception>
    public void Read(ulong offset, Span<byte> destination)
    {
        Check(offset, destination.Length);
        unsafe
        {
            new ReadOnlySpan<byte>((byte*)_address + offset, destination.Length).CopyTo(destination);
        }
    }

    /// <summary>Gives the memory back to the host.</summary>
    public void Dispose()
    {
        var address = Interlocked.Exchange(ref _address, 0);
        if (address == 0)
        {
            return;
        }

        if (IsMapped)
        {
            _ = Native.munmap(address, (nuint)Length);
        }
        else
        {
            unsafe
            {
                NativeMemory.AlignedFree((void*)address);
            }
        }
    }

    /// <summary>The C library's text for <paramref name="errno"/> (<c>strerror</c>).</summary>
    internal static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    private void Advise(int advice)
    {
        if (IsMapped && _address != 0)
        {
            // QEMU ignores what madvise says, too.
            _ = Native.madvise(_address, (nuint)Length, advice);
        }
    }

    private void Check(ulong offset, int count)
    {
        ObjectDisposedException.ThrowIf(_address == 0, this);
        if (offset > Length || (ulong)count > Length - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"{count} bytes at {offset} do not fit in {Length}");
        }
    }

    private static class Native
    {
        public const int PROT_READ = 1;
        public const int PROT_WRITE = 2;
        public const int MAP_SHARED = 0x01;
        public const int MAP_PRIVATE = 0x02;
        public const int MAP_ANONYMOUS = 0x20;
        public const int MAP_NORESERVE = 0x4000;
        public const int MADV_MERGEABLE = 12;
        public const int MADV_UNMERGEABLE = 13;
        public const int MADV_DONTDUMP = 16;
        public const int MADV_DODUMP = 17;
        public const int MADV_POPULATE_WRITE = 23;
        public const int MPOL_MF_STRICT = 1;
        public const int MPOL_MF_MOVE = 2;
        public const int ENOMEM = 12;
        public const int ENOSYS = 38;
        public static readonly nint MAP_FAILED = -1;

        public static nint? MbindSyscall() => RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 237,
            Architecture.Arm64 => 235,
            _ => null,
        };

        [DllImport("libc", SetLastError = true)]
        public static extern nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

        [DllImport("libc", SetLastError = true)]
        public static extern int munmap(nint addr, nuint length);

        [DllImport("libc", SetLastError = true)]
        public static extern int madvise(nint addr, nuint length, int advice);

        [DllImport("libc", SetLastError = true)]
        public static extern nint syscall(nint number, nint a1, nint a2, nint a3, nint a4, nint a5, nint a6);
    }
}
