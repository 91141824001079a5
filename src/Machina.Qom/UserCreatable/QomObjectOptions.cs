using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom;

/// <summary>
/// The QAPI struct of a user-creatable type's <c>-object</c> and <c>object-add</c> members (QEMU's
/// branch of <c>ObjectOptions</c>), with the typed read that checks them: see
/// <see cref="QomTypeInfo.Options"/>.
/// </summary>
public sealed class QomObjectOptions
{
    private readonly Func<Visitor, QDict> _read;

    private QomObjectOptions(Type structType, Func<Visitor, QDict> read)
    {
        StructType = structType;
        _read = read;
    }

    /// <summary>The QAPI struct (<c>SecretProperties</c> for <c>secret</c>).</summary>
    public Type StructType { get; }

    /// <summary>The options struct <typeparamref name="T"/>.</summary>
    public static QomObjectOptions Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.NonPublicConstructors)] T>()
        where T : class, IQapiStruct<T> => new(typeof(T), ReadBranch<T>);

    /// <summary>Reads the members through <paramref name="visitor"/> and writes them back as QEMU's output visitor does.</summary>
    internal QDict Read(Visitor visitor) => _read(visitor);

    // The branch members through the options struct, then back out as QEMU's output visitor writes
    // them (so a keyval size=1G reaches the object as a number).
    private static QDict ReadBranch<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.NonPublicConstructors)] T>(Visitor v)
        where T : class, IQapiStruct<T>
    {
        var value = (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
        v.VisitMembers(value);

        var output = new QObjectOutputVisitor();
        output.StartStruct(null);
        output.VisitMembers(value);
        output.EndStruct();
        return (QDict)output.Complete();
    }
}
