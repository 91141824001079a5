using System.Collections.Concurrent;
using System.Reflection;

namespace Machina.Qom;

/// <summary>
/// Copies the class-wide fields of a parent class into a new subtype's class, QEMU's memcpy of the
/// parent class struct: every instance field declared by a class deriving from
/// <see cref="ObjectClass"/>, but not the registry's own bookkeeping in <see cref="ObjectClass"/>
/// and <see cref="InterfaceClass"/>.
/// </summary>
internal static class ClassFieldCopier
{
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> FieldsByType = new();

    public static void Copy(ObjectClass from, ObjectClass to)
    {
        foreach (var field in FieldsByType.GetOrAdd(from.GetType(), Collect))
        {
            field.SetValue(to, field.GetValue(from));
        }
    }

    private static FieldInfo[] Collect(Type type)
    {
        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(ObjectClass) && t != typeof(InterfaceClass); t = t.BaseType)
        {
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        }

        return [.. fields];
    }
}
