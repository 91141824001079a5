namespace Machina.Qom.Machines;

/// <summary>The machine's CPU topology (QEMU's <c>CpuTopology</c>), the value behind the <c>smp</c> property.</summary>
/// <param name="Cpus">CPUs present at start.</param>
/// <param name="Sockets">Sockets.</param>
/// <param name="Dies">Dies per socket.</param>
/// <param name="Clusters">Clusters per die.</param>
/// <param name="Cores">Cores per cluster.</param>
/// <param name="Threads">Threads per core.</param>
/// <param name="MaxCpus">The most CPUs, hotplugged ones included.</param>
public readonly record struct CpuTopology(uint Cpus, uint Sockets, uint Dies, uint Clusters, uint Cores, uint Threads, uint MaxCpus)
{
    /// <summary>
    /// Completes and checks an <c>-smp</c> configuration for a machine of class
    /// <paramref name="machine"/> (QEMU's <c>machine_parse_smp_config</c>): omitted values are
    /// computed from the given ones, preferring cores over sockets unless the board prefers sockets.
    /// </summary>
    /// <param name="machine">The machine's class (what it supports).</param>
    /// <param name="config">The configuration.</param>
    /// <param name="previous">The topology in force, kept when the configuration is refused early.</param>
    /// <param name="error">QEMU's message when the result is not valid, else null.</param>
    /// <returns>
    /// The topology, which QEMU stores even when the final checks then fail; the previous one
    /// (<paramref name="previous"/>) when an unsupported level was given.
    /// </returns>
    public static CpuTopology Parse(MachineClass machine, SMPConfiguration config, CpuTopology previous, out string? error)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(config);
        error = null;

        // C's unsigned: the 64-bit values are taken modulo 2^32.
        var cpus = unchecked((uint)(config.Cpus ?? 0));
        var sockets = unchecked((uint)(config.Sockets ?? 0));
        var dies = unchecked((uint)(config.Dies ?? 0));
        var clusters = unchecked((uint)(config.Clusters ?? 0));
        var cores = unchecked((uint)(config.Cores ?? 0));
        var threads = unchecked((uint)(config.Threads ?? 0));
        var maxcpus = unchecked((uint)(config.Maxcpus ?? 0));

        if (!machine.DiesSupported && dies > 1)
        {
            error = "dies not supported by this machine's CPU topology";
            return previous;
        }

        if (!machine.ClustersSupported && clusters > 1)
        {
            error = "clusters not supported by this machine's CPU topology";
            return previous;
        }

        dies = dies > 0 ? dies : 1;
        clusters = clusters > 0 ? clusters : 1;

        if (cpus == 0 && maxcpus == 0)
        {
            sockets = sockets > 0 ? sockets : 1;
            cores = cores > 0 ? cores : 1;
            threads = threads > 0 ? threads : 1;
        }
        else
        {
            maxcpus = maxcpus > 0 ? maxcpus : cpus;
            if (machine.PreferSockets)
            {
                if (sockets == 0)
                {
                    cores = cores > 0 ? cores : 1;
                    threads = threads > 0 ? threads : 1;
                    sockets = Divide(maxcpus, unchecked(dies * clusters * cores * threads));
                }
                else if (cores == 0)
                {
                    threads = threads > 0 ? threads : 1;
                    cores = Divide(maxcpus, unchecked(sockets * dies * clusters * threads));
                }
            }
            else if (cores == 0)
            {
                sockets = sockets > 0 ? sockets : 1;
                threads = threads > 0 ? threads : 1;
                cores = Divide(maxcpus, unchecked(sockets * dies * clusters * threads));
            }
            else if (sockets == 0)
            {
                threads = threads > 0 ? threads : 1;
                sockets = Divide(maxcpus, unchecked(dies * clusters * cores * threads));
            }

            if (threads == 0)
            {
                threads = Divide(maxcpus, unchecked(sockets * dies * clusters * cores));
            }
        }

        var product = unchecked(sockets * dies * clusters * cores * threads);
        maxcpus = maxcpus > 0 ? maxcpus : product;
        cpus = cpus > 0 ? cpus : maxcpus;
        var result = new CpuTopology(cpus, sockets, dies, clusters, cores, threads, maxcpus);

        if (product != maxcpus)
        {
            error = "Invalid CPU topology: product of the hierarchy must match maxcpus: " +
                    $"{result.Describe(machine)} != maxcpus ({maxcpus})";
        }
        else if (maxcpus < cpus)
        {
            error = "Invalid CPU topology: maxcpus must be equal to or greater than smp: " +
                    $"{result.Describe(machine)} == maxcpus ({maxcpus}) < smp_cpus ({cpus})";
        }
        else if (cpus < machine.MinCpus)
        {
            error = $"Invalid SMP CPUs {(int)cpus}. The min CPUs supported by machine '{machine.MachineName}' is {(int)machine.MinCpus}";
        }
        else if (maxcpus > machine.MaxCpus)
        {
            error = $"Invalid SMP CPUs {(int)maxcpus}. The max CPUs supported by machine '{machine.MachineName}' is {(int)machine.MaxCpus}";
        }

        return result;
    }

    /// <summary>The hierarchy as QEMU's messages show it: <c>sockets (2) * cores (0) * threads (1)</c>.</summary>
    public string Describe(MachineClass machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var text = $"sockets ({Sockets})";
        if (machine.DiesSupported)
        {
            text += $" * dies ({Dies})";
        }

        if (machine.ClustersSupported)
        {
            text += $" * clusters ({Clusters})";
        }

        return text + $" * cores ({Cores}) * threads ({Threads})";
    }

    // QEMU divides by zero here when the product wraps to 0 and dies of SIGFPE; a zero product
    // gives zero, and the product check then reports the topology.
    private static uint Divide(uint dividend, uint divisor) => divisor == 0 ? 0 : dividend / divisor;
}
