using Machina.QObjects;

namespace Machina.Qmp.Client;

/// <summary>
/// The server's greeting: <c>{"QMP": {"version": {"qemu": {"major": 7, "minor": 2, "micro": 0},
/// "package": "..."}, "capabilities": ["oob"]}}</c>.
/// </summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="Micro">The micro version.</param>
/// <param name="Package">The package string (Debian's <c>Debian 1:7.2+dfsg-7+deb12u18</c>), empty when none.</param>
/// <param name="Capabilities">The capabilities offered, such as <c>oob</c>.</param>
/// <param name="Raw">The greeting message as received.</param>
public sealed record QmpGreeting(long Major, long Minor, long Micro, string Package, IReadOnlyList<string> Capabilities, QDict Raw)
{
    /// <summary>The version as <c>major.minor.micro</c>.</summary>
    public Version Version => new((int)Major, (int)Minor, (int)Micro);

    /// <summary>Reads a greeting message.</summary>
    /// <exception cref="QmpProtocolException">The message is not a QMP greeting.</exception>
    public static QmpGreeting Parse(QDict message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.TryGet<QDict>("QMP", out var qmp)
            || !qmp.TryGet<QDict>("version", out var version)
            || !version.TryGet<QDict>("qemu", out var qemu)
            || !qemu.TryGetInt64("major", out var major)
            || !qemu.TryGetInt64("minor", out var minor)
            || !qemu.TryGetInt64("micro", out var micro)
            || !qmp.TryGet<QList>("capabilities", out var capabilities))
        {
            throw new QmpProtocolException($"expected the QMP greeting, got {QJsonText(message)}");
        }

        var names = new List<string>(capabilities.Count);
        foreach (var capability in capabilities)
        {
            if (capability is QString name)
            {
                names.Add(name.Value);
            }
        }

        return new QmpGreeting(major, minor, micro, version.TryGetString("package", out var package) ? package : string.Empty, names, message);
    }

    private static string QJsonText(QObject value) => Machina.QObjects.Json.QJson.ToJson(value);
}
