namespace Machina.Qom.Internal;

/// <summary>Reads a whole file, failing with GLib's messages (QEMU reads secrets with <c>g_file_get_contents</c>).</summary>
internal static class FileContents
{
    /// <summary>The file's bytes, or null with GLib's description of the failure.</summary>
    public static byte[]? Read(string path, out string? error)
    {
        error = null;
        try
        {
            if (path.Length == 0)
            {
                error = OpenFailed(path, "No such file or directory");
                return null;
            }

            if (Directory.Exists(path))
            {
                // GLib opens a directory fine; reading it is what fails.
                error = $"Error reading file \u201C{path}\u201D: Is a directory";
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error = OpenFailed(path, "No such file or directory");
        }
        catch (UnauthorizedAccessException)
        {
            error = OpenFailed(path, "Permission denied");
        }
        catch (IOException e)
        {
            error = OpenFailed(path, e.Message);
        }

        return null;
    }

    private static string OpenFailed(string path, string reason) => $"Failed to open file \u201C{path}\u201D: {reason}";
}
