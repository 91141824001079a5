using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Commands;

/// <summary>
/// The commands one QMP server offers, in registration order (QEMU's <c>QmpCommandList</c>).
/// Register everything before serving; lookups, <see cref="Disable"/> and <see cref="Enable"/>
/// are safe from any thread while requests run.
/// </summary>
public sealed class QmpCommandTable : IEnumerable<QmpCommand>
{
    private readonly List<QmpCommand> _ordered = [];
    private readonly Dictionary<string, QmpCommand> _byName = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The number of registered commands.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ordered.Count;
            }
        }
    }

    /// <summary>Registers a command.</summary>
    /// <exception cref="ArgumentException">
    /// A command of that name exists, or the options combine <see cref="QmpCommandOptions.Coroutine"/>
    /// with <see cref="QmpCommandOptions.AllowOob"/> (QEMU forbids that too).
    /// </exception>
    public QmpCommand Register(string name, QmpCommandHandler handler, QmpCommandOptions options = QmpCommandOptions.None,
        QapiSpecialFeatures specialFeatures = QapiSpecialFeatures.None)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        if ((options & QmpCommandOptions.Coroutine) != 0 && (options & QmpCommandOptions.AllowOob) != 0)
        {
            throw new ArgumentException($"command '{name}': coroutine commands cannot allow out-of-band execution", nameof(options));
        }

        var command = new QmpCommand(name, handler, options, specialFeatures);
        lock (_gate)
        {
            if (!_byName.TryAdd(name, command))
            {
                throw new ArgumentException($"command '{name}' is already registered", nameof(name));
            }

            _ordered.Add(command);
        }

        return command;
    }

    /// <summary>The command named <paramref name="name"/>, when registered.</summary>
    public bool TryFind(string name, [NotNullWhen(true)] out QmpCommand? command)
    {
        lock (_gate)
        {
            return _byName.TryGetValue(name, out command);
        }
    }

    /// <summary>
    /// Turns a command off; requests for it then fail with <c>CommandNotFound</c>
    /// ("Command NAME has been disabled: REASON"). Unknown names are ignored, as QEMU does.
    /// </summary>
    public void Disable(string name, string? reason = null)
    {
        if (TryFind(name, out var command))
        {
            command.SetState(false, reason);
        }
    }

    /// <summary>Turns a disabled command back on. Unknown names are ignored.</summary>
    public void Enable(string name)
    {
        if (TryFind(name, out var command))
        {
            command.SetState(true, null);
        }
    }

    /// <summary>The commands in registration order (a snapshot).</summary>
    public IEnumerator<QmpCommand> GetEnumerator()
    {
        QmpCommand[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _ordered];
        }

        return ((IEnumerable<QmpCommand>)snapshot).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
