using System.ComponentModel;

namespace Machina.Qom;

/// <summary>
/// One class or C# interface declared with <see cref="QomTypeAttribute"/> or
/// <see cref="QomInterfaceAttribute"/>, as the Machina.Qom source generator reads it at build time:
/// its QOM name, the C# interfaces it implements that are QOM interfaces, and how to describe it
/// to a registry. Generated code makes these; <see cref="QomTypeRegistry.Register(Type)"/> uses them.
/// </summary>
/// <remarks>
/// Reading declarations at build time keeps registration free of reflection, so it is cheap at
/// start-up and works unchanged in trimmed and Native AOT programs.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class QomDeclaration
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<Type, QomDeclaration> ByType = [];

    private readonly Func<QomTypeInfo> _describe;

    /// <summary>A declaration named <paramref name="name"/>.</summary>
    /// <param name="name">The QOM type's name.</param>
    /// <param name="describe">Describes the type; throws <see cref="ArgumentException"/> when the C# declaration is wrong.</param>
    /// <param name="interfaces">The C# interfaces the class implements that are QOM interfaces.</param>
    public QomDeclaration(string name, Func<QomTypeInfo> describe, params Type[] interfaces)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(interfaces);
        Name = name;
        _describe = describe;
        Interfaces = interfaces;
    }

    /// <summary>The QOM type's name.</summary>
    public string Name { get; }

    /// <summary>The C# interfaces the class implements that are QOM interfaces.</summary>
    public IReadOnlyList<Type> Interfaces { get; }

    /// <summary>Records the declaration on <paramref name="declaration"/> (generated module initializers call this).</summary>
    /// <exception cref="InvalidOperationException"><paramref name="declaration"/> has a declaration already.</exception>
    public static void Add(Type declaration, QomDeclaration description)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(description);
        lock (Gate)
        {
            if (!ByType.TryAdd(declaration, description))
            {
                throw new InvalidOperationException($"{declaration.Name} has two QOM declarations");
            }
        }
    }

    /// <summary>The declaration on <paramref name="declaration"/>, or null when it has none.</summary>
    public static QomDeclaration? Find(Type declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        lock (Gate)
        {
            return ByType.GetValueOrDefault(declaration);
        }
    }

    internal QomTypeInfo Describe() => _describe();
}
