using Machina.QObjects;

namespace Machina.Options;

/// <summary>
/// What a help listing says about one property of an object or device type: the metadata QEMU takes
/// from its object model (<c>ObjectPropertyInfo</c>), supplied here by the caller.
/// </summary>
/// <param name="Name">The property's name, as used in option strings.</param>
/// <param name="Type">Its type as shown between angle brackets, for example <c>bool</c>, <c>uint32</c>, <c>link&lt;rng-backend&gt;</c>.</param>
/// <param name="Description">One line of description, or null.</param>
/// <param name="DefaultValue">The default, shown as QEMU's JSON, or null when there is none.</param>
public sealed record PropertyHelp(string Name, string Type, string? Description = null, QObject? DefaultValue = null);

/// <summary>The categories QEMU sorts devices into for <c>-device help</c>, in QEMU's listing order.</summary>
public enum DeviceCategory
{
    /// <summary>Controller/Bridge/Hub.</summary>
    Bridge,

    /// <summary>USB.</summary>
    Usb,

    /// <summary>Storage.</summary>
    Storage,

    /// <summary>Network.</summary>
    Network,

    /// <summary>Input.</summary>
    Input,

    /// <summary>Display.</summary>
    Display,

    /// <summary>Sound.</summary>
    Sound,

    /// <summary>Misc.</summary>
    Misc,

    /// <summary>CPU.</summary>
    Cpu,

    /// <summary>Watchdog.</summary>
    Watchdog,
}

/// <summary>What <c>-device help</c> and <c>-device TYPE,help</c> say about one device type.</summary>
/// <param name="Name">The type name.</param>
/// <param name="Properties">The properties <c>-device TYPE,help</c> lists.</param>
/// <param name="BusType">The bus the device plugs into (for example <c>PCI</c>), or null.</param>
/// <param name="Alias">A shorter name <c>-device</c> also accepts (for example <c>virtio-net</c>), or null.</param>
/// <param name="Description">One line of description, or null.</param>
/// <param name="UserCreatable">False for devices the user cannot create with <c>-device</c> (listed as <c>no-user</c>, and only in full listings).</param>
/// <param name="Categories">The categories it is listed under; none means "Uncategorized".</param>
public sealed record DeviceHelp(
    string Name,
    IReadOnlyList<PropertyHelp> Properties,
    string? BusType = null,
    string? Alias = null,
    string? Description = null,
    bool UserCreatable = true,
    IReadOnlyList<DeviceCategory>? Categories = null);

/// <summary>What <c>-object help</c> and <c>-object TYPE,help</c> say about one user-creatable object type.</summary>
/// <param name="Name">The type name (the <c>qom-type</c>).</param>
/// <param name="Properties">The settable properties <c>-object TYPE,help</c> lists.</param>
public sealed record ObjectTypeHelp(string Name, IReadOnlyList<PropertyHelp> Properties);
