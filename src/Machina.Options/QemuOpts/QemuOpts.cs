using System.Globalization;
using System.Text;
using Machina.Options.Internal;
using Machina.QObjects;
using Machina.QObjects.Text;

namespace Machina.Options;

/// <summary>
/// One instance of a QemuOpts group, such as one <c>-drive</c> option (QEMU's <c>QemuOpts</c>):
/// an optional id and the settings, in the order given.
/// </summary>
/// <remarks>
/// A parameter may be set several times; every setting is kept, and the getters see the last one
/// (as QEMU's <c>qemu_opt_find</c> searches from the end). The getters fall back to the
/// description's default text, then to the caller's default.
/// </remarks>
public sealed class QemuOpts
{
    private readonly List<QemuOpt> _settings = [];

    internal QemuOpts(QemuOptsList list, string? id)
    {
        List = list;
        Id = id;
    }

    /// <summary>The group.</summary>
    public QemuOptsList List { get; }

    /// <summary>The id, or null. Setting it does not check it (as QEMU's <c>qemu_opts_set_id</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The settings, in the order given.</summary>
    public IReadOnlyList<QemuOpt> Settings => _settings;

    /// <summary>True when some setting is named <c>help</c> or <c>?</c> (QEMU's <c>qemu_opt_has_help_opt</c>).</summary>
    public bool HasHelpOption
    {
        get
        {
            foreach (var setting in _settings)
            {
                if (QemuConversions.IsHelpOption(setting.Name))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The last setting of <paramref name="name"/>, or null (QEMU's <c>qemu_opt_find</c>).</summary>
    public QemuOpt? Find(string name)
    {
        for (var i = _settings.Count - 1; i >= 0; i--)
        {
            if (_settings[i].Name == name)
            {
                return _settings[i];
            }
        }

        return null;
    }

    /// <summary>The values of every setting of <paramref name="name"/>, oldest first (QEMU's <c>qemu_opt_iter</c>).</summary>
    public IEnumerable<string> GetAll(string name) =>
        _settings.Where(s => s.Name == name).Select(s => s.Value);

    /// <summary>The text of <paramref name="name"/>: its last setting, else its default text, else null.</summary>
    public string? Get(string name) => Find(name)?.Value ?? List.FindDescription(name)?.DefaultValue;

    /// <summary>As <see cref="Get"/>, then removes every setting of <paramref name="name"/> (QEMU's <c>qemu_opt_get_del</c>).</summary>
    public string? GetAndDelete(string name)
    {
        var value = Get(name);
        _settings.RemoveAll(s => s.Name == name);
        return value;
    }

    /// <summary>The boolean <paramref name="name"/>: its last setting, else its default text, else <paramref name="defaultValue"/>.</summary>
    /// <exception cref="InvalidOperationException">The setting is not described as <see cref="QemuOptType.Bool"/>,
    /// or the described default is not a boolean.</exception>
    public bool GetBool(string name, bool defaultValue) => GetBool(name, defaultValue, delete: false);

    /// <summary>As <see cref="GetBool(string, bool)"/>, then removes every setting of <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">As <see cref="GetBool(string, bool)"/>.</exception>
    public bool GetBoolAndDelete(string name, bool defaultValue) => GetBool(name, defaultValue, delete: true);

    /// <summary>The number <paramref name="name"/>: its last setting, else its default text, else <paramref name="defaultValue"/>.</summary>
    /// <exception cref="InvalidOperationException">The setting is not described as <see cref="QemuOptType.Number"/>,
    /// or the described default is not a number.</exception>
    public ulong GetNumber(string name, ulong defaultValue) => GetUInt64(name, defaultValue, QemuOptType.Number, delete: false);

    /// <summary>As <see cref="GetNumber(string, ulong)"/>, then removes every setting of <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">As <see cref="GetNumber(string, ulong)"/>.</exception>
    public ulong GetNumberAndDelete(string name, ulong defaultValue) => GetUInt64(name, defaultValue, QemuOptType.Number, delete: true);

    /// <summary>The size <paramref name="name"/>: its last setting, else its default text, else <paramref name="defaultValue"/>.</summary>
    /// <exception cref="InvalidOperationException">The setting is not described as <see cref="QemuOptType.Size"/>,
    /// or the described default is not a size.</exception>
    public ulong GetSize(string name, ulong defaultValue) => GetUInt64(name, defaultValue, QemuOptType.Size, delete: false);

    /// <summary>As <see cref="GetSize(string, ulong)"/>, then removes every setting of <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">As <see cref="GetSize(string, ulong)"/>.</exception>
    public ulong GetSizeAndDelete(string name, ulong defaultValue) => GetUInt64(name, defaultValue, QemuOptType.Size, delete: true);

    /// <summary>Adds the setting <c>name=value</c>, checked against the group (QEMU's <c>qemu_opt_set</c>).</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="value">Its text.</param>
    /// <param name="warnings">Receives QEMU's warnings, or null.</param>
    /// <exception cref="OptionsException">The group does not accept the parameter or its value.</exception>
    public void Set(string name, string value, ICollection<OptionsWarning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (TryAdd(CString.Text(name), CString.Text(value), warnings) is { } error)
        {
            throw error.ToException();
        }
    }

    /// <summary>Adds a boolean setting, text <c>on</c> or <c>off</c> (QEMU's <c>qemu_opt_set_bool</c>).</summary>
    /// <exception cref="OptionsException"><c>Invalid parameter 'NAME'</c>.</exception>
    public void SetBool(string name, bool value)
    {
        var setting = AddUnchecked(name, value ? "on" : "off");
        setting.SetBool(value);
    }

    /// <summary>Adds a number setting, text in signed decimal (QEMU's <c>qemu_opt_set_number</c>).</summary>
    /// <exception cref="OptionsException"><c>Invalid parameter 'NAME'</c>.</exception>
    public void SetNumber(string name, long value)
    {
        var setting = AddUnchecked(name, value.ToString(CultureInfo.InvariantCulture));
        setting.SetUInt64(unchecked((ulong)value));
    }

    /// <summary>Removes the last setting of <paramref name="name"/> (QEMU's <c>qemu_opt_unset</c>).</summary>
    /// <returns>False when there was none.</returns>
    /// <exception cref="InvalidOperationException">The group has descriptions; QEMU allows this only for groups that accept anything.</exception>
    public bool Unset(string name)
    {
        if (!List.AcceptsAny)
        {
            throw new InvalidOperationException($"option group '{List.Name}' has descriptions; only groups that accept any parameter can unset one");
        }

        var setting = Find(name);
        return setting is not null && _settings.Remove(setting);
    }

    /// <summary>Removes this instance from its group (QEMU's <c>qemu_opts_del</c>).</summary>
    public void Delete()
    {
        _settings.Clear();
        List.Remove(this);
    }

    /// <summary>
    /// Parses more settings into this instance (QEMU's <c>qemu_opts_do_parse</c>). <c>id</c>
    /// parameters are skipped; the id is not changed.
    /// </summary>
    /// <param name="parameters">The option string.</param>
    /// <param name="firstName">The parameter a leading bare value stands for, or null.</param>
    /// <param name="warnings">Receives QEMU's warnings, or null.</param>
    /// <exception cref="OptionsException">QEMU's message for the first mistake; settings before it stay.</exception>
    public void Parse(string parameters, string? firstName = null, ICollection<OptionsWarning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var help = false;
        if (!ParseInto(parameters, firstName, warnOnFlag: false, helpWanted: false, ref help, warnings, out var error))
        {
            throw error!.ToException();
        }
    }

    /// <summary>
    /// Checks every setting against <paramref name="descriptions"/>, for a group that accepts anything
    /// (QEMU's <c>qemu_opts_validate</c>); afterwards the typed getters work.
    /// </summary>
    /// <exception cref="OptionsException"><c>Invalid parameter 'NAME'</c>, or the value's type error.</exception>
    /// <exception cref="InvalidOperationException">The group has descriptions of its own.</exception>
    public void Validate(IReadOnlyList<QemuOptDesc> descriptions, ICollection<OptionsWarning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        if (!List.AcceptsAny)
        {
            throw new InvalidOperationException($"option group '{List.Name}' has descriptions of its own");
        }

        foreach (var setting in _settings)
        {
            setting.Description = descriptions.FirstOrDefault(d => d.Name == setting.Name);
            if (setting.Description is null)
            {
                throw Messages.InvalidParameter(setting.Name).ToException();
            }

            if (ParseValue(setting, warnings) is { } error)
            {
                throw error.ToException();
            }
        }
    }

    /// <summary>
    /// A dictionary of string values (QEMU's <c>qemu_opts_to_qdict</c>): <c>id</c> first when set,
    /// then each parameter once, in the order first given, with its last value.
    /// </summary>
    /// <param name="into">A dictionary to add to, or null for a new one.</param>
    public QDict ToQDict(QDict? into = null) => ToQDictFiltered(into, null, delete: false);

    /// <summary>
    /// As <see cref="ToQDict"/>, but only parameters described by <paramref name="filter"/> (all when
    /// null), removing them from this instance when <paramref name="delete"/> is true
    /// (QEMU's <c>qemu_opts_to_qdict_filtered</c>).
    /// </summary>
    public QDict ToQDictFiltered(QDict? into, QemuOptsList? filter, bool delete)
    {
        var dict = into ?? new QDict();
        if (Id is not null)
        {
            dict["id"] = new QString(Id);
        }

        for (var i = 0; i < _settings.Count; i++)
        {
            var setting = _settings[i];
            if (filter is not null && filter.FindDescription(setting.Name) is null)
            {
                continue;
            }

            dict[setting.Name] = new QString(setting.Value);
            if (delete)
            {
                _settings.RemoveAt(i--);
            }
        }

        return dict;
    }

    /// <summary>
    /// Moves into this instance every entry of <paramref name="dict"/> the group accepts, removing it
    /// from <paramref name="dict"/> (QEMU's <c>qemu_opts_absorb_qdict</c>); <c>id</c> is removed
    /// without being applied.
    /// </summary>
    /// <exception cref="OptionsException">An entry's value is unacceptable; entries taken before it stay moved.</exception>
    public void AbsorbQDict(QDict dict, ICollection<OptionsWarning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(dict);
        foreach (var (key, value) in QemuDictOrder.Entries(dict))
        {
            if (!List.AcceptsAny && List.FindDescription(key) is null)
            {
                continue;
            }

            if (TrySetFromQDictEntry(key, value, warnings) is { } error)
            {
                throw error.ToException();
            }

            dict.Remove(key);
        }
    }

    /// <summary>
    /// The instance as QEMU's <c>qemu_opts_print</c> writes it: <c>id=ID</c>, then for a group with
    /// descriptions each described parameter in description order (its last value or its default;
    /// numbers and sizes that were set in signed decimal), or for a group that accepts anything every
    /// setting in order. String values have ',' doubled; entries are joined by <paramref name="separator"/>.
    /// </summary>
    public string Print(string separator)
    {
        ArgumentNullException.ThrowIfNull(separator);
        var output = new StringBuilder();
        var sep = string.Empty;
        if (Id is not null)
        {
            output.Append("id=").Append(Id);
            sep = separator;
        }

        if (List.AcceptsAny)
        {
            foreach (var setting in _settings)
            {
                output.Append(sep).Append(setting.Name).Append('=');
                AppendEscaped(output, setting.Value);
                sep = separator;
            }

            return output.ToString();
        }

        foreach (var description in List.Descriptions)
        {
            var setting = Find(description.Name);
            var value = setting?.Value ?? description.DefaultValue;
            if (value is null)
            {
                continue;
            }

            output.Append(sep).Append(description.Name).Append('=');
            if (description.Type == QemuOptType.String)
            {
                AppendEscaped(output, value);
            }
            else if (description.Type is QemuOptType.Size or QemuOptType.Number && setting is not null)
            {
                output.Append(unchecked((long)setting.UInt64Value).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                output.Append(value);
            }

            sep = separator;
        }

        return output.ToString();
    }

    /// <summary>The instance in QemuOpts syntax, settings separated by ','.</summary>
    public override string ToString() => Print(",");

    internal bool ParseInto(
        string parameters,
        string? firstName,
        bool warnOnFlag,
        bool helpWanted,
        ref bool help,
        ICollection<OptionsWarning>? warnings,
        out OptionsError? error)
    {
        error = null;
        var text = CString.Of(parameters.AsSpan());
        for (var position = 0; position < text.Length;)
        {
            var start = position;
            position = QemuOptsSyntax.Next(text, position, firstName, out var parameter);
            if (parameter.FlagPrefix is { } prefix && !parameter.IsHelp && warnOnFlag)
            {
                warnings?.Add(Messages.ShortFormBoolean(prefix, parameter.Name, parameter.Value));
            }

            if (helpWanted && parameter.IsHelp)
            {
                help = true;
                return false;
            }

            firstName = null;
            if (parameter.Name == "id")
            {
                continue;
            }

            if (TryAdd(parameter.Name, parameter.Value, warnings) is { } failure)
            {
                error = failure.At(parameters, start);
                return false;
            }
        }

        return true;
    }

    internal OptionsError? TrySetFromQDictEntry(string key, QObject value, ICollection<OptionsWarning>? warnings)
    {
        if (key == "id")
        {
            return null;
        }

        var text = value switch
        {
            QString s => CString.Text(s.Value),
            QNum n => n.ToString(),
            QBool b => b.Value ? "on" : "off",
            _ => null,
        };
        return text is null ? null : TryAdd(CString.Text(key), text, warnings);
    }

    private OptionsError? TryAdd(string name, string value, ICollection<OptionsWarning>? warnings)
    {
        var description = List.FindDescription(name);
        if (description is null && !List.AcceptsAny)
        {
            return Messages.InvalidParameter(name);
        }

        var setting = new QemuOpt(this, name, value) { Description = description };
        if (ParseValue(setting, warnings) is { } error)
        {
            return error;
        }

        _settings.Add(setting);
        return null;
    }

    private QemuOpt AddUnchecked(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = CString.Text(name);
        var description = List.FindDescription(name);
        if (description is null && !List.AcceptsAny)
        {
            throw Messages.InvalidParameter(name).ToException();
        }

        var setting = new QemuOpt(this, name, text) { Description = description };
        _settings.Add(setting);
        return setting;
    }

    private static OptionsError? ParseValue(QemuOpt setting, ICollection<OptionsWarning>? warnings)
    {
        switch (setting.Description?.Type)
        {
            case QemuOptType.Bool:
                if (!QemuBool.TryParse(setting.Value, out var flag))
                {
                    return Messages.BoolExpected(setting.Name);
                }

                setting.SetBool(flag);
                return null;
            case QemuOptType.Number:
                if (!QemuConversions.TryParseOptionNumber(setting.Name, setting.Value, out var number, out var numberError))
                {
                    return numberError;
                }

                setting.SetUInt64(number);
                return null;
            case QemuOptType.Size:
                if (!QemuConversions.TryParseOptionSize(setting.Name, setting.Value, out var size, out var hexWithSuffix, out var sizeError))
                {
                    return sizeError;
                }

                if (hexWithSuffix)
                {
                    warnings?.Add(Messages.HexWithSuffix(setting.Value));
                }

                setting.SetUInt64(size);
                return null;
            default:
                return null;
        }
    }

    private bool GetBool(string name, bool defaultValue, bool delete)
    {
        var setting = Find(name);
        if (setting is null)
        {
            if (List.FindDescription(name)?.DefaultValue is { } text)
            {
                return QemuBool.TryParse(text, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"default '{text}' of '{name}' is not a boolean");
            }

            return defaultValue;
        }

        if (setting.Description?.Type != QemuOptType.Bool)
        {
            throw new InvalidOperationException($"parameter '{name}' is not described as a boolean");
        }

        if (delete)
        {
            _settings.RemoveAll(s => s.Name == name);
        }

        return setting.BoolValue;
    }

    private ulong GetUInt64(string name, ulong defaultValue, QemuOptType type, bool delete)
    {
        var setting = Find(name);
        if (setting is null)
        {
            if (List.FindDescription(name)?.DefaultValue is { } text)
            {
                var ok = type == QemuOptType.Number
                    ? QemuConversions.TryParseOptionNumber(name, text, out var parsed, out _)
                    : QemuConversions.TryParseOptionSize(name, text, out parsed, out _, out _);
                return ok ? parsed : throw new InvalidOperationException($"default '{text}' of '{name}' is not a {(type == QemuOptType.Number ? "number" : "size")}");
            }

            return defaultValue;
        }

        if (setting.Description?.Type != type)
        {
            throw new InvalidOperationException($"parameter '{name}' is not described as a {(type == QemuOptType.Number ? "number" : "size")}");
        }

        if (delete)
        {
            _settings.RemoveAll(s => s.Name == name);
        }

        return setting.UInt64Value;
    }

    private static void AppendEscaped(StringBuilder output, string value)
    {
        foreach (var c in value)
        {
            output.Append(c);
            if (c == ',')
            {
                output.Append(',');
            }
        }
    }
}
