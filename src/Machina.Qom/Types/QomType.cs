using System.Diagnostics.CodeAnalysis;

namespace Machina.Qom;

/// <summary>
/// A registered QOM type (QEMU's <c>TypeImpl</c>): its name, parent, interfaces and hooks, and its
/// class object, created on first use. Every type stays inspectable by name through
/// <see cref="QomTypeRegistry"/>.
/// </summary>
public sealed class QomType
{
    private readonly QomTypeInfo _info;
    private QomType? _parent;
    private ObjectClass? _class;
    private volatile bool _initialized;
    private bool _abstract;
    [DynamicallyAccessedMembers(QomTypeInfo.InstanceMembers)]
    private Type? _instanceType;
    [DynamicallyAccessedMembers(QomTypeInfo.ClassMembers)]
    private Type? _classType;
    private Func<QomObject>? _factory;

    internal QomType(QomTypeRegistry registry, QomTypeInfo info, QomType? parent = null)
    {
        Registry = registry;
        _info = info;
        _parent = parent;
        _abstract = info.Abstract;
    }

    /// <summary>The registry the type belongs to.</summary>
    public QomTypeRegistry Registry { get; }

    /// <summary>The type's name.</summary>
    public string Name => _info.Name;

    /// <summary>The parent type's name; null for <c>object</c> and <c>interface</c>.</summary>
    public string? ParentName => _info.Parent ?? _parent?.Name;

    /// <summary>The parent type; null for <c>object</c> and <c>interface</c>.</summary>
    /// <exception cref="InvalidOperationException">The parent was never registered.</exception>
    public QomType? Parent
    {
        get
        {
            if (_parent is null && _info.Parent is { } parentName)
            {
                _parent = Registry.FindType(parentName)
                    ?? throw new InvalidOperationException($"Type '{Name}' is missing its parent '{parentName}'");
            }

            return _parent;
        }
    }

    /// <summary>True when objects of exactly this type cannot be created (initialises the class).</summary>
    public bool IsAbstract
    {
        get
        {
            EnsureInitialized();
            return _abstract;
        }
    }

    /// <summary>True for <c>interface</c> and every type below it.</summary>
    public bool IsInterface => IsSubtypeOf(Registry.InterfaceRoot);

    /// <summary>The interfaces this type names itself (its parent's are inherited besides).</summary>
    public IReadOnlyList<string> DeclaredInterfaces => _info.Interfaces;

    /// <summary>The .NET class of this type's objects, the nearest one declared in the ancestry; null for interfaces.</summary>
    public Type? InstanceType
    {
        get
        {
            EnsureInitialized();
            return _instanceType;
        }
    }

    /// <summary>The user-creatable options struct declared for this type, when it has one.</summary>
    public Type? OptionsType => _info.Options?.StructType;

    internal QomObjectOptions? Options => _info.Options;

    /// <summary>What the type's registration passed as <see cref="QomTypeInfo.ClassData"/>.</summary>
    public object? ClassData => _info.ClassData;

    /// <summary>The type's class object, created and initialised on first use.</summary>
    /// <exception cref="InvalidOperationException">The type's ancestry or interfaces are broken (QEMU aborts there).</exception>
    public ObjectClass Class
    {
        get
        {
            EnsureInitialized();
            return _class!;
        }
    }

    internal QomTypeInfo Info => _info;

    /// <summary>
    /// True when <paramref name="ancestor"/> is this type or one of its ancestors (QEMU's
    /// <c>type_is_ancestor</c>). Interfaces are not ancestors of the types that implement them.
    /// </summary>
    public bool IsSubtypeOf(QomType ancestor)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        for (var type = this; type is not null; type = type.Parent)
        {
            if (ReferenceEquals(type, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal void EnsureInitialized()
    {
        if (_initialized)
        {
            return;
        }

        lock (Registry.Gate)
        {
            // The class exists (without being complete) while its own hooks run, as in QEMU: a
            // class_init that looks its own type up again gets the class being built.
            if (_class is null)
            {
                Initialize();
                _initialized = true;
            }
        }
    }

    /// <summary>Creates an object of this type, not yet bound to its class.</summary>
    internal QomObject CreateInstance()
    {
        EnsureInitialized();
        var obj = (_factory ?? CreateWithConstructor)();
        if (!_instanceType!.IsInstanceOfType(obj))
        {
            throw new InvalidOperationException(
                $"the factory of QOM type '{Name}' made a {obj.GetType().Name}, not a {_instanceType.Name}");
        }

        return obj;
    }

    private QomObject CreateWithConstructor()
    {
        if (_instanceType!.IsAbstract)
        {
            throw new InvalidOperationException(
                $"QOM type '{Name}' makes objects of {_instanceType.Name}, an abstract class: declare a class for the type or give it a factory");
        }

        try
        {
            return (QomObject)Activator.CreateInstance(_instanceType!, nonPublic: true)!;
        }
        catch (MissingMethodException e)
        {
            throw new InvalidOperationException(
                $"QOM type '{Name}': {_instanceType!.Name} needs a parameterless constructor or a factory", e);
        }
    }

    // QEMU's type_initialize.
    [SuppressMessage("Maintainability", "CA1502", Justification = "One step after another, in QEMU's order.")]
    private void Initialize()
    {
        var parent = Parent;
        parent?.EnsureInitialized();

        _instanceType = _info.InstanceType ?? parent?._instanceType;
        _factory = _info.Factory ?? (_info.InstanceType is null ? parent?._factory : null);
        if (_instanceType is not null && !typeof(QomObject).IsAssignableFrom(_instanceType))
        {
            throw new InvalidOperationException($"QOM type '{Name}': {_instanceType.Name} does not derive from QomObject");
        }

        if (_info.InstanceType is not null && parent?._instanceType is { } parentInstance && !parentInstance.IsAssignableFrom(_info.InstanceType))
        {
            throw new InvalidOperationException(
                $"QOM type '{Name}': {_info.InstanceType.Name} does not derive from {parentInstance.Name}, the class of '{parent.Name}'");
        }

        // A type without an object class of its own anywhere in its ancestry cannot have objects.
        if (_instanceType is null)
        {
            _abstract = true;
        }

        if (IsSubtypeOf(Registry.InterfaceRoot))
        {
            if (_instanceType is not null || _info.InstanceInit is not null || _info.InstancePostInit is not null
                || _info.InstanceFinalize is not null || _info.Interfaces.Count != 0)
            {
                throw new InvalidOperationException(
                    $"interface '{Name}' cannot have objects, instance hooks or interfaces of its own");
            }
        }

        var classType = _info.ClassType ?? parent?._classType ?? typeof(ObjectClass);
        if (!typeof(ObjectClass).IsAssignableFrom(classType))
        {
            throw new InvalidOperationException($"QOM type '{Name}': class type {classType.Name} does not derive from ObjectClass");
        }

        if (parent is not null && !parent._classType!.IsAssignableFrom(classType))
        {
            throw new InvalidOperationException(
                $"QOM type '{Name}': class type {classType.Name} does not derive from {parent._classType.Name}, the class type of '{parent.Name}'");
        }

        ObjectClass klass;
        try
        {
            klass = (ObjectClass)Activator.CreateInstance(classType, nonPublic: true)!;
        }
        catch (MissingMethodException e)
        {
            throw new InvalidOperationException($"QOM type '{Name}': class type {classType.Name} needs a parameterless constructor", e);
        }

        klass.Type = this;
        _classType = classType;
        _class = klass;

        if (parent is not null)
        {
            // The class starts as a copy of the parent's (QEMU's memcpy of the parent class), so
            // class fields the parent's hooks set are inherited until this type's hooks change them.
            ClassFieldCopier.Copy(parent._class!, klass, parent._classType!);

            foreach (var inherited in parent._class!.InterfaceList)
            {
                AddInterfaceClass(inherited.InterfaceType, inherited.Type);
            }

            foreach (var interfaceName in _info.Interfaces)
            {
                var iface = Registry.FindType(interfaceName)
                    ?? throw new InvalidOperationException($"missing interface '{interfaceName}' for object '{parent.Name}'");
                if (!iface.IsSubtypeOf(Registry.InterfaceRoot))
                {
                    throw new InvalidOperationException($"QOM type '{Name}': '{interfaceName}' is not an interface");
                }

                if (klass.InterfaceList.Any(existing => existing.Type.IsSubtypeOf(iface)))
                {
                    continue;
                }

                AddInterfaceClass(iface, iface);
            }
        }

        for (var ancestor = parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            ancestor._info.ClassBaseInit?.Invoke(klass);
        }

        _info.ClassInit?.Invoke(klass);
    }

    // QEMU's type_initialize_interface: the implementation of an interface by this type is an
    // anonymous abstract type "TYPE::INTERFACE" whose class records both sides.
    private void AddInterfaceClass(QomType interfaceType, QomType parentType)
    {
        var info = new QomTypeInfo($"{Name}::{interfaceType.Name}") { Abstract = true };
        var implementation = new QomType(Registry, info, parentType);
        implementation.EnsureInitialized();
        var interfaceClass = implementation._class as InterfaceClass
            ?? throw new InvalidOperationException(
                $"interface '{interfaceType.Name}': its class type must derive from InterfaceClass");
        interfaceClass.ConcreteClass = _class!;
        interfaceClass.InterfaceType = interfaceType;
        _class!.InterfaceList.Add(interfaceClass);
    }
}
