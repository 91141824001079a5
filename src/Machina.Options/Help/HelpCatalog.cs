using Machina.Options.Internal;
using Machina.QObjects;

namespace Machina.Options;

/// <summary>
/// Answers <c>-object</c> and <c>-device</c> help requests the way QEMU does, from the object and
/// device types the caller describes.
/// </summary>
/// <remarks>
/// QEMU decides what to print from the parsed option: a type name of <c>help</c> or <c>?</c> lists
/// the types; a type name with a <c>help</c> parameter lists that type's properties. Each method here
/// takes the parsed option and returns the text QEMU would print, or null when the option asks for
/// no help (the caller then goes on to create the object or device).
/// </remarks>
public sealed class HelpCatalog
{
    private readonly Dictionary<string, ObjectTypeHelp> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceHelp> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _deviceByAlias = new(StringComparer.Ordinal);

    /// <summary>A catalog of the given types.</summary>
    /// <param name="objectTypes">The user-creatable object types.</param>
    /// <param name="deviceTypes">The device types.</param>
    /// <exception cref="ArgumentException">Two types share a name.</exception>
    public HelpCatalog(IEnumerable<ObjectTypeHelp> objectTypes, IEnumerable<DeviceHelp> deviceTypes)
    {
        ArgumentNullException.ThrowIfNull(objectTypes);
        ArgumentNullException.ThrowIfNull(deviceTypes);
        foreach (var type in objectTypes)
        {
            if (!_objects.TryAdd(type.Name, type))
            {
                throw new ArgumentException($"object type '{type.Name}' is described twice", nameof(objectTypes));
            }
        }

        foreach (var device in deviceTypes)
        {
            if (!_devices.TryAdd(device.Name, device))
            {
                throw new ArgumentException($"device type '{device.Name}' is described twice", nameof(deviceTypes));
            }

            if (device.Alias is not null)
            {
                _deviceByAlias.TryAdd(device.Alias, device.Name);
            }
        }
    }

    /// <summary>The object types, as given.</summary>
    public IReadOnlyCollection<ObjectTypeHelp> ObjectTypes => _objects.Values;

    /// <summary>The device types, as given.</summary>
    public IReadOnlyCollection<DeviceHelp> DeviceTypes => _devices.Values;

    /// <summary>
    /// The help for a keyval <c>-object</c> option that asked for help (QEMU's
    /// <c>user_creatable_parse_str</c>: call it when <see cref="KeyvalParser.Parse(string, string?, out bool)"/>
    /// with implied key <c>qom-type</c> reported a help request): the properties of the named type when it
    /// is known, else the list of types.
    /// </summary>
    /// <param name="arguments">The parsed option.</param>
    public string ObjectHelp(QDict arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.TryGetString("qom-type", out var type) && _objects.TryGetValue(type, out var known)
            ? HelpFormatter.TypeProperties(known.Name, known.Properties)
            : ObjectTypeList();
    }

    /// <summary>
    /// The help a QemuOpts <c>-object</c> option asks for, as QEMU's system emulator decides
    /// (<c>object_option_parse</c> and <c>user_creatable_print_help</c>): the list of types when the type
    /// is <c>help</c> or <c>?</c>; the type's properties when a <c>help</c> parameter is present and the
    /// type is known; otherwise null.
    /// </summary>
    /// <param name="opts">The option, parsed in a group with implied name <c>qom-type</c>.</param>
    /// <exception cref="OptionsException"><c>Parameter 'qom-type' is missing</c>.</exception>
    public string? ObjectHelp(QemuOpts opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        var type = opts.Get("qom-type") ?? throw Messages.MissingParameter("qom-type").ToException();
        if (QemuConversions.IsHelpOption(type))
        {
            return ObjectTypeList();
        }

        if (opts.HasHelpOption && _objects.TryGetValue(type, out var known))
        {
            return HelpFormatter.TypeProperties(known.Name, known.Properties);
        }

        return null;
    }

    /// <summary>
    /// The help a <c>-device</c> option asks for (QEMU's <c>qdev_device_help</c>): the device list when
    /// the driver is <c>help</c> or <c>?</c>; the driver's properties (aliases resolved) when a
    /// <c>help</c> parameter is present; otherwise null.
    /// </summary>
    /// <param name="opts">The option, parsed in a group with implied name <c>driver</c>.</param>
    /// <exception cref="OptionsException"><c>Device 'NAME' not found</c> for help on an unknown driver.</exception>
    public string? DeviceHelp(QemuOpts opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        var driver = opts.Get("driver");
        if (driver is not null && QemuConversions.IsHelpOption(driver))
        {
            return DeviceList();
        }

        if (driver is null || !opts.HasHelpOption)
        {
            return null;
        }

        if (!_devices.ContainsKey(driver) && _deviceByAlias.TryGetValue(driver, out var typeName))
        {
            driver = typeName;
        }

        return _devices.TryGetValue(driver, out var device)
            ? HelpFormatter.TypeProperties(device.Name, device.Properties)
            : throw Messages.DeviceNotFound(driver).ToException();
    }

    /// <summary>The user-creatable types, as <c>-object help</c> prints them.</summary>
    public string ObjectTypeList() => HelpFormatter.UserCreatableTypes(_objects.Keys);

    /// <summary>The device types, as <c>-device help</c> prints them.</summary>
    /// <param name="showNoUser">Whether to include devices the user cannot create.</param>
    public string DeviceList(bool showNoUser = false) => HelpFormatter.DeviceList(_devices.Values, showNoUser);
}
