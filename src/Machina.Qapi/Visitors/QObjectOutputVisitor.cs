using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Machina.QObjects;

namespace Machina.Qapi.Visitors;

/// <summary>
/// Builds a QObject tree from a QAPI value (QEMU's qapi/qobject-output-visitor.c): how command
/// results and events become JSON. Structs become <see cref="QDict"/>, lists <see cref="QList"/>,
/// enums their wire names, <c>int</c> a signed <see cref="QNum"/>, <c>uint64</c> and <c>size</c>
/// an unsigned one.
/// </summary>
/// <remarks>
/// With <see cref="Visitor.Policy"/> set to hide deprecated or unstable output, members with those
/// features are left out (<see cref="SkipByPolicy"/>). After the visit, <see cref="Complete"/>
/// hands over the tree.
/// </remarks>
public sealed class QObjectOutputVisitor : Visitor
{
    private Frame[] _stack = new Frame[8];
    private int _depth;
    private QObject? _root;

    /// <summary>A visitor with nothing built yet.</summary>
    public QObjectOutputVisitor()
        : base(VisitorKind.Output)
    {
    }

    /// <summary>Writes <paramref name="value"/> as a QObject tree.</summary>
    /// <param name="value">The value.</param>
    /// <param name="policy">The compatibility policy for output; null hides nothing.</param>
    /// <param name="keepUnknown">True to write back unknown members and enum values a tolerant read kept
    /// (<see cref="Visitor.KeepUnknown"/>); false refuses them.</param>
    /// <exception cref="QapiException">Without <paramref name="keepUnknown"/>: the value holds unknown members.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Without <paramref name="keepUnknown"/>: the value holds an unknown enum value.</exception>
    public static QObject Write<T>(T value, CompatPolicy? policy = null, bool keepUnknown = false)
        where T : class, IQapiType<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        var visitor = new QObjectOutputVisitor { Policy = policy, KeepUnknown = keepUnknown };
        T? v = value;
        visitor.Visit(null, ref v);
        return visitor.Complete();
    }

    /// <summary>The tree the visit built (QEMU's <c>visit_complete</c>).</summary>
    /// <exception cref="InvalidOperationException">Nothing was visited, or a struct or list is still open.</exception>
    public QObject Complete()
    {
        if (_root is null || _depth != 0)
        {
            throw new InvalidOperationException(_root is null
                ? "nothing was visited"
                : "a struct or list is still open: every Start... needs its End...");
        }

        return _root;
    }

    /// <inheritdoc/>
    public override void StartStruct(string? name)
    {
        var dict = new QDict();
        Add(name, dict);
        Push(dict, 0);
    }

    /// <inheritdoc/>
    /// <remarks>The members go in after the known ones, in the order they were read.</remarks>
    public override QDict? VisitUnknownMembers(QDict? members)
    {
        if (members is null || members.Count == 0)
        {
            return members;
        }

        if (!KeepUnknown)
        {
            throw new QapiException($"Parameter '{members.GetAt(0).Key}' is unexpected");
        }

        Debug.Assert(_depth > 0 && _stack[_depth - 1].Container is QDict, "VisitUnknownMembers outside a struct");
        foreach (var (key, value) in members)
        {
            Add(key, value);
        }

        return members;
    }

    /// <inheritdoc/>
    public override void EndStruct()
    {
        Debug.Assert(_depth > 0 && _stack[_depth - 1].Container is QDict, "EndStruct outside a struct");
        Pop();
    }

    /// <inheritdoc/>
    public override bool StartList(string? name, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var list = new QList();
        Add(name, list);
        Push(list, count);
        return count > 0;
    }

    /// <inheritdoc/>
    public override bool NextList()
    {
        Debug.Assert(_depth > 0 && _stack[_depth - 1].Container is QList, "NextList outside a list");
        return --_stack[_depth - 1].Remaining > 0;
    }

    /// <inheritdoc/>
    public override void EndList()
    {
        Debug.Assert(_depth > 0 && _stack[_depth - 1].Container is QList, "EndList outside a list");
        Pop();
    }

    /// <inheritdoc/>
    public override bool SkipByPolicy(string name, QapiSpecialFeatures features) => Policy?.HidesOutput(features) ?? false;

    /// <inheritdoc/>
    public override void VisitInt64(string? name, ref long value) => Add(name, new QNum(value));

    /// <inheritdoc/>
    public override void VisitUInt64(string? name, ref ulong value) => Add(name, new QNum(value));

    /// <inheritdoc/>
    public override void VisitBool(string? name, ref bool value) => Add(name, QBool.From(value));

    /// <inheritdoc/>
    public override void VisitString(string? name, [NotNull] ref string? value)
    {
        value ??= string.Empty;
        Add(name, value.Length == 0 ? QString.Empty : new QString(value));
    }

    /// <inheritdoc/>
    public override void VisitNumber(string? name, ref double value) => Add(name, new QNum(value));

    /// <inheritdoc/>
    /// <remarks>The value goes into the tree as is, shared, as QEMU shares it by reference count.</remarks>
    public override void VisitAny(string? name, [NotNull] ref QObject? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Add(name, value);
    }

    /// <inheritdoc/>
    public override void VisitNull(string? name, [NotNull] ref QNull? value)
    {
        value ??= QNull.Instance;
        Add(name, QNull.Instance);
    }

    private void Add(string? name, QObject value)
    {
        if (_depth == 0)
        {
            if (_root is not null)
            {
                throw new InvalidOperationException("this visitor has built its value already; use a new one per visit");
            }

            _root = value;
            return;
        }

        switch (_stack[_depth - 1].Container)
        {
            case QDict dict:
                ArgumentNullException.ThrowIfNull(name);
                dict[name] = value;
                break;
            case QList list:
                list.Add(value);
                break;
        }
    }

    private void Push(QObject container, int remaining)
    {
        if (_depth == _stack.Length)
        {
            Array.Resize(ref _stack, _depth * 2);
        }

        _stack[_depth++] = new Frame(container, remaining);
    }

    private void Pop()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("no struct or list is being visited");
        }

        _stack[--_depth] = default;
    }

    private struct Frame(QObject container, int remaining)
    {
        public readonly QObject Container = container;
        public int Remaining = remaining;
    }
}
