using System.Text;
using Machina.Qapi;
using Machina.Qapi.Commands;
using Machina.Program.Qapi;
using Machina.Qmp.Machine;
using Machina.Qmp.Schema;
using Machina.Qapi.Visitors;
using Machina.Qom;
using Machina.Qom.Commands;

namespace Machina.Program.Hosting;

/// <summary>
/// The machina program's own commands (qapi/machina-program.json): <c>query-name</c> and
/// <c>human-monitor-command</c> with the part of the human monitor that has something to show here
/// (<c>info qom-tree</c>, <c>info status</c>, <c>info name</c>).
/// </summary>
internal sealed class ProgramCommands(QomRuntime runtime, QomCommands qom, IQmpMachine machine, string? name) : IMachinaProgramCommands
{
    public ValueTask<NameInfo> QueryNameAsync(QmpCommandContext context) => ValueTask.FromResult(new NameInfo { Name = name });

    public ValueTask<string> HumanMonitorCommandAsync(string commandLine, long? cpuIndex, QmpCommandContext context) =>
        ValueTask.FromResult(RunHumanCommand(commandLine).Replace("\n", "\r\n", StringComparison.Ordinal));

    // The output as the human monitor prints it, with '\n' line ends.
    private string RunHumanCommand(string commandLine)
    {
        var words = commandLine.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return string.Empty;
        }

        if (words[0] != "info")
        {
            return $"unknown command: '{words[0]}'\n";
        }

        if (words.Length == 1)
        {
            return "info qom-tree [path] -- show QOM composition tree\ninfo status  -- show the current VM status (running|paused)\ninfo name  -- show the current VM name\n";
        }

        switch (words[1])
        {
            case "qom-tree":
                lock (runtime.Gate)
                {
                    return qom.InfoQomTree(words.Length > 2 ? words[2] : null);
                }

            case "status":
                var status = machine.QueryStatus();
                var text = new StringBuilder("VM status: ").Append(status.Running ? "running" : "paused");
                if (!status.Running && status.Status != RunState.Paused)
                {
                    text.Append(" (").Append(status.Status.ToQapiName()).Append(')');
                }

                return text.Append('\n').ToString();
            case "name":
                return name is null ? string.Empty : name + "\n";
            default:
                return $"unknown command: 'info {words[1]}'\n";
        }
    }
}
