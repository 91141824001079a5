using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
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

    /// <summary>Copies the fields of <paramref name="from"/>, whose class type is <paramref name="classType"/>, into <paramref name="to"/>.</summary>
    public static void Copy(ObjectClass from, ObjectClass to, [DynamicallyAccessedMembers(QomTypeInfo.ClassMembers)] Type classType)
    {
        if (classType == typeof(ObjectClass) || classType == typeof(InterfaceClass))
        {
            return;
        }

        if (!FieldsByType.TryGetValue(classType, out var fields))
        {
            fields = FieldsByType.GetOrAdd(classType, Collect(classType));
        }

        foreach (var field in fields)
        {
            field.SetValue(to, field.GetValue(from));
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2075",
        Justification = "The class type is annotated All, which keeps the fields of its base types too.")]
    private static FieldInfo[] Collect([DynamicallyAccessedMembers(QomTypeInfo.ClassMembers)] Type type)
    {
        var fields = new List<FieldInfo>();
        for (Type? t = type; t is not null && t != typeof(ObjectClass) && t != typeof(InterfaceClass); t = t.BaseType)
        {
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        }

        return [.. fields];
    }
}
