using Machina.QObjects;
using Machina.Qapi;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;

namespace Machina.Options.Tests.Keyval;

/// <summary>Keyval text through the QAPI input visitor in keyval mode, step by step as QEMU's tests drive it.</summary>
public class KeyvalVisitTests
{
    [Theory]
    [MemberData(nameof(KeyvalVisitCases.Names), MemberType = typeof(KeyvalVisitCases))]
    public void Keyval_visit(string behaviour)
    {
        var c = KeyvalVisitCases.All[behaviour];
        var visitor = new QObjectInputVisitor(KeyvalParser.Parse(c.Input), keyval: true);
        foreach (var step in c.Steps)
        {
            if (step.Error is not null)
            {
                var e = Assert.Throws<QapiException>(() => Run(visitor, step));
                Assert.Equal(step.Error, e.Message);
                Assert.Equal(QapiErrorClass.GenericError, e.ErrorClass);
            }
            else
            {
                var actual = Run(visitor, step);
                if (step.Expected is QObject expectedTree)
                {
                    Assert.Equal<QObject>(expectedTree, (QObject)actual!);
                }
                else if (step.Expected is not null)
                {
                    Assert.Equal(step.Expected, actual);
                }
            }
        }
    }

    /// <summary>Every step of every case goes through <see cref="OptionArguments"/> the same way.</summary>
    [Theory]
    [MemberData(nameof(KeyvalVisitCases.Names), MemberType = typeof(KeyvalVisitCases))]
    public void Option_argument_visitor_is_the_keyval_visitor(string behaviour)
    {
        var c = KeyvalVisitCases.All[behaviour];
        var visitor = OptionArguments.CreateVisitor(c.Input, impliedKey: null);
        Assert.True(visitor.IsKeyval);
        foreach (var step in c.Steps)
        {
            if (step.Error is not null)
            {
                Assert.Equal(step.Error, Assert.Throws<QapiException>(() => Run(visitor, step)).Message);
            }
            else
            {
                Run(visitor, step);
            }
        }
    }

    private static object? Run(QObjectInputVisitor v, VisitStep step)
    {
        switch (step.Op)
        {
            case VisitOp.StartStruct:
                v.StartStruct(step.Name);
                return null;
            case VisitOp.CheckStruct:
                v.CheckStruct();
                return null;
            case VisitOp.EndStruct:
                v.EndStruct();
                return null;
            case VisitOp.StartList:
                return v.StartList(step.Name);
            case VisitOp.CheckList:
                v.CheckList();
                return null;
            case VisitOp.EndList:
                v.EndList();
                return null;
            case VisitOp.Optional:
                return v.VisitOptional(step.Name!, false);
            case VisitOp.Bool:
                var b = false;
                v.VisitBool(step.Name, ref b);
                return b;
            case VisitOp.Int64:
                long i = 0;
                v.VisitInt64(step.Name, ref i);
                return i;
            case VisitOp.UInt64:
                ulong u = 0;
                v.VisitUInt64(step.Name, ref u);
                return u;
            case VisitOp.Size:
                ulong size = 0;
                v.VisitSize(step.Name, ref size);
                return size;
            case VisitOp.Number:
                double d = 0;
                v.VisitNumber(step.Name, ref d);
                return d;
            case VisitOp.String:
                string? s = null;
                v.VisitString(step.Name, ref s);
                return s;
            case VisitOp.Any:
                QObject? any = null;
                v.VisitAny(step.Name, ref any);
                return any;
            case VisitOp.AltStrObj:
                return Visit<AltStrObj>(v, step.Name);
            case VisitOp.AltNumEnum:
                return Visit<AltNumEnum>(v, step.Name);
            case VisitOp.AltEnumBool:
                return Visit<AltEnumBool>(v, step.Name);
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Op, "unknown step");
        }
    }

    private static T Visit<T>(Visitor v, string? name)
        where T : class, IQapiType<T>
    {
        T? value = null;
        v.Visit(name, ref value);
        return value;
    }
}
