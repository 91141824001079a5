namespace Machina.Qapi.Visitors;

/// <summary>
/// Which way a <see cref="Visitor"/> moves data (QEMU's <c>VisitorType</c>; the dealloc visitor
/// has no counterpart, the garbage collector does its job).
/// </summary>
public enum VisitorKind
{
    /// <summary>
    /// Builds a QAPI value from some representation (a QObject, a string); may fail on bad input.
    /// The visit functions create the objects.
    /// </summary>
    Input = 1,

    /// <summary>Turns an existing QAPI value into some representation; reads the value only.</summary>
    Output = 2,

    /// <summary>Replaces a QAPI value by a deep copy of itself.</summary>
    Clone = 3,
}
