namespace Machina.Qom.Machines;

/// <summary>
/// The empty board (QEMU's <c>none-machine</c>, hw/core/null-machine.c): no devices, no RAM unless
/// asked for, at most one CPU. <c>-machine none</c> is what a management tool runs to ask QEMU
/// about itself.
/// </summary>
[QomType("none-machine")]
public sealed class NoneMachine : Machine
{
    [QomClassInit]
    private static void InitClass(MachineClass klass)
    {
        klass.Description = "empty machine";
        klass.MaxCpus = 1;
        klass.DefaultRamSize = 0;
    }
}
