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

    /// <summary>The key at <paramref name="row"/>.</summary>
    public abstract string Key(int row);

    /// <summary>The value at <paramref name="row"/>: a container again deferred, anything else built.</summary>
    public abstract QObject Value(int row);

    /// <summary>The row after the value at <paramref name="row"/> and everything in it.</summary>
    public abstract int Next(int row);
}
