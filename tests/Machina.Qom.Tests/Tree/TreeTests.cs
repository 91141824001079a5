using Machina.Qapi;

namespace Machina.Qom.Tests.Tree;

/// <summary>The composition tree: paths, partial paths, links with their checks and references.</summary>
public sealed class TreeTests
{
    [Fact]
    public void Canonical_path_follows_the_parents_up_to_the_root()
    {
        var runtime = Runtime();
        var leaf = QomRuntime.GetContainer(runtime.Root, "/a/b/c");
        var loose = runtime.New(TypeNames.Container);

        Assert.Equal("/a/b/c", leaf.CanonicalPath);
        Assert.Equal("c", leaf.CanonicalPathComponent);
        Assert.Equal("/", runtime.Root.CanonicalPath);
        Assert.Null(runtime.Root.CanonicalPathComponent);
        Assert.Null(loose.CanonicalPath);
        Assert.Equal(["a"], runtime.Root.Children.Select(c => c.CanonicalPathComponent));
        Assert.Throws<ArgumentException>(() => runtime.GetContainer("a/b"));
    }

    [Fact]
    public void Absolute_paths_skip_empty_components_and_partial_paths_match_anywhere_once()
    {
        var runtime = Runtime();
        var c = runtime.GetContainer("/a/b/c");
        runtime.GetContainer("/x/c");

        Assert.Same(c, runtime.ResolvePath("//a//b/c/", out _));
        Assert.Same(c, runtime.ResolvePath("b/c", out var ambiguous));
        Assert.False(ambiguous);
        Assert.Null(runtime.ResolvePath("c", out ambiguous));
        Assert.True(ambiguous);
        Assert.Null(runtime.ResolvePath("nowhere", out ambiguous));
        Assert.False(ambiguous);
        Assert.Same(runtime.Root, runtime.ResolvePath("/", out _));
        Assert.Null(runtime.ResolvePath("/a/type", out _));
    }

    [Fact]
    public void Partial_path_counts_only_objects_of_the_requested_type()
    {
        var runtime = Runtime();
        runtime.GetContainer("/x/node");
        var target = runtime.GetContainer("/y").AddNewChild("node", "link-target");

        Assert.Same(target, runtime.ResolvePath("node", "link-target", out var ambiguous));
        Assert.False(ambiguous);
    }

    [Fact]
    public void Path_at_an_object_is_relative_unless_it_starts_with_a_slash()
    {
        var runtime = Runtime();
        var b = runtime.GetContainer("/a/b");
        var c = runtime.GetContainer("/a/b/c");

        Assert.Same(c, runtime.ResolvePathAt(b, "c"));
        Assert.Same(c, runtime.ResolvePathAt(runtime.Root, "/a/b/c"));
        Assert.Null(runtime.ResolvePathAt(runtime.Root, "c"));
    }

    [Fact]
    public void Link_resolves_paths_of_its_type_and_leads_on_in_paths()
    {
        var runtime = Runtime();
        var target = runtime.GetContainer("/targets").AddNewChild("t1", "link-target");
        target.AddNewChild("inside", TypeNames.Container);
        var holder = runtime.Root.AddNewChild("holder", "link-holder");

        holder.SetString("weak", "t1");

        Assert.Equal("/targets/t1", holder.GetString("weak"));
        Assert.Same(target, holder.GetLink("weak"));
        Assert.Same(target.ResolveComponent("inside"), runtime.ResolvePath("/holder/weak/inside", out _));
        holder.SetLink("weak", null);
        Assert.Equal("", holder.GetString("weak"));
    }

    [Fact]
    public void Link_errors_are_qemus()
    {
        var runtime = Runtime();
        runtime.GetContainer("/one").AddNewChild("t", "link-target");
        runtime.GetContainer("/two").AddNewChild("t", "link-target");
        var holder = runtime.Root.AddNewChild("holder", "link-holder");

        var missing = Assert.Throws<QapiException>(() => holder.SetString("weak", "/nope"));
        Assert.Equal(QapiErrorClass.DeviceNotFound, missing.ErrorClass);
        Assert.Equal("Device '/nope' not found", missing.Message);
        Assert.Equal("Invalid parameter type for 'weak', expected: link-target",
            Assert.Throws<QapiException>(() => holder.SetString("weak", "/one")).Message);
        Assert.Equal("Path 't' does not uniquely identify an object",
            Assert.Throws<QapiException>(() => holder.SetString("weak", "t")).Message);
        Assert.Equal("Property 'link-holder.fixed' is not writable",
            Assert.Throws<QapiException>(() => holder.SetString("fixed", "/one/t")).Message);
    }

    [Fact]
    public void Link_check_can_refuse_a_target()
    {
        var runtime = Runtime();
        runtime.GetContainer("/one").AddNewChild("t", "link-target");
        var holder = (LinkHolder)runtime.Root.AddNewChild("holder", "link-holder");

        var error = Assert.Throws<QapiException>(() => holder.SetString("picky", "/one/t"));

        Assert.Equal("not that one", error.Message);
        Assert.Null(holder.Picky);
    }

    [Fact]
    public void Strong_link_keeps_its_target_alive_after_the_target_leaves_the_tree()
    {
        var runtime = Runtime();
        var target = runtime.GetContainer("/targets").AddNewChild("t", "link-target");
        var holder = runtime.Root.AddNewChild("holder", "link-holder");
        holder.SetString("strong", "/targets/t");
        Assert.Equal(2, target.ReferenceCount);

        target.Unparent();
        Assert.False(target.IsFinalized);
        Assert.Equal("", holder.GetString("strong"));

        holder.SetLink("strong", null);
        Assert.True(target.IsFinalized);
    }

    [Fact]
    public void Strong_link_gives_its_reference_back_when_its_object_goes()
    {
        var runtime = Runtime();
        var target = runtime.GetContainer("/targets").AddNewChild("t", "link-target");
        var holder = runtime.Root.AddNewChild("holder", "link-holder");
        holder.SetString("strong", "/targets/t");

        holder.Unparent();

        Assert.True(holder.IsFinalized);
        Assert.Equal(1, target.ReferenceCount);
    }

    [Fact]
    public void Weak_link_takes_no_reference()
    {
        var runtime = Runtime();
        var target = runtime.GetContainer("/targets").AddNewChild("t", "link-target");
        var holder = runtime.Root.AddNewChild("holder", "link-holder");
        holder.SetString("weak", "/targets/t");

        target.Unparent();

        Assert.True(target.IsFinalized);
    }

    [Fact]
    public void Const_link_is_typed_as_its_target_and_read_only()
    {
        var runtime = Runtime();
        var target = runtime.GetContainer("/targets").AddNewChild("t", "link-target");
        var holder = runtime.Root.AddNewChild("holder", TypeNames.Container);

        var link = holder.AddConstLink("to", target);

        Assert.Equal("link<link-target>", link.Type);
        Assert.False(link.IsWritable);
        Assert.Same(target, runtime.ResolvePath("/holder/to", out _));
    }

    [Fact]
    public void Child_of_another_parent_cannot_be_added_again()
    {
        var runtime = Runtime();
        var child = runtime.GetContainer("/a/child");

        Assert.Throws<InvalidOperationException>(() => runtime.Root.AddChild("again", child));
    }

    [Fact]
    public void Unparent_calls_the_childs_hook_before_the_parent_lets_go()
    {
        var runtime = Runtime();
        var target = (LinkTarget)runtime.Root.AddNewChild("t", "link-target");

        target.Unparent();
        target.Unparent();

        Assert.Equal(["unparent with parent /"], target.Log);
        Assert.Null(runtime.Root.ResolveComponent("t"));
    }

    private static QomRuntime Runtime()
    {
        var runtime = new QomRuntime();
        runtime.Types.Register<LinkTarget>();
        runtime.Types.Register<LinkHolder>();
        return runtime;
    }

    /// <summary>Something to link to.</summary>
    [QomType("link-target")]
    public sealed class LinkTarget : QomObject
    {
        /// <summary>What happened to it.</summary>
        public List<string> Log { get; } = [];

        /// <inheritdoc/>
        protected internal override void OnUnparent() => Log.Add($"unparent with parent {Parent?.CanonicalPath}");
    }

    /// <summary>Links of each kind, as class properties.</summary>
    [QomType("link-holder")]
    public sealed class LinkHolder : QomObject
    {
        /// <summary>The weak link's target.</summary>
        public QomObject? Weak { get; set; }

        /// <summary>The strong link's target.</summary>
        public QomObject? Strong { get; set; }

        /// <summary>The checked link's target.</summary>
        public QomObject? Picky { get; set; }

        [QomClassInit]
        private static void InitClass(ObjectClass klass)
        {
            klass.AddLinkProperty<LinkHolder>("weak", "link-target", h => h.Weak, (h, t) => h.Weak = t, LinkChecks.AllowSet);
            klass.AddLinkProperty<LinkHolder>("strong", "link-target", h => h.Strong, (h, t) => h.Strong = t, LinkChecks.AllowSet, strong: true);
            klass.AddLinkProperty<LinkHolder>("fixed", "link-target", h => h.Weak, (h, t) => h.Weak = t, check: null);
            klass.AddLinkProperty<LinkHolder>("picky", "link-target", h => h.Picky, (h, t) => h.Picky = t,
                (_, _, target) => throw new QapiException(target is null ? "cannot clear" : "not that one"));
        }
    }
}
