using System.Diagnostics.CodeAnalysis;

namespace Machina.Qapi.Visitors;

/// <summary>
/// A generated QAPI complex type (struct, union or alternate): it knows how to visit itself,
/// like QEMU's <c>visit_type_FOO</c>.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
/// <remarks>
/// Generated types implement the member explicitly, so it never clashes with a schema member
/// of the same name; call it through <see cref="Visitor.Visit{T}(string, ref T)"/>.
/// </remarks>
public interface IQapiType<TSelf>
    where TSelf : class, IQapiType<TSelf>
{
    /// <summary>
    /// Visits the value named <paramref name="name"/>. An input visitor replaces
    /// <paramref name="value"/> by a new object read from its input; an output visitor reads it;
    /// a clone visitor replaces it by a deep copy.
    /// </summary>
    /// <param name="visitor">The visitor.</param>
    /// <param name="name">The member name in the enclosing struct, or null at the root and in lists.</param>
    /// <param name="value">The value; must be non-null unless the visitor is an input visitor.</param>
    /// <exception cref="QapiException">The input is not a valid <typeparamref name="TSelf"/>.</exception>
    static abstract void Visit(Visitor visitor, string? name, [NotNull] ref TSelf? value);
}

/// <summary>
/// A generated QAPI struct: besides visiting itself it can visit just its members into an
/// object that exists, like QEMU's <c>visit_type_FOO_members</c> (used for bases and for
/// members-only visits such as command arguments).
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IQapiStruct<TSelf> : IQapiType<TSelf>
    where TSelf : class, IQapiStruct<TSelf>
{
    /// <summary>
    /// Visits the members of <paramref name="value"/>, base members first, each in schema
    /// order: input and clone visitors store into it, output visitors read from it.
    /// </summary>
    /// <exception cref="QapiException">The input is not a valid <typeparamref name="TSelf"/>.</exception>
    static abstract void VisitMembers(Visitor visitor, TSelf value);
}

/// <summary>Visits one list element or scalar; list visits take one to know how to visit elements.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="visitor">The visitor.</param>
/// <param name="name">The name to visit under (null for list elements).</param>
/// <param name="value">The element: read by output visitors, replaced by input and clone visitors.</param>
public delegate void VisitElement<T>(Visitor visitor, string? name, ref T value);
