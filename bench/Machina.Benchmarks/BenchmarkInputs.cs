using System.Text;

namespace Machina.Benchmarks;

/// <summary>The inputs the JSON benchmarks share.</summary>
public static class BenchmarkInputs
{
    /// <summary>
    /// QEMU 7.2's real query-qmp-schema reply (207 KB), from the reference data folder:
    /// $MACHINA_QEMU_REF, else ../shared/qemu/v7.2.0 beside the checkout, else .qemu-reference/v7.2.0.
    /// </summary>
    public static byte[] QmpSchema() => File.ReadAllBytes(Path.Combine(ReferenceFolder(), "query-qmp-schema.json"));

    /// <summary>
    /// A QMP session's client side: 1000 small commands of the kinds a management tool sends,
    /// one per line, as separate messages.
    /// </summary>
    public static byte[][] SmallCommands()
    {
        string[] templates =
        [
            "{\"execute\": \"query-status\", \"id\": {0}}",
            "{\"execute\": \"qom-get\", \"arguments\": {\"path\": \"/machine/unattached/device[{0}]\", \"property\": \"type\"}, \"id\": \"libvirt-{0}\"}",
            "{\"execute\": \"device_add\", \"arguments\": {\"driver\": \"virtio-net-pci\", \"id\": \"net{0}\", \"netdev\": \"hostnet{0}\", \"mac\": \"52:54:00:12:34:56\", \"bus\": \"pci.0\", \"addr\": \"0x3\"}, \"id\": {0}}",
            "{\"execute\": \"blockdev-add\", \"arguments\": {\"node-name\": \"disk{0}\", \"driver\": \"qcow2\", \"file\": {\"driver\": \"file\", \"filename\": \"/var/lib/images/vm{0}.qcow2\"}, \"read-only\": false, \"discard\": \"unmap\"}, \"id\": {0}}",
            "{\"execute\": \"query-cpus-fast\", \"id\": {0}}",
        ];
        return [.. Enumerable.Range(0, 1000).Select(i => Encoding.UTF8.GetBytes(templates[i % templates.Length].Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + "\n"))];
    }

    /// <summary>One JSON string of about <paramref name="megabytes"/> MB, as a single message.</summary>
    public static byte[] LongStringMessage(int megabytes)
    {
        var text = new StringBuilder(megabytes << 20);
        var line = "The quick brown fox jumps over the lazy dog; QEMU's JSON lexer reads this byte by byte. ";
        while (text.Length < megabytes << 20)
        {
            text.Append(line);
        }

        return Encoding.ASCII.GetBytes("{\"execute\": \"guest-file-write\", \"arguments\": {\"buf-b64\": \"" + text + "\"}}\n");
    }

    /// <summary>QEMU's reference data: $MACHINA_QEMU_REF, else ../shared/qemu/v7.2.0 beside the checkout, else .qemu-reference/v7.2.0.</summary>
    public static string ReferenceFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MACHINA_QEMU_REF");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Machina.slnx")))
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "..", "shared", "qemu", "v7.2.0"), Path.Combine(dir.FullName, ".qemu-reference", "v7.2.0") })
                {
                    if (Directory.Exists(candidate))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        throw new DirectoryNotFoundException(
            "QEMU reference data not found: set MACHINA_QEMU_REF, place it at ../shared/qemu/v7.2.0, or run scripts/fetch-qemu-reference");
    }
}
