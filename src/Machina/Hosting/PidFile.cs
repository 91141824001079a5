using Machina.Program.CommandLine;

namespace Machina.Program.Hosting;

/// <summary>
/// The <c>-pidfile</c> file: the process id and a newline, held open (and so locked against a second
/// instance) while the program runs, removed when it ends.
/// </summary>
internal sealed class PidFile : IDisposable
{
    private readonly FileStream _file;

    private PidFile(string path, FileStream file)
    {
        Path = path;
        _file = file;
    }

    /// <summary>Where the file is.</summary>
    public string Path { get; }

    /// <summary>Creates (or takes over) the file at <paramref name="path"/> and writes this process's id into it.</summary>
    /// <exception cref="CommandLineException">QEMU's "cannot create PID file: ..." message.</exception>
    public static PidFile Create(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e switch
            {
                DirectoryNotFoundException => "No such file or directory",
                UnauthorizedAccessException => "Permission denied",
                _ => e.Message,
            };
            throw new CommandLineException(null, $"cannot create PID file: Could not create '{path}': {reason}");
        }

        file.SetLength(0);
        var text = System.Text.Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n");
        file.Write(text);
        file.Flush();
        return new PidFile(path, file);
    }

    /// <summary>Removes the file.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Removed by someone else already.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _file.Dispose();
    }
}
