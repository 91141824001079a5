using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom.Tests.Properties;

/// <summary>Object and class properties: typed helpers, access errors, defaults, arrays, aliases.</summary>
public sealed class PropertyTests
{
    [Fact]
    public void Typed_helpers_show_qemus_type_names_and_range_check_through_the_visitor()
    {
        var obj = NewContainer();
        byte u8 = 0;
        ushort u16 = 0;
        uint u32 = 0;
        ulong u64 = 0;
        sbyte i8 = 0;
        short i16 = 0;
        int i32 = 0;
        long i64 = 0;
        ulong size = 0;
        obj.AddUInt8Property("u8", () => u8, v => u8 = v);
        obj.AddUInt16Property("u16", () => u16, v => u16 = v);
        obj.AddUInt32Property("u32", () => u32, v => u32 = v);
        obj.AddUInt64Property("u64", () => u64, v => u64 = v);
        obj.AddInt8Property("i8", () => i8, v => i8 = v);
        obj.AddInt16Property("i16", () => i16, v => i16 = v);
        obj.AddInt32Property("i32", () => i32, v => i32 = v);
        obj.AddInt64Property("i64", () => i64, v => i64 = v);
        obj.AddSizeProperty("sz", () => size, v => size = v);

        Assert.Equal(["uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64", "size"],
            obj.OwnProperties.Select(p => p.Type));
        obj.SetUInt("u8", 255);
        obj.SetInt("i8", -128);
        obj.SetUInt("u64", ulong.MaxValue);
        obj.ParseProperty("sz", "1M");
        obj.ParseProperty("i32", "-5");
        Assert.Equal(255, u8);
        Assert.Equal(-128, i8);
        Assert.Equal(ulong.MaxValue, obj.GetUInt("u64"));
        Assert.Equal(1UL << 20, size);
        Assert.Equal(-5, obj.GetInt("i32"));
        Assert.Equal("Parameter 'u8' expects uint8_t", Assert.Throws<QapiException>(() => obj.SetUInt("u8", 256)).Message);
        Assert.Equal("Parameter 'i16' expects int16_t", Assert.Throws<QapiException>(() => obj.SetInt("i16", 40000)).Message);
        Assert.Equal("1048576", obj.PrintProperty("sz"));
        Assert.Equal("1048576 (1 MiB)", obj.PrintProperty("sz", human: true));
    }

    [Fact]
    public void Missing_readonly_and_writeonly_properties_fail_with_qemus_messages()
    {
        var obj = NewContainer();
        obj.AddStringProperty("secret", null, _ => { });

        Assert.Equal("Property 'container.nope' not found", Assert.Throws<QapiException>(() => obj.GetPropertyValue("nope")).Message);
        Assert.Equal("Property 'container.type' is not writable", Assert.Throws<QapiException>(() => obj.SetString("type", "x")).Message);
        Assert.Equal("Property 'container.secret' is not readable", Assert.Throws<QapiException>(() => obj.GetString("secret")).Message);
    }

    [Fact]
    public void Typed_getters_refuse_values_of_another_kind()
    {
        var obj = NewContainer();
        obj.AddBoolProperty("flag", () => true, null);

        Assert.Equal("Invalid parameter type for 'type', expected: boolean", Assert.Throws<QapiException>(() => obj.GetBool("type")).Message);
        Assert.Equal("Invalid parameter type for 'flag', expected: string", Assert.Throws<QapiException>(() => obj.GetString("flag")).Message);
        Assert.Equal("Invalid parameter type for 'flag', expected: int", Assert.Throws<QapiException>(() => obj.GetInt("flag")).Message);
        Assert.Equal("Invalid parameter type for 'flag', expected: uint", Assert.Throws<QapiException>(() => obj.GetUInt("flag")).Message);
    }

    [Fact]
    public void Duplicate_property_is_refused_and_array_names_take_the_next_free_index()
    {
        var obj = NewContainer();
        var first = obj.AddStringProperty("slot[*]", () => "a", null);
        var second = obj.AddStringProperty("slot[*]", () => "b", null);

        Assert.Equal("slot[0]", first.Name);
        Assert.Equal("slot[1]", second.Name);
        Assert.Equal("attempt to add duplicate property 'slot[0]' to object (type 'container')",
            Assert.Throws<QapiException>(() => obj.AddStringProperty("slot[0]", null, _ => { })).Message);
        Assert.Equal("attempt to add duplicate property 'type' to object (type 'container')",
            Assert.Throws<QapiException>(() => obj.AddStringProperty("type", null, _ => { })).Message);
    }

    [Fact]
    public void Object_property_default_applies_at_once_and_only_once()
    {
        var obj = NewContainer();
        long value = 0;
        var property = obj.AddInt64Property("level", () => value, v => value = v);

        property.SetDefault(42);

        Assert.Equal(42, value);
        Assert.Equal(new QNum(42), property.DefaultValue);
        Assert.Throws<InvalidOperationException>(() => property.SetDefault(1));
    }

    [Fact]
    public void Class_property_default_applies_to_every_new_object_before_its_instance_init()
    {
        var runtime = new QomRuntime();
        var seen = new List<string?>();
        runtime.Types.Register(new QomTypeInfo("with-default")
        {
            Parent = TypeNames.Object,
            InstanceType = typeof(Holder),
            ClassInit = k => k.AddStringProperty<Holder>("word", h => h.Word, (h, v) => h.Word = v).SetDefault("hello"),
            InstanceInit = o => seen.Add(((Holder)o).Word),
        });

        var obj = (Holder)runtime.New("with-default");

        Assert.Equal("hello", obj.Word);
        Assert.Equal(["hello"], seen);
    }

    [Fact]
    public void Alias_forwards_reads_writes_and_paths_and_shows_a_child_as_a_link()
    {
        var runtime = new QomRuntime();
        var target = runtime.Root.AddNewChild("target", TypeNames.Container);
        var inner = target.AddNewChild("inner", TypeNames.Container);
        long level = 3;
        target.AddInt64Property("level", () => level, v => level = v).Description = "How deep";
        var front = runtime.Root.AddNewChild("front", TypeNames.Container);

        var alias = front.AddAlias("depth", target, "level");
        var childAlias = front.AddAlias("in", target, "inner");

        Assert.Equal("int64", alias.Type);
        Assert.Equal("How deep", alias.Description);
        Assert.Equal("link<container>", childAlias.Type);
        Assert.Equal(3, front.GetInt("depth"));
        front.SetInt("depth", 9);
        Assert.Equal(9, level);
        Assert.Same(inner, runtime.ResolvePath("/front/in", out _));
        Assert.Equal("/target/inner", front.GetString("in"));
        Assert.Equal("Property 'container.nope' not found", Assert.Throws<QapiException>(() => front.AddAlias("x", target, "nope")).Message);
    }

    [Fact]
    public void Alias_inside_a_struct_visit_is_read_under_its_own_name()
    {
        var runtime = new QomRuntime();
        var target = runtime.Root.AddNewChild("target", TypeNames.Container);
        string? word = null;
        target.AddStringProperty("word", () => word, v => word = v);
        var front = runtime.Root.AddNewChild("front", TypeNames.Container);
        front.AddAlias("alias", target, "word");
        var options = new QDict { ["alias"] = "through" };

        UserCreatableObjects.SetProperties(front, options, new QObjectInputVisitor(options));

        Assert.Equal("through", word);
    }

    [Fact]
    public void Qapi_typed_property_reads_and_writes_whole_values()
    {
        var runtime = new QomRuntime();
        var obj = runtime.Root.AddNewChild("holder", TypeNames.Container);
        var memory = new MemorySizeConfiguration { Size = 1 << 20, Slots = 2 };
        obj.AddQapiProperty("memory", () => memory, v => memory = v);

        Assert.Equal("MemorySizeConfiguration", obj.GetPropertyType("memory"));
        Assert.Equal(new QDict { ["size"] = 1 << 20, ["slots"] = 2 }, obj.GetPropertyValue("memory"));
        obj.SetPropertyValue("memory", new QDict { ["size"] = 4096, ["max-size"] = 8192 });
        Assert.Equal(new MemorySizeConfiguration { Size = 4096, MaxSize = 8192 }, memory);
        Assert.Equal("Parameter 'memory.slots' expects uint64",
            Assert.Throws<QapiException>(() => obj.SetPropertyValue("memory", new QDict { ["slots"] = "two" })).Message);
    }

    [Fact]
    public void Deleting_an_own_property_runs_its_release()
    {
        var obj = NewContainer();
        var released = new List<string>();
        obj.AddProperty("temp", "string", null, null, (_, name) => released.Add(name));

        obj.DeleteProperty("temp");

        Assert.Equal(["temp"], released);
        Assert.Null(obj.FindProperty("temp"));
        Assert.Throws<InvalidOperationException>(() => obj.DeleteProperty("type"));
    }

    private static QomObject NewContainer() => new QomRuntime().New(TypeNames.Container);

    /// <summary>An object with a string field.</summary>
    public sealed class Holder : QomObject
    {
        /// <summary>The field.</summary>
        public string? Word { get; set; }
    }
}
