using Xunit;

namespace Machina.TestSupport;

/// <summary>
/// Finds the QEMU 7.2.0 reference data (QEMU's QAPI test suite, its schema, expected dumps and the
/// real binary's replies) that conformance tests compare against.
/// </summary>
/// <remarks>
/// Looked for, in order: <c>$MACHINA_QEMU_REF</c>; <c>../shared/qemu/v7.2.0</c> beside the checkout;
/// <c>.qemu-reference/v7.2.0</c> inside it (what <c>scripts/fetch-qemu-reference</c> writes).
/// When none exists a test that needs the data is skipped with the reason, except under
/// <c>CI=true</c>, where it fails: CI must never pass by skipping conformance.
/// </remarks>
public static class QemuReference
{
    private static readonly Lazy<string?> Location = new(Locate);

    /// <summary>The repository's root folder (the one holding <c>Machina.slnx</c>).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The reference folder, or null when it is missing.</summary>
    public static string? Root => Location.Value;

    /// <summary>True when the reference data was found.</summary>
    public static bool IsAvailable => Root is not null;

    /// <summary>
    /// The reference folder; skips the calling test when it is missing (fails it under <c>CI=true</c>).
    /// </summary>
    public static string Require()
    {
        if (Root is { } root)
        {
            return root;
        }

        var reason = "QEMU reference data not found: set MACHINA_QEMU_REF, place it at ../shared/qemu/v7.2.0, " +
                     "or run scripts/fetch-qemu-reference";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI=true: missing reference data fails the run)");
        }

        Assert.Skip(reason);
        return null!; // not reached: Assert.Skip throws
    }

    /// <summary>The path of <paramref name="relative"/> inside the reference folder; skips as <see cref="Require"/>.</summary>
    public static string PathOf(string relative) => Path.Combine(Require(), relative);

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MACHINA_QEMU_REF");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        string[] candidates =
        [
            Path.Combine(RepositoryRoot, "..", "shared", "qemu", "v7.2.0"),
            Path.Combine(RepositoryRoot, ".qemu-reference", "v7.2.0"),
        ];
        return candidates.Where(Directory.Exists).Select(Path.GetFullPath).FirstOrDefault();
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Machina.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Machina.slnx above {AppContext.BaseDirectory}");
    }
}
