using System.Text;
using Machina.Qapi.Source;

namespace Machina.Qapi.Tests;

/// <summary>Schema files served from memory under a made-up folder, optionally over a real folder.</summary>
internal sealed class MemoryFiles : QapiSourceFiles
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly bool _fallBackToDisk;

    public MemoryFiles(string baseDirectory = "/memory", bool fallBackToDisk = false)
        : base(baseDirectory) => _fallBackToDisk = fallBackToDisk;

    public MemoryFiles Add(string name, string text) => Add(name, Encoding.UTF8.GetBytes(text));

    public MemoryFiles Add(string name, byte[] bytes)
    {
        _files[GetFullPath(name)] = bytes;
        return this;
    }

    public override byte[] ReadAllBytes(string path)
    {
        if (_files.TryGetValue(GetFullPath(path), out var bytes))
        {
            return bytes;
        }

        return _fallBackToDisk ? base.ReadAllBytes(path) : throw new FileNotFoundException(null, path);
    }
}
