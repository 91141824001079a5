using Machina.Qapi.Visitors;

namespace Machina.Qom.Tests.QemuUnitTests;

/// <summary>The animals of QEMU's check-qom-proplist.c, as a QAPI enum.</summary>
[QapiName("DummyAnimal")]
public enum DummyAnimal
{
    /// <summary>A frog.</summary>
    [QapiName("frog")]
    Frog,

    /// <summary>An alligator.</summary>
    [QapiName("alligator")]
    Alligator,

    /// <summary>A platypus.</summary>
    [QapiName("platypus")]
    Platypus,
}

/// <summary>
/// check-qom-proplist.c's <c>qemu-dummy</c>: an object property <c>bv</c> added when an object is
/// initialised, class properties <c>sv</c> and <c>av</c>, user-creatable.
/// </summary>
[QomType("qemu-dummy")]
public sealed class DummyObject : QomObject, IUserCreatable
{
    /// <summary>The boolean behind <c>bv</c>.</summary>
    public bool Bv { get; set; }

    /// <summary>The animal behind <c>av</c>.</summary>
    public DummyAnimal Av { get; set; }

    /// <summary>The string behind <c>sv</c>.</summary>
    public string? Sv { get; set; }

    /// <summary>True once finalised.</summary>
    public bool Released { get; private set; }

    [QomClassInit]
    private static void InitClass(ObjectClass klass)
    {
        klass.AddStringProperty<DummyObject>("sv", static d => d.Sv, static (d, v) => d.Sv = v);
        klass.AddEnumProperty<DummyObject, DummyAnimal>("av", static d => d.Av, static (d, v) => d.Av = v);
    }

    [QomInstanceInit]
    private void Init() => AddBoolProperty("bv", () => Bv, v => Bv = v);

    [QomInstanceFinalize]
    private void Release()
    {
        Sv = null;
        Released = true;
    }
}

/// <summary>check-qom-proplist.c's <c>qemu-dummy-dev</c>: a child bus whose child backend it also links to.</summary>
[QomType("qemu-dummy-dev")]
public sealed class DummyDev : QomObject
{
    /// <summary>The bus it owns.</summary>
    public DummyBus? Bus { get; private set; }

    /// <summary>True once finalised.</summary>
    public bool Released { get; private set; }

    /// <summary>Unparents the bus when the device is unparented.</summary>
    protected internal override void OnUnparent() => Bus!.Unparent();

    [QomInstanceInit]
    private void Init()
    {
        var bus = Runtime.New<DummyBus>();
        var backend = Runtime.New<DummyBackend>();
        AddChild("bus", bus);
        Bus = bus;
        bus.AddChild("backend", backend);
        bus.Backend = backend;
        AddLinkProperty("backend", "qemu-dummy-backend", () => bus.Backend, null, null);
    }

    [QomInstanceFinalize]
    private void Release()
    {
        Bus!.Unref();
        Released = true;
    }
}

/// <summary>check-qom-proplist.c's <c>qemu-dummy-bus</c>: on unparent it deletes its parent's link and unparents its backend.</summary>
[QomType("qemu-dummy-bus")]
public sealed class DummyBus : QomObject
{
    /// <summary>The backend it owns.</summary>
    public DummyBackend? Backend { get; set; }

    /// <summary>True once finalised.</summary>
    public bool Released { get; private set; }

    /// <summary>Deletes the parent's link to the backend, then unparents the backend.</summary>
    protected internal override void OnUnparent()
    {
        Parent!.DeleteProperty("backend");
        Backend!.Unparent();
    }

    [QomInstanceFinalize]
    private void Release()
    {
        Backend!.Unref();
        Released = true;
    }
}

/// <summary>check-qom-proplist.c's <c>qemu-dummy-backend</c>.</summary>
[QomType("qemu-dummy-backend")]
public sealed class DummyBackend : QomObject
{
    /// <summary>True once finalised.</summary>
    public bool Released { get; private set; }

    [QomInstanceFinalize]
    private void Release() => Released = true;
}
