using System.CommandLine;
using System.Net.Sockets;
using Machina.Qmp.Client;
using Machina.Qmp.Shell;

var addressArgument = new Argument<string>("socket")
{
    Description = "The QMP monitor: a Unix socket path (-qmp unix:PATH,server=on) or HOST:PORT (-qmp tcp:HOST:PORT,server=on).",
};
var commandOption = new Option<string?>("--command", "-c")
{
    Description = "Run one command (qmp-shell syntax, JSON, or !HMP), print its return value as JSON and exit: 0 success, 1 error reply, 2 connection failure.",
};
var prettyOption = new Option<bool>("--pretty", "-p") { Description = "Pretty-print JSON." };
var verboseOption = new Option<bool>("--verbose", "-v") { Description = "Echo each request before its reply." };
var hmpOption = new Option<bool>("--hmp", "-H") { Description = "Every line is a human monitor (HMP) command, run through human-monitor-command." };
var historyOption = new Option<string?>("--history")
{
    Description = "The history file (default ~/.machina_qmp_history).",
};
var root = new RootCommand("machina-qmp: talk to a QEMU QMP monitor. Type 'command key=value ...', a JSON request, or '!HMP command'; an empty line shows nothing new: events print as they arrive.")
{
    addressArgument, commandOption, prettyOption, verboseOption, hmpOption, historyOption,
};
root.SetAction(async (result, cancellationToken) =>
{
    var settings = new ShellSettings(result.GetValue(prettyOption), result.GetValue(verboseOption), result.GetValue(hmpOption));
    QmpClient client;
    try
    {
        client = await QmpShell.ConnectAsync(result.GetValue(addressArgument)!, cancellationToken);
    }
    catch (Exception e) when (e is SocketException or IOException or TimeoutException)
    {
        await Console.Error.WriteLineAsync($"machina-qmp: cannot connect to {result.GetValue(addressArgument)}: {e.Message}");
        return 2;
    }

    await using (client)
    {
        var shell = new QmpShell(client, Console.Out, Console.Error, settings);
        if (result.GetValue(commandOption) is { } once)
        {
            return await shell.RunOnceAsync(once, cancellationToken);
        }

        return await Interactive(client, shell, result.GetValue(historyOption), cancellationToken);
    }
});
return await root.Parse(args).InvokeAsync();

static async Task<int> Interactive(QmpClient client, QmpShell shell, string? historyFile, CancellationToken cancellationToken)
{
    var terminal = !Console.IsInputRedirected && !Console.IsOutputRedirected;
    QmpSchemaFeatures? schema = null;
    try
    {
        schema = await QmpSchemaFeatures.QueryAsync(client, cancellationToken);
    }
    catch (QmpErrorException)
    {
        // A server without introspection still works, without completion.
    }

    var editor = terminal
        ? new LineEditor(new ShellCompleter(schema), historyFile ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".machina_qmp_history"))
        : null;
    if (terminal)
    {
        Console.WriteLine("Welcome to the Machina QMP shell!");
        Console.WriteLine($"Connected to QEMU {client.Greeting.Major}.{client.Greeting.Minor}.{client.Greeting.Micro}");
        Console.WriteLine();
    }

    // Events print as they arrive, above the line being typed.
    using var events = client.Subscribe();
    var printer = Task.Run(async () =>
    {
        await foreach (var e in events)
        {
            var text = shell.Format(e.Raw);
            if (editor is null)
            {
                lock (Console.Out)
                {
                    Console.Out.WriteLine(text);
                }
            }
            else
            {
                editor.WriteAbove(text);
            }
        }
    }, CancellationToken.None);

    while (true)
    {
        var line = editor is null ? await Console.In.ReadLineAsync(cancellationToken) : editor.ReadLine(shell.Prompt);
        if (line is null || !await shell.RunLineAsync(line, cancellationToken))
        {
            break;
        }
    }

    events.Dispose();
    await printer;
    return 0;
}
