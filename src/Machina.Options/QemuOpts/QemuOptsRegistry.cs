using Machina.Options.Internal;

namespace Machina.Options;

/// <summary>
/// The option groups a program knows by name (QEMU's <c>vm_config_groups</c> with
/// <c>qemu_add_opts</c> and <c>qemu_find_opts</c>), so that a config file or <c>-set</c> can name one.
/// </summary>
public sealed class QemuOptsRegistry
{
    private readonly List<QemuOptsList> _groups = [];

    /// <summary>The groups, in the order added.</summary>
    public IReadOnlyList<QemuOptsList> Groups => _groups;

    /// <summary>Adds <paramref name="list"/>.</summary>
    /// <exception cref="ArgumentException">The group has no name.</exception>
    public void Add(QemuOptsList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.Name is null)
        {
            throw new ArgumentException("a registered option group needs a name", nameof(list));
        }

        _groups.Add(list);
    }

    /// <summary>The first group named <paramref name="group"/>.</summary>
    /// <exception cref="OptionsException"><c>There is no option group 'GROUP'</c>.</exception>
    public QemuOptsList Find(string group) =>
        TryFind(group) ?? throw Messages.NoSuchGroup(group).ToException();

    /// <summary>The first group named <paramref name="group"/>, or null.</summary>
    public QemuOptsList? TryFind(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return _groups.Find(g => g.Name == group);
    }
}
