using Machina.Options;
using Machina.Qapi;
using Machina.Qapi.Visitors;

namespace Machina.Qom.Tests.QemuUnitTests;

/// <summary>
/// QEMU's tests/unit/check-qom-proplist.c: creating objects with properties from strings, from a
/// keyval command line and by user_creatable_add_type; bad enum values; reading enums; iterating
/// object and class properties; deleting a tree whose unparent hooks change it; partial paths.
/// </summary>
public sealed class PropertyListTests
{
    private static readonly KeyValuePair<string, string>[] DummyProperties =
    [
        new("bv", "yes"),
        new("sv", "Hiss hiss hiss"),
        new("av", "platypus"),
    ];

    private static QomRuntime CreateRuntime()
    {
        var runtime = new QomRuntime();
        runtime.Types.Register<DummyObject>();
        runtime.Types.Register<DummyDev>();
        runtime.Types.Register<DummyBus>();
        runtime.Types.Register<DummyBackend>();
        return runtime;
    }

    [Fact]
    public void Create_with_properties_from_strings()
    {
        var runtime = CreateRuntime();
        var parent = runtime.ObjectsRoot;

        var dobj = (DummyObject)runtime.NewWithProperties("qemu-dummy", parent, "dummy0", DummyProperties);

        Assert.Equal("Hiss hiss hiss", dobj.Sv);
        Assert.True(dobj.Bv);
        Assert.Equal(DummyAnimal.Platypus, dobj.Av);
        Assert.Same(dobj, parent.ResolveComponent("dummy0"));
        Assert.Equal(1, dobj.ReferenceCount);

        dobj.Unparent();
        Assert.True(dobj.Released);
        Assert.Null(parent.ResolveComponent("dummy0"));
    }

    [Fact]
    public void Create_from_a_keyval_command_line_then_delete_and_create_again()
    {
        var runtime = CreateRuntime();
        const string Params = "bv=yes,sv=Hiss hiss hiss,av=platypus";

        var first = CreateFromCommandLine(runtime, Params);
        var dobj = (DummyObject)runtime.ObjectsRoot.ResolveComponent("dev0")!;
        Assert.Same(first, dobj);
        Assert.Equal("Hiss hiss hiss", dobj.Sv);
        Assert.True(dobj.Bv);
        Assert.Equal(DummyAnimal.Platypus, dobj.Av);

        var duplicate = Assert.Throws<QapiException>(() => CreateFromCommandLine(runtime, Params));
        Assert.Equal("attempt to add duplicate property 'dev0' to object (type 'container')", duplicate.Message);
        Assert.Same(dobj, runtime.ObjectsRoot.ResolveComponent("dev0"));

        runtime.UserCreatable.Delete("dev0");
        Assert.Null(runtime.ObjectsRoot.ResolveComponent("dev0"));
        Assert.True(dobj.Released);

        var again = (DummyObject)CreateFromCommandLine(runtime, Params);
        Assert.NotSame(dobj, again);
        Assert.Same(again, runtime.ObjectsRoot.ResolveComponent("dev0"));
        Assert.Equal("Hiss hiss hiss", again.Sv);
        Assert.True(again.Bv);
        Assert.Equal(DummyAnimal.Platypus, again.Av);
        again.Unparent();
    }

    [Fact]
    public void Bad_enum_value_fails_and_leaves_nothing_behind()
    {
        var runtime = CreateRuntime();
        var parent = runtime.ObjectsRoot;

        var error = Assert.Throws<QapiException>(() => runtime.NewWithProperties("qemu-dummy", parent, "dummy0",
            new("bv", "yes"), new("sv", "Hiss hiss hiss"), new("av", "yeti")));

        Assert.Equal("Parameter 'av' does not accept value 'yeti'", error.Message);
        Assert.Null(parent.ResolveComponent("dummy0"));
    }

    [Fact]
    public void Enum_property_reads_as_its_index_and_checks_the_type_name()
    {
        var runtime = CreateRuntime();
        var dobj = runtime.NewWithProperties("qemu-dummy", runtime.ObjectsRoot, "dummy0", new KeyValuePair<string, string>("av", "platypus"));

        Assert.Equal((int)DummyAnimal.Platypus, dobj.GetEnum("av", "DummyAnimal"));
        Assert.Equal(DummyAnimal.Platypus, dobj.GetEnum<DummyAnimal>("av"));

        var badType = Assert.Throws<QapiException>(() => dobj.GetEnum("av", "BadAnimal"));
        Assert.Equal("Property av on qemu-dummy is not 'BadAnimal' enum type", badType.Message);

        var notEnum = Assert.Throws<QapiException>(() => dobj.GetEnum("iv", "DummyAnimal"));
        Assert.Equal("Property 'qemu-dummy.iv' not found", notEnum.Message);
        dobj.Unparent();
    }

    [Fact]
    public void Object_iterates_inherited_class_and_own_properties()
    {
        var runtime = CreateRuntime();
        var dobj = runtime.NewWithProperties("qemu-dummy", runtime.ObjectsRoot, "dummy0", DummyProperties);

        // QEMU checks the set; Machina also fixes the order: class properties root first, then the object's own.
        Assert.Equal(["av", "bv", "sv", "type"], dobj.EnumerateForIteration().Select(p => p.Name).Order());
        Assert.Equal(["type", "sv", "av", "bv"], dobj.Properties.Select(p => p.Name));
        dobj.Unparent();
    }

    [Fact]
    public void Class_iterates_inherited_and_own_class_properties()
    {
        var runtime = CreateRuntime();
        var klass = runtime.Types.FindClass("qemu-dummy")!;

        Assert.Equal(["type", "sv", "av"], klass.Properties.Select(p => p.Name));
    }

    [Fact]
    public void Deleting_a_device_copes_with_unparent_hooks_that_change_its_properties()
    {
        var runtime = CreateRuntime();
        var dev = (DummyDev)runtime.NewWithProperties("qemu-dummy-dev", runtime.ObjectsRoot, "dev0");
        var bus = dev.Bus!;
        var backend = bus.Backend!;
        Assert.Equal("/objects/dev0/bus/backend", backend.CanonicalPath);
        Assert.Same(backend, runtime.ResolvePath("/objects/dev0/backend", out _));

        dev.Unparent();

        Assert.True(dev.Released);
        Assert.True(bus.Released);
        Assert.True(backend.Released);
        Assert.Empty(dev.OwnProperties);
    }

    [Fact]
    public void Partial_path_that_matches_twice_is_ambiguous()
    {
        var runtime = CreateRuntime();
        var root = runtime.ObjectsRoot;
        var cont1 = QomRuntime.GetContainer(root, "/cont1");
        var obj1 = runtime.New("qemu-dummy");
        var obj2a = runtime.New("qemu-dummy");
        var obj2b = runtime.New("qemu-dummy");

        // /objects/cont1/obj1, /objects/cont1/obj2 (obj2a), /objects/obj2 (obj2b)
        cont1.AddChild("obj1", obj1);
        obj1.Unref();
        cont1.AddChild("obj2", obj2a);
        obj2a.Unref();
        root.AddChild("obj2", obj2b);
        obj2b.Unref();

        Assert.Null(runtime.ResolvePath("", "qemu-dummy", out var ambiguous));
        Assert.True(ambiguous);

        Assert.Null(runtime.ResolvePath("obj2", out ambiguous));
        Assert.True(ambiguous);

        Assert.Same(obj1, runtime.ResolvePath("obj1", out ambiguous));
        Assert.False(ambiguous);

        obj2b.Unparent();
        cont1.Unparent();
        Assert.True(obj1.IsFinalized);
        Assert.True(obj2a.IsFinalized);
        Assert.True(obj2b.IsFinalized);
    }

    private static QomObject CreateFromCommandLine(QomRuntime runtime, string parameters)
    {
        var qdict = KeyvalParser.Parse(parameters, "qom-type", out var help);
        Assert.False(help);
        var obj = runtime.UserCreatable.AddType("qemu-dummy", "dev0", qdict, new QObjectInputVisitor(qdict, keyval: true));
        obj.Unref();
        return obj;
    }
}
