using System.Globalization;

namespace Machina.TestSupport;

/// <summary>How many cases a property test tries.</summary>
public static class PropertyRuns
{
    /// <summary>
    /// <paramref name="usual"/>, unless the environment variable <c>CsCheck_Iter</c> asks for another
    /// count (CsCheck's own name for it), so a long run can be made locally without editing tests:
    /// <c>CsCheck_Iter=1000000 dotnet test --project ... -- --filter-method '*glibc*'</c>.
    /// </summary>
    public static long Iterations(long usual) =>
        long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : usual;
}
