// Alternates of QEMU's tests/qapi-schema/qapi-schema-test.json, written exactly as the C# code
// generator must emit them (docs/codegen-shape.md): an abstract record with one sealed nested
// record per branch, each holding the branch's value.

using System.Diagnostics.CodeAnalysis;
using Machina.QObjects;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors.TestSchema;

/// <summary>The QAPI alternate <c>UserDefAlternate</c>.</summary>
[QapiName("UserDefAlternate")]
public abstract partial record UserDefAlternate : IQapiType<UserDefAlternate>
{
    private UserDefAlternate()
    {
    }

    /// <summary>Branch <c>udfu</c> as <paramref name="value"/>.</summary>
    public static implicit operator UserDefAlternate(UserDefFlatUnion value) => new Udfu(value);

    /// <summary>Branch <c>e</c> as <paramref name="value"/>.</summary>
    public static implicit operator UserDefAlternate(EnumOne value) => new E(value);

    /// <summary>Branch <c>i</c> as <paramref name="value"/>.</summary>
    public static implicit operator UserDefAlternate(long value) => new I(value);

    /// <summary>Branch <c>n</c>.</summary>
    public static implicit operator UserDefAlternate(QNull value) => new N();

    static void IQapiType<UserDefAlternate>.Visit(Visitor v, string? name, [NotNull] ref UserDefAlternate? obj)
    {
        var current = obj switch
        {
            Udfu => QType.QDict,
            E => QType.QString,
            I => QType.QNum,
            N => QType.QNull,
            _ => QType.None,
        };
        switch (v.StartAlternate(name, current))
        {
            case QType.QDict:
            {
                var member = (obj as Udfu)?.Value;
                v.Visit(name, ref member);
                obj = v.IsOutput ? obj! : new Udfu(member);
                break;
            }

            case QType.QString:
            {
                var member = (obj as E)?.Value ?? default;
                v.VisitEnum(name, ref member);
                obj = v.IsOutput ? obj! : new E(member);
                break;
            }

            case QType.QNum:
            {
                var member = (obj as I)?.Value ?? default;
                v.VisitInt64(name, ref member);
                obj = v.IsOutput ? obj! : new I(member);
                break;
            }

            case QType.QNull:
            {
                QNull? member = QNull.Instance;
                v.VisitNull(name, ref member);
                obj = v.IsOutput ? obj! : new N();
                break;
            }

            default:
                throw QapiException.InvalidParameterType(name ?? "null", "UserDefAlternate");
        }

        v.EndAlternate();
    }

    /// <summary>Branch <c>udfu</c>: a <c>UserDefFlatUnion</c>.</summary>
    [QapiName("udfu")]
    public sealed partial record Udfu(UserDefFlatUnion Value) : UserDefAlternate;

    /// <summary>Branch <c>e</c>: an <c>EnumOne</c>.</summary>
    [QapiName("e")]
    public sealed partial record E(EnumOne Value) : UserDefAlternate;

    /// <summary>Branch <c>i</c>: an <c>int</c>.</summary>
    [QapiName("i")]
    public sealed partial record I(long Value) : UserDefAlternate;

    /// <summary>Branch <c>n</c>: JSON null.</summary>
    [QapiName("n")]
    public sealed partial record N() : UserDefAlternate;
}

/// <summary>The QAPI struct <c>WrapAlternate</c>.</summary>
[QapiName("WrapAlternate")]
public sealed partial record WrapAlternate : IQapiStruct<WrapAlternate>
{
    /// <summary>The member <c>alt</c>.</summary>
    [QapiName("alt")]
    public required UserDefAlternate Alt { get; set; }

    static void IQapiType<WrapAlternate>.Visit(Visitor v, string? name, [NotNull] ref WrapAlternate? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new WrapAlternate { Alt = default! },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<WrapAlternate>.VisitMembers(Visitor v, WrapAlternate obj)
    {
        var member0 = obj.Alt;
        v.Visit("alt", ref member0);
        obj.Alt = member0;
    }
}

/// <summary>The QAPI alternate <c>AltEnumBool</c>.</summary>
[QapiName("AltEnumBool")]
public abstract partial record AltEnumBool : IQapiType<AltEnumBool>
{
    private AltEnumBool()
    {
    }

    /// <summary>Branch <c>e</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltEnumBool(EnumOne value) => new E(value);

    /// <summary>Branch <c>b</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltEnumBool(bool value) => new B(value);

    static void IQapiType<AltEnumBool>.Visit(Visitor v, string? name, [NotNull] ref AltEnumBool? obj)
    {
        var current = obj switch
        {
            E => QType.QString,
            B => QType.QBool,
            _ => QType.None,
        };
        switch (v.StartAlternate(name, current))
        {
            case QType.QString:
            {
                var member = (obj as E)?.Value ?? default;
                v.VisitEnum(name, ref member);
                obj = v.IsOutput ? obj! : new E(member);
                break;
            }

            case QType.QBool:
            {
                var member = (obj as B)?.Value ?? default;
                v.VisitBool(name, ref member);
                obj = v.IsOutput ? obj! : new B(member);
                break;
            }

            default:
                throw QapiException.InvalidParameterType(name ?? "null", "AltEnumBool");
        }

        v.EndAlternate();
    }

    /// <summary>Branch <c>e</c>: an <c>EnumOne</c>.</summary>
    [QapiName("e")]
    public sealed partial record E(EnumOne Value) : AltEnumBool;

    /// <summary>Branch <c>b</c>: a <c>bool</c>.</summary>
    [QapiName("b")]
    public sealed partial record B(bool Value) : AltEnumBool;
}

/// <summary>The QAPI alternate <c>AltEnumNum</c>.</summary>
[QapiName("AltEnumNum")]
public abstract partial record AltEnumNum : IQapiType<AltEnumNum>
{
    private AltEnumNum()
    {
    }

    /// <summary>Branch <c>e</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltEnumNum(EnumOne value) => new E(value);

    /// <summary>Branch <c>n</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltEnumNum(double value) => new N(value);

    static void IQapiType<AltEnumNum>.Visit(Visitor v, string? name, [NotNull] ref AltEnumNum? obj)
    {
        var current = obj switch
        {
            E => QType.QString,
            N => QType.QNum,
            _ => QType.None,
        };
        switch (v.StartAlternate(name, current))
        {
            case QType.QString:
            {
                var member = (obj as E)?.Value ?? default;
                v.VisitEnum(name, ref member);
                obj = v.IsOutput ? obj! : new E(member);
                break;
            }

            case QType.QNum:
            {
                var member = (obj as N)?.Value ?? default;
                v.VisitNumber(name, ref member);
                obj = v.IsOutput ? obj! : new N(member);
                break;
            }

            default:
                throw QapiException.InvalidParameterType(name ?? "null", "AltEnumNum");
        }

        v.EndAlternate();
    }

    /// <summary>Branch <c>e</c>: an <c>EnumOne</c>.</summary>
    [QapiName("e")]
    public sealed partial record E(EnumOne Value) : AltEnumNum;

    /// <summary>Branch <c>n</c>: a <c>number</c>.</summary>
    [QapiName("n")]
    public sealed partial record N(double Value) : AltEnumNum;
}

/// <summary>The QAPI alternate <c>AltNumEnum</c>.</summary>
[QapiName("AltNumEnum")]
public abstract partial record AltNumEnum : IQapiType<AltNumEnum>
{
    private AltNumEnum()
    {
    }

    /// <summary>Branch <c>n</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltNumEnum(double value) => new N(value);

    /// <summary>Branch <c>e</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltNumEnum(EnumOne value) => new E(value);

    static void IQapiType<AltNumEnum>.Visit(Visitor v, string? name, [NotNull] ref AltNumEnum? obj)
    {
        var current = obj switch
        {
            N => QType.QNum,
            E => QType.QString,
            _ => QType.None,
        };
        switch (v.StartAlternate(name, current))
        {
            case QType.QNum:
            {
                var member = (obj as N)?.Value ?? default;
                v.VisitNumber(name, ref member);
                obj = v.IsOutput ? obj! : new N(member);
                break;
            }

            case QType.QString:
            {
                var member = (obj as E)?.Value ?? default;
                v.VisitEnum(name, ref member);
                obj = v.IsOutput ? obj! : new E(member);
                break;
            }

            default:
                throw QapiException.InvalidParameterType(name ?? "null", "AltNumEnum");
        }

        v.EndAlternate();
    }

    /// <summary>Branch <c>n</c>: a <c>number</c>.</summary>
    [QapiName("n")]
    public sealed partial record N(double Value) : AltNumEnum;

    /// <summary>Branch <c>e</c>: an <c>EnumOne</c>.</summary>
    [QapiName("e")]
    public sealed partial record E(EnumOne Value) : AltNumEnum;
}

/// <summary>The QAPI alternate <c>AltEnumInt</c>.</summary>
[QapiName("AltEnumInt")]
public abstract partial record AltEnumInt : IQapiType<AltEnumInt>
{
    private AltEnumInt()
    {
    }

    /// <summary>Branch <c>e</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltEnumInt(EnumOne value) => new E(value);

    /// <summary>Branch <c>i</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltEnumInt(long value) => new I(value);

    static void IQapiType<AltEnumInt>.Visit(Visitor v, string? name, [NotNull] ref AltEnumInt? obj)
    {
        var current = obj switch
        {
            E => QType.QString,
            I => QType.QNum,
            _ => QType.None,
        };
        switch (v.StartAlternate(name, current))
        {
            case QType.QString:
            {
                var member = (obj as E)?.Value ?? default;
                v.VisitEnum(name, ref member);
                obj = v.IsOutput ? obj! : new E(member);
                break;
            }

            case QType.QNum:
            {
                var member = (obj as I)?.Value ?? default;
                v.VisitInt64(name, ref member);
                obj = v.IsOutput ? obj! : new I(member);
                break;
            }

            default:
                throw QapiException.InvalidParameterType(name ?? "null", "AltEnumInt");
        }

        v.EndAlternate();
    }

    /// <summary>Branch <c>e</c>: an <c>EnumOne</c>.</summary>
    [QapiName("e")]
    public sealed partial record E(EnumOne Value) : AltEnumInt;

    /// <summary>Branch <c>i</c>: an <c>int</c>.</summary>
    [QapiName("i")]
    public sealed partial record I(long Value) : AltEnumInt;
}

/// <summary>The QAPI alternate <c>AltListInt</c>.</summary>
[QapiName("AltListInt")]
public abstract partial record AltListInt : IQapiType<AltListInt>
{
    private AltListInt()
    {
    }

    /// <summary>Branch <c>l</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltListInt(QapiList<long> value) => new L(value);

    /// <summary>Branch <c>i</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltListInt(long value) => new I(value);

    static void IQapiType<AltListInt>.Visit(Visitor v, string? name, [NotNull] ref AltListInt? obj)
    {
        var current = obj switch
        {
            L => QType.QList,
            I => QType.QNum,
            _ => QType.None,
        };
        switch (v.StartAlternate(name, current))
        {
            case QType.QList:
            {
                var member = (obj as L)?.Value;
                v.VisitInt64List(name, ref member);
                obj = v.IsOutput ? obj! : new L(member);
                break;
            }

            case QType.QNum:
            {
                var member = (obj as I)?.Value ?? default;
                v.VisitInt64(name, ref member);
                obj = v.IsOutput ? obj! : new I(member);
                break;
            }

            default:
                throw QapiException.InvalidParameterType(name ?? "null", "AltListInt");
        }

        v.EndAlternate();
    }

    /// <summary>Branch <c>l</c>: an <c>['int']</c>.</summary>
    [QapiName("l")]
    public sealed partial record L(QapiList<long> Value) : AltListInt;

    /// <summary>Branch <c>i</c>: an <c>int</c>.</summary>
    [QapiName("i")]
    public sealed partial record I(long Value) : AltListInt;
}

/// <summary>The QAPI alternate <c>AltStrObj</c>.</summary>
[QapiName("AltStrObj")]
public abstract partial record AltStrObj : IQapiType<AltStrObj>
{
    private AltStrObj()
    {
    }

    /// <summary>Branch <c>s</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltStrObj(string value) => new S(value);

    /// <summary>Branch <c>o</c> as <paramref name="value"/>.</summary>
    public static implicit operator AltStrObj(TestStruct value) => new O(value);

    static void IQapiType<AltStrObj>.Visit(Visitor v, string? name, [NotNull] ref AltStrObj? obj)
    {
        var current = obj switch
        {
            S => QType.QString,
            O => QType.QDict,
            _ => QType.None,
        };
        switch (v.StartAlternate(name, current))
        {
            case QType.QString:
            {
                var member = (obj as S)?.Value;
                v.VisitString(name, ref member);
                obj = v.IsOutput ? obj! : new S(member);
                break;
            }

            case QType.QDict:
            {
                var member = (obj as O)?.Value;
                v.Visit(name, ref member);
                obj = v.IsOutput ? obj! : new O(member);
                break;
            }

            default:
                throw QapiException.InvalidParameterType(name ?? "null", "AltStrObj");
        }

        v.EndAlternate();
    }

    /// <summary>Branch <c>s</c>: a <c>str</c>.</summary>
    [QapiName("s")]
    public sealed partial record S(string Value) : AltStrObj;

    /// <summary>Branch <c>o</c>: a <c>TestStruct</c>.</summary>
    [QapiName("o")]
    public sealed partial record O(TestStruct Value) : AltStrObj;
}
