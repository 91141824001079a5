using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Machina.QObjects;

namespace Machina.Qapi.Visitors;

// Lists (QEMU's generated visit_type_FOOList functions, one generic loop here): input visitors
// build a new list from the input, output visitors read the list, clone visitors replace it by
// a copy whose elements are cloned in turn.
public abstract partial class Visitor
{
    /// <summary>
    /// Visits a list whose elements <paramref name="visitElement"/> visits. An output visit of a
    /// null list writes an empty one, as QEMU does for its empty (null) lists.
    /// </summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitList<T>(string? name, [NotNull] ref QapiList<T>? list, VisitElement<T> visitElement)
    {
        ArgumentNullException.ThrowIfNull(visitElement);
        switch (Kind)
        {
            case VisitorKind.Input:
            {
                var result = new QapiList<T>();
                if (StartList(name, -1))
                {
                    do
                    {
                        T element = default!;
                        visitElement(this, null, ref element);
                        result.Add(element);
                    }
                    while (NextList());
                }

                CheckList();
                EndList();
                list = result;
                break;
            }

            case VisitorKind.Output:
            {
                var source = list ?? [];
                StartList(name, source.Count);
                for (var i = 0; i < source.Count; i++)
                {
                    var element = source[i];
                    visitElement(this, null, ref element);
                    var more = NextList();
                    Debug.Assert(more == (i + 1 < source.Count), "an output visitor's NextList disagrees with the count");
                }

                CheckList();
                EndList();
                list = source;
                break;
            }

            default:
            {
                var source = list ?? [];
                var copy = new QapiList<T>(source.Count);
                StartList(name, source.Count);
                for (var i = 0; i < source.Count; i++)
                {
                    var element = source[i];
                    visitElement(this, null, ref element);
                    copy.Add(element);
                    NextList();
                }

                CheckList();
                EndList();
                list = copy;
                break;
            }
        }
    }

    /// <summary>Visits a list of a generated struct, union or alternate type (<c>visit_type_FOOList</c>).</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitList<T>(string? name, [NotNull] ref QapiList<T>? list)
        where T : class, IQapiType<T> => VisitList(name, ref list, ComplexElement<T>.Visit);

    /// <summary>Visits a list of a generated enum type.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitEnumList<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string? name, [NotNull] ref QapiList<TEnum>? list)
        where TEnum : struct, Enum => VisitList(name, ref list, EnumElement<TEnum>.Visit);

    /// <summary>Visits a QAPI <c>['int']</c> or <c>['int64']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitInt64List(string? name, [NotNull] ref QapiList<long>? list) => VisitList(name, ref list, BuiltinElements.Int64);

    /// <summary>Visits a QAPI <c>['int8']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitInt8List(string? name, [NotNull] ref QapiList<sbyte>? list) => VisitList(name, ref list, BuiltinElements.Int8);

    /// <summary>Visits a QAPI <c>['int16']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitInt16List(string? name, [NotNull] ref QapiList<short>? list) => VisitList(name, ref list, BuiltinElements.Int16);

    /// <summary>Visits a QAPI <c>['int32']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitInt32List(string? name, [NotNull] ref QapiList<int>? list) => VisitList(name, ref list, BuiltinElements.Int32);

    /// <summary>Visits a QAPI <c>['uint8']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitUInt8List(string? name, [NotNull] ref QapiList<byte>? list) => VisitList(name, ref list, BuiltinElements.UInt8);

    /// <summary>Visits a QAPI <c>['uint16']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitUInt16List(string? name, [NotNull] ref QapiList<ushort>? list) => VisitList(name, ref list, BuiltinElements.UInt16);

    /// <summary>Visits a QAPI <c>['uint32']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitUInt32List(string? name, [NotNull] ref QapiList<uint>? list) => VisitList(name, ref list, BuiltinElements.UInt32);

    /// <summary>Visits a QAPI <c>['uint64']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitUInt64List(string? name, [NotNull] ref QapiList<ulong>? list) => VisitList(name, ref list, BuiltinElements.UInt64);

    /// <summary>Visits a QAPI <c>['size']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitSizeList(string? name, [NotNull] ref QapiList<ulong>? list) => VisitList(name, ref list, BuiltinElements.Size);

    /// <summary>Visits a QAPI <c>['bool']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitBoolList(string? name, [NotNull] ref QapiList<bool>? list) => VisitList(name, ref list, BuiltinElements.Bool);

    /// <summary>Visits a QAPI <c>['str']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitStringList(string? name, [NotNull] ref QapiList<string>? list) => VisitList(name, ref list, BuiltinElements.String);

    /// <summary>Visits a QAPI <c>['number']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is invalid.</exception>
    public void VisitNumberList(string? name, [NotNull] ref QapiList<double>? list) => VisitList(name, ref list, BuiltinElements.Number);

    /// <summary>Visits a QAPI <c>['any']</c>.</summary>
    /// <exception cref="QapiException">Input: missing or not a list.</exception>
    public void VisitAnyList(string? name, [NotNull] ref QapiList<QObject>? list) => VisitList(name, ref list, BuiltinElements.Any);

    /// <summary>Visits a QAPI <c>['null']</c>.</summary>
    /// <exception cref="QapiException">Input: missing, not a list, or an element is not null.</exception>
    public void VisitNullList(string? name, [NotNull] ref QapiList<QNull>? list) => VisitList(name, ref list, BuiltinElements.Null);

    /// <summary>Element visits for the built-in types, as cached delegates.</summary>
    private static class BuiltinElements
    {
        public static readonly VisitElement<long> Int64 = static (Visitor v, string? n, ref long x) => v.VisitInt64(n, ref x);
        public static readonly VisitElement<sbyte> Int8 = static (Visitor v, string? n, ref sbyte x) => v.VisitInt8(n, ref x);
        public static readonly VisitElement<short> Int16 = static (Visitor v, string? n, ref short x) => v.VisitInt16(n, ref x);
        public static readonly VisitElement<int> Int32 = static (Visitor v, string? n, ref int x) => v.VisitInt32(n, ref x);
        public static readonly VisitElement<byte> UInt8 = static (Visitor v, string? n, ref byte x) => v.VisitUInt8(n, ref x);
        public static readonly VisitElement<ushort> UInt16 = static (Visitor v, string? n, ref ushort x) => v.VisitUInt16(n, ref x);
        public static readonly VisitElement<uint> UInt32 = static (Visitor v, string? n, ref uint x) => v.VisitUInt32(n, ref x);
        public static readonly VisitElement<ulong> UInt64 = static (Visitor v, string? n, ref ulong x) => v.VisitUInt64(n, ref x);
        public static readonly VisitElement<ulong> Size = static (Visitor v, string? n, ref ulong x) => v.VisitSize(n, ref x);
        public static readonly VisitElement<bool> Bool = static (Visitor v, string? n, ref bool x) => v.VisitBool(n, ref x);
        public static readonly VisitElement<double> Number = static (Visitor v, string? n, ref double x) => v.VisitNumber(n, ref x);

        public static readonly VisitElement<string> String = static (Visitor v, string? n, ref string x) =>
        {
            string? value = x;
            v.VisitString(n, ref value);
            x = value;
        };

        public static readonly VisitElement<QObject> Any = static (Visitor v, string? n, ref QObject x) =>
        {
            QObject? value = x;
            v.VisitAny(n, ref value);
            x = value;
        };

        public static readonly VisitElement<QNull> Null = static (Visitor v, string? n, ref QNull x) =>
        {
            QNull? value = x;
            v.VisitNull(n, ref value);
            x = value;
        };
    }

    private static class ComplexElement<T>
        where T : class, IQapiType<T>
    {
        public static readonly VisitElement<T> Visit = static (Visitor v, string? n, ref T x) =>
        {
            T? value = x;
            v.Visit(n, ref value);
            x = value;
        };
    }

    private static class EnumElement<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
        where TEnum : struct, Enum
    {
        public static readonly VisitElement<TEnum> Visit = static (Visitor v, string? n, ref TEnum x) => v.VisitEnum(n, ref x);
    }
}
