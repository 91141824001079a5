using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Machina.QObjects;

namespace Machina.Qapi.Visitors;

// The visits every visitor gets from the core (QEMU's qapi-visit-core.c): sized integers with
// their range checks, enums by wire name, and complex types through their generated functions.
public abstract partial class Visitor
{
    /// <summary>Visits a QAPI <c>int8</c>; input outside its range fails with "Parameter 'x' expects int8_t".</summary>
    /// <exception cref="QapiException">Input: missing, not an integer, or out of range.</exception>
    public void VisitInt8(string? name, ref sbyte value)
    {
        long wide = value;
        VisitInt64(name, ref wide);
        value = (sbyte)CheckSigned(name, wide, sbyte.MinValue, sbyte.MaxValue, "int8_t");
    }

    /// <summary>Visits a QAPI <c>int16</c>; input outside its range fails with "Parameter 'x' expects int16_t".</summary>
    /// <exception cref="QapiException">Input: missing, not an integer, or out of range.</exception>
    public void VisitInt16(string? name, ref short value)
    {
        long wide = value;
        VisitInt64(name, ref wide);
        value = (short)CheckSigned(name, wide, short.MinValue, short.MaxValue, "int16_t");
    }

    /// <summary>Visits a QAPI <c>int32</c>; input outside its range fails with "Parameter 'x' expects int32_t".</summary>
    /// <exception cref="QapiException">Input: missing, not an integer, or out of range.</exception>
    public void VisitInt32(string? name, ref int value)
    {
        long wide = value;
        VisitInt64(name, ref wide);
        value = (int)CheckSigned(name, wide, int.MinValue, int.MaxValue, "int32_t");
    }

    /// <summary>Visits a QAPI <c>uint8</c>; input above its range fails with "Parameter 'x' expects uint8_t".</summary>
    /// <exception cref="QapiException">Input: missing, not an integer, or out of range.</exception>
    public void VisitUInt8(string? name, ref byte value)
    {
        ulong wide = value;
        VisitUInt64(name, ref wide);
        value = (byte)CheckUnsigned(name, wide, byte.MaxValue, "uint8_t");
    }

    /// <summary>Visits a QAPI <c>uint16</c>; input above its range fails with "Parameter 'x' expects uint16_t".</summary>
    /// <exception cref="QapiException">Input: missing, not an integer, or out of range.</exception>
    public void VisitUInt16(string? name, ref ushort value)
    {
        ulong wide = value;
        VisitUInt64(name, ref wide);
        value = (ushort)CheckUnsigned(name, wide, ushort.MaxValue, "uint16_t");
    }

    /// <summary>Visits a QAPI <c>uint32</c>; input above its range fails with "Parameter 'x' expects uint32_t".</summary>
    /// <exception cref="QapiException">Input: missing, not an integer, or out of range.</exception>
    public void VisitUInt32(string? name, ref uint value)
    {
        ulong wide = value;
        VisitUInt64(name, ref wide);
        value = (uint)CheckUnsigned(name, wide, uint.MaxValue, "uint32_t");
    }

    /// <summary>
    /// Visits a QAPI enum by wire name (<c>visit_type_enum</c>). Input reads a string, rejects an
    /// unknown name with "Parameter 'x' does not accept value 'y'" (with <see cref="KeepUnknown"/>,
    /// maps it to a negative value instead) and applies the compatibility policy to deprecated and
    /// unstable values; output writes the name; clone has nothing to copy.
    /// </summary>
    /// <exception cref="QapiException">Input: missing, not a string, not a value's name, or rejected by policy.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Output: <paramref name="value"/> is not one of the enum's values
    /// (with <see cref="KeepUnknown"/>: nor an unknown value an input visit kept).</exception>
    public void VisitEnum<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string? name, ref TEnum value)
        where TEnum : struct, Enum
    {
        var table = QapiEnumTable<TEnum>.Instance;
        switch (Kind)
        {
            case VisitorKind.Input:
            {
                string? text = null;
                VisitString(name, ref text);
                if (!table.TryGetIndex(text, out var index))
                {
                    if (!KeepUnknown)
                    {
                        throw new QapiException($"Parameter '{name ?? "null"}' does not accept value '{text}'");
                    }

                    value = QapiEnumTable<TEnum>.FromIndex(table.Intern(text));
                    break;
                }

                if (table.Features is { } features)
                {
                    CompatPolicy.CheckInput(Policy, features[index], QapiErrorClass.GenericError, "value", text, CrashHandler);
                }

                value = QapiEnumTable<TEnum>.FromIndex(index);
                break;
            }

            case VisitorKind.Output:
            {
                var index = QapiEnumTable<TEnum>.ToIndex(value);
                var text = (KeepUnknown ? table.NameOfAny(index) : table.NameOf(index))
                    ?? throw new ArgumentOutOfRangeException(
                        nameof(value), value, $"'{name ?? "null"}': not a value of the QAPI enum {typeof(TEnum).Name}");
                VisitString(name, ref text);
                break;
            }

            default:
                // A clone visit copied the value already: it is a value type.
                break;
        }
    }

    /// <summary>
    /// Visits a generated struct, union or alternate (<c>visit_type_FOO</c>): input visitors
    /// create <paramref name="value"/>, output visitors read it, clone visitors replace it by a deep copy.
    /// </summary>
    /// <exception cref="QapiException">Input: the value is missing or not a valid <typeparamref name="T"/>.</exception>
    /// <exception cref="ArgumentNullException">Output or clone: <paramref name="value"/> is null.</exception>
    /// <exception cref="InsufficientExecutionStackException">Output or clone: the value nests too deeply (a cycle).</exception>
    public void Visit<T>(string? name, [NotNull] ref T? value)
        where T : class, IQapiType<T>
    {
        if (!IsInput)
        {
            if (value is null)
            {
                throw new ArgumentNullException(
                    nameof(value), $"'{name ?? "<root>"}': a {Kind.ToString().ToLowerInvariant()} visit needs a {typeof(T).Name}, not null");
            }

            // A value nested beyond what the stack holds can only be a cycle or a runaway
            // structure made in code; fail cleanly rather than overflow the stack. (Input
            // visitors check in StartStruct and StartList, where they can name the path.)
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }

        T.Visit(this, name, ref value);
    }

    /// <summary>
    /// Visits the members of the existing struct <paramref name="value"/> without the enclosing
    /// start/check/end (<c>visit_type_FOO_members</c>); generated code uses it for base types.
    /// </summary>
    /// <exception cref="QapiException">Input: a member is missing or invalid.</exception>
    public void VisitMembers<T>(T value)
        where T : class, IQapiStruct<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        T.VisitMembers(this, value);
    }

    private static long CheckSigned(string? name, long value, long min, long max, string type)
    {
        // Only input can bring a value out of range; output and clone hand back what they got.
        if (value < min || value > max)
        {
            throw QapiException.InvalidParameterValue(name ?? "null", type);
        }

        return value;
    }

    private static ulong CheckUnsigned(string? name, ulong value, ulong max, string type)
    {
        if (value > max)
        {
            throw QapiException.InvalidParameterValue(name ?? "null", type);
        }

        return value;
    }
}
