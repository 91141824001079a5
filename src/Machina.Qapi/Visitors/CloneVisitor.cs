using System.Diagnostics.CodeAnalysis;
using Machina.QObjects;

namespace Machina.Qapi.Visitors;

/// <summary>
/// Deep-copies a QAPI value by visiting it (QEMU's qapi/qapi-clone-visitor.c and <c>QAPI_CLONE</c>).
/// </summary>
/// <remarks>
/// <para>The generated visit functions do the work, as in QEMU: a struct visit first makes a shallow
/// copy (a record's <c>with { }</c>, QEMU's g_memdup), then each member visit replaces what is
/// shared by a copy: lists are rebuilt, nested structs, unions and alternates copied the same way.
/// Scalars and strings need nothing (strings are immutable); a null string becomes the empty
/// string, as QEMU's clone does.</para>
/// <para>Unlike QEMU's, this clone also copies <c>any</c> values (<see cref="QObject.DeepClone"/>),
/// so types holding them can be cloned.</para>
/// </remarks>
public sealed class CloneVisitor : Visitor
{
    private readonly Stack<int> _lists = new();

    /// <summary>A clone visitor.</summary>
    public CloneVisitor()
        : base(VisitorKind.Clone)
    {
    }

    /// <summary>A deep copy of <paramref name="value"/> (QEMU's <c>QAPI_CLONE</c>); null stays null.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static T? Clone<T>(T? value)
        where T : class, IQapiType<T>
    {
        if (value is null)
        {
            return null;
        }

        var copy = value;
        new CloneVisitor().Visit(null, ref copy);
        return copy;
    }

    /// <summary>A deep copy of a list of complex values.</summary>
    [return: NotNullIfNotNull(nameof(list))]
    public static QapiList<T>? Clone<T>(QapiList<T>? list)
        where T : class, IQapiType<T>
    {
        if (list is null)
        {
            return null;
        }

        var copy = list;
        new CloneVisitor().VisitList(null, ref copy);
        return copy;
    }

    /// <inheritdoc/>
    /// <remarks>The struct visit itself made the copy; nothing to track.</remarks>
    public override void StartStruct(string? name)
    {
    }

    /// <inheritdoc/>
    public override QDict? VisitUnknownMembers(QDict? members) => (QDict?)members?.DeepClone();

    /// <inheritdoc/>
    public override void EndStruct()
    {
    }

    /// <inheritdoc/>
    public override bool StartList(string? name, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _lists.Push(count);
        return count > 0;
    }

    /// <inheritdoc/>
    public override bool NextList()
    {
        var remaining = _lists.Pop() - 1;
        _lists.Push(remaining);
        return remaining > 0;
    }

    /// <inheritdoc/>
    public override void EndList() => _lists.Pop();

    /// <inheritdoc/>
    public override void VisitInt64(string? name, ref long value)
    {
    }

    /// <inheritdoc/>
    public override void VisitUInt64(string? name, ref ulong value)
    {
    }

    /// <inheritdoc/>
    public override void VisitBool(string? name, ref bool value)
    {
    }

    /// <inheritdoc/>
    public override void VisitString(string? name, [NotNull] ref string? value) => value ??= string.Empty;

    /// <inheritdoc/>
    public override void VisitNumber(string? name, ref double value)
    {
    }

    /// <inheritdoc/>
    public override void VisitAny(string? name, [NotNull] ref QObject? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = value.DeepClone();
    }

    /// <inheritdoc/>
    public override void VisitNull(string? name, [NotNull] ref QNull? value) => value = QNull.Instance;
}
