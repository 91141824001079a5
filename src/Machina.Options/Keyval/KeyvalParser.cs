using System.Diagnostics.CodeAnalysis;
using System.Text;
using Machina.Options.Internal;
using Machina.QObjects;
using Machina.Qapi;

namespace Machina.Options;

/// <summary>
/// QEMU's <c>KEY=VALUE,...</c> syntax (<c>util/keyval.c</c>): parses an option string into a
/// dictionary tree whose leaves are strings.
/// </summary>
/// <remarks>
/// <para>Grammar. Parameters are separated by ','; a trailing ',' is ignored. A parameter is
/// <c>key=value</c> or a help request (<c>help</c> or <c>?</c>). A key is fragments joined by '.':
/// the first a QAPI name, later ones a QAPI name or decimal digits. A fragment is 1 to 127
/// characters. A value runs to the next single ','; <c>,,</c> stands for one ','.</para>
/// <para>Meaning. Each key is a path from the root dictionary to a string leaf; a fragment of digits
/// makes its parent a list and indexes it (in any order, but without gaps; leading zeros allowed).
/// When several parameters name the same leaf, the last wins. A path may not be both a leaf and a
/// node, nor both a list and a dictionary.</para>
/// <para>Implied key. With an implied key, the first parameter may be a bare value (no '=' or ',', not
/// empty, not a help request), which is read as <c>IMPLIED=value</c>; the implied key may be dotted.</para>
/// <para>Scalars are always strings: a typed reader (QEMU's keyval input visitor) converts them when
/// it knows the type it wants. Keys and values are never trimmed.</para>
/// <para>Where QEMU's answer depends on how its hash table orders keys (which error is reported when
/// there are several, and which of <c>list.1</c> and <c>list.01</c> wins), the same order is used,
/// so the same answer results.</para>
/// <para>A U+0000 in the input ends it, as it ends QEMU's C string.</para>
/// </remarks>
public static partial class KeyvalParser
{
    /// <summary>The longest key fragment QEMU accepts, in characters.</summary>
    public const int MaxFragmentLength = 127;

    /// <summary>
    /// Parses <paramref name="input"/> (QEMU's <c>keyval_parse</c> without a help flag): a help
    /// request is an error.
    /// </summary>
    /// <param name="input">The option string, for example <c>driver=qcow2,file.filename=a.img</c>.</param>
    /// <param name="impliedKey">The key a leading bare value stands for, or null.</param>
    /// <returns>A new dictionary: nested dictionaries and lists, string leaves.</returns>
    /// <exception cref="OptionsException">The input is not valid keyval (QEMU's message), or asks for help:
    /// <c>Help is not available for this option</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="impliedKey"/> is not a valid key.</exception>
    public static QDict Parse(string input, string? impliedKey = null)
    {
        var dict = NewRoot(input);
        ParseCore(dict, input, impliedKey, allowHelp: false, out _)?.Throw();
        return dict;
    }

    /// <summary>
    /// Parses <paramref name="input"/>, reporting a help request (QEMU's <c>keyval_parse</c> with a help flag).
    /// </summary>
    /// <param name="input">The option string.</param>
    /// <param name="impliedKey">The key a leading bare value stands for, or null.</param>
    /// <param name="helpRequested">True when the input contained <c>help</c> or <c>?</c> as a
    /// parameter; the other parameters are still parsed, so help can depend on them.</param>
    /// <returns>A new dictionary (without the help request).</returns>
    /// <exception cref="OptionsException">The input is not valid keyval.</exception>
    /// <exception cref="ArgumentException"><paramref name="impliedKey"/> is not a valid key.</exception>
    public static QDict Parse(string input, string? impliedKey, out bool helpRequested)
    {
        var dict = NewRoot(input);
        ParseCore(dict, input, impliedKey, allowHelp: true, out helpRequested)?.Throw();
        return dict;
    }

    /// <summary>
    /// Parses <paramref name="input"/> into an existing dictionary (QEMU's <c>keyval_parse_into</c>),
    /// as QEMU accumulates several <c>-machine</c> options into one.
    /// </summary>
    /// <remarks>
    /// New leaves replace old ones; the combined tree must be consistent, and lists in it are
    /// re-derived from index keys, so <paramref name="target"/> should hold only this parser's output
    /// from earlier calls with no lists yet (use <see cref="Merge"/> to combine parsed trees).
    /// On error <paramref name="target"/> keeps whatever was parsed before the mistake, as in QEMU.
    /// </remarks>
    /// <param name="target">The dictionary to add to.</param>
    /// <param name="input">The option string.</param>
    /// <param name="impliedKey">The key a leading bare value stands for, or null.</param>
    /// <param name="helpRequested">True when the input asked for help.</param>
    /// <exception cref="OptionsException">The input is not valid keyval.</exception>
    /// <exception cref="ArgumentException"><paramref name="impliedKey"/> is not a valid key.</exception>
    public static void ParseInto(QDict target, string input, string? impliedKey, out bool helpRequested)
    {
        ArgumentNullException.ThrowIfNull(target);
        ParseCore(target, input, impliedKey, allowHelp: true, out helpRequested)?.Throw();
    }

    /// <summary>
    /// Parses <paramref name="input"/> without throwing on bad input.
    /// </summary>
    /// <param name="input">The option string.</param>
    /// <param name="impliedKey">The key a leading bare value stands for, or null.</param>
    /// <param name="result">The dictionary, or null on error.</param>
    /// <param name="helpRequested">True when the input asked for help.</param>
    /// <param name="error">What was wrong, or null.</param>
    /// <returns>True on success.</returns>
    /// <exception cref="ArgumentException"><paramref name="impliedKey"/> is not a valid key.</exception>
    public static bool TryParse(
        string input,
        string? impliedKey,
        [NotNullWhen(true)] out QDict? result,
        out bool helpRequested,
        [NotNullWhen(false)] out OptionsError? error)
    {
        var dict = NewRoot(input);
        error = ParseCore(dict, input, impliedKey, allowHelp: true, out helpRequested);
        result = error is null ? dict : null;
        return error is null;
    }

    /// <summary>A root dictionary sized for one entry per parameter, so it need not grow while parsing.</summary>
    private static QDict NewRoot(string? input) =>
        new(input is null ? 0 : Math.Min(input.AsSpan().Count(',') + 1, 64));

    private static OptionsError? ParseCore(QDict target, string input, string? impliedKey, bool allowHelp, out bool help)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (impliedKey is not null)
        {
            impliedKey = CString.Text(impliedKey);
            ValidateImpliedKey(impliedKey);
        }

        help = false;
        var text = CString.Of(input.AsSpan());
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            var error = ParseOne(target, text, ref position, impliedKey, ref help);
            if (error is not null)
            {
                return error.At(input, start);
            }

            impliedKey = null;
        }

        if (help && !allowHelp)
        {
            return Messages.HelpNotAvailable().At(input, 0);
        }

        // Walking in insertion order finds the same lists as QEMU's hash order; only which error is
        // reported first depends on the order, so on error the walk is redone QEMU's way. Lists that
        // the first walk already built have no error to report, so the second walk finds QEMU's error.
        if (Listify(target, null, qemuOrder: false, out var listError) is null)
        {
            Listify(target, null, qemuOrder: true, out listError);
            return listError!.At(input, 0);
        }

        return null;
    }

    /// <summary>Parses the parameter at <paramref name="position"/> and moves past it and its ','.</summary>
    private static OptionsError? ParseOne(QDict root, ReadOnlySpan<char> text, ref int position, string? impliedKey, ref bool help)
    {
        var rest = text[position..];
        var length = rest.IndexOfAny('=', ',');
        if (length < 0)
        {
            length = rest.Length;
        }

        ReadOnlySpan<char> key = rest[..length];
        var valueEnd = -1;
        if (length > 0 && (length == rest.Length || rest[length] != '='))
        {
            if (QemuConversions.StartsWithHelpOption(rest) == length)
            {
                help = true;
                position += length < rest.Length ? length + 1 : length;
                return null;
            }

            if (impliedKey is not null)
            {
                key = impliedKey;
                valueEnd = length;
            }
        }

        // Walk the fragments; each one but the last names a dictionary inside the current one.
        var current = root;
        string? fragment = null;
        var s = 0;
        while (true)
        {
            var fragmentLength = s != 0 && char.IsAsciiDigit(At(key, s))
                ? CountDigits(key[s..])
                : Math.Max(QapiNames.ParseName(key[s..], complete: false), 0);
            if (fragmentLength == 0 || (s + fragmentLength < key.Length && key[s + fragmentLength] != '.'))
            {
                return Messages.InvalidParameter(key.ToString());
            }

            if (fragmentLength > MaxFragmentLength)
            {
                var isFragment = s != 0 || fragmentLength != key.Length;
                return Messages.ParameterTooLong(isFragment, key.Slice(s, fragmentLength).ToString());
            }

            if (s != 0)
            {
                var error = Put(current, fragment!, null, key[..(s - 1)], out var next);
                if (error is not null)
                {
                    return error;
                }

                current = (QDict)next!;
            }

            fragment = key.Slice(s, fragmentLength).ToString();
            s += fragmentLength;
            if (At(key, s) != '.')
            {
                break;
            }

            s++;
        }

        string value;
        if (valueEnd >= 0)
        {
            value = rest[..valueEnd].ToString();
            position += valueEnd < rest.Length ? valueEnd + 1 : valueEnd;
        }
        else
        {
            if (At(rest, length) != '=')
            {
                return Messages.ExpectedEquals(key.ToString());
            }

            value = ReadValue(rest[(length + 1)..], out var consumed);
            position += length + 1 + consumed;
        }

        return Put(current, fragment!, new QString(value), key, out _);
    }

    /// <summary>Reads a value up to a single ',' (consumed), turning each ",," into ','.</summary>
    private static string ReadValue(ReadOnlySpan<char> text, out int consumed)
    {
        var comma = text.IndexOf(',');
        if (comma < 0)
        {
            consumed = text.Length;
            return text.ToString();
        }

        if (comma + 1 >= text.Length || text[comma + 1] != ',')
        {
            consumed = comma + 1;
            return text[..comma].ToString();
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ',')
            {
                i++;
                if (i >= text.Length || text[i] != ',')
                {
                    break;
                }
            }

            builder.Append(text[i++]);
        }

        consumed = i;
        return builder.ToString();
    }

    /// <summary>
    /// Makes <paramref name="fragment"/> in <paramref name="current"/> a dictionary (value null) or the
    /// string <paramref name="value"/>, failing when it is already the other kind.
    /// </summary>
    private static OptionsError? Put(QDict current, string fragment, QString? value, ReadOnlySpan<char> keySoFar, out QObject? result)
    {
        if (current.TryGetValue(fragment, out var old))
        {
            if (old.Type != (value is null ? QType.QDict : QType.QString))
            {
                result = null;
                return Messages.UsedInconsistently(keySoFar.ToString() + ".");
            }

            if (value is null)
            {
                result = old;
                return null;
            }
        }

        result = value ?? (QObject)new QDict();
        current[fragment] = result;
        return null;
    }

    /// <summary>
    /// Replaces every dictionary whose keys are all list indexes by a list, depth first, in insertion
    /// order or QEMU's hash order. Returns <paramref name="current"/> or its replacement; null on error.
    /// </summary>
    private static QObject? Listify(QDict current, List<string>? path, bool qemuOrder, out OptionsError? error)
    {
        error = null;
        var count = current.Count;
        bool hasIndex = false, hasMember = false, hasChild = false;
        for (var i = 0; i < count; i++)
        {
            var (key, value) = current.GetAt(i);
            if (KeyToIndex(key) >= 0)
            {
                hasIndex = true;
            }
            else
            {
                hasMember = true;
            }

            hasChild |= value is QDict;
        }

        if (!hasChild && !hasIndex)
        {
            return current;
        }

        var entries = qemuOrder ? QemuDictOrder.Entries(current) : InsertionOrder(current);
        if (hasChild)
        {
            path ??= [];
            for (var i = 0; i < entries.Length; i++)
            {
                var (key, value) = entries[i];
                if (value is not QDict child)
                {
                    continue;
                }

                path.Add(key);
                var replacement = Listify(child, path, qemuOrder, out error);
                path.RemoveAt(path.Count - 1);
                if (replacement is null)
                {
                    return null;
                }

                if (!ReferenceEquals(replacement, child))
                {
                    current[key] = replacement;
                    entries[i] = new(key, replacement);
                }
            }
        }

        if (hasIndex && hasMember)
        {
            error = Messages.UsedInconsistently(JoinPath(path));
            return null;
        }

        if (!hasIndex)
        {
            return current;
        }

        // Indexes at or beyond the entry count leave a gap below them; the extra slot stays empty
        // so the scan below reports the first gap.
        var slots = new QObject?[entries.Length + 1];
        if (!FillSlots(entries, slots, out var maxIndex))
        {
            // Two spellings of one index (1 and 01): the one later in QEMU's walk wins.
            Array.Clear(slots);
            FillSlots(QemuDictOrder.Entries(current), slots, out maxIndex);
        }

        var length = (int)Math.Min(slots.Length, (long)maxIndex + 1);
        var list = new QList();
        for (var i = 0; i < length; i++)
        {
            if (slots[i] is not { } item)
            {
                error = Messages.ListElementMissing(JoinPath(path), i);
                return null;
            }

            list.Add(item);
        }

        return list;
    }

    /// <summary>Puts each value in the slot of its index; false when two keys share an index.</summary>
    private static bool FillSlots(KeyValuePair<string, QObject>[] entries, QObject?[] slots, out int maxIndex)
    {
        maxIndex = -1;
        var unique = true;
        foreach (var (key, value) in entries)
        {
            var index = KeyToIndex(key);
            maxIndex = Math.Max(maxIndex, index);
            if (index < slots.Length - 1)
            {
                unique &= slots[index] is null;
                slots[index] = value;
            }
        }

        return unique;
    }

    private static KeyValuePair<string, QObject>[] InsertionOrder(QDict dict)
    {
        var entries = new KeyValuePair<string, QObject>[dict.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = dict.GetAt(i);
        }

        return entries;
    }

    /// <summary>
    /// A dictionary key as a list index: all decimal digits, capped at <see cref="int.MaxValue"/>; else -1.
    /// </summary>
    private static int KeyToIndex(string key)
    {
        if (key.Length == 0 || key.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return -1;
        }

        long value = 0;
        foreach (var c in key)
        {
            value = (value * 10) + (c - '0');
            if (value > int.MaxValue)
            {
                return int.MaxValue;
            }
        }

        return (int)value;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAnyExceptInRange('0', '9');
        return end < 0 ? text.Length : end;
    }

    private static string JoinPath(List<string>? path)
    {
        if (path is null || path.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var fragment in path)
        {
            builder.Append(fragment).Append('.');
        }

        return builder.ToString();
    }

    private static char At(ReadOnlySpan<char> text, int index) => index < text.Length ? text[index] : '\0';

    /// <summary>Checks the implied key by the rules keys in the input obey, without allocating.</summary>
    private static void ValidateImpliedKey(string impliedKey)
    {
        var key = CString.Of(impliedKey);
        var s = 0;
        while (true)
        {
            var length = s != 0 && char.IsAsciiDigit(At(key, s))
                ? CountDigits(key[s..])
                : QapiNames.ParseName(key[s..], complete: false);
            if (length <= 0 || length > MaxFragmentLength || (s + length < key.Length && key[s + length] != '.'))
            {
                throw new ArgumentException($"implied key '{impliedKey}' is not a valid keyval key", nameof(impliedKey));
            }

            s += length;
            if (s == key.Length)
            {
                return;
            }

            s++;
        }
    }

    private static void Throw(this OptionsError error) => throw error.ToException();
}
