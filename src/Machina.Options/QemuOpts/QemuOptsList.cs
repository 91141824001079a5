using Machina.Options.Internal;
using Machina.QObjects;

namespace Machina.Options;

/// <summary>
/// A QemuOpts option group such as <c>-drive</c> or <c>-netdev</c> (QEMU's <c>QemuOptsList</c>):
/// the parameters it accepts, how its strings are read, and the instances parsed so far.
/// </summary>
/// <remarks>
/// <para>A group with no descriptions accepts any parameter name and keeps every value as text;
/// its user checks the values later (<see cref="QemuOpts.Validate"/>). A group with descriptions
/// rejects unknown names with <c>Invalid parameter 'NAME'</c> and checks each value by type.</para>
/// <para>Instances are told apart by <c>id</c>: a second instance with the same id fails with
/// <c>Duplicate ID 'ID' for GROUP</c>. A merge-lists group (like QEMU's <c>-boot</c>) has a single
/// instance that every parse adds to, and refuses <c>id</c>.</para>
/// <para>Not thread-safe: like QEMU's, a group is meant to be filled while reading one command line.</para>
/// </remarks>
public sealed class QemuOptsList
{
    private readonly List<QemuOpts> _instances = [];
    private readonly Dictionary<string, QemuOptDesc> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates a group.</summary>
    /// <param name="name">The group's name (shown in messages such as <c>Duplicate ID 'x' for drive</c>), or null.</param>
    /// <param name="descriptions">The accepted parameters; none means any parameter is accepted.
    /// When two share a name, the first is used.</param>
    /// <param name="impliedOptName">The parameter a leading bare value stands for when a parse permits it, or null.</param>
    /// <param name="mergeLists">True for a group with one instance that all parses merge into.</param>
    public QemuOptsList(string? name, IEnumerable<QemuOptDesc> descriptions, string? impliedOptName = null, bool mergeLists = false)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        Name = name;
        ImpliedOptName = impliedOptName;
        MergeLists = mergeLists;
        Descriptions = [.. descriptions];
        foreach (var description in Descriptions)
        {
            ArgumentNullException.ThrowIfNull(description, nameof(descriptions));
            _byName.TryAdd(description.Name, description);
        }
    }

    /// <summary>The group's name, or null.</summary>
    public string? Name { get; }

    /// <summary>The parameter a leading bare value stands for, or null.</summary>
    public string? ImpliedOptName { get; }

    /// <summary>True when all parses add to one instance.</summary>
    public bool MergeLists { get; }

    /// <summary>The accepted parameters, in the order given.</summary>
    public IReadOnlyList<QemuOptDesc> Descriptions { get; }

    /// <summary>True when the group has no descriptions and so accepts any parameter.</summary>
    public bool AcceptsAny => Descriptions.Count == 0;

    /// <summary>The instances, oldest first.</summary>
    public IReadOnlyList<QemuOpts> Instances => _instances;

    /// <summary>
    /// A group with the parameters of <paramref name="destination"/> followed by those of
    /// <paramref name="list"/> whose names are new (QEMU's <c>qemu_opts_append</c>); name, implied name
    /// and merge flag come from <paramref name="destination"/>, or are unset when it is null.
    /// </summary>
    /// <remarks>The result has no instances; QEMU combines descriptions this way only to build new groups.</remarks>
    public static QemuOptsList Append(QemuOptsList? destination, QemuOptsList? list)
    {
        var descriptions = new List<QemuOptDesc>(destination?.Descriptions ?? []);
        var names = new HashSet<string>(descriptions.Select(d => d.Name), StringComparer.Ordinal);
        foreach (var description in list?.Descriptions ?? [])
        {
            if (names.Add(description.Name))
            {
                descriptions.Add(description);
            }
        }

        return new QemuOptsList(destination?.Name, descriptions, destination?.ImpliedOptName, destination?.MergeLists ?? false);
    }

    /// <summary>
    /// Whether <paramref name="parameters"/>, read without an implied name, contains a bare
    /// <c>help</c> or <c>?</c> (QEMU's <c>has_help_option</c>).
    /// </summary>
    public static bool HasHelpOption(string parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = CString.Of(parameters.AsSpan());
        for (var position = 0; position < text.Length;)
        {
            position = QemuOptsSyntax.Next(text, position, null, out var parameter);
            if (parameter.IsHelp)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The description of <paramref name="name"/>, or null.</summary>
    public QemuOptDesc? FindDescription(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The first instance whose id is <paramref name="id"/> (null finds one without id), or null.</summary>
    public QemuOpts? Find(string? id)
    {
        foreach (var opts in _instances)
        {
            if (string.Equals(opts.Id, id, StringComparison.Ordinal))
            {
                return opts;
            }
        }

        return null;
    }

    /// <summary>
    /// Adds an instance (QEMU's <c>qemu_opts_create</c>). For a merge-lists group, returns the existing
    /// instance if there is one.
    /// </summary>
    /// <param name="id">The instance's id, or null.</param>
    /// <exception cref="OptionsException"><c>Invalid parameter 'id'</c> for a merge-lists group;
    /// <c>Parameter 'id' expects an identifier</c> (with QEMU's hint) for a malformed id;
    /// <c>Duplicate ID 'ID' for GROUP</c>.</exception>
    public QemuOpts Create(string? id = null)
    {
        var opts = TryCreate(id, out var error);
        return opts ?? throw error!.ToException();
    }

    internal QemuOpts? TryCreate(string? id, out OptionsError? error)
    {
        error = null;
        if (id is not null)
        {
            id = CString.Text(id);
        }

        if (MergeLists)
        {
            if (id is not null)
            {
                error = Messages.InvalidParameter("id");
                return null;
            }

            if (Find(null) is { } existing)
            {
                return existing;
            }
        }
        else if (id is not null)
        {
            if (!QemuConversions.IsWellFormedId(id))
            {
                error = Messages.IdExpected();
                return null;
            }

            if (Find(id) is not null)
            {
                error = Messages.DuplicateId(id, Name);
                return null;
            }
        }

        var opts = new QemuOpts(this, id);
        _instances.Add(opts);
        return opts;
    }

    /// <summary>Deletes every instance (QEMU's <c>qemu_opts_reset</c>).</summary>
    public void Reset() => _instances.Clear();

    internal void Remove(QemuOpts opts) => _instances.Remove(opts);

    /// <summary>
    /// Parses <paramref name="parameters"/> into a new instance (QEMU's <c>qemu_opts_parse</c>).
    /// </summary>
    /// <remarks>
    /// <para>The instance's id is the value of the first <c>id=</c> parameter (read without the
    /// implied name); <c>id</c> never becomes a setting. Repeated parameters are all kept and the last
    /// one counts. A bare <c>help</c> becomes the setting <c>help=on</c>
    /// (<see cref="QemuOpts.HasHelpOption"/>).</para>
    /// <para>On error the instance is deleted, including, for a merge-lists group, the shared instance
    /// with everything merged into it before, as QEMU does.</para>
    /// </remarks>
    /// <param name="parameters">The option string.</param>
    /// <param name="permitAbbreviation">Whether a leading bare value stands for <see cref="ImpliedOptName"/>.</param>
    /// <param name="warnings">Receives QEMU's warnings (hexadecimal sizes with a suffix), or null.</param>
    /// <exception cref="OptionsException">QEMU's message for the first mistake.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="permitAbbreviation"/> without an implied name.</exception>
    public QemuOpts Parse(string parameters, bool permitAbbreviation = false, ICollection<OptionsWarning>? warnings = null)
    {
        var help = false;
        var opts = ParseCore(parameters, permitAbbreviation, warnOnFlag: false, ref help, helpWanted: false, warnings, out var error);
        return opts ?? throw error!.ToException();
    }

    /// <summary>
    /// Parses a command-line option as QEMU's <c>qemu_opts_parse_noisily</c> does: like
    /// <see cref="Parse"/>, but a group with descriptions treats a bare <c>help</c> or <c>?</c> as a
    /// request for its help, and short-form booleans (<c>flag</c>, <c>noflag</c>) draw QEMU's
    /// deprecation warning.
    /// </summary>
    /// <param name="parameters">The option string.</param>
    /// <param name="permitAbbreviation">Whether a leading bare value stands for <see cref="ImpliedOptName"/>.</param>
    /// <returns>The new instance, or a help request (print <see cref="HelpFormatter.OptionsHelp"/> for this group).</returns>
    /// <exception cref="OptionsException">QEMU's message for the first mistake.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="permitAbbreviation"/> without an implied name.</exception>
    public QemuOptsParseResult ParseNoisily(string parameters, bool permitAbbreviation)
    {
        var warnings = new List<OptionsWarning>();
        var help = false;
        var opts = ParseCore(parameters, permitAbbreviation, warnOnFlag: true, ref help, helpWanted: !AcceptsAny, warnings, out var error);
        if (opts is null && !help)
        {
            throw error!.ToException();
        }

        return new QemuOptsParseResult(opts, help, warnings);
    }

    private QemuOpts? ParseCore(
        string parameters,
        bool permitAbbreviation,
        bool warnOnFlag,
        ref bool help,
        bool helpWanted,
        ICollection<OptionsWarning>? warnings,
        out OptionsError? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (permitAbbreviation && ImpliedOptName is null)
        {
            throw new InvalidOperationException($"option group '{Name}' has no implied option name to abbreviate");
        }

        var text = CString.Of(parameters.AsSpan());
        var opts = TryCreate(QemuOptsSyntax.FindId(text), out error);
        if (opts is null)
        {
            error = error!.At(parameters, 0);
            return null;
        }

        var firstName = permitAbbreviation ? ImpliedOptName : null;
        if (!opts.ParseInto(parameters, firstName, warnOnFlag, helpWanted, ref help, warnings, out error))
        {
            opts.Delete();
            return null;
        }

        return opts;
    }

    /// <summary>
    /// Creates an instance from a dictionary (QEMU's <c>qemu_opts_from_qdict</c>), as QEMU turns a
    /// JSON option or QMP arguments into QemuOpts.
    /// </summary>
    /// <remarks>
    /// A string <c>id</c> becomes the instance's id. Strings, numbers (<c>%.17g</c> for doubles) and
    /// booleans (<c>on</c>/<c>off</c>) become settings; other values are ignored. Entries are taken in
    /// QEMU's hash-table order, so the settings' order and the first error match QEMU's.
    /// </remarks>
    /// <param name="dict">The dictionary.</param>
    /// <param name="warnings">Receives QEMU's warnings, or null.</param>
    /// <exception cref="OptionsException">QEMU's message for the first unacceptable entry.</exception>
    public QemuOpts FromQDict(QDict dict, ICollection<OptionsWarning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(dict);
        dict.TryGetString("id", out var id);
        var opts = Create(id);
        foreach (var entry in QemuDictOrder.Entries(dict))
        {
            if (opts.TrySetFromQDictEntry(entry.Key, entry.Value, warnings) is { } error)
            {
                opts.Delete();
                throw error.ToException();
            }
        }

        return opts;
    }
}

/// <summary>What <see cref="QemuOptsList.ParseNoisily"/> produced.</summary>
/// <param name="Opts">The new instance; null when help was requested.</param>
/// <param name="HelpRequested">True when the string asked for the group's help.</param>
/// <param name="Warnings">QEMU's warnings for the string, in order.</param>
public sealed record QemuOptsParseResult(QemuOpts? Opts, bool HelpRequested, IReadOnlyList<OptionsWarning> Warnings);
