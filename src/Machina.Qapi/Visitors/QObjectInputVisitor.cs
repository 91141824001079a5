using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Machina.QObjects;
using Machina.QObjects.Text;

namespace Machina.Qapi.Visitors;

/// <summary>
/// Reads a QAPI value from a QObject tree (QEMU's qapi/qobject-input-visitor.c): how QMP command
/// arguments become typed values.
/// </summary>
/// <remarks>
/// <para><b>Strict mode</b> (QMP) wants each scalar as its JSON type. <b>Keyval mode</b> reads trees
/// made by QEMU's keyval parser (<c>-blockdev</c>, <c>-object</c>...), where every scalar is a string:
/// integers, sizes (with suffixes), booleans (on/off...) and numbers are converted as they are visited.</para>
/// <para>Errors name the full path of the offending value: <c>Parameter 'dict1.dict2.userdef' is
/// missing</c>, <c>Invalid parameter type for 'list[2]', expected: integer</c> (keyval mode writes
/// list indexes as <c>list.2</c>). The path is built only when an error is reported.</para>
/// <para>Members a struct visit did not consume make <see cref="CheckStruct"/> fail with
/// "Parameter 'x' is unexpected", naming the same member as QEMU when there are several (the
/// first in QEMU's hash table order); elements a list visit left make <see cref="CheckList"/> fail.</para>
/// </remarks>
public sealed class QObjectInputVisitor : Visitor
{
    private readonly QObject _root;
    private readonly bool _keyval;
    private Frame[] _stack = new Frame[8];
    private int _depth;

    /// <summary>A visitor reading <paramref name="root"/>.</summary>
    /// <param name="root">The value to read.</param>
    /// <param name="keyval">True to read a tree made by the keyval parser, where scalars are strings.</param>
    public QObjectInputVisitor(QObject root, bool keyval = false)
        : base(VisitorKind.Input)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = root;
        _keyval = keyval;
    }

    /// <summary>Whether this visitor reads keyval trees (QEMU's <c>qobject_input_visitor_new_keyval</c>).</summary>
    public bool IsKeyval => _keyval;

    /// <summary>Reads <paramref name="input"/> as a <typeparamref name="T"/> in strict mode.</summary>
    /// <param name="input">The value to read.</param>
    /// <param name="policy">The compatibility policy for input; null accepts everything.</param>
    /// <param name="keepUnknown">True to keep members and enum values the schema does not define
    /// (<see cref="Visitor.KeepUnknown"/>) instead of rejecting them.</param>
    /// <exception cref="QapiException">The input is not a valid <typeparamref name="T"/>.</exception>
    public static T Read<T>(QObject input, CompatPolicy? policy = null, bool keepUnknown = false)
        where T : class, IQapiType<T>
    {
        var visitor = new QObjectInputVisitor(input) { Policy = policy, KeepUnknown = keepUnknown };
        T? value = null;
        visitor.Visit(null, ref value);
        return value;
    }

    /// <summary>Reads the keyval tree <paramref name="input"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="QapiException">The input is not a valid <typeparamref name="T"/>.</exception>
    public static T ReadKeyval<T>(QObject input, CompatPolicy? policy = null)
        where T : class, IQapiType<T>
    {
        var visitor = new QObjectInputVisitor(input, keyval: true) { Policy = policy };
        T? value = null;
        visitor.Visit(null, ref value);
        return value;
    }

    /// <inheritdoc/>
    public override void StartStruct(string? name)
    {
        var value = Get(name, consume: true);
        if (value is not QDict dict)
        {
            throw QapiException.InvalidParameterType(FullName(name), "object");
        }

        CheckStack(name);
        Push(name, dict, null);
    }

    /// <inheritdoc/>
    public override void CheckStruct()
    {
        ref var top = ref Top();
        Debug.Assert(top.Dict is not null, "CheckStruct outside a struct");
        if (top.Consumed == top.Dict.Count)
        {
            return;
        }

        // With several leftovers, name the one QEMU names: the first in its hash table's order.
        var key = QemuHashOrder.FirstUnvisited(top.Dict, top.ConsumedInOrder);
        throw new QapiException($"Parameter '{FullName(key)}' is unexpected");
    }

    /// <inheritdoc/>
    public override QDict? VisitUnknownMembers(QDict? members)
    {
        ref var top = ref Top();
        Debug.Assert(top.Dict is not null, "VisitUnknownMembers outside a struct");
        if (!KeepUnknown || top.Consumed == top.Dict.Count)
        {
            return null;
        }

        var consumed = new bool[top.Dict.Count];
        foreach (var index in top.ConsumedInOrder)
        {
            consumed[index] = true;
        }

        var unknown = new QDict(top.Dict.Count - top.Consumed);
        for (var i = 0; i < consumed.Length; i++)
        {
            if (!consumed[i])
            {
                var (key, value) = top.Dict.GetAt(i);
                unknown.Add(key, value);
                top.MarkConsumed(i);
            }
        }

        return unknown;
    }

    /// <inheritdoc/>
    public override void EndStruct()
    {
        Debug.Assert(_depth > 0 && Top().Dict is not null, "EndStruct outside a struct");
        Pop();
    }

    /// <inheritdoc/>
    public override bool StartList(string? name, int count)
    {
        var value = Get(name, consume: true);
        if (value is not QList list)
        {
            throw QapiException.InvalidParameterType(FullName(name), "array");
        }

        CheckStack(name);
        Push(name, null, list);
        return list.Count > 0;
    }

    /// <inheritdoc/>
    public override bool NextList()
    {
        ref var top = ref Top();
        Debug.Assert(top.List is not null, "NextList outside a list");
        return top.Next < top.List.Count;
    }

    /// <inheritdoc/>
    public override void CheckList()
    {
        ref var top = ref Top();
        Debug.Assert(top.List is not null, "CheckList outside a list");
        if (top.Next < top.List.Count)
        {
            throw new QapiException(string.Create(
                CultureInfo.InvariantCulture, $"Only {unchecked(top.Index + 1)} list elements expected in {FullName(null, skip: 1)}"));
        }
    }

    /// <inheritdoc/>
    public override void EndList()
    {
        Debug.Assert(_depth > 0 && Top().List is not null, "EndList outside a list");
        Pop();
    }

    /// <inheritdoc/>
    public override QType StartAlternate(string? name, QType current) => Get(name, consume: false).Type;

    /// <inheritdoc/>
    public override bool VisitOptional(string name, bool present) => TryGet(name, consume: false) is not null;

    /// <inheritdoc/>
    public override void CheckPolicy(string name, QapiSpecialFeatures features) =>
        CompatPolicy.CheckInput(Policy, features, QapiErrorClass.GenericError, "parameter", name, CrashHandler);

    /// <inheritdoc/>
    public override void VisitInt64(string? name, ref long value)
    {
        if (_keyval)
        {
            var text = GetKeyval(name);
            if (QemuNumbers.ParseInt64(text, 0, out var parsed) != QemuParseStatus.Ok)
            {
                throw QapiException.InvalidParameterValue(FullName(name), "integer");
            }

            value = parsed;
            return;
        }

        if (Get(name, consume: true) is not QNum number || !number.TryGetInt64(out var result))
        {
            throw QapiException.InvalidParameterType(FullName(name), "integer");
        }

        value = result;
    }

    /// <inheritdoc/>
    public override void VisitUInt64(string? name, ref ulong value)
    {
        if (_keyval)
        {
            var text = GetKeyval(name);
            if (QemuNumbers.ParseUInt64(text, 0, out var parsed) != QemuParseStatus.Ok)
            {
                throw QapiException.InvalidParameterValue(FullName(name), "integer");
            }

            value = parsed;
            return;
        }

        if (Get(name, consume: true) is QNum number)
        {
            if (number.TryGetUInt64(out var unsigned))
            {
                value = unsigned;
                return;
            }

            // QEMU accepts negative numbers modulo 2^64, for backward compatibility.
            if (number.TryGetInt64(out var signed))
            {
                value = unchecked((ulong)signed);
                return;
            }
        }

        throw QapiException.InvalidParameterValue(FullName(name), "uint64");
    }

    /// <inheritdoc/>
    public override void VisitSize(string? name, ref ulong value)
    {
        if (!_keyval)
        {
            VisitUInt64(name, ref value);
            return;
        }

        var text = GetKeyval(name);
        if (QemuNumbers.ParseSize(text, out var parsed) != QemuParseStatus.Ok)
        {
            throw QapiException.InvalidParameterValue(FullName(name), "size");
        }

        value = parsed;
    }

    /// <inheritdoc/>
    public override void VisitBool(string? name, ref bool value)
    {
        if (_keyval)
        {
            var text = GetKeyval(name);
            if (!QemuBool.TryParse(text, out var parsed))
            {
                throw QapiException.InvalidParameterValue(FullName(name), "'on' or 'off'");
            }

            value = parsed;
            return;
        }

        if (Get(name, consume: true) is not QBool boolean)
        {
            throw QapiException.InvalidParameterType(FullName(name), "boolean");
        }

        value = boolean.Value;
    }

    /// <inheritdoc/>
    public override void VisitString(string? name, [NotNull] ref string? value)
    {
        if (_keyval)
        {
            value = GetKeyval(name);
            return;
        }

        if (Get(name, consume: true) is not QString text)
        {
            throw QapiException.InvalidParameterType(FullName(name), "string");
        }

        value = text.Value;
    }

    /// <inheritdoc/>
    public override void VisitNumber(string? name, ref double value)
    {
        if (_keyval)
        {
            var text = GetKeyval(name);
            if (QemuNumbers.ParseDoubleFinite(text, out var parsed) != QemuParseStatus.Ok)
            {
                throw QapiException.InvalidParameterType(FullName(name), "number");
            }

            value = parsed;
            return;
        }

        if (Get(name, consume: true) is not QNum number)
        {
            throw QapiException.InvalidParameterType(FullName(name), "number");
        }

        value = number.ToDouble();
    }

    /// <inheritdoc/>
    public override void VisitAny(string? name, [NotNull] ref QObject? value) => value = Get(name, consume: true);

    /// <inheritdoc/>
    public override void VisitNull(string? name, [NotNull] ref QNull? value)
    {
        if (Get(name, consume: true) is not QNull)
        {
            throw QapiException.InvalidParameterType(FullName(name), "null");
        }

        value = QNull.Instance;
    }

    /// <summary>The next value: the root outside containers, else the member or element.</summary>
    private QObject? TryGet(string? name, bool consume)
    {
        if (_depth == 0)
        {
            // At the root the name does not matter, and the root is never used up.
            return _root;
        }

        ref var top = ref Top();
        if (top.Dict is { } dict)
        {
            ArgumentNullException.ThrowIfNull(name);
            var index = ((IList<string>)dict.Keys).IndexOf(name);
            if (index < 0)
            {
                return null;
            }

            if (consume)
            {
                top.MarkConsumed(index);
            }

            return dict.GetAt(index).Value;
        }

        Debug.Assert(name is null, "list elements have no name");
        var list = top.List!;
        QObject? element = null;
        if (top.Next < list.Count)
        {
            element = list[top.Next];
            if (consume)
            {
                top.Next++;
            }
        }

        if (consume)
        {
            top.Index = unchecked(top.Index + 1);
        }

        return element;
    }

    private QObject Get(string? name, bool consume) =>
        TryGet(name, consume) ?? throw QapiException.MissingParameter(FullName(name));

    /// <summary>A keyval scalar: always a string (QEMU's qobject_input_get_keyval).</summary>
    private string GetKeyval(string? name)
    {
        var value = Get(name, consume: true);
        return value switch
        {
            QString text => text.Value,
            QDict or QList => throw new QapiException($"Parameters '{FullName(name)}.*' are unexpected"),
            _ => throw new QapiException($"Internal error: parameter {FullName(name)} invalid"),
        };
    }

    /// <summary>
    /// Refuses input nested deeper than the stack can take. QEMU's JSON parser stops at 1024
    /// levels, far below this; only trees built in code can get here.
    /// </summary>
    private void CheckStack(string? name)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new QapiException($"Parameter '{FullName(name)}' is nested too deeply");
        }
    }

    private void Push(string? name, QDict? dict, QList? list)
    {
        if (_depth == _stack.Length)
        {
            Array.Resize(ref _stack, _depth * 2);
        }

        ref var frame = ref _stack[_depth++];
        frame.Reset(name, dict, list);
    }

    private void Pop()
    {
        _stack[--_depth].Clear();
    }

    private ref Frame Top()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("no struct or list is being visited");
        }

        return ref _stack[_depth - 1];
    }

    /// <summary>
    /// The full name of the value <paramref name="name"/> at the current position, or with
    /// <paramref name="skip"/> &gt; 0 the name of the container that many levels up (QEMU's full_name_nth).
    /// </summary>
    private string FullName(string? name, int skip = 0)
    {
        // Parts are collected innermost first and joined in reverse; this runs only for errors.
        var parts = new List<string>();
        for (var level = _depth - 1; level >= 0; level--)
        {
            ref var frame = ref _stack[level];
            if (skip > 0)
            {
                skip--;
            }
            else if (frame.Dict is not null)
            {
                parts.Add("." + (name ?? "<anonymous>"));
            }
            else
            {
                var index = frame.Index.ToString(CultureInfo.InvariantCulture);
                parts.Add(_keyval ? "." + index : "[" + index + "]");
            }

            name = frame.Name;
        }

        var text = new StringBuilder();
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            text.Append(parts[i]);
        }

        if (name is not null)
        {
            text.Insert(0, name);
        }
        else if (text.Length > 0 && text[0] == '.')
        {
            text.Remove(0, 1);
        }
        else if (text.Length == 0)
        {
            return "<anonymous>";
        }

        return text.ToString();
    }

    /// <summary>A struct or list being visited.</summary>
    private struct Frame
    {
        /// <summary>The container's name in its parent.</summary>
        public string? Name;

        /// <summary>The struct's dictionary, when visiting a struct.</summary>
        public QDict? Dict;

        /// <summary>The list, when visiting a list.</summary>
        public QList? List;

        /// <summary>How many distinct members were consumed.</summary>
        public int Consumed;

        /// <summary>List: the index of the next unvisited element.</summary>
        public int Next;

        /// <summary>List: QEMU's element counter for names, starting at -1 as an unsigned int.</summary>
        public uint Index;

        private ulong _bits;
        private ulong[]? _moreBits;
        private int[]? _order;

        /// <summary>The indexes of the consumed members, in the order they were visited.</summary>
        public readonly ReadOnlySpan<int> ConsumedInOrder => _order.AsSpan(0, Consumed);

        public void Reset(string? name, QDict? dict, QList? list)
        {
            Name = name;
            Dict = dict;
            List = list;
            Consumed = 0;
            Next = 0;
            Index = uint.MaxValue;
            _bits = 0;
            if (dict is not null && (_order is null || _order.Length < dict.Count))
            {
                _order = new int[Math.Max(dict.Count, 8)];
            }

            if (dict is not null && dict.Count > 64)
            {
                var words = (dict.Count + 63) / 64;
                if (_moreBits is null || _moreBits.Length < words)
                {
                    _moreBits = new ulong[words];
                }
                else
                {
                    Array.Clear(_moreBits);
                }
            }
        }

        public void Clear()
        {
            Name = null;
            Dict = null;
            List = null;
        }

        public void MarkConsumed(int index)
        {
            if (Dict!.Count > 64)
            {
                ref var word = ref _moreBits![index >> 6];
                var bit = 1UL << (index & 63);
                if ((word & bit) == 0)
                {
                    word |= bit;
                    _order![Consumed++] = index;
                }
            }
            else if ((_bits & (1UL << index)) == 0)
            {
                _bits |= 1UL << index;
                _order![Consumed++] = index;
            }
        }
    }
}
