namespace Machina.Qom;

// Types declared with attributes: QomTypeAttribute on a class, QomInterfaceAttribute on a C#
// interface. The Machina.Qom source generator reads them at build time into a QomDeclaration;
// registering one needs no reflection.
public sealed partial class QomTypeRegistry
{
    private readonly Dictionary<Type, QomType> _declared = [];

    /// <summary>Registers the type declared on <typeparamref name="T"/> with <see cref="QomTypeAttribute"/>.</summary>
    /// <exception cref="ArgumentException">The class carries no <see cref="QomTypeAttribute"/>, or a hook or property is declared wrongly.</exception>
    /// <exception cref="InvalidOperationException">A type of that name exists.</exception>
    public QomType Register<T>()
        where T : QomObject => Register(typeof(T));

    /// <summary>
    /// Registers the type declared on the class <paramref name="declaration"/> with
    /// <see cref="QomTypeAttribute"/>, or the interface declared on the C# interface
    /// <paramref name="declaration"/> with <see cref="QomInterfaceAttribute"/>. C# interfaces the
    /// class implements that are QOM interfaces are registered too when they are not yet.
    /// </summary>
    /// <remarks>
    /// The declaration is read at build time by the Machina.Qom source generator, which a project
    /// declaring QOM types references as an analyzer (the <c>Machina.Qom</c> package brings it).
    /// </remarks>
    /// <returns>The registered type.</returns>
    /// <exception cref="ArgumentException">The type carries no declaration, or a hook or property is declared wrongly.</exception>
    /// <exception cref="InvalidOperationException">A type of that name exists.</exception>
    public QomType Register(Type declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        lock (Gate)
        {
            if (_declared.TryGetValue(declaration, out var existing))
            {
                throw new InvalidOperationException($"Registering `{existing.Name}' which already exists");
            }
        }

        var declared = QomDeclaration.Find(declaration) ?? throw new ArgumentException(
            $"{declaration.Name} has no [{(declaration.IsInterface ? "QomInterface" : "QomType")}] attribute read by the Machina.Qom source generator",
            nameof(declaration));
        foreach (var implemented in declared.Interfaces)
        {
            if (QomDeclaration.Find(implemented) is { } qomInterface && FindType(qomInterface.Name) is null)
            {
                Register(implemented);
            }
        }

        var type = Register(declared.Describe());
        lock (Gate)
        {
            _declared[declaration] = type;
        }

        return type;
    }

    /// <summary>The type registered from the declaration on <paramref name="declaration"/>, or null.</summary>
    public QomType? FindDeclaredType(Type declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        lock (Gate)
        {
            return _declared.GetValueOrDefault(declaration);
        }
    }
}
