namespace Machina.QObjects;

/// <summary>
/// Where a dictionary or list whose building was deferred finds its members when first used:
/// rows numbered in document order, a container's members following its own row. QJson.Parse
/// defers the containers of large messages (Json/JsonTape.cs).
/// </summary>
internal abstract class DeferredContents
{
    /// <summary>How many members the container at <paramref name="row"/> has.</summary>
    public abstract int Count(int row);

    /// <summary>Adds the members of the object at <paramref name="row"/> to <paramref name="dict"/>, in order.</summary>
    /// <remarks>Values that are containers are again deferred.</remarks>
    public abstract void AddEntries(int row, QDict dict);

    /// <summary>Adds the items of the array at <paramref name="row"/> to <paramref name="items"/>, in order.</summary>
    /// <remarks>Items that are containers are again deferred.</remarks>
    public abstract void AddItems(int row, List<QObject> items);
}
