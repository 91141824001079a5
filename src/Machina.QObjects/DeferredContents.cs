namespace Machina.QObjects;

/// <summary>
/// Where a dictionary or list whose building was deferred finds its members when first used:
/// rows numbered in document order, a container's members following its own row. QJson.Parse
/// defers the containers of large messages (Json/JsonTape.cs).
/// </summary>
internal abstract class DeferredContents
{
    /// <summary>
    /// Builds a deferred container exactly once: <paramref name="fill"/> gives
    /// <paramref name="container"/> its members, then <paramref name="field"/> (the container's
    /// reference to these contents) becomes null. Nothing happens when it already is.
    /// </summary>
    /// <remarks>
    /// Readers on several threads may meet an unbuilt container; one builds it, the others wait
    /// for it, so all of them see the same members. If building fails, the field stays set and
    /// the next reader tries again.
    /// </remarks>
    public static void Build<TContainer>(ref DeferredContents? field, TContainer container, Action<DeferredContents, TContainer> fill)
    {
        var contents = Volatile.Read(ref field);
        if (contents is null)
        {
            return;
        }

        lock (contents)
        {
            if (field is null)
            {
                return;
            }

            fill(contents, container);
            Volatile.Write(ref field, null);
        }
    }

    /// <summary>How many members the container at <paramref name="row"/> has.</summary>
    public abstract int Count(int row);

    /// <summary>Adds the members of the object at <paramref name="row"/> to <paramref name="dict"/>, in order.</summary>
    /// <remarks>Values that are containers are again deferred.</remarks>
    public abstract void AddEntries(int row, QDict dict);

    /// <summary>Adds the items of the array at <paramref name="row"/> to <paramref name="items"/>, in order.</summary>
    /// <remarks>Items that are containers are again deferred.</remarks>
    public abstract void AddItems(int row, List<QObject> items);
}
