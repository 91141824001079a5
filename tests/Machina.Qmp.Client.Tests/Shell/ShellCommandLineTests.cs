using Machina.QObjects.Json;
using Machina.Qmp.Shell;

namespace Machina.Qmp.Client.Tests.Shell;

/// <summary>qmp-shell's <c>command key=value</c> syntax, with its messages.</summary>
public sealed class ShellCommandLineTests
{
    [Theory]
    [InlineData("query-status", """{"execute": "query-status", "arguments": {}}""")]
    [InlineData("blockdev-add driver=file node-name=f0 filename=/tmp/x read-only=true", """{"execute": "blockdev-add", "arguments": {"driver": "file", "node-name": "f0", "filename": "/tmp/x", "read-only": true}}""")]
    [InlineData("x a.b=1 a.c=False n=-5", """{"execute": "x", "arguments": {"a": {"b": 1, "c": false}, "n": -5}}""")]
    [InlineData("x list=[1,2] obj={'k':True}", """{"execute": "x", "arguments": {"list": [1, 2], "obj": {"k": true}}}""")]
    [InlineData("x s=\"two words\" t='it''s' u=a\"b\"", """{"execute": "x", "arguments": {"s": "two words", "t": "it''s", "u": "a\"b\""}}""")]
    [InlineData("""  {"execute": "stop"}  """, """{"execute": "stop"}""")]
    public void Lines_become_requests(string line, string expected) =>
        Assert.Equal(expected, QJson.ToJson(ShellCommandLine.Parse(line)!));

    [Theory]
    [InlineData("x driver", "Expected a key=value pair, got 'driver'")]
    [InlineData("x a=1 a=2", "Cannot set \"a\" multiple times")]
    [InlineData("x a=1 a.b=2", "Cannot use \"a\" as both leaf and non-leaf key")]
    [InlineData("x a.b=1 a=2", "Cannot use \"\" as both leaf and non-leaf key")]
    [InlineData("{\"execute\": ", "invalid JSON: JSON parse error, premature EOI")]
    public void Bad_lines_get_qmp_shell_messages(string line, string message) =>
        Assert.StartsWith(message, Assert.Throws<FormatException>(() => ShellCommandLine.Parse(line)).Message, StringComparison.Ordinal);

    [Fact]
    public void Blank_lines_are_no_request() => Assert.Null(ShellCommandLine.Parse("   "));
}
