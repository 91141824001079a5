using Machina.Qapi;

namespace Machina.Qom.Tests.Types;

/// <summary>The type registry: registration, lazy class creation, class copies and hook order, listing.</summary>
public sealed class TypeRegistryTests
{
    [Fact]
    public void Registering_a_name_twice_fails_as_qemu_aborts()
    {
        var runtime = new QomRuntime();
        runtime.Types.Register(new QomTypeInfo("thing") { Parent = TypeNames.Object });

        var error = Assert.Throws<InvalidOperationException>(() => runtime.Types.Register(new QomTypeInfo("thing") { Parent = TypeNames.Object }));

        Assert.Equal("Registering `thing' which already exists", error.Message);
    }

    [Fact]
    public void Every_type_names_a_parent()
    {
        var runtime = new QomRuntime();

        Assert.Throws<ArgumentException>(() => runtime.Types.Register(new QomTypeInfo("orphan")));
    }

    [Fact]
    public void Parent_may_be_registered_after_the_child_and_is_resolved_on_first_use()
    {
        var runtime = new QomRuntime();
        var child = runtime.Types.Register(new QomTypeInfo("child") { Parent = "parent" });
        runtime.Types.Register(new QomTypeInfo("parent") { Parent = TypeNames.Object });

        Assert.Equal("parent", child.Parent!.Name);
        Assert.Equal(["type"], child.Class.Properties.Select(p => p.Name));
    }

    [Fact]
    public void Missing_parent_is_reported_when_the_class_is_needed()
    {
        var runtime = new QomRuntime();
        var type = runtime.Types.Register(new QomTypeInfo("child") { Parent = "nowhere" });

        var error = Assert.Throws<InvalidOperationException>(() => type.Class);

        Assert.Equal("Type 'child' is missing its parent 'nowhere'", error.Message);
    }

    [Fact]
    public void Missing_interface_is_reported_with_the_parents_name_as_qemu_does()
    {
        var runtime = new QomRuntime();
        var type = runtime.Types.Register(new QomTypeInfo("thing") { Parent = TypeNames.Object, Interfaces = ["no-such-if"] });

        var error = Assert.Throws<InvalidOperationException>(() => type.Class);

        Assert.Equal("missing interface 'no-such-if' for object 'object'", error.Message);
    }

    [Fact]
    public void Type_without_an_object_class_anywhere_is_abstract()
    {
        var runtime = new QomRuntime();
        runtime.Types.RegisterInterface("some-if");

        Assert.True(runtime.Types.FindType("some-if")!.IsAbstract);
        Assert.True(runtime.Types.FindType(TypeNames.Object)!.IsAbstract);
        Assert.False(runtime.Types.FindType(TypeNames.Container)!.IsAbstract);
    }

    [Fact]
    public void Interfaces_cannot_have_object_hooks()
    {
        var runtime = new QomRuntime();
        var type = runtime.Types.Register(new QomTypeInfo("bad-if") { Parent = TypeNames.Interface, InstanceInit = _ => { } });

        Assert.Throws<InvalidOperationException>(() => type.Class);
    }

    [Fact]
    public void Class_starts_as_a_copy_of_the_parents_then_runs_base_inits_then_its_own_init()
    {
        var runtime = new QomRuntime();
        var calls = new List<string>();
        runtime.Types.Register(new QomTypeInfo("base")
        {
            Parent = TypeNames.Object,
            ClassType = typeof(CountingClass),
            ClassInit = k => { ((CountingClass)k).Value = 7; calls.Add("base init"); },
            ClassBaseInit = k => calls.Add($"base's base-init on {k.Name} (value {((CountingClass)k).Value})"),
        });
        runtime.Types.Register(new QomTypeInfo("middle") { Parent = "base", ClassBaseInit = k => calls.Add($"middle's base-init on {k.Name}") });
        runtime.Types.Register(new QomTypeInfo("leaf") { Parent = "middle", ClassInit = k => calls.Add($"leaf init (value {((CountingClass)k).Value})") });

        var leaf = (CountingClass)runtime.Types.FindClass("leaf")!;

        Assert.Equal(7, leaf.Value);
        Assert.Equal(
        [
            "base init",
            "base's base-init on middle (value 7)",
            "middle's base-init on leaf",
            "base's base-init on leaf (value 7)",
            "leaf init (value 7)",
        ], calls);
    }

    [Fact]
    public void Class_type_must_extend_the_parents()
    {
        var runtime = new QomRuntime();
        runtime.Types.Register(new QomTypeInfo("base") { Parent = TypeNames.Object, ClassType = typeof(CountingClass) });
        var type = runtime.Types.Register(new QomTypeInfo("leaf") { Parent = "base", ClassType = typeof(ObjectClass) });

        Assert.Throws<InvalidOperationException>(() => type.Class);
    }

    [Fact]
    public void Object_hooks_run_root_first_post_inits_and_finalizers_leaf_first()
    {
        var runtime = new QomRuntime();
        var calls = new List<string>();
        foreach (var (name, parent) in new[] { ("a", TypeNames.Object), ("b", "a"), ("c", "b") })
        {
            runtime.Types.Register(new QomTypeInfo(name)
            {
                Parent = parent,
                InstanceInit = _ => calls.Add("init " + name),
                InstancePostInit = _ => calls.Add("post " + name),
                InstanceFinalize = _ => calls.Add("finalize " + name),
            });
        }

        var obj = runtime.New("c");
        obj.Unref();

        Assert.Equal(["init a", "init b", "init c", "post c", "post b", "post a", "finalize c", "finalize b", "finalize a"], calls);
    }

    [Fact]
    public void Listing_filters_by_implementation_and_abstractness_in_registration_order()
    {
        var runtime = new QomRuntime();
        runtime.Types.RegisterInterface("greeter");
        runtime.Types.Register(new QomTypeInfo("Base-Thing") { Parent = TypeNames.Object, Abstract = true, Interfaces = ["greeter"] });
        runtime.Types.Register(new QomTypeInfo("zebra") { Parent = "Base-Thing" });
        runtime.Types.Register(new QomTypeInfo("apple") { Parent = "Base-Thing" });

        Assert.Equal(["zebra", "apple"], runtime.Types.ListClasses("greeter", includeAbstract: false).Select(c => c.Name));
        Assert.Equal(["Base-Thing", "zebra", "apple"], runtime.Types.ListClasses("Base-Thing", includeAbstract: true).Select(c => c.Name));
        Assert.Equal(["apple", "Base-Thing", "greeter", "zebra"], runtime.Types.ListClassesSorted("greeter", includeAbstract: true).Select(c => c.Name));
        Assert.Empty(runtime.Types.ListClasses("no-such-type", includeAbstract: true));
    }

    [Fact]
    public void Unknown_type_and_abstract_type_are_refused_with_qemus_messages()
    {
        var runtime = new QomRuntime();

        Assert.Equal("invalid object type: nope", Assert.Throws<QapiException>(() => runtime.New("nope")).Message);
        Assert.Equal("object type 'object' is abstract", Assert.Throws<QapiException>(() => runtime.New(TypeNames.Object)).Message);
    }

    [Fact]
    public void Class_cast_to_an_unrelated_type_explains_itself()
    {
        var runtime = new QomRuntime();
        var container = runtime.Types.FindClass(TypeNames.Container)!;

        Assert.Same(container, container.DynamicCast(TypeNames.Object));
        Assert.Null(container.DynamicCast(TypeNames.UserCreatable));
        var error = Assert.Throws<InvalidCastException>(() => container.CastTo<ObjectClass>(TypeNames.UserCreatable));
        Assert.Equal("Class 'container' is not an instance of type 'user-creatable'", error.Message);
    }

    /// <summary>A class type with one field, to watch copies.</summary>
    public class CountingClass : ObjectClass
    {
        /// <summary>Set by class-init.</summary>
        public int Value;
    }
}
