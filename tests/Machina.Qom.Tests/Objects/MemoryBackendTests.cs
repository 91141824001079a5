using Machina.Qapi;
using Machina.Qom.Backends;
using Machina.Qom.Memory;
using Machina.QObjects;

namespace Machina.Qom.Tests.Objects;

/// <summary>memory-backend-ram: real host memory in a memory-region child, and the settings around it.</summary>
public sealed class MemoryBackendTests
{
    [Fact]
    public void Backend_allocates_usable_host_memory_in_a_region_child()
    {
        var runtime = StandardTypes.CreateRuntime();
        var backend = Add(runtime, "m", 65536);

        var region = backend.Region!;
        region.Ram!.Write(65530, [1, 2, 3, 4, 5, 6]);
        var back = new byte[6];
        region.Ram.Read(65530, back);

        Assert.Equal([1, 2, 3, 4, 5, 6], back);
        Assert.Equal("/objects/m/m[0]", region.CanonicalPath);
        Assert.Equal(65536UL, region.Size);
        Assert.Throws<ArgumentOutOfRangeException>(() => region.Ram.Write(65535, [1, 2]));
    }

    [Fact]
    public void Size_is_kept_as_given_while_the_host_block_is_whole_pages()
    {
        var runtime = StandardTypes.CreateRuntime();
        var backend = Add(runtime, "odd", 1000);

        Assert.Equal(1000UL, backend.Region!.GetUInt("size"));
        Assert.Equal(HostMemory.PageSize, backend.Region.Ram!.Length);
    }

    [Fact]
    public void Deleting_the_backend_frees_the_memory()
    {
        var runtime = StandardTypes.CreateRuntime();
        var backend = Add(runtime, "m", 4096);
        var region = backend.Region!;
        var ram = region.Ram!;

        runtime.UserCreatable.Delete("m");

        Assert.True(region.IsFinalized);
        Assert.Equal(0, ram.Address);
    }

    [Fact]
    public void Prealloc_and_shared_memory_work()
    {
        var runtime = StandardTypes.CreateRuntime();
        var backend = (MemoryBackend)runtime.UserCreatable.Add(new QDict
        {
            ["qom-type"] = "memory-backend-ram",
            ["id"] = "m",
            ["size"] = 1 << 20,
            ["prealloc"] = true,
            ["prealloc-threads"] = 2,
            ["share"] = true,
        });

        Assert.True(backend.GetBool("prealloc"));
        Assert.True(backend.Share);
        backend.Region!.Ram!.Write(0, [42]);
    }

    [Fact]
    public void Name_for_the_block_is_the_id_or_the_path()
    {
        var runtime = StandardTypes.CreateRuntime();
        var backend = Add(runtime, "m", 4096);

        Assert.Equal("m", backend.BackendName);
        backend.SetBool("x-use-canonical-path-for-ramblock-id", true);
        Assert.Equal("/objects/m", backend.BackendName);
    }

    [Fact]
    public void Defaults_come_from_the_machine()
    {
        var runtime = StandardTypes.CreateRuntime();
        var machine = Qom.Machines.Machine.Create(runtime, "none");
        machine.MemMerge = false;
        machine.DumpGuestCore = false;

        var backend = runtime.New("memory-backend-ram");

        Assert.False(backend.GetBool("merge"));
        Assert.False(backend.GetBool("dump"));
        Assert.True(backend.GetBool("reserve"));
        Assert.Equal(1L, backend.GetInt("prealloc-threads"));
        backend.Unref();
    }

    [Fact]
    public void Allocation_failure_is_reported_as_qemu_does()
    {
        var runtime = StandardTypes.CreateRuntime();

        var error = Assert.Throws<QapiException>(() => Add(runtime, "huge", ulong.MaxValue));

        Assert.Equal("cannot set up guest memory 'huge': Cannot allocate memory", error.Message);
        Assert.Null(runtime.ObjectsRoot.ResolveComponent("huge"));
    }

    [Theory]
    [InlineData("ram", "ram")]
    [InlineData("a/b[0]\\c", "a\\x2fb\\x5b0\\x5d\\x5cc")]
    public void Region_names_escape_path_characters(string name, string escaped) => Assert.Equal(escaped, MemoryRegion.EscapeName(name));

    [Fact]
    public void Unowned_region_goes_under_the_machines_unattached_container()
    {
        var runtime = StandardTypes.CreateRuntime();

        var region = MemoryRegion.Create(runtime, null, "pci/io", 4096);

        Assert.Equal("/machine/unattached/pci\\x2fio[0]", region.CanonicalPath);
        Assert.Equal(1, region.ReferenceCount);
    }

    private static MemoryBackend Add(QomRuntime runtime, string id, ulong size) =>
        (MemoryBackend)runtime.UserCreatable.Add(new QDict { ["qom-type"] = "memory-backend-ram", ["id"] = id, ["size"] = size });
}
