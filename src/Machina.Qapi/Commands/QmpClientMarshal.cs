using Machina.QObjects;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Commands;

/// <summary>
/// How generated client code encodes arguments and decodes replies: strictly on the way out
/// (nothing the schema does not define is sent), tolerantly on the way in (a newer peer's extra
/// members and enum values are kept, <see cref="Visitor.KeepUnknown"/>).
/// </summary>
public static class QmpClientMarshal
{
    /// <summary>Encodes a command's arguments strictly.</summary>
    /// <exception cref="QapiException">The value holds members the schema does not define.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value holds an enum value the schema does not define.</exception>
    public static QDict WriteArguments<T>(T arguments)
        where T : class, IQapiType<T>
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return (QDict)QObjectOutputVisitor.Write(arguments);
    }

    /// <summary>
    /// <paramref name="arguments"/> with the members of <paramref name="extra"/> added after them,
    /// for commands that accept arguments beyond their schema (QEMU's <c>'gen': false</c> commands,
    /// such as <c>device_add</c>'s device properties).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="extra"/> repeats an argument already given.</exception>
    public static QDict? MergeArguments(QDict? arguments, QDict? extra)
    {
        if (extra is null || extra.Count == 0)
        {
            return arguments;
        }

        var merged = arguments is null ? new QDict(extra.Count) : (QDict)arguments.DeepClone();
        foreach (var (key, value) in extra)
        {
            if (!merged.TryAdd(key, value))
            {
                throw new ArgumentException($"argument '{key}' is given twice", nameof(extra));
            }
        }

        return merged;
    }

    /// <summary>A tolerant input visitor over a reply's <c>return</c> value.</summary>
    public static Visitor ResultVisitor(QObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new QObjectInputVisitor(result) { KeepUnknown = true };
    }

    /// <summary>A reply's <c>return</c> value as <typeparamref name="T"/>, read tolerantly.</summary>
    /// <exception cref="QapiException">The value does not match <typeparamref name="T"/>.</exception>
    public static T ReadResult<T>(QObject result)
        where T : class, IQapiType<T>
    {
        ArgumentNullException.ThrowIfNull(result);
        return QObjectInputVisitor.Read<T>(result, keepUnknown: true);
    }

    /// <summary>An event's data as <typeparamref name="T"/>, read tolerantly; an absent <c>data</c> reads as an empty object.</summary>
    /// <exception cref="QapiException">The data does not match <typeparamref name="T"/>.</exception>
    public static T ReadEventData<T>(QDict? data)
        where T : class, IQapiType<T> =>
        QObjectInputVisitor.Read<T>(data ?? new QDict(), keepUnknown: true);
}
