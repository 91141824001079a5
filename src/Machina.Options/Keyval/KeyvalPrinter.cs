using System.Globalization;
using System.Text;
using Machina.QObjects;
using Machina.Qapi;

namespace Machina.Options;

/// <summary>
/// Writes a dictionary tree as a keyval string that <see cref="KeyvalParser"/> reads back as an
/// equal tree: the inverse of the parser.
/// </summary>
/// <remarks>
/// <para>Leaves are written as <c>path=value</c> with each ',' doubled; dictionaries contribute
/// their keys as dotted fragments and lists their indexes. Entries come in the dictionary's own
/// (insertion) order and list items in list order, so output is stable.</para>
/// <para>Keyval can express only part of what a <see cref="QDict"/> can hold; a tree outside that
/// part is refused with an <see cref="ArgumentException"/> naming the path: dictionary keys must be
/// QAPI names of at most 127 characters, nested dictionaries and lists must not be empty (keyval has
/// no way to write them), strings must not contain U+0000 (it would end the text), and null is not a
/// value.</para>
/// <para>Booleans and numbers are written as the text QEMU's keyval visitor reads back as them
/// (<c>on</c>/<c>off</c>, decimal, <c>%.17g</c> for doubles), handy for building command lines
/// from typed trees; the parser returns them as strings, since keyval scalars are strings.</para>
/// </remarks>
public static class KeyvalPrinter
{
    /// <summary>Writes <paramref name="dict"/> as keyval.</summary>
    /// <param name="dict">The tree.</param>
    /// <param name="impliedKey">When given and the tree holds a string at that (dotted) path that the
    /// short form can carry (not empty, no ',' or '=', not a help request), it is written first
    /// as a bare value.</param>
    /// <exception cref="ArgumentException">The tree cannot be written as keyval.</exception>
    public static string Print(QDict dict, string? impliedKey = null)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var builder = new StringBuilder();
        var path = new StringBuilder();
        string? skip = null;
        if (impliedKey is not null && Lookup(dict, impliedKey, out var impliedPath) is { } implied && CanBeImplied(implied, out var text))
        {
            builder.Append(text);
            skip = impliedPath;
        }

        WriteDict(builder, path, dict, skip, isRoot: true);
        return builder.ToString();
    }

    private static void WriteDict(StringBuilder output, StringBuilder path, QDict dict, string? skip, bool isRoot)
    {
        if (dict.Count == 0 && !isRoot)
        {
            throw Unprintable(path, "an empty dictionary has no keyval form");
        }

        var saved = path.Length;
        foreach (var (key, value) in dict)
        {
            if (key.Length > KeyvalParser.MaxFragmentLength || QapiNames.ParseName(key, complete: true) != key.Length)
            {
                throw Unprintable(path, $"key '{key}' is not a QAPI name of at most {KeyvalParser.MaxFragmentLength} characters");
            }

            path.Append(key);
            WriteValue(output, path, value, skip);
            path.Length = saved;
        }
    }

    private static void WriteValue(StringBuilder output, StringBuilder path, QObject value, string? skip)
    {
        switch (value)
        {
            case QDict dict:
                path.Append('.');
                WriteDict(output, path, dict, skip, isRoot: false);
                break;
            case QList list:
                if (list.Count == 0)
                {
                    throw Unprintable(path, "an empty list has no keyval form");
                }

                var saved = path.Length;
                for (var i = 0; i < list.Count; i++)
                {
                    path.Append('.').Append(i.ToString(CultureInfo.InvariantCulture));
                    WriteValue(output, path, list[i], skip);
                    path.Length = saved;
                }

                break;
            default:
                if (skip is not null && path.Equals(skip.AsSpan()))
                {
                    return;
                }

                if (output.Length != 0)
                {
                    output.Append(',');
                }

                output.Append(path).Append('=');
                foreach (var c in ScalarText(value, path))
                {
                    output.Append(c);
                    if (c == ',')
                    {
                        output.Append(',');
                    }
                }

                break;
        }
    }

    private static string ScalarText(QObject value, StringBuilder path) => value switch
    {
        QString s when s.Value.Contains('\0', StringComparison.Ordinal) => throw Unprintable(path, "a string containing U+0000 has no keyval form"),
        QString s => s.Value,
        QBool b => b.Value ? "on" : "off",
        QNum n => n.ToString(),
        _ => throw Unprintable(path, $"{value.Type.ToQapiName()} has no keyval form"),
    };

    private static bool CanBeImplied(QObject value, out string text)
    {
        text = value is QString or QBool or QNum ? ScalarText(value, new StringBuilder()) : string.Empty;
        return text.Length != 0
               && text.AsSpan().IndexOfAny('=', ',') < 0
               && !text.Contains('\0', StringComparison.Ordinal)
               && QemuConversions.StartsWithHelpOption(text) != text.Length;
    }

    /// <summary>
    /// The value at <paramref name="dottedKey"/>, split into fragments as the parser splits it, and
    /// its path as this printer writes it.
    /// </summary>
    private static QObject? Lookup(QDict dict, string dottedKey, out string path)
    {
        var written = new StringBuilder();
        QObject? current = dict;
        var key = dottedKey.AsSpan();
        for (var s = 0; current is not null && s < key.Length;)
        {
            var isIndex = s != 0 && char.IsAsciiDigit(key[s]);
            var length = isIndex ? key[s..].IndexOfAnyExceptInRange('0', '9') : QapiNames.ParseName(key[s..], complete: false);
            length = isIndex && length < 0 ? key.Length - s : length;
            if (length <= 0)
            {
                current = null;
                break;
            }

            var fragment = key.Slice(s, length).ToString();
            if (written.Length != 0)
            {
                written.Append('.');
            }

            switch (current)
            {
                case QDict d when !isIndex:
                    current = d.GetValueOrDefault(fragment);
                    written.Append(fragment);
                    break;
                case QList l when isIndex && int.TryParse(fragment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < l.Count:
                    current = l[index];
                    written.Append(index.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    current = null;
                    break;
            }

            s += length;
            if (s < key.Length && (key[s] != '.' || ++s == key.Length))
            {
                current = null;
            }
        }

        path = written.ToString();
        return current;
    }

    private static ArgumentException Unprintable(StringBuilder path, string why) =>
        new($"cannot write '{(path.Length == 0 ? "(root)" : path.ToString().TrimEnd('.'))}' as keyval: {why}", "dict");
}
