using Machina.Options;
using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.Qom.Backends;
using Machina.Qom.Crypto;
using Machina.QObjects;

namespace Machina.Qom.Tests.UserCreatable;

/// <summary>-object and object-add: options through visitors to properties and completion; help texts.</summary>
public sealed class UserCreatableTests
{
    [Fact]
    public void Keyval_options_are_checked_by_the_options_struct_and_reach_the_object_as_numbers()
    {
        var runtime = StandardTypes.CreateRuntime();
        var options = KeyvalParser.Parse("memory-backend-ram,id=ram0,size=1M,merge=off", "qom-type");

        var obj = (MemoryBackendRam)runtime.UserCreatable.Add(options, keyval: true);

        Assert.Equal(1UL << 20, obj.Size);
        Assert.Equal("/objects/ram0", obj.CanonicalPath);
        Assert.False(obj.GetBool("merge"));
        Assert.Equal(1, obj.ReferenceCount);
    }

    // What qemu-storage-daemon --object answers (it reads keyval; qemu-system's -object goes through
    // QemuOpts and its own visitor, whose messages differ).
    [Theory]
    [InlineData("memory-backend-ram,id=m,size=1X", "Parameter 'size' expects size")]
    [InlineData("secret,id=s,data=x,bogus=1", "Parameter 'bogus' is unexpected")]
    [InlineData("memory-backend-ram,id=m", "Parameter 'size' is missing")]
    [InlineData("memory-backend-ram,id=m,size=1G,share=maybe", "Parameter 'share' expects 'on' or 'off'")]
    [InlineData("nope,id=x", "Parameter 'qom-type' does not accept value 'nope'")]
    [InlineData("iothread,id=io0,poll-max-ns=abc", "Parameter 'poll-max-ns' expects integer")]
    [InlineData("authz-simple,id=a", "Parameter 'identity' is missing")]
    [InlineData("memory-backend-ram,size=4096", "Parameter 'id' is missing")]
    [InlineData("secret,id=s", "Either 'file' or 'data' must be provided")]
    [InlineData("secret,id=s,data=x,loaded=on", "Property 'secret.loaded' is not writable")]
    [InlineData("iothread,id=io0,poll-max-ns=-1", "poll-max-ns value must be in range [0, 9223372036854775807]")]
    public void Keyval_errors_are_qemus(string option, string message)
    {
        var runtime = StandardTypes.CreateRuntime();
        var options = KeyvalParser.Parse(option, "qom-type");

        var error = Assert.Throws<QapiException>(() => runtime.UserCreatable.Add(options, keyval: true));

        Assert.Equal(message, error.Message);
        Assert.Empty(runtime.UserCreatable.Objects);
    }

    [Fact]
    public void Malformed_id_carries_qemus_hint()
    {
        var runtime = StandardTypes.CreateRuntime();

        var error = Assert.Throws<QapiException>(() => runtime.UserCreatable.Add(new QDict { ["qom-type"] = "secret", ["id"] = "1a", ["data"] = "x" }));

        Assert.Equal("Parameter 'id' expects an identifier", error.Message);
        Assert.Equal("Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n", error.Hint);
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("x-y_z.1", true)]
    [InlineData("", false)]
    [InlineData("1a", false)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("é", false)]
    public void Id_must_be_an_identifier(string id, bool wellFormed) => Assert.Equal(wellFormed, UserCreatableObjects.IsWellFormedId(id));

    [Fact]
    public void Options_read_through_any_input_visitor_and_write_back_with_type_and_id_first()
    {
        var runtime = StandardTypes.CreateRuntime();
        var input = new QDict { ["size"] = 4096, ["id"] = "m", ["qom-type"] = "memory-backend-ram", ["share"] = true };

        var options = ObjectOptions.Read(new QObjectInputVisitor(input), runtime.Types);

        Assert.Equal("memory-backend-ram", options.QomType);
        Assert.Equal("m", options.Id);
        Assert.Equal(new QDict { ["share"] = true, ["size"] = 4096 }, options.Properties);
        Assert.Equal(["qom-type", "id", "share", "size"], options.ToQDict().Keys);
    }

    [Fact]
    public void Unstable_type_names_follow_the_compat_policy()
    {
        var runtime = StandardTypes.CreateRuntime();
        var input = new QDict { ["qom-type"] = "x-remote-object", ["id"] = "r", ["fd"] = "3", ["devid"] = "d" };
        var policy = new CompatPolicy { UnstableInput = CompatPolicyInput.Reject };

        Assert.Equal("Unstable value x-remote-object disabled by policy",
            Assert.Throws<QapiException>(() => runtime.UserCreatable.Add(input, policy: policy)).Message);
        Assert.Equal("invalid object type: x-remote-object", Assert.Throws<QapiException>(() => runtime.UserCreatable.Add(input)).Message);
    }

    [Fact]
    public void Machina_types_without_an_options_struct_take_their_members_unchecked()
    {
        var runtime = StandardTypes.CreateRuntime();
        runtime.Types.Register<Gadget>();

        var gadget = (Gadget)runtime.UserCreatable.Add(KeyvalParser.Parse("gadget,id=g,volume=11", "qom-type"), keyval: true);

        Assert.Equal(11, gadget.Volume);
        Assert.True(gadget.Completed);
        Assert.Equal("Property 'gadget.bass' not found",
            Assert.Throws<QapiException>(() => runtime.UserCreatable.Add(new QDict { ["qom-type"] = "gadget", ["id"] = "h", ["bass"] = 1 })).Message);
    }

    [Fact]
    public void Types_that_are_not_user_creatable_or_abstract_are_refused_by_add_type()
    {
        var runtime = StandardTypes.CreateRuntime();
        var empty = new QDict();

        Assert.Equal("object type 'container' isn't supported by object-add",
            Assert.Throws<QapiException>(() => runtime.UserCreatable.AddType("container", "c", empty, new QObjectInputVisitor(empty))).Message);
        Assert.Equal("object type 'secret_common' is abstract",
            Assert.Throws<QapiException>(() => runtime.UserCreatable.AddType("secret_common", "c", empty, new QObjectInputVisitor(empty))).Message);
        Assert.Equal("invalid object type: nope",
            Assert.Throws<QapiException>(() => runtime.UserCreatable.AddType("nope", "c", empty, new QObjectInputVisitor(empty))).Message);
    }

    [Fact]
    public void Failed_completion_removes_the_object_again()
    {
        var runtime = StandardTypes.CreateRuntime();

        Assert.Throws<QapiException>(() => runtime.UserCreatable.Add(new QDict { ["qom-type"] = "secret", ["id"] = "s" }));

        Assert.Null(runtime.ObjectsRoot.ResolveComponent("s"));
    }

    [Fact]
    public void Delete_refuses_objects_in_use()
    {
        var runtime = StandardTypes.CreateRuntime();
        var backend = (MemoryBackend)runtime.UserCreatable.Add(new QDict { ["qom-type"] = "memory-backend-ram", ["id"] = "m", ["size"] = 4096 });
        backend.IsMapped = true;

        Assert.Equal("object 'm' is in use, can not be deleted", Assert.Throws<QapiException>(() => runtime.UserCreatable.Delete("m")).Message);
        backend.IsMapped = false;
        runtime.UserCreatable.Delete("m");
        Assert.True(backend.IsFinalized);
        Assert.Equal("object 'm' not found", Assert.Throws<QapiException>(() => runtime.UserCreatable.Delete("m")).Message);
    }

    [Fact]
    public void Delete_all_finalizes_every_user_created_object()
    {
        var runtime = StandardTypes.CreateRuntime();
        var secret = runtime.UserCreatable.Add(new QDict { ["qom-type"] = "secret", ["id"] = "s", ["data"] = "x" });
        var backend = runtime.UserCreatable.Add(new QDict { ["qom-type"] = "memory-backend-ram", ["id"] = "m", ["size"] = 4096 });

        runtime.UserCreatable.DeleteAll();

        Assert.True(secret.IsFinalized);
        Assert.True(backend.IsFinalized);
    }

    [Fact]
    public void Type_help_lists_settable_properties_sorted_as_qemu_prints_them()
    {
        var runtime = StandardTypes.CreateRuntime();

        Assert.Equal(
            """
            memory-backend-ram options:
              dump=<bool>            - Set to 'off' to exclude from core dump
              host-nodes=<int>       - Binds memory to the list of NUMA host nodes
              merge=<bool>           - Mark memory as mergeable
              policy=<HostMemPolicy> - Set the NUMA policy
              prealloc-context=<link<thread-context>> - Context to use for creating CPU threads for preallocation
              prealloc-threads=<int> - Number of CPU threads to use for prealloc
              prealloc=<bool>        - Preallocate memory
              reserve=<bool>         - Reserve swap space (or huge pages) if applicable
              share=<bool>           - Mark the memory as private to QEMU or shared
              size=<int>             - Size of the memory region (ex: 500M)
              x-use-canonical-path-for-ramblock-id=<bool>

            """.ReplaceLineEndings("\n"),
            runtime.UserCreatable.PropertiesHelp("memory-backend-ram"));
        Assert.Equal("secret options:\n  data=<string>\n  file=<string>\n  format=<QCryptoSecretFormat>\n  iv=<string>\n  keyid=<string>\n",
            runtime.UserCreatable.PropertiesHelp("secret"));
        Assert.Equal("There are no options for container.\n", runtime.UserCreatable.PropertiesHelp("container"));
        Assert.Null(runtime.UserCreatable.PropertiesHelp("nope"));
    }

    [Fact]
    public void Object_help_lists_the_user_creatable_types()
    {
        var runtime = StandardTypes.CreateRuntime();

        Assert.Equal("List of user creatable objects:\n  authz-simple\n  iothread\n  memory-backend-ram\n  secret\n", runtime.UserCreatable.TypesHelp());
        Assert.Equal(runtime.UserCreatable.TypesHelp(), runtime.UserCreatable.Help("nope"));
        Assert.Equal(runtime.UserCreatable.PropertiesHelp("secret"), runtime.UserCreatable.Help("secret"));
    }

    [Fact]
    public void Help_line_shows_defaults_as_json()
    {
        Assert.Equal("  level=<int>            - How loud (default: 3)", UserCreatableObjects.PropertyHelpLine("level", "int", new QNum(3), "How loud"));
        Assert.Equal("  a-much-longer-name=<string> -  (default: \"x\")", UserCreatableObjects.PropertyHelpLine("a-much-longer-name", "string", new QString("x"), null));
    }

    [Fact]
    public void Secret_options_round_trip_through_object_add()
    {
        var runtime = StandardTypes.CreateRuntime();

        var secret = (Secret)runtime.UserCreatable.Add(new QDict { ["qom-type"] = "secret", ["id"] = "s", ["data"] = "aGVsbG8=", ["format"] = "base64" });

        Assert.Equal("hello", SecretCommon.LookupAsUtf8(runtime, "s"));
        Assert.Equal(QCryptoSecretFormat.Base64, secret.Format);
    }

    /// <summary>A Machina-only user-creatable type without an options struct.</summary>
    [QomType("gadget")]
    public sealed class Gadget : QomObject, IUserCreatable
    {
        /// <summary>A number.</summary>
        [QomProperty("volume")]
        public int Volume { get; set; }

        /// <summary>True once completed.</summary>
        public bool Completed { get; private set; }

        /// <inheritdoc/>
        public void Complete() => Completed = true;
    }
}
