using Machina.QObjects;

namespace Machina.Qapi.Visitors;

/// <summary>
/// A generated struct or union that keeps the members a peer sent which its schema does not define
/// (code generated with <c>CSharpGeneratorOptions.TolerantInput</c>), so that a client built for one
/// QEMU reads the replies of a newer one without losing anything.
/// </summary>
/// <remarks>
/// The members are filled by input visitors with <see cref="Visitor.KeepUnknown"/> set, written back
/// by output visitors with it set (after the known members) and refused by output visitors without
/// it, so strict encoding never sends what the schema does not define. They take part in the
/// record's equality. Generated types implement the property explicitly, so it never clashes with
/// a schema member: read it through the interface.
/// </remarks>
public interface IQapiUnknownMembers
{
    /// <summary>The members read that the type does not define, in the order read; null when there were none.</summary>
    QDict? UnknownMembers { get; set; }
}
