using Machina.Qapi.Visitors;

namespace Machina.Qapi.Commands;

/// <summary>A registered QMP command (QEMU's <c>QmpCommand</c>).</summary>
public sealed class QmpCommand
{
    private volatile CommandState _state = CommandState.On;

    internal QmpCommand(string name, QmpCommandHandler handler, QmpCommandOptions options, QapiSpecialFeatures specialFeatures)
    {
        Name = name;
        Handler = handler;
        Options = options;
        SpecialFeatures = specialFeatures;
    }

    /// <summary>The command's wire name, for example <c>query-status</c>.</summary>
    public string Name { get; }

    /// <summary>What runs the command.</summary>
    public QmpCommandHandler Handler { get; }

    /// <summary>How the command may be run.</summary>
    public QmpCommandOptions Options { get; }

    /// <summary>The command's <c>deprecated</c> and <c>unstable</c> features.</summary>
    public QapiSpecialFeatures SpecialFeatures { get; }

    /// <summary>False once <see cref="QmpCommandTable.Disable"/> has turned the command off.</summary>
    public bool IsEnabled => _state.Enabled;

    /// <summary>Why the command is disabled, when it is and a reason was given.</summary>
    public string? DisableReason => _state.Reason;

    /// <summary>True unless the command succeeds silently.</summary>
    public bool HasSuccessResponse => (Options & QmpCommandOptions.NoSuccessResponse) == 0;

    internal void SetState(bool enabled, string? reason) => _state = enabled ? CommandState.On : new CommandState(false, reason);

    // One immutable object, so a reader never sees a new flag with an old reason.
    private sealed record CommandState(bool Enabled, string? Reason)
    {
        public static readonly CommandState On = new(true, null);
    }
}
