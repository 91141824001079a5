using System.Runtime.InteropServices;

namespace Machina.Qapi.Source;

/// <summary>
/// Where schema files come from. File names are resolved against <see cref="BaseDirectory"/>, so
/// a schema loaded as <c>schema.json</c> with the base directory set to its folder reports every
/// location relative to that folder, as QEMU does when run from there.
/// </summary>
/// <remarks>Override <see cref="ReadAllBytes"/> to serve files from memory (tests, editors).</remarks>
public class QapiSourceFiles
{
    /// <summary>The largest schema file read (64 MiB); a larger one, or an endless device, is an error.</summary>
    public const int MaxFileSize = 64 << 20;

    /// <summary>Reads files relative to <paramref name="baseDirectory"/> (default: the current directory).</summary>
    public QapiSourceFiles(string? baseDirectory = null)
    {
        BaseDirectory = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory());
    }

    /// <summary>The folder relative file names are resolved against.</summary>
    public string BaseDirectory { get; }

    /// <summary>
    /// The absolute, normalized form of <paramref name="path"/> (<c>.</c>, <c>..</c> and a final
    /// <c>/</c> removed, symbolic links kept): two names denote the same file for include purposes when these are equal.
    /// </summary>
    public virtual string GetFullPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path.Length == 0 ? "." : path, BaseDirectory);
        return full.Length > 1 ? Path.TrimEndingDirectorySeparator(full) : full;
    }

    /// <summary>Reads a whole file.</summary>
    /// <exception cref="IOException">The file cannot be read; <see cref="DescribeFailure"/> words why.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public virtual byte[] ReadAllBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = GetFullPath(path);
        if (Directory.Exists(full) && path.Length > 0)
        {
            throw new QapiFileException("Is a directory");
        }

        if (path.Length == 0 || path.EndsWith('/') || !File.Exists(full))
        {
            throw FailureOfMissingFile(path, full);
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var expected = stream.CanSeek ? stream.Length : 0;
        if (expected > MaxFileSize)
        {
            throw new QapiFileException("File too large");
        }

        var buffer = new byte[expected > 0 ? expected : 4096];
        var length = 0;
        Span<byte> probe = stackalloc byte[1];
        while (true)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length == buffer.Length)
            {
                // Full: either the end (the usual case for a file of known size) or a file that grew
                // or has no size, such as a device; grow up to the limit.
                if (stream.Read(probe) == 0)
                {
                    break;
                }

                if (length >= MaxFileSize)
                {
                    throw new QapiFileException("File too large");
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxFileSize + 1L));
                buffer[length++] = probe[0];
            }
        }

        if (length != buffer.Length)
        {
            Array.Resize(ref buffer, length);
        }

        return buffer;
    }

    /// <summary>Why a path names no file: a file where a folder should be, or nothing at all.</summary>
    private static IOException FailureOfMissingFile(string path, string fullPath)
    {
        if (path.EndsWith('/') && File.Exists(fullPath))
        {
            return new QapiFileException("Not a directory");
        }

        for (var folder = Path.GetDirectoryName(fullPath); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return new QapiFileException("Not a directory");
            }
        }

        return new FileNotFoundException(null, path);
    }

    /// <summary>
    /// The operating system's wording of why a file could not be read ("No such file or directory"),
    /// which QEMU puts in its report.
    /// </summary>
    public static string DescribeFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            QapiFileException e => e.Message,
            FileNotFoundException or DirectoryNotFoundException => "No such file or directory",
            UnauthorizedAccessException => "Permission denied",
            PathTooLongException => "File name too long",

            // Other failures carry the operating system's error number.
            IOException { HResult: > 0 and < 4096 } e => Marshal.GetPInvokeErrorMessage(e.HResult),
            _ => exception.Message,
        };
    }
}

/// <summary>A file that exists but cannot be used as a schema file; the message is the reason.</summary>
public sealed class QapiFileException : IOException
{
    /// <summary>Creates the failure with the operating system's wording of the reason.</summary>
    public QapiFileException(string message)
        : base(message)
    {
    }
}
