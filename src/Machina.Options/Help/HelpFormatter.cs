using System.Text;
using Machina.Options.Internal;
using Machina.QObjects.Json;

namespace Machina.Options;

/// <summary>
/// Help listings in QEMU's exact layout, from metadata the caller supplies: a QemuOpts group's
/// parameters (<c>qemu_opts_print_help</c>), a type's properties (<c>-object TYPE,help</c>,
/// <c>-device TYPE,help</c>), the user-creatable object types and the device types.
/// </summary>
/// <remarks>
/// Every listing is the text QEMU prints, newline-terminated lines included. Property and parameter
/// lines are sorted as QEMU sorts them, by the whole line in byte order (so <c>x-max-length=</c>
/// comes before <c>x-max=</c>); type names are sorted ignoring ASCII case.
/// </remarks>
public static class HelpFormatter
{
    private const int DescriptionColumn = 24;

    /// <summary>
    /// The parameters of <paramref name="list"/>, as QEMU's <c>qemu_opts_print_help</c>:
    /// <c>  name=&lt;type&gt;</c>, padded to column 24 and followed by <c> - help</c> when there is help text.
    /// </summary>
    /// <param name="list">The group.</param>
    /// <param name="printCaption">Whether to start with <c>GROUP options:</c> (or <c>Options:</c> for an unnamed group).</param>
    public static string OptionsHelp(QemuOptsList list, bool printCaption = true)
    {
        ArgumentNullException.ThrowIfNull(list);
        var lines = new List<string>(list.Descriptions.Count);
        foreach (var description in list.Descriptions)
        {
            var line = new StringBuilder().Append("  ").Append(description.Name).Append("=<").Append(description.TypeName).Append('>');
            if (description.Help is not null)
            {
                PadToDescriptionColumn(line);
                line.Append(" - ").Append(description.Help);
            }

            lines.Add(line.ToString());
        }

        lines.Sort(Utf8Order.Comparer);
        var output = new StringBuilder();
        if (printCaption && lines.Count > 0)
        {
            output.Append(list.Name is null ? "Options:\n" : $"{list.Name} options:\n");
        }
        else if (lines.Count == 0)
        {
            output.Append(list.Name is null ? "No options available.\n" : $"There are no options for {list.Name}.\n");
        }

        AppendLines(output, lines);
        return output.ToString();
    }

    /// <summary>
    /// One property line as QEMU's <c>object_property_help</c>: <c>  name=&lt;type&gt;</c>, then, when
    /// there is a description or a default, padding to column 24, <c> - </c>, the description and
    /// <c> (default: JSON)</c>. No newline.
    /// </summary>
    public static string PropertyLine(PropertyHelp property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var line = new StringBuilder().Append("  ").Append(property.Name).Append("=<").Append(property.Type).Append('>');
        if (property.Description is not null || property.DefaultValue is not null)
        {
            PadToDescriptionColumn(line);
            line.Append(" - ");
        }

        line.Append(property.Description);
        if (property.DefaultValue is not null)
        {
            line.Append(" (default: ").Append(QJson.ToJson(property.DefaultValue, QJsonWriterOptions.Wire)).Append(')');
        }

        return line.ToString();
    }

    /// <summary>
    /// The properties of <paramref name="typeName"/>, as <c>-object TYPE,help</c> and
    /// <c>-device TYPE,help</c> print them: <c>TYPE options:</c> and the sorted property lines, or
    /// <c>There are no options for TYPE.</c>
    /// </summary>
    public static string TypeProperties(string typeName, IEnumerable<PropertyHelp> properties)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(properties);
        var lines = properties.Select(PropertyLine).ToList();
        lines.Sort(Utf8Order.Comparer);
        var output = new StringBuilder();
        output.Append(lines.Count > 0 ? $"{typeName} options:\n" : $"There are no options for {typeName}.\n");
        AppendLines(output, lines);
        return output.ToString();
    }

    /// <summary>The user-creatable object types, as <c>-object help</c> prints them.</summary>
    public static string UserCreatableTypes(IEnumerable<string> typeNames)
    {
        ArgumentNullException.ThrowIfNull(typeNames);
        var output = new StringBuilder("List of user creatable objects:\n");
        foreach (var name in typeNames.OrderBy(n => n, AsciiCaseInsensitiveOrder.Comparer))
        {
            output.Append("  ").Append(name).Append('\n');
        }

        return output.ToString();
    }

    /// <summary>
    /// The device types by category, as <c>-device help</c> prints them: a heading per category
    /// that has devices (a blank line before every heading but the first category's), then one line
    /// per device: <c>name "NAME"</c>, <c>, bus BUS</c>, <c>, alias "ALIAS"</c>, <c>, desc "TEXT"</c>,
    /// <c>, no-user</c>. A device in several categories is listed under each.
    /// </summary>
    /// <param name="devices">The device types.</param>
    /// <param name="showNoUser">Whether to list devices the user cannot create (QEMU does for <c>info qdm</c>).</param>
    public static string DeviceList(IEnumerable<DeviceHelp> devices, bool showNoUser = false)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var sorted = devices.OrderBy(d => d.Name, AsciiCaseInsensitiveOrder.Comparer).ToList();
        var output = new StringBuilder();
        var categories = Enum.GetValues<DeviceCategory>();
        for (var i = 0; i <= categories.Length; i++)
        {
            var headingPrinted = false;
            foreach (var device in sorted)
            {
                var deviceCategories = device.Categories ?? [];
                var listed = i < categories.Length ? deviceCategories.Contains(categories[i]) : deviceCategories.Count == 0;
                if (!listed || (!showNoUser && !device.UserCreatable))
                {
                    continue;
                }

                if (!headingPrinted)
                {
                    output.Append(i != 0 ? "\n" : "").Append(CategoryHeading(i < categories.Length ? categories[i] : null)).Append(" devices:\n");
                    headingPrinted = true;
                }

                output.Append("name \"").Append(device.Name).Append('"');
                if (device.BusType is not null)
                {
                    output.Append(", bus ").Append(device.BusType);
                }

                if (device.Alias is not null)
                {
                    output.Append(", alias \"").Append(device.Alias).Append('"');
                }

                if (device.Description is not null)
                {
                    output.Append(", desc \"").Append(device.Description).Append('"');
                }

                if (!device.UserCreatable)
                {
                    output.Append(", no-user");
                }

                output.Append('\n');
            }
        }

        return output.ToString();
    }

    private static string CategoryHeading(DeviceCategory? category) => category switch
    {
        DeviceCategory.Bridge => "Controller/Bridge/Hub",
        DeviceCategory.Usb => "USB",
        DeviceCategory.Storage => "Storage",
        DeviceCategory.Network => "Network",
        DeviceCategory.Input => "Input",
        DeviceCategory.Display => "Display",
        DeviceCategory.Sound => "Sound",
        DeviceCategory.Misc => "Misc",
        DeviceCategory.Cpu => "CPU",
        DeviceCategory.Watchdog => "Watchdog",
        _ => "Uncategorized",
    };

    private static void PadToDescriptionColumn(StringBuilder line)
    {
        // QEMU counts bytes of UTF-8.
        var length = Encoding.UTF8.GetByteCount(line.ToString());
        if (length < DescriptionColumn)
        {
            line.Append(' ', DescriptionColumn - length);
        }
    }

    private static void AppendLines(StringBuilder output, List<string> lines)
    {
        foreach (var line in lines)
        {
            output.Append(line).Append('\n');
        }
    }
}
