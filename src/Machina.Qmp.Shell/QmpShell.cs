using System.Net.Sockets;
using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qmp.Client;

namespace Machina.Qmp.Shell;

/// <summary>What the shell does with each line, independent of where lines come from.</summary>
/// <param name="client">The connection.</param>
/// <param name="output">Where replies go.</param>
/// <param name="errors">Where messages about bad input go.</param>
/// <param name="settings">Pretty printing, verbosity, HMP mode.</param>
internal sealed class QmpShell(QmpClient client, TextWriter output, TextWriter errors, ShellSettings settings)
{
    /// <summary>The prompt, as qmp-shell's.</summary>
    public string Prompt => settings.Hmp ? "(HMP) " : "(QEMU) ";

    /// <summary>Connects to <paramref name="address"/>: a Unix socket path, or HOST:PORT for TCP.</summary>
    public static Task<QmpClient> ConnectAsync(string address, CancellationToken cancellationToken)
    {
        var colon = address.LastIndexOf(':');
        if (!File.Exists(address) && colon > 0 && int.TryParse(address[(colon + 1)..], out var port))
        {
            return QmpClient.ConnectTcpAsync(address[..colon].Trim('[', ']'), port, cancellationToken: cancellationToken);
        }

        return QmpClient.ConnectUnixAsync(address, cancellationToken: cancellationToken);
    }

    /// <summary>Formats a message for printing.</summary>
    public string Format(QObject value) => QJson.ToJson(value, new QJsonWriterOptions { Pretty = settings.Pretty });

    /// <summary>Runs one line: a QMP command, raw JSON, or HMP (in HMP mode or after <c>!</c>).</summary>
    /// <returns>False when the connection is gone.</returns>
    public async Task<bool> RunLineAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            if (settings.Hmp || line.StartsWith('!'))
            {
                var commandLine = settings.Hmp ? line : line[1..];
                if (commandLine.Trim().Length == 0)
                {
                    return true;
                }

                var text = await client.ExecuteAsync("human-monitor-command", new QDict { ["command-line"] = commandLine }, cancellationToken);
                await output.WriteAsync(((QString)text).Value);
                return true;
            }

            QDict? request;
            try
            {
                request = ShellCommandLine.Parse(line);
            }
            catch (FormatException e)
            {
                await errors.WriteLineAsync($"Error while parsing command line: {e.Message}\ncommand format: <command-name> [arg-name1=arg1] ... [arg-nameN=argN]");
                return true;
            }

            if (request is null)
            {
                return true;
            }

            if (settings.Verbose)
            {
                await output.WriteLineAsync(Format(request));
            }

            var reply = await client.SendRequestAsync(request, cancellationToken: cancellationToken);
            await output.WriteLineAsync(Format(reply));
            return true;
        }
        catch (QmpErrorException e)
        {
            await errors.WriteLineAsync($"Error: {e.ClassName}: {e.Description}");
            return true;
        }
        catch (QmpDisconnectedException)
        {
            await output.WriteLineAsync("Disconnected");
            return false;
        }
    }

    /// <summary>Runs one line for <c>-c</c>: prints the reply's <c>return</c> value as JSON.</summary>
    /// <returns>The exit code: 0 on success, 1 for an error reply or bad input, 2 when the connection failed.</returns>
    public async Task<int> RunOnceAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            if (settings.Hmp || line.StartsWith('!'))
            {
                var text = await client.ExecuteAsync("human-monitor-command", new QDict { ["command-line"] = settings.Hmp ? line : line[1..] }, cancellationToken);
                await output.WriteAsync(((QString)text).Value);
                return 0;
            }

            var request = ShellCommandLine.Parse(line);
            if (request is null)
            {
                await errors.WriteLineAsync("machina-qmp: -c needs a command");
                return 1;
            }

            var reply = await client.SendRequestAsync(request, cancellationToken: cancellationToken);
            if (reply.TryGet<QDict>("error", out var error))
            {
                await errors.WriteLineAsync(Format(error));
                return 1;
            }

            await output.WriteLineAsync(Format(reply.GetValueOrDefault("return") ?? new QDict()));
            return 0;
        }
        catch (FormatException e)
        {
            await errors.WriteLineAsync($"machina-qmp: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is QmpDisconnectedException or SocketException)
        {
            await errors.WriteLineAsync($"machina-qmp: {e.Message}");
            return 2;
        }
    }
}

/// <summary>The shell's switches.</summary>
/// <param name="Pretty">Print JSON in QEMU's pretty layout.</param>
/// <param name="Verbose">Echo each request before its reply.</param>
/// <param name="Hmp">Every line is an HMP command.</param>
internal sealed record ShellSettings(bool Pretty, bool Verbose, bool Hmp);
