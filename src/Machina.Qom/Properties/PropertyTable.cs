using System.Diagnostics.CodeAnalysis;

namespace Machina.Qom;

/// <summary>
/// The properties of one class or one object, by name, in the order they were added (QEMU keeps
/// them in a hash table, whose order is arbitrary; Machina lists them as declared).
/// </summary>
internal sealed class PropertyTable
{
    private readonly OrderedDictionary<string, ObjectProperty> _byName = new(StringComparer.Ordinal);

    public int Count => _byName.Count;

    public void Add(ObjectProperty property) => _byName.Add(property.Name, property);

    public bool TryGet(string name, [NotNullWhen(true)] out ObjectProperty? property) => _byName.TryGetValue(name, out property);

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Removes <paramref name="property"/> if it is still in the table under its name.</summary>
    public bool Remove(ObjectProperty property)
    {
        if (_byName.TryGetValue(property.Name, out var present) && ReferenceEquals(present, property))
        {
            _byName.Remove(property.Name);
            return true;
        }

        return false;
    }

    public void Clear() => _byName.Clear();

    /// <summary>The properties in order, copied so callers may change the table while they walk it.</summary>
    public ObjectProperty[] Snapshot()
    {
        var result = new ObjectProperty[_byName.Count];
        var i = 0;
        foreach (var entry in _byName)
        {
            result[i++] = entry.Value;
        }

        return result;
    }

    /// <summary>Walks the properties in order without copying; the table must not change meanwhile.</summary>
    public OrderedDictionary<string, ObjectProperty>.ValueCollection Values => _byName.Values;
}
