using System.Globalization;
using CsCheck;
using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>
/// Random values of the generated shapes: written by the QObject output visitor and read back
/// by the input visitor they come back equal; so does a clone, which shares nothing mutable.
/// </summary>
public class RoundTripProperties
{
    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct => Gen.Select(Gen.Bool, gen, (present, value) => present ? value : (T?)null);

    private static Gen<T?> MaybeRef<T>(Gen<T> gen)
        where T : class => Gen.Select(Gen.Bool, gen, (present, value) => present ? value : null);

    private static Gen<QapiList<T>> ListOf<T>(Gen<T> gen, int max = 5) => gen.Array[0, max].Select(items => new QapiList<T>(items));

    private static readonly Gen<string> Text = Gen.String;
    private static readonly Gen<EnumOne> EnumOnes = Gen.Enum<EnumOne>();

    private static Gen<QObject> QObjects(int depth) => depth == 0
        ? Gen.OneOf<QObject>(
            Gen.Const<QObject>(QNull.Instance),
            Gen.Bool.Select(b => (QObject)QBool.From(b)),
            Gen.Long.Select(l => (QObject)new QNum(l)),
            Gen.ULong.Select(u => (QObject)new QNum(u)),
            Gen.Double.Select(d => (QObject)new QNum(d)),
            Text.Select(s => (QObject)new QString(s)))
        : Gen.OneOf(
            QObjects(0),
            QObjects(depth - 1).Array[0, 4].Select(items => (QObject)new QList(items)),
            Gen.Select(Gen.String[0, 6], QObjects(depth - 1)).Array[0, 4].Select(entries =>
            {
                var dict = new QDict();
                foreach (var (key, value) in entries)
                {
                    dict[key] = value;
                }

                return (QObject)dict;
            }));

    private static readonly Gen<TestStruct> TestStructs =
        Gen.Select(Gen.Long, Gen.Bool, Text, (i, b, s) => new TestStruct { Integer = i, Boolean = b, String = s });

    private static readonly Gen<UserDefOne> UserDefOnes =
        Gen.Select(Gen.Long, Text, Maybe(EnumOnes), (i, s, e) => new UserDefOne { Integer = i, String = s, Enum1 = e });

    private static readonly Gen<UserDefTwoDictDict> DictDicts =
        Gen.Select(UserDefOnes, Text, (u, s) => new UserDefTwoDictDict { Userdef = u, String = s });

    private static readonly Gen<UserDefTwo> UserDefTwos =
        Gen.Select(Text, Text, DictDicts, MaybeRef(DictDicts), (s0, s1, d2, d3) =>
            new UserDefTwo { String0 = s0, Dict1 = new UserDefTwoDict { String1 = s1, Dict2 = d2, Dict3 = d3 } });

    private static readonly Gen<UserDefFlatUnion> FlatUnions =
        Gen.Select(Gen.Long, Text, Gen.Int[0, 3], Gen.Long, Gen.Bool, Maybe(Gen.Long), Maybe(Gen.Bool), (i, s, branch, intb, b, ab, bab) =>
            branch switch
            {
                0 => (UserDefFlatUnion)new UserDefFlatUnion.Value1 { Integer = i, String = s, Boolean = b, AB = ab },
                1 => new UserDefFlatUnion.Value2 { Integer = i, String = s, Intb = intb, AB = bab },
                2 => new UserDefFlatUnion.Value3 { Integer = i, String = s, Intb = intb, AB = bab },
                _ => new UserDefFlatUnion.Value4 { Integer = i, String = s },
            });

    private static readonly Gen<UserDefAlternate> Alternates = Gen.OneOf(
        FlatUnions.Select(u => (UserDefAlternate)u),
        EnumOnes.Select(e => (UserDefAlternate)e),
        Gen.Long.Select(l => (UserDefAlternate)l),
        Gen.Const<UserDefAlternate>(new UserDefAlternate.N()));

    private static readonly Gen<ArrayStruct> ArrayStructs =
        Gen.Select(
            Gen.Select(ListOf(Gen.Long), ListOf(Gen.SByte), ListOf(Gen.Short), ListOf(Gen.Int), ListOf(Gen.Long), ListOf(Gen.Byte)),
            Gen.Select(ListOf(Gen.UShort), ListOf(Gen.UInt), ListOf(Gen.ULong), ListOf(Gen.Double), ListOf(Gen.Bool), ListOf(Text)),
            Gen.Select(MaybeRef(ListOf(Gen.ULong)), MaybeRef(ListOf(QObjects(2))), MaybeRef(ListOf(Gen.Enum<Status>()))),
            (a, b, c) => new ArrayStruct
            {
                Integer = a.Item1,
                S8 = a.Item2,
                S16 = a.Item3,
                S32 = a.Item4,
                S64 = a.Item5,
                U8 = a.Item6,
                U16 = b.Item1,
                U32 = b.Item2,
                U64 = b.Item3,
                Number = b.Item4,
                Boolean = b.Item5,
                String = b.Item6,
                Sz = c.Item1,
                Any = c.Item2,
                User = c.Item3,
            });

    private static readonly Gen<UserDefOptions> Options =
        Gen.Select(MaybeRef(ListOf(Gen.Long)), MaybeRef(ListOf(Gen.ULong)), MaybeRef(ListOf(Gen.UShort)), Maybe(Gen.Long), Maybe(Gen.ULong), (a, b, c, d, e) =>
            new UserDefOptions { I64 = a, U64 = b, U16 = c, I64x = d, U64x = e });

    private static readonly Gen<NestedEnumsOne> NestedEnums =
        Gen.Select(EnumOnes, Maybe(EnumOnes), EnumOnes, Maybe(EnumOnes), (a, b, c, d) =>
            new NestedEnumsOne { Enum1 = a, Enum2 = b, Enum3 = c, Enum4 = d });

    private static readonly Gen<AltListInt> AltListInts = Gen.OneOf(
        ListOf(Gen.Long).Select(l => (AltListInt)l),
        Gen.Long.Select(l => (AltListInt)l));

    private static readonly Gen<AltStrObj> AltStrObjs = Gen.OneOf(
        Text.Select(s => (AltStrObj)s),
        TestStructs.Select(t => (AltStrObj)t));

    private static Gen<OrgQemuXStruct2> Downstream(int depth) =>
        (depth == 0 ? Gen.Const(new QapiList<OrgQemuXUnion>()) : ListOf(Downstream(depth - 1).Select(s => (OrgQemuXUnion)new OrgQemuXUnion.OrgQemuXValue { Array = s.Array }), 3))
        .Select(list => new OrgQemuXStruct2 { Array = list });

    private static void RoundTrips<T>(Gen<T> gen)
        where T : class, IQapiType<T>
    {
        gen.Sample(value =>
        {
            var tree = QObjectOutputVisitor.Write(value);
            Assert.Equal(value, QObjectInputVisitor.Read<T>(tree));

            var copy = CloneVisitor.Clone(value);
            Assert.Equal(value, copy);
            Assert.NotSame(value, copy);

            // The clone writes the same tree.
            Assert.Equal(tree, QObjectOutputVisitor.Write(copy));
        });
    }

    [Fact]
    public void TestStruct_round_trips() => RoundTrips(TestStructs);

    [Fact]
    public void UserDefOne_round_trips() => RoundTrips(UserDefOnes);

    [Fact]
    public void Nested_structs_round_trip() => RoundTrips(UserDefTwos);

    [Fact]
    public void Flat_unions_round_trip() => RoundTrips(FlatUnions);

    [Fact]
    public void Alternates_round_trip() => RoundTrips(Alternates);

    [Fact]
    public void Wrapped_alternates_round_trip() => RoundTrips(Alternates.Select(a => new WrapAlternate { Alt = a }));

    [Fact]
    public void Lists_of_every_builtin_and_any_round_trip() => RoundTrips(ArrayStructs);

    [Fact]
    public void Optional_members_round_trip() => RoundTrips(Options);

    [Fact]
    public void Enums_round_trip() => RoundTrips(NestedEnums);

    [Fact]
    public void List_and_string_alternates_round_trip()
    {
        RoundTrips(AltListInts);
        RoundTrips(AltStrObjs);
    }

    [Fact]
    public void Recursive_unions_round_trip() => RoundTrips(Downstream(3));

    [Fact]
    public void Compat_policies_round_trip() =>
        RoundTrips(Gen.Select(Maybe(Gen.Enum<CompatPolicyInput>()), Maybe(Gen.Enum<CompatPolicyOutput>()), Maybe(Gen.Enum<CompatPolicyInput>()), Maybe(Gen.Enum<CompatPolicyOutput>()), (a, b, c, d) =>
            new CompatPolicy { DeprecatedInput = a, DeprecatedOutput = b, UnstableInput = c, UnstableOutput = d }));

    /// <summary>The tree as QEMU's keyval parser would build it: every scalar a string.</summary>
    private static QObject ToKeyval(QObject value) => value switch
    {
        QDict dict => dict.Aggregate(new QDict(), (d, e) => { d[e.Key] = ToKeyval(e.Value); return d; }),
        QList list => new QList(list.Select(ToKeyval)),
        QBool b => b.Value ? "on" : "off",
        QNum { Kind: QNumKind.Int64 } n => n.GetInt64().ToString(CultureInfo.InvariantCulture),
        QNum { Kind: QNumKind.UInt64 } n => n.GetUInt64().ToString(CultureInfo.InvariantCulture),
        QNum n => n.ToDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => value,
    };

    private static void KeyvalRoundTrips<T>(Gen<T> gen)
        where T : class, IQapiType<T>
    {
        gen.Sample(value => Assert.Equal(value, QObjectInputVisitor.ReadKeyval<T>(ToKeyval(QObjectOutputVisitor.Write(value)))));
    }

    [Fact]
    public void Keyval_trees_read_back()
    {
        KeyvalRoundTrips(TestStructs);
        KeyvalRoundTrips(UserDefTwos);
        KeyvalRoundTrips(Options);
        KeyvalRoundTrips(NestedEnums);
        KeyvalRoundTrips(FlatUnions);
    }
}
