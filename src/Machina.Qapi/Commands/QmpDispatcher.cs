using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Commands;

/// <summary>
/// Turns one QMP request into its response (QEMU's <c>qmp_dispatch</c>): checks the request's
/// shape, finds the command, applies the compatibility policy, the enabled flag, the out-of-band
/// and preconfig rules, runs the handler and wraps its result or error, echoing <c>id</c>.
/// </summary>
/// <remarks>
/// The dispatcher knows nothing of connections; a QMP server reads requests, calls
/// <see cref="DispatchAsync"/> and writes what it returns. Every failure becomes an error response
/// with QEMU's class and text; nothing but cancellation escapes as an exception.
/// </remarks>
public sealed class QmpDispatcher
{
    /// <summary>A dispatcher over <paramref name="commands"/>.</summary>
    public QmpDispatcher(QmpCommandTable commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        Commands = commands;
    }

    /// <summary>The commands this dispatcher runs.</summary>
    public QmpCommandTable Commands { get; }

    /// <summary>
    /// Whether machine initialization has completed. Until it has, only commands with
    /// <see cref="QmpCommandOptions.AllowPreconfig"/> run. Defaults to always ready.
    /// </summary>
    public Func<bool> IsMachineReady { get; init; } = static () => true;

    /// <summary>
    /// Called when a handler throws something other than a <see cref="QapiException"/> (a bug in
    /// the handler). The client still gets a <c>GenericError</c> response naming the command.
    /// </summary>
    public Action<QmpCommand, Exception>? HandlerFault { get; init; }

    /// <summary>True when <paramref name="request"/> asks for out-of-band execution (QEMU's <c>qmp_is_oob</c>).</summary>
    public static bool IsOob(QDict request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContainsKey("exec-oob") && !request.ContainsKey("execute");
    }

    /// <summary>QEMU's error response for <paramref name="error"/>: <c>{"error": {"class": ..., "desc": ...}}</c>.</summary>
    public static QDict ErrorResponse(QapiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new QDict
        {
            ["error"] = new QDict
            {
                ["class"] = error.ErrorClass.ToQapiName(),
                ["desc"] = error.Message,
            },
        };
    }

    /// <summary>
    /// Runs <paramref name="request"/> and returns its response, or null for a command that
    /// succeeded without a success response.
    /// </summary>
    /// <param name="request">The parsed request; anything but a dictionary is an error.</param>
    /// <param name="allowOob">Whether this session negotiated out-of-band execution, so that <c>exec-oob</c> is a valid key.</param>
    /// <param name="context">Policy, session and cancellation for the command; its <see cref="QmpCommandContext.IsOob"/> is set from the request.</param>
    /// <exception cref="OperationCanceledException">The context's token was cancelled while the command ran.</exception>
    public async ValueTask<QDict?> DispatchAsync(QObject request, bool allowOob, QmpCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);

        var dict = request as QDict;
        var id = dict?.GetValueOrDefault("id");
        QDict response;
        try
        {
            if (dict is null)
            {
                throw new QapiException("QMP input must be a JSON object");
            }

            var (command, oob) = Prepare(dict, allowOob, context.Policy);
            var arguments = dict.GetValueOrDefault("arguments") as QDict ?? [];
            var result = await RunAsync(command, arguments, context with { IsOob = oob }).ConfigureAwait(false);
            if (!command.HasSuccessResponse)
            {
                return null;
            }

            response = new QDict { ["return"] = result ?? new QDict() };
        }
        catch (QapiException e)
        {
            response = ErrorResponse(e);
        }

        if (id is not null)
        {
            response["id"] = id;
        }

        return response;
    }

    private (QmpCommand Command, bool Oob) Prepare(QDict request, bool allowOob, CompatPolicy policy)
    {
        var executeKey = CheckShape(request, allowOob);
        var name = ((QString)request[executeKey]).Value;
        var oob = executeKey == "exec-oob";

        if (!Commands.TryFind(name, out var command))
        {
            throw new QapiException(QapiErrorClass.CommandNotFound, $"The command {name} has not been found");
        }

        policy.CheckInput(command.SpecialFeatures, QapiErrorClass.CommandNotFound, "command", name);

        if (!command.IsEnabled)
        {
            var reason = command.DisableReason is { } r ? ": " + r : string.Empty;
            throw new QapiException(QapiErrorClass.CommandNotFound, $"Command {name} has been disabled{reason}");
        }

        if (oob && (command.Options & QmpCommandOptions.AllowOob) == 0)
        {
            throw new QapiException($"The command {name} does not support OOB");
        }

        if ((command.Options & QmpCommandOptions.AllowPreconfig) == 0 && !IsMachineReady())
        {
            throw new QapiException($"The command '{name}' is permitted only after machine initialization has completed");
        }

        return (command, oob);
    }

    // QEMU checks the members in the order its dictionary enumerates them, so when several are
    // wrong, the one reported is the first in that order.
    private static string CheckShape(QDict request, bool allowOob)
    {
        Span<int> order = request.Count <= 16 ? stackalloc int[request.Count] : new int[request.Count];
        QemuDictOrder.Sort(request, order);

        string? executeKey = null;
        foreach (var index in order)
        {
            var (key, value) = request.GetAt(index);
            switch (key)
            {
                case "execute":
                case "exec-oob" when allowOob:
                    if (value is not QString)
                    {
                        throw new QapiException($"QMP input member '{key}' must be a string");
                    }

                    if (executeKey is not null)
                    {
                        throw new QapiException($"QMP input member '{key}' clashes with '{executeKey}'");
                    }

                    executeKey = key;
                    break;
                case "arguments":
                    if (value is not QDict)
                    {
                        throw new QapiException("QMP input member 'arguments' must be an object");
                    }

                    break;
                case "id":
                    break;
                default:
                    throw new QapiException($"QMP input member '{key}' is unexpected");
            }
        }

        return executeKey ?? throw new QapiException("QMP input lacks member 'execute'");
    }

    private async ValueTask<QObject?> RunAsync(QmpCommand command, QDict arguments, QmpCommandContext context)
    {
        try
        {
            return await command.Handler(arguments, context).ConfigureAwait(false);
        }
        catch (QapiException)
        {
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            HandlerFault?.Invoke(command, e);
            throw new QapiException($"Command {command.Name} failed: {e.Message}");
        }
    }
}
