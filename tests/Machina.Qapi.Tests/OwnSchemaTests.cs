namespace Machina.Qapi.Tests;

/// <summary>
/// Our own tricky schemas (<c>Schemas/</c>), each with the dump and error QEMU 7.2's front end
/// produced for it (<c>test-qapi.py -u</c>), so these pass without QEMU's reference data.
/// </summary>
public class OwnSchemaTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Schemas");

    public static TheoryData<string> Cases() =>
        [.. File.ReadAllLines(Path.Combine(Folder, "cases.txt")).Where(l => l.Length > 0)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_matches_qemu(string name) => QapiCase.AssertMatches(Folder, name);
}
