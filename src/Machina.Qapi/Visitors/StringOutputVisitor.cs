using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Machina.QObjects;
using Machina.QObjects.Text;

namespace Machina.Qapi.Visitors;

/// <summary>
/// Prints a scalar, or a list of integers, as one string (QEMU's qapi/string-output-visitor.c): how
/// QOM properties and <c>info qtree</c> show values.
/// </summary>
/// <remarks>
/// <para>Plain mode prints what the string input visitor reads back: <c>42</c>, <c>true</c>,
/// <c>3.1415926535897931</c> (C's <c>%.17g</c>), strings as they are, null as nothing. Human mode
/// adds detail: <c>42 (0x2a)</c>, <c>1024 (1 KiB)</c> for sizes, strings in double quotes,
/// <c>&lt;null&gt;</c>.</para>
/// <para>A list of integers prints as sorted, merged ranges: [0, 1, 3, 4, 5, 9] is <c>0-1,3-5,9</c>
/// (human: <c>0-1,3-5,9 (0x0-0x1,0x3-0x5,0x9)</c>). For other lists the last element wins, as in QEMU.</para>
/// <para>QEMU's quirks are kept: uint64 values above <see cref="long.MaxValue"/> print as negative
/// int64 (the string input visitor reads them back right), and ranges sort as unsigned numbers, so
/// negative values come after positive ones. Where QEMU aborts, on a run of consecutive integers
/// from -1 to 0, the run is printed as two ranges.</para>
/// <para>No structs, alternates or 'any' values; lists do not nest.</para>
/// </remarks>
public sealed class StringOutputVisitor : Visitor
{
    private readonly bool _human;
    private readonly List<(ulong Low, ulong High)> _ranges = [];
    private StringBuilder _text = new();
    private ListMode _mode;
    private bool _inList;
    private int _count;
    private int _next;
    private long _runStart;
    private long _runEnd;

    /// <summary>A visitor printing for machines, or for humans when <paramref name="human"/> is true.</summary>
    public StringOutputVisitor(bool human = false)
        : base(VisitorKind.Output)
    {
        _human = human;
    }

    private enum ListMode
    {
        None,
        Started,
        InProgress,
        End,
    }

    /// <summary>Whether this visitor prints for humans.</summary>
    public bool IsHuman => _human;

    /// <summary>The printed value (QEMU's <c>visit_complete</c>).</summary>
    public string Complete() => _text.ToString();

    /// <inheritdoc/>
    public override bool StartList(string? name, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_inList)
        {
            throw Unsupported("lists within lists");
        }

        _inList = true;
        _count = count;
        _next = 1;

        // Ranges are only tracked across elements when there are at least two.
        if (count >= 2)
        {
            _mode = ListMode.Started;
        }

        return count > 0;
    }

    /// <inheritdoc/>
    public override bool NextList()
    {
        if (!_inList)
        {
            throw new InvalidOperationException("no list is being visited");
        }

        if (_next >= _count)
        {
            return false;
        }

        // The element about to be visited is the last: print once it is in.
        if (++_next == _count)
        {
            _mode = ListMode.End;
        }

        return true;
    }

    /// <inheritdoc/>
    public override void EndList()
    {
        if (!_inList)
        {
            throw new InvalidOperationException("no list is being visited");
        }

        _inList = false;
        _mode = ListMode.None;
    }

    /// <inheritdoc/>
    public override void VisitInt64(string? name, ref long value)
    {
        switch (_mode)
        {
            case ListMode.None:
                AddRange(value, value);
                break;
            case ListMode.Started:
                _runStart = _runEnd = value;
                _mode = ListMode.InProgress;
                return;
            case ListMode.InProgress:
                if (unchecked(_runEnd + 1) == value)
                {
                    _runEnd++;
                }
                else
                {
                    AddRange(_runStart, _runEnd);
                    _runStart = _runEnd = value;
                }

                return;
            case ListMode.End:
                if (unchecked(_runEnd + 1) == value)
                {
                    AddRange(_runStart, unchecked(_runEnd + 1));
                }
                else
                {
                    AddRange(_runStart, _runEnd);
                    AddRange(value, value);
                }

                break;
        }

        AppendRanges(hex: false);
        if (_human)
        {
            _text.Append(" (");
            AppendRanges(hex: true);
            _text.Append(')');
        }
    }

    /// <inheritdoc/>
    public override void VisitUInt64(string? name, ref ulong value)
    {
        // QEMU prints uint64 through its int64 path, so values above INT64_MAX come out negative.
        var signed = unchecked((long)value);
        VisitInt64(name, ref signed);
    }

    /// <inheritdoc/>
    public override void VisitSize(string? name, ref ulong value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        Set(_human ? text + " (" + QemuNumbers.FormatSize(value) + ")" : text);
    }

    /// <inheritdoc/>
    public override void VisitBool(string? name, ref bool value) => Set(value ? "true" : "false");

    /// <inheritdoc/>
    /// <remarks>Human mode quotes the string and prints a null one as <c>&lt;null&gt;</c>; plain mode prints null as nothing.</remarks>
    public override void VisitString(string? name, [NotNull] ref string? value)
    {
        Set(_human ? (value is null ? "<null>" : "\"" + value + "\"") : value ?? string.Empty);
        value ??= string.Empty;
    }

    /// <inheritdoc/>
    public override void VisitNumber(string? name, ref double value) => Set(CFormat.FormatG17(value));

    /// <inheritdoc/>
    public override void VisitNull(string? name, [NotNull] ref QNull? value)
    {
        Set(_human ? "<null>" : string.Empty);
        value ??= QNull.Instance;
    }

    private void Set(string text) => _text = new StringBuilder(text);

    /// <summary>Adds [low, high] (signed) to the range list, kept sorted and merged as unsigned (QEMU's range_list_insert).</summary>
    private void AddRange(long low, long high)
    {
        var (lo, hi) = (unchecked((ulong)low), unchecked((ulong)high));
        if (lo > hi)
        {
            // A run through -1 to 0 is no range as unsigned numbers: QEMU aborts; split it.
            Insert(lo, ulong.MaxValue);
            Insert(0, hi);
            return;
        }

        Insert(lo, hi);
    }

    private void Insert(ulong low, ulong high)
    {
        var i = 0;
        while (i < _ranges.Count && Compare(_ranges[i], (low, high)) < 0)
        {
            i++;
        }

        if (i == _ranges.Count || Compare(_ranges[i], (low, high)) > 0)
        {
            _ranges.Insert(i, (low, high));
            return;
        }

        _ranges[i] = (Math.Min(_ranges[i].Low, low), Math.Max(_ranges[i].High, high));
        while (i + 1 < _ranges.Count && Compare(_ranges[i], _ranges[i + 1]) == 0)
        {
            _ranges[i] = (Math.Min(_ranges[i].Low, _ranges[i + 1].Low), Math.Max(_ranges[i].High, _ranges[i + 1].High));
            _ranges.RemoveAt(i + 1);
        }
    }

    /// <summary>-1 when <paramref name="a"/> lies wholly below <paramref name="b"/> without touching, 1 when above, else 0.</summary>
    private static int Compare((ulong Low, ulong High) a, (ulong Low, ulong High) b)
    {
        if (b.Low != 0 && b.Low - 1 > a.High)
        {
            return -1;
        }

        if (a.Low != 0 && a.Low - 1 > b.High)
        {
            return 1;
        }

        return 0;
    }

    private void AppendRanges(bool hex)
    {
        for (var i = 0; i < _ranges.Count; i++)
        {
            var (low, high) = _ranges[i];
            AppendBound(low, hex);
            if (low != high)
            {
                _text.Append('-');
                AppendBound(high, hex);
            }

            if (i + 1 < _ranges.Count)
            {
                _text.Append(',');
            }
        }
    }

    private void AppendBound(ulong bound, bool hex)
    {
        if (hex)
        {
            _text.Append("0x").Append(bound.ToString("x", CultureInfo.InvariantCulture));
        }
        else
        {
            _text.Append(unchecked((long)bound).ToString(CultureInfo.InvariantCulture));
        }
    }
}
