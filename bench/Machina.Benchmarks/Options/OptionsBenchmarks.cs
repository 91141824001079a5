using BenchmarkDotNet.Attributes;
using Machina.Options;
using Machina.QObjects.Json;

namespace Machina.Benchmarks.Options;

/// <summary>
/// Parse rate of a realistic 50-option QEMU command line (a q35 guest with disks, NICs, a QMP
/// socket, NUMA memory and USB), read once as keyval (the modern path: <c>-blockdev</c>,
/// <c>-object</c>, <c>-machine</c>) and once as QemuOpts (the legacy groups: <c>-drive</c>,
/// <c>-device</c>, <c>-netdev</c>, <c>-chardev</c>). Each invocation parses all 50 strings.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class OptionsBenchmarks
{
    /// <summary>The option, the group/implied key it is read with, and its argument.</summary>
    private static readonly (string Option, string? Implied, string Argument)[] CommandLine =
    [
        ("machine", "type", "q35,accel=kvm,usb=off,vmport=off,dump-guest-core=off,memory-backend=pc.ram,smm=on"),
        ("accel", "accel", "kvm,kernel-irqchip=split"),
        ("smp", "cpus", "8,sockets=2,dies=1,cores=2,threads=2,maxcpus=8"),
        ("m", "size", "8G,slots=4,maxmem=32G"),
        ("object", "qom-type", "memory-backend-ram,id=pc.ram,size=4G,prealloc=off,merge=on,dump=off"),
        ("object", "qom-type", "memory-backend-file,id=mem1,size=4G,mem-path=/dev/hugepages,share=on,prealloc=on"),
        ("numa", "type", "node,nodeid=0,cpus=0-3,memdev=pc.ram"),
        ("numa", "type", "node,nodeid=1,cpus=4-7,memdev=mem1"),
        ("object", "qom-type", "iothread,id=iothread0,poll-max-ns=32768"),
        ("object", "qom-type", "iothread,id=iothread1"),
        ("object", "qom-type", "rng-random,id=rng0,filename=/dev/urandom"),
        ("object", "qom-type", "secret,id=sec0,file=/run/secrets/disk-key,format=raw"),
        ("object", "qom-type", "tls-creds-x509,id=tls0,dir=/etc/pki/qemu,endpoint=server,verify-peer=on"),
        ("chardev", "backend", "socket,id=charmonitor,path=/run/qemu/guest1/qmp.sock,server=on,wait=off"),
        ("chardev", "backend", "socket,id=charserial0,host=127.0.0.1,port=4555,server=on,wait=off,telnet=on"),
        ("chardev", "backend", "pty,id=charconsole0"),
        ("chardev", "backend", "file,id=log0,path=/var/log/qemu/guest1-serial.log,append=on"),
        ("mon", "chardev", "chardev=charmonitor,id=monitor,mode=control"),
        ("blockdev", "driver", "driver=file,filename=/var/lib/libvirt/images/guest1-root.qcow2,node-name=root-storage,auto-read-only=on,discard=unmap"),
        ("blockdev", "driver", "node-name=root-format,read-only=off,discard=unmap,driver=qcow2,file=root-storage,backing=null"),
        ("blockdev", "driver", "driver=qcow2,node-name=data,file.driver=file,file.filename=/var/lib/libvirt/images/data,,1.qcow2,file.aio=native,cache.direct=on,cache.no-flush=off"),
        ("blockdev", "driver", "driver=raw,node-name=cdrom,read-only=on,file.driver=file,file.filename=/isos/install.iso"),
        ("blockdev", "driver", "driver=luks,node-name=secure,key-secret=sec0,file.driver=file,file.filename=/var/lib/img/secure.luks"),
        ("drive", null, "file=/var/lib/libvirt/images/legacy.img,if=none,id=drive-legacy,format=raw,cache=none,aio=native"),
        ("drive", null, "if=none,id=drive-cd,media=cdrom,readonly=on,file=/isos/tools.iso"),
        ("drive", null, "file=/var/lib/img/scratch.qcow2,if=none,id=drive-scratch,format=qcow2,discard=unmap,detect-zeroes=unmap"),
        ("device", "driver", "pcie-root-port,port=0x10,chassis=1,id=pci.1,bus=pcie.0,multifunction=on,addr=0x2"),
        ("device", "driver", "pcie-root-port,port=0x11,chassis=2,id=pci.2,bus=pcie.0,addr=0x2.0x1"),
        ("device", "driver", "pcie-root-port,port=0x12,chassis=3,id=pci.3,bus=pcie.0,addr=0x2.0x2"),
        ("device", "driver", "pcie-root-port,port=0x13,chassis=4,id=pci.4,bus=pcie.0,addr=0x2.0x3"),
        ("device", "driver", "qemu-xhci,p2=15,p3=15,id=usb,bus=pci.2,addr=0x0"),
        ("device", "driver", "virtio-serial-pci,id=virtio-serial0,bus=pci.3,addr=0x0"),
        ("device", "driver", "virtio-blk-pci,bus=pci.4,addr=0x0,drive=root-format,id=virtio-disk0,bootindex=1,iothread=iothread0,num-queues=4"),
        ("device", "driver", "virtio-blk-pci,drive=data,id=virtio-disk1,iothread=iothread1,write-cache=on,serial=DATA0001"),
        ("device", "driver", "ide-cd,bus=ide.0,drive=drive-cd,id=sata0-0-0,bootindex=2"),
        ("device", "driver", "virtio-scsi-pci,id=scsi0,num_queues=4,iothread=iothread0"),
        ("device", "driver", "scsi-hd,bus=scsi0.0,channel=0,scsi-id=0,lun=0,drive=drive-scratch,id=scsi0-0-0-0,rotation_rate=1"),
        ("netdev", "type", "tap,id=hostnet0,ifname=tap0,script=no,downscript=no,vhost=on,queues=4"),
        ("netdev", "type", "user,id=hostnet1,hostfwd=tcp::2222-:22,hostfwd=tcp::8080-:80,ipv6=off"),
        ("netdev", "type", "bridge,id=hostnet2,br=virbr0"),
        ("device", "driver", "virtio-net-pci,netdev=hostnet0,id=net0,mac=52:54:00:12:34:56,bus=pci.1,addr=0x0,mq=on,vectors=10"),
        ("device", "driver", "e1000e,netdev=hostnet1,id=net1,mac=52:54:00:12:34:57"),
        ("device", "driver", "virtio-net-pci,netdev=hostnet2,id=net2,romfile=,failover=on"),
        ("device", "driver", "virtserialport,bus=virtio-serial0.0,nr=1,chardev=charconsole0,id=channel0,name=org.qemu.guest_agent.0"),
        ("device", "driver", "isa-serial,chardev=charserial0,id=serial0,index=0"),
        ("device", "driver", "usb-tablet,id=input0,bus=usb.0,port=1"),
        ("device", "driver", "virtio-rng-pci,rng=rng0,id=rng0-dev,max-bytes=1024,period=1000"),
        ("device", "driver", "virtio-balloon-pci,id=balloon0,free-page-reporting=on,deflate-on-oom=on"),
        ("device", "driver", "pvpanic,ioport=0x505"),
        ("device", "driver", "virtio-vga,id=video0,max_outputs=1,xres=1920,yres=1080"),
    ];

    private static readonly QemuOptDesc[] ChardevParameters =
    [
        new("backend", QemuOptType.String), new("path", QemuOptType.String), new("host", QemuOptType.String),
        new("port", QemuOptType.String), new("server", QemuOptType.Bool), new("wait", QemuOptType.Bool),
        new("telnet", QemuOptType.Bool), new("append", QemuOptType.Bool), new("logfile", QemuOptType.String),
        new("mux", QemuOptType.Bool), new("size", QemuOptType.Size), new("reconnect", QemuOptType.Number),
    ];

    private Dictionary<string, QemuOptsList> _groups = [];
    private string[] _json = [];

    /// <summary>Sets up the QemuOpts groups as QEMU declares them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _groups = CommandLine
            .Select(o => (o.Option, o.Implied))
            .Distinct()
            .ToDictionary(
                o => o.Option,
                o => o.Option == "chardev"
                    ? new QemuOptsList("chardev", ChardevParameters, "backend")
                    : new QemuOptsList(o.Option, [], o.Implied));
        // The same options as JSON objects, the form management tools pass to -device and -blockdev.
        _json = [.. CommandLine.Select(o => QJson.ToJson(KeyvalParser.Parse(o.Argument, o.Implied)))];
        if (CommandLine.Length != 50)
        {
            throw new InvalidOperationException($"the command line has {CommandLine.Length} options, not 50");
        }
    }

    /// <summary>All 50 options through the keyval parser, each with its implied key.</summary>
    [Benchmark(Baseline = true)]
    public int Keyval()
    {
        var total = 0;
        foreach (var (_, implied, argument) in CommandLine)
        {
            total += KeyvalParser.Parse(argument, implied, out _).Count;
        }

        return total;
    }

    /// <summary>All 50 options through their QemuOpts groups, as QEMU's command line reads legacy options.</summary>
    [Benchmark]
    public int QemuOpts()
    {
        var total = 0;
        foreach (var group in _groups.Values)
        {
            group.Reset();
        }

        foreach (var (option, implied, argument) in CommandLine)
        {
            total += _groups[option].Parse(argument, permitAbbreviation: implied is not null).Settings.Count;
        }

        return total;
    }

    /// <summary>Parses and prints back every keyval option, the round trip the property tests check.</summary>
    [Benchmark]
    public int KeyvalRoundTrip()
    {
        var total = 0;
        foreach (var (_, implied, argument) in CommandLine)
        {
            total += KeyvalPrinter.Print(KeyvalParser.Parse(argument, implied, out _), implied).Length;
        }

        return total;
    }

    /// <summary>All 50 options as JSON arguments through <see cref="OptionArguments"/> (QEMU's JSON branch).</summary>
    [Benchmark]
    public int Json()
    {
        var total = 0;
        foreach (var argument in _json)
        {
            total += OptionArguments.ParseJson(argument).Count;
        }

        return total;
    }
}
