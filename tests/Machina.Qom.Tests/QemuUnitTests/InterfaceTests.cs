namespace Machina.Qom.Tests.QemuUnitTests;

/// <summary>
/// QEMU's tests/unit/check-qom-interface.c: a type that implements an interface can be cast to it,
/// and the interface class its class-init filled in is what both it and a subtype see.
/// </summary>
public sealed class InterfaceTests
{
    private const uint Pattern = 0xFAFBFCFD;

    private static QomRuntime CreateRuntime()
    {
        var runtime = new QomRuntime();
        runtime.Types.RegisterInterface("test-interface", classType: typeof(TestIfClass));
        runtime.Types.Register(new QomTypeInfo("direct-impl")
        {
            Parent = TypeNames.Object,
            Interfaces = ["test-interface"],
            ClassInit = static klass =>
            {
                // The class-init of the implementing type fills in its interface class.
                var interfaceClass = klass.CastTo<TestIfClass>("test-interface");
                interfaceClass.Test = Pattern;
            },
        });
        runtime.Types.Register(new QomTypeInfo("intermediate-impl") { Parent = "direct-impl" });
        return runtime;
    }

    [Theory]
    [InlineData("direct-impl")]
    [InlineData("intermediate-impl")]
    public void Object_casts_to_the_interface_and_sees_its_class(string type)
    {
        var runtime = CreateRuntime();
        var obj = runtime.New(type);

        var asInterface = obj.CastTo("test-interface");
        var interfaceClass = asInterface.Class.CastTo<TestIfClass>("test-interface");

        Assert.Same(obj, asInterface);
        Assert.Equal(Pattern, interfaceClass.Test);
        Assert.Equal("test-interface", interfaceClass.InterfaceType.Name);
        Assert.Same(obj.Class, interfaceClass.ConcreteClass);
        obj.Unref();
        Assert.True(obj.IsFinalized);
    }

    [Fact]
    public void Subtype_gets_its_own_interface_class_copied_from_the_parents()
    {
        var runtime = CreateRuntime();
        var direct = runtime.Types.FindClass("direct-impl")!.CastTo<TestIfClass>("test-interface");
        var intermediate = runtime.Types.FindClass("intermediate-impl")!.CastTo<TestIfClass>("test-interface");

        Assert.NotSame(direct, intermediate);
        Assert.Equal("intermediate-impl::test-interface", intermediate.Name);
        Assert.Equal("direct-impl::test-interface", intermediate.Parent!.Name);
        Assert.Equal(Pattern, intermediate.Test);
    }

    [Fact]
    public void Interface_types_are_abstract_and_cannot_have_objects()
    {
        var runtime = CreateRuntime();
        var type = runtime.Types.FindType("test-interface")!;

        Assert.True(type.IsAbstract);
        Assert.True(type.IsInterface);
        var error = Assert.Throws<Machina.Qapi.QapiException>(() => runtime.New("test-interface"));
        Assert.Equal("object type 'test-interface' is abstract", error.Message);
    }

    [Fact]
    public void Cast_to_an_interface_two_of_whose_subinterfaces_the_type_implements_is_ambiguous()
    {
        var runtime = new QomRuntime();
        runtime.Types.RegisterInterface("base-if");
        runtime.Types.RegisterInterface("left-if", "base-if");
        runtime.Types.RegisterInterface("right-if", "base-if");
        runtime.Types.Register(new QomTypeInfo("both") { Parent = TypeNames.Object, Interfaces = ["left-if", "right-if"] });
        var klass = runtime.Types.FindClass("both")!;

        Assert.NotNull(klass.DynamicCast("left-if"));
        Assert.NotNull(klass.DynamicCast("right-if"));
        Assert.Null(klass.DynamicCast("base-if"));
    }

    [Fact]
    public void Interface_named_twice_through_the_parent_is_implemented_once()
    {
        var runtime = CreateRuntime();
        runtime.Types.Register(new QomTypeInfo("again") { Parent = "direct-impl", Interfaces = ["test-interface"] });

        var klass = runtime.Types.FindClass("again")!;

        Assert.Single(klass.Interfaces);
        Assert.Equal(Pattern, klass.CastTo<TestIfClass>("test-interface").Test);
    }

    [Fact]
    public void Failed_cast_names_the_object_and_the_type()
    {
        var runtime = CreateRuntime();
        var obj = runtime.Root.AddNewChild("thing", "direct-impl");

        var error = Assert.Throws<InvalidCastException>(() => obj.CastTo("container"));

        Assert.Equal("object '/thing' (direct-impl) is not an instance of type 'container'", error.Message);
        Assert.Null(obj.DynamicCast("no-such-type"));
    }

    /// <summary>The class of test-interface, with the field its implementations fill in.</summary>
    public class TestIfClass : InterfaceClass
    {
        /// <summary>Set by the implementing type's class-init.</summary>
        public uint Test;
    }
}
