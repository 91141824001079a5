using Machina.Qapi.Dump;
using Machina.Qapi.Schema;
using Machina.Qapi.Source;

namespace Machina.Qapi.Tests;

/// <summary>
/// One front-end case as QEMU's test harness runs it: load <c>NAME.json</c> from its folder, dump the
/// schema or catch the error, and compare with <c>NAME.out</c> and <c>NAME.err</c> line by line.
/// </summary>
internal static class QapiCase
{
    /// <summary>The dump and the error text QEMU's harness would capture for the schema.</summary>
    public static (string Out, string Err) Run(string folder, string fileName, QapiSourceFiles? files = null)
    {
        try
        {
            return (QapiSchemaDumper.Dump(QapiSchema.Load(fileName, files ?? new QapiSourceFiles(folder))), string.Empty);
        }
        catch (QapiSchemaException e)
        {
            return (string.Empty, e.Message + "\n");
        }
    }

    public static void AssertMatches(string folder, string name)
    {
        var (actualOut, actualErr) = Run(folder, name + ".json");
        AssertSameLines(File.ReadAllText(Path.Combine(folder, name + ".out")), actualOut, name + ".out");
        AssertSameLines(File.ReadAllText(Path.Combine(folder, name + ".err")), actualErr, name + ".err");
    }

    public static void AssertSameLines(string expected, string actual, string what)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
        {
            if (expectedLines[i] != actualLines[i])
            {
                Assert.Fail($"{what}, line {i + 1}:\n expected: {expectedLines[i]}\n   actual: {actualLines[i]}");
            }
        }

        Assert.True(
            expectedLines.Length == actualLines.Length,
            $"{what}: expected {expectedLines.Length - 1} lines, got {actualLines.Length - 1}");
    }
}
