using Machina.TestSupport;

namespace Machina.Qapi.Tests;

/// <summary>QEMU 7.2's own front-end regression suite: every case's dump and error, exactly.</summary>
public class QemuSuiteTests
{
    private const string Missing = "(QEMU reference data missing)";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (!QemuReference.IsAvailable)
        {
            // One row that asks for the data, so the run reports the absence (a failure under CI).
            data.Add(Missing);
            return data;
        }

        foreach (var line in File.ReadAllLines(Path.Combine(QemuReference.Root!, "tests", "qapi-schema", "cases.txt")))
        {
            if (line.Length > 0)
            {
                data.Add(line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_matches_qemu(string name)
    {
        var folder = QemuReference.PathOf("tests/qapi-schema");
        Assert.NotEqual(Missing, name);
        QapiCase.AssertMatches(folder, name);
    }

    [Fact]
    public void Suite_lists_all_198_cases()
    {
        var cases = File.ReadAllLines(QemuReference.PathOf("tests/qapi-schema/cases.txt")).Where(l => l.Length > 0);
        Assert.Equal(198, cases.Count());
    }
}
