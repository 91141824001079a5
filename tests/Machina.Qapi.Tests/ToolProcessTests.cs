using System.Diagnostics;
using System.Text;
using Machina.TestSupport;

namespace Machina.Qapi.Tests;

/// <summary>The real <c>machina-qapi</c> program: standard output, standard error and exit code.</summary>
public class ToolProcessTests
{
    private static (int ExitCode, string Out, string Err) RunTool(params string[] arguments)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "machina-qapi.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Suite(string name) => Path.Combine(QemuReference.PathOf("tests/qapi-schema"), name);

    [Theory]
    [InlineData("qapi-schema-test")]
    [InlineData("doc-good")]
    [InlineData("include-repetition")]
    public void Dump_of_a_good_schema_goes_to_stdout_with_exit_code_0(string name)
    {
        var (exitCode, stdout, stderr) = RunTool("dump", Suite(name + ".json"));
        Assert.Equal(0, exitCode);
        QapiCase.AssertSameLines(File.ReadAllText(Suite(name + ".out")), stdout, name + ".out");
        Assert.Equal(string.Empty, stderr);
    }

    [Theory]
    [InlineData("duplicate-key")]
    [InlineData("include-nested-err")]
    [InlineData("include-cycle")]
    [InlineData("missing-schema")]
    [InlineData("redefined-type")]
    public void Error_goes_to_stderr_relative_to_the_schema_folder_with_exit_code_1(string name)
    {
        var (exitCode, stdout, stderr) = RunTool("dump", Suite(name + ".json"));
        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        QapiCase.AssertSameLines(File.ReadAllText(Suite(name + ".err")), stderr, name + ".err");
    }

    [Fact]
    public void Full_qemu_schema_dumps_through_the_program()
    {
        var (exitCode, stdout, stderr) = RunTool("dump", QemuReference.PathOf("qapi/qapi-schema.json"));
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, exitCode);
        QapiCase.AssertSameLines(File.ReadAllText(QemuReference.PathOf("qapi-schema.dump")), stdout, "qapi-schema.dump");
    }

    [Fact]
    public void Missing_argument_is_a_usage_error()
    {
        var (exitCode, stdout, stderr) = RunTool("dump");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("schema", stderr + stdout, StringComparison.OrdinalIgnoreCase);
    }
}
