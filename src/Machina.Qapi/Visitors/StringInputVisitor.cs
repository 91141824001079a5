using System.Diagnostics.CodeAnalysis;
using Machina.QObjects;
using Machina.QObjects.Text;

namespace Machina.Qapi.Visitors;

/// <summary>
/// Reads a scalar, or a list of integers, from one string (QEMU's qapi/string-input-visitor.c):
/// how QOM properties and legacy options take string values.
/// </summary>
/// <remarks>
/// <para>Integers use C syntax (<c>0x1f</c>, <c>017</c>, leading blanks), sizes take suffixes
/// (<c>1.5G</c>), booleans are on/off, yes/no, true/false, y/n, numbers must be finite, null is the
/// empty string.</para>
/// <para>Lists of integers are comma-separated values and inclusive ranges: <c>1,3-5,7</c> reads as
/// 1, 3, 4, 5, 7. A range may hold at most 65536 elements (QEMU's guard against denial of service);
/// it must not descend. The empty string is the empty list.</para>
/// <para>No structs, alternates, 'any' values, or lists of anything but integers.</para>
/// </remarks>
public sealed class StringInputVisitor : Visitor
{
    /// <summary>The largest number of elements one range may expand to.</summary>
    public const int RangeMaxElements = 65536;

    private readonly string _text;
    private ListMode _mode;
    private int _unparsed;
    private ulong _rangeNext;
    private ulong _rangeEnd;

    /// <summary>A visitor reading <paramref name="text"/>.</summary>
    public StringInputVisitor(string text)
        : base(VisitorKind.Input)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    private enum ListMode
    {
        None,
        Unparsed,
        Int64Range,
        UInt64Range,
        End,
    }

    /// <inheritdoc/>
    public override bool StartList(string? name, int count)
    {
        if (_mode != ListMode.None)
        {
            throw Unsupported("lists within lists");
        }

        _unparsed = 0;
        _mode = _text.Length == 0 ? ListMode.End : ListMode.Unparsed;
        return _mode != ListMode.End;
    }

    /// <inheritdoc/>
    public override bool NextList() => _mode switch
    {
        ListMode.End => false,
        ListMode.Unparsed or ListMode.Int64Range or ListMode.UInt64Range => true,
        _ => throw new InvalidOperationException("no list is being visited"),
    };

    /// <inheritdoc/>
    public override void CheckList()
    {
        switch (_mode)
        {
            case ListMode.End:
                return;
            case ListMode.Unparsed or ListMode.Int64Range or ListMode.UInt64Range:
                throw new QapiException("Fewer list elements expected");
            default:
                throw new InvalidOperationException("no list is being visited");
        }
    }

    /// <inheritdoc/>
    public override void EndList()
    {
        if (_mode == ListMode.None)
        {
            throw new InvalidOperationException("no list is being visited");
        }

        _mode = ListMode.None;
    }

    /// <inheritdoc/>
    public override void VisitInt64(string? name, ref long value)
    {
        switch (_mode)
        {
            case ListMode.None:
                if (QemuNumbers.ParseInt64(_text, 0, out var parsed) != QemuParseStatus.Ok)
                {
                    throw QapiException.InvalidParameterValue(name ?? "null", "int64");
                }

                value = parsed;
                return;
            case ListMode.Unparsed:
                if (!TryParseInt64Entry())
                {
                    throw QapiException.InvalidParameterValue(name ?? "null", "list of int64 values or ranges");
                }

                goto case ListMode.Int64Range;
            case ListMode.Int64Range:
            {
                var current = unchecked((long)_rangeNext);
                _rangeNext = unchecked((ulong)(current + 1));
                value = current;
                if (current == long.MaxValue || current + 1 > unchecked((long)_rangeEnd))
                {
                    _mode = _unparsed < _text.Length ? ListMode.Unparsed : ListMode.End;
                }

                return;
            }

            case ListMode.End:
                throw new QapiException("Fewer list elements expected");
            default:
                throw Unsupported("an int64 inside a uint64 range");
        }
    }

    /// <inheritdoc/>
    public override void VisitUInt64(string? name, ref ulong value)
    {
        switch (_mode)
        {
            case ListMode.None:
                if (QemuNumbers.ParseUInt64(_text, 0, out var parsed) != QemuParseStatus.Ok)
                {
                    throw QapiException.InvalidParameterValue(name ?? "null", "uint64");
                }

                value = parsed;
                return;
            case ListMode.Unparsed:
                if (!TryParseUInt64Entry())
                {
                    throw QapiException.InvalidParameterValue(name ?? "null", "list of uint64 values or ranges");
                }

                goto case ListMode.UInt64Range;
            case ListMode.UInt64Range:
            {
                var current = _rangeNext;
                _rangeNext = unchecked(current + 1);
                value = current;
                if (current == ulong.MaxValue || current + 1 > _rangeEnd)
                {
                    _mode = _unparsed < _text.Length ? ListMode.Unparsed : ListMode.End;
                }

                return;
            }

            case ListMode.End:
                throw new QapiException("Fewer list elements expected");
            default:
                throw Unsupported("a uint64 inside an int64 range");
        }
    }

    /// <inheritdoc/>
    public override void VisitSize(string? name, ref ulong value)
    {
        RequireScalar("sizes");
        var status = QemuNumbers.ParseSize(_text, out var parsed);
        if (status == QemuParseStatus.OutOfRange)
        {
            // QEMU formats a missing name with printf's "(null)" here.
            throw new QapiException($"Value '{_text}' is out of range for parameter '{name ?? "(null)"}'");
        }

        if (status != QemuParseStatus.Ok)
        {
            throw new QapiException(
                QapiErrorClass.GenericError,
                $"Parameter '{name ?? "(null)"}' expects a non-negative number below 2^64",
                "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\nand exabytes, respectively.\n");
        }

        value = parsed;
    }

    /// <inheritdoc/>
    public override void VisitBool(string? name, ref bool value)
    {
        RequireScalar("booleans");
        if (!QemuBool.TryParse(_text, out var parsed))
        {
            throw QapiException.InvalidParameterValue(name ?? "null", "'on' or 'off'");
        }

        value = parsed;
    }

    /// <inheritdoc/>
    public override void VisitString(string? name, [NotNull] ref string? value)
    {
        RequireScalar("strings");
        value = _text;
    }

    /// <inheritdoc/>
    public override void VisitNumber(string? name, ref double value)
    {
        RequireScalar("numbers");
        if (QemuNumbers.ParseDoubleFinite(_text, out var parsed) != QemuParseStatus.Ok)
        {
            throw QapiException.InvalidParameterType(name ?? "null", "number");
        }

        value = parsed;
    }

    /// <inheritdoc/>
    public override void VisitNull(string? name, [NotNull] ref QNull? value)
    {
        RequireScalar("null");
        if (_text.Length != 0)
        {
            throw QapiException.InvalidParameterType(name ?? "null", "null");
        }

        value = QNull.Instance;
    }

    private void RequireScalar(string what)
    {
        if (_mode != ListMode.None)
        {
            throw Unsupported("lists of " + what);
        }
    }

    /// <summary>Parses "N", "N-M", each followed by ',' or the end, into a signed range.</summary>
    private bool TryParseInt64Entry()
    {
        var rest = _text.AsSpan(_unparsed);
        if (QemuNumbers.ParseInt64(rest, 0, out var start, out var end) != QemuParseStatus.Ok)
        {
            return false;
        }

        var stop = start;
        if (!TryFinishEntry(rest, ref end, out var isRange))
        {
            return false;
        }

        if (isRange)
        {
            if (QemuNumbers.ParseInt64(rest[end..], 0, out stop, out var rangeEnd) != QemuParseStatus.Ok)
            {
                return false;
            }

            // The true width, as unsigned: QEMU's signed subtraction overflows for ranges wider than
            // 2^63 and would then accept a range with up to 2^64 elements.
            if (start > stop || unchecked((ulong)(stop - start)) >= RangeMaxElements)
            {
                return false;
            }

            end += rangeEnd;
            if (!TryFinishEntry(rest, ref end, out var again) || again)
            {
                return false;
            }
        }

        _mode = ListMode.Int64Range;
        _rangeNext = unchecked((ulong)start);
        _rangeEnd = unchecked((ulong)stop);
        return true;
    }

    /// <summary>Parses "N", "N-M", each followed by ',' or the end, into an unsigned range.</summary>
    private bool TryParseUInt64Entry()
    {
        var rest = _text.AsSpan(_unparsed);
        if (QemuNumbers.ParseUInt64(rest, 0, out var start, out var end) != QemuParseStatus.Ok)
        {
            return false;
        }

        var stop = start;
        if (!TryFinishEntry(rest, ref end, out var isRange))
        {
            return false;
        }

        if (isRange)
        {
            if (QemuNumbers.ParseUInt64(rest[end..], 0, out stop, out var rangeEnd) != QemuParseStatus.Ok)
            {
                return false;
            }

            if (start > stop || stop - start >= RangeMaxElements)
            {
                return false;
            }

            end += rangeEnd;
            if (!TryFinishEntry(rest, ref end, out var again) || again)
            {
                return false;
            }
        }

        _mode = ListMode.UInt64Range;
        _rangeNext = start;
        _rangeEnd = stop;
        return true;
    }

    /// <summary>
    /// Looks at what follows a number at <paramref name="end"/> in <paramref name="rest"/>: the end
    /// of the text or a ',' finish the entry (moving past the ','); a '-' starts a range's upper
    /// bound (<paramref name="end"/> moves past it); anything else is an error.
    /// </summary>
    private bool TryFinishEntry(ReadOnlySpan<char> rest, ref int end, out bool isRange)
    {
        isRange = false;
        if (end == rest.Length)
        {
            _unparsed = _text.Length;
            return true;
        }

        switch (rest[end])
        {
            case ',':
                _unparsed += end + 1;
                return true;
            case '-':
                isRange = true;
                end++;
                return true;
            default:
                return false;
        }
    }
}
