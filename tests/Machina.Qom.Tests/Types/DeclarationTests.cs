using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom.Tests.Types;

/// <summary>Types declared with attributes: parents, interfaces, hooks and properties from the C# declaration.</summary>
public sealed class DeclarationTests
{
    [Fact]
    public void Parent_is_the_type_declared_on_the_base_class()
    {
        var runtime = Runtime();

        Assert.Equal("decl-animal", runtime.Types.FindType("decl-dog")!.ParentName);
        Assert.Equal(TypeNames.Object, runtime.Types.FindType("decl-animal")!.ParentName);
        Assert.True(runtime.Types.FindType("decl-animal")!.IsAbstract);
    }

    [Fact]
    public void CSharp_interfaces_marked_as_qom_interfaces_are_implemented_and_registered()
    {
        var runtime = Runtime();
        var dog = runtime.New<Dog>();

        Assert.True(dog.IsInstanceOf("decl-barker"));
        Assert.NotNull(runtime.Types.FindType("decl-barker"));
        Assert.Same(dog, dog.CastTo<IBarker>());
        Assert.Equal("Woof from decl-dog", dog.CastTo<IBarker>().Bark());
    }

    [Fact]
    public void Properties_come_from_the_CSharp_properties_in_declaration_order()
    {
        var runtime = Runtime();
        var dog = runtime.New<Dog>();

        Assert.Equal(
            ["type", "name", "legs", "weight", "kind", "good", "size", "toy", "collar"],
            dog.Properties.Select(p => $"{p.Name}").ToArray());
        Assert.Equal(
            ["string", "string", "uint8", "number", "DeclKind", "bool", "size", "int", "DeclCollar"],
            dog.Properties.Select(p => p.Type).ToArray());
        Assert.Equal("The dog's name", dog.GetProperty("name").Description);
        Assert.False(dog.GetProperty("legs").IsWritable);
    }

    [Fact]
    public void Declared_defaults_apply_before_the_instance_init()
    {
        var runtime = Runtime();
        var dog = runtime.New<Dog>();

        Assert.Equal("Rex", dog.Name);
        Assert.True(dog.Good);
        Assert.Equal(DeclKind.Terrier, dog.Kind);
        Assert.Equal("init saw name Rex", dog.InitNote);
        Assert.Equal(new QString("Rex"), dog.GetProperty("name").DefaultValue);
    }

    [Fact]
    public void Declared_properties_go_through_the_visitors()
    {
        var runtime = Runtime();
        var dog = runtime.New<Dog>();

        dog.SetPropertyValue("kind", new QString("poodle"));
        dog.ParseProperty("size", "2k");
        dog.SetPropertyValue("toy", new QNum(-3));
        dog.SetPropertyValue("collar", new QDict { ["colour"] = "red", ["bells"] = 2 });
        dog.ParseProperty("weight", "12.5");

        Assert.Equal(DeclKind.Poodle, dog.Kind);
        Assert.Equal(2048UL, dog.Size);
        Assert.Equal(-3L, dog.Toy);
        Assert.Equal(new Collar { Colour = "red", Bells = 2 }, dog.Collar);
        Assert.Equal(12.5, dog.Weight);
        Assert.Equal(new QDict { ["colour"] = "red", ["bells"] = 2 }, dog.GetPropertyValue("collar"));
        Assert.Equal("Parameter 'kind' does not accept value 'cat'",
            Assert.Throws<QapiException>(() => dog.SetPropertyValue("kind", new QString("cat"))).Message);
        Assert.Equal("Property 'decl-dog.legs' is not writable",
            Assert.Throws<QapiException>(() => dog.SetPropertyValue("legs", new QNum(3))).Message);
    }

    [Fact]
    public void Setter_exceptions_reach_the_caller_unwrapped()
    {
        var runtime = Runtime();
        var dog = runtime.New<Dog>();

        var error = Assert.Throws<QapiException>(() => dog.SetString("name", ""));

        Assert.Equal("a dog needs a name", error.Message);
    }

    [Fact]
    public void Finalize_hook_runs_on_the_last_reference()
    {
        var runtime = Runtime();
        var dog = runtime.New<Dog>();
        dog.Ref();

        dog.Unref();
        Assert.False(dog.Finalized);
        dog.Unref();
        Assert.True(dog.Finalized);
        Assert.Throws<InvalidOperationException>(() => dog.Ref());
        Assert.Throws<InvalidOperationException>(() => dog.Unref());
    }

    [Fact]
    public void Misdeclared_hooks_are_reported_at_registration()
    {
        var runtime = new QomRuntime();

        var error = Assert.Throws<ArgumentException>(() => runtime.Types.Register<BadHook>());

        Assert.Contains("[QomInstanceInit] method must be void M() on the instance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Objects_constructed_directly_say_how_to_create_them()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Dog().TypeName);

        Assert.Contains("create objects with QomRuntime.New", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_of_an_unregistered_class_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new QomRuntime().New<Dog>());

        Assert.Contains("register it with Types.Register<Dog>()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declarations_are_read_at_build_time()
    {
        var dog = QomDeclaration.Find(typeof(Dog));
        var barker = QomDeclaration.Find(typeof(IBarker));

        Assert.Equal("decl-dog", dog?.Name);
        Assert.Equal([typeof(IBarker)], dog!.Interfaces);
        Assert.Equal("decl-barker", barker?.Name);
        Assert.Null(QomDeclaration.Find(typeof(Undeclared)));
    }

    [Fact]
    public void Registering_an_undeclared_class_says_what_is_missing()
    {
        var error = Assert.Throws<ArgumentException>(() => new QomRuntime().Types.Register<Undeclared>());

        Assert.StartsWith("Undeclared has no [QomType] attribute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_constructors_properties_and_hooks_are_used()
    {
        var runtime = new QomRuntime();
        runtime.Types.Register<Cat>();
        var cat = runtime.New<Cat>();

        Assert.Equal(9L, cat.GetInt("lives"));
        cat.SetInt("lives", 8);
        Assert.Equal(8, cat.LivesLeft);
        Assert.Equal("meow", cat.GetString("sound"));
        Assert.Equal("int32", cat.GetProperty("lives").Type);
    }

    private static QomRuntime Runtime()
    {
        var runtime = new QomRuntime();
        runtime.Types.Register<Animal>();
        runtime.Types.Register<Dog>();
        return runtime;
    }

    /// <summary>An interface with a method, as a QOM interface.</summary>
    [QomInterface("decl-barker")]
    public interface IBarker
    {
        /// <summary>Says something.</summary>
        string Bark();
    }

    /// <summary>An abstract base type.</summary>
    [QomType("decl-animal", Abstract = true)]
    public abstract class Animal : QomObject
    {
        /// <summary>The animal's name.</summary>
        [QomProperty("name", Description = "The dog's name", Default = "Rex")]
        public string? Name
        {
            get;
            set => field = string.IsNullOrEmpty(value) ? throw new QapiException("a dog needs a name") : value;
        }
    }

    /// <summary>A concrete type with one property of each kind.</summary>
    [QomType("decl-dog")]
    public sealed class Dog : Animal, IBarker
    {
        /// <summary>Read-only.</summary>
        [QomProperty("legs")]
        public byte Legs => 4;

        /// <summary>A number.</summary>
        [QomProperty("weight")]
        public double Weight { get; set; }

        /// <summary>An enum.</summary>
        [QomProperty("kind", Default = "terrier")]
        public DeclKind Kind { get; set; }

        /// <summary>A boolean.</summary>
        [QomProperty("good", Default = true)]
        public bool Good { get; set; }

        /// <summary>A byte count.</summary>
        [QomProperty("size", Size = true)]
        public ulong Size { get; set; }

        /// <summary>An int64 shown as QEMU's <c>int</c>.</summary>
        [QomProperty("toy", Type = "int")]
        public long Toy { get; set; }

        /// <summary>A QAPI struct.</summary>
        [QomProperty("collar")]
        public Collar Collar { get; set; } = new() { Colour = "blue", Bells = 0 };

        /// <summary>What the instance init saw.</summary>
        public string? InitNote { get; private set; }

        /// <summary>True once finalised.</summary>
        public bool Finalized { get; private set; }

        /// <inheritdoc/>
        public string Bark() => $"Woof from {TypeName}";

        [QomInstanceInit]
        private void Init() => InitNote = $"init saw name {Name}";

        [QomInstanceFinalize]
        private void Done() => Finalized = true;
    }

    /// <summary>A class with nothing public but what the test reads: the generated code reaches the rest.</summary>
    [QomType("decl-cat")]
    public sealed class Cat : QomObject
    {
        private Cat()
        {
        }

        /// <summary>The value of the private property <c>lives</c>.</summary>
        public int LivesLeft => Lives;

        [QomProperty("lives")]
        private int Lives { get; set; } = 9;

        [QomClassInit]
        private static void AddSound(ObjectClass klass) => klass.AddStringProperty<Cat>("sound", static _ => "meow", null);
    }

    /// <summary>A class without a declaration.</summary>
    public sealed class Undeclared : QomObject;

    /// <summary>A hook with the wrong shape.</summary>
    [QomType("decl-bad")]
    public sealed class BadHook : QomObject
    {
        [QomInstanceInit]
        private static void Init()
        {
        }
    }
}

/// <summary>A QAPI enum for the declaration tests.</summary>
[QapiName("DeclKind")]
public enum DeclKind
{
    /// <summary>A terrier.</summary>
    [QapiName("terrier")]
    Terrier,

    /// <summary>A poodle.</summary>
    [QapiName("poodle")]
    Poodle,
}

/// <summary>A QAPI struct for the declaration tests, in the generated shape.</summary>
[QapiName("DeclCollar")]
public sealed partial record Collar : IQapiStruct<Collar>
{
    /// <summary>The member <c>colour</c>.</summary>
    [QapiName("colour")]
    public required string Colour { get; set; }

    /// <summary>The member <c>bells</c>.</summary>
    [QapiName("bells")]
    public required long Bells { get; set; }

    static void IQapiType<Collar>.Visit(Visitor v, string? name, [System.Diagnostics.CodeAnalysis.NotNull] ref Collar? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new Collar { Colour = default!, Bells = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<Collar>.VisitMembers(Visitor v, Collar obj)
    {
        var member0 = obj.Colour;
        v.VisitString("colour", ref member0);
        obj.Colour = member0;

        var member1 = obj.Bells;
        v.VisitInt64("bells", ref member1);
        obj.Bells = member1;
    }
}
