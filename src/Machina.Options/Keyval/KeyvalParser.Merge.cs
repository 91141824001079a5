using System.Text;
using Machina.Options.Internal;
using Machina.QObjects;

namespace Machina.Options;

public static partial class KeyvalParser
{
    /// <summary>
    /// Merges the parsed tree <paramref name="merged"/> into <paramref name="destination"/>
    /// (QEMU's <c>keyval_merge</c>), as QEMU combines repeated options into one: dictionaries merge
    /// recursively, lists are concatenated, and for strings <paramref name="merged"/> wins.
    /// </summary>
    /// <remarks>
    /// <para>A path that is a different kind of value on each side fails with
    /// <c>Parameter 'PATH' used inconsistently</c>. As in QEMU, <paramref name="destination"/> may be
    /// partly merged by then: keys are taken in QEMU's hash-table order, a conflict stops the merge of
    /// the dictionary it is found in, and the enclosing dictionaries carry on.</para>
    /// <para>Values are copied, so the two trees share nothing afterwards.</para>
    /// </remarks>
    /// <param name="destination">The tree to merge into.</param>
    /// <param name="merged">The tree to merge from; not changed.</param>
    /// <exception cref="OptionsException">A path is used inconsistently.</exception>
    public static void Merge(QDict destination, QDict merged)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(merged);
        OptionsError? error = null;
        MergeInto(destination, merged, new StringBuilder(), ref error);
        if (error is not null)
        {
            throw error.ToException();
        }
    }

    private static void MergeInto(QDict destination, QDict merged, StringBuilder path, ref OptionsError? error)
    {
        var saved = path.Length;
        foreach (var (key, value) in QemuDictOrder.Entries(merged))
        {
            if (destination.TryGetValue(key, out var old))
            {
                if (old.Type != value.Type)
                {
                    error ??= Messages.MergedInconsistently(path + key);
                    return;
                }

                if (value is QDict dict)
                {
                    path.Append(key).Append('.');
                    MergeInto((QDict)old, dict, path, ref error);
                    path.Length = saved;
                    continue;
                }

                if (value is QList list)
                {
                    var oldList = (QList)old;
                    foreach (var item in list)
                    {
                        oldList.Add(item.DeepClone());
                    }

                    continue;
                }
            }

            destination[key] = value.DeepClone();
        }
    }
}
