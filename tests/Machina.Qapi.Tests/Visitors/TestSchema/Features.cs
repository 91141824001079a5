// Types with features from QEMU's tests/qapi-schema/qapi-schema-test.json, written exactly as
// the C# code generator must emit them (docs/codegen-shape.md): members with the special
// features deprecated and unstable go through the compatibility policy.

using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors.TestSchema;

/// <summary>The QAPI struct <c>FeatureStruct1</c>.</summary>
[QapiName("FeatureStruct1")]
[QapiFeatures("feature1")]
public sealed partial record FeatureStruct1 : IQapiStruct<FeatureStruct1>
{
    /// <summary>The member <c>foo</c>.</summary>
    [QapiName("foo")]
    [QapiFeatures("deprecated")]
    public required long Foo { get; set; }

    static void IQapiType<FeatureStruct1>.Visit(Visitor v, string? name, [NotNull] ref FeatureStruct1? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new FeatureStruct1 { Foo = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<FeatureStruct1>.VisitMembers(Visitor v, FeatureStruct1 obj)
    {
        var member0 = obj.Foo;
        v.CheckPolicy("foo", QapiSpecialFeatures.Deprecated);
        if (!v.SkipByPolicy("foo", QapiSpecialFeatures.Deprecated))
        {
            v.VisitInt64("foo", ref member0);
        }

        obj.Foo = member0;
    }
}

/// <summary>The QAPI struct <c>FeatureStruct2</c>.</summary>
[QapiName("FeatureStruct2")]
[QapiFeatures("feature1")]
public sealed partial record FeatureStruct2 : IQapiStruct<FeatureStruct2>
{
    /// <summary>The member <c>foo</c>.</summary>
    [QapiName("foo")]
    [QapiFeatures("unstable")]
    public required long Foo { get; set; }

    static void IQapiType<FeatureStruct2>.Visit(Visitor v, string? name, [NotNull] ref FeatureStruct2? obj)
    {
        v.StartStruct(name);
        obj = v.Kind switch
        {
            VisitorKind.Input => new FeatureStruct2 { Foo = default },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };
        v.VisitMembers(obj);
        v.CheckStruct();
        v.EndStruct();
    }

    static void IQapiStruct<FeatureStruct2>.VisitMembers(Visitor v, FeatureStruct2 obj)
    {
        var member0 = obj.Foo;
        v.CheckPolicy("foo", QapiSpecialFeatures.Unstable);
        if (!v.SkipByPolicy("foo", QapiSpecialFeatures.Unstable))
        {
            v.VisitInt64("foo", ref member0);
        }

        obj.Foo = member0;
    }
}

/// <summary>The QAPI union <c>FeatureUnion1</c>.</summary>
[QapiName("FeatureUnion1")]
[QapiFeatures("feature1")]
public abstract partial record FeatureUnion1 : IQapiType<FeatureUnion1>
{
    private FeatureUnion1()
    {
    }

    /// <summary>The discriminator <c>tag</c>: which branch this is.</summary>
    [QapiName("tag")]
    public abstract FeatureEnum1 Tag { get; }

    static void IQapiType<FeatureUnion1>.Visit(Visitor v, string? name, [NotNull] ref FeatureUnion1? obj)
    {
        v.StartStruct(name);
        if (v.IsInput)
        {
            obj = null;
        }

        var member0 = obj?.Tag ?? default;
        v.VisitEnum("tag", ref member0);

        obj = v.Kind switch
        {
            VisitorKind.Input => member0 switch
            {
                FeatureEnum1.Eins => new Eins { Foo = default },
                FeatureEnum1.Zwei => new Zwei { },
                FeatureEnum1.Drei => new Drei { },
                _ => throw new UnreachableException(),
            },
            VisitorKind.Clone => obj! with { },
            _ => obj!,
        };

        switch (obj)
        {
            case Eins branch:
            {
                var member1 = branch.Foo;
                v.CheckPolicy("foo", QapiSpecialFeatures.Deprecated);
                if (!v.SkipByPolicy("foo", QapiSpecialFeatures.Deprecated))
                {
                    v.VisitInt64("foo", ref member1);
                }

                branch.Foo = member1;
                break;
            }

            case Zwei:
                break;

            case Drei:
                break;
        }

        v.CheckStruct();
        v.EndStruct();
    }

    /// <summary>The branch for <c>tag</c> <c>eins</c>: the members of <c>FeatureStruct1</c>.</summary>
    [QapiName("eins")]
    public sealed partial record Eins : FeatureUnion1
    {
        /// <inheritdoc/>
        public override FeatureEnum1 Tag => FeatureEnum1.Eins;

        /// <summary>The member <c>foo</c>.</summary>
        [QapiName("foo")]
        [QapiFeatures("deprecated")]
        public required long Foo { get; set; }
    }

    /// <summary>The branch for <c>tag</c> <c>zwei</c>: no further members.</summary>
    [QapiName("zwei")]
    public sealed partial record Zwei : FeatureUnion1
    {
        /// <inheritdoc/>
        public override FeatureEnum1 Tag => FeatureEnum1.Zwei;
    }

    /// <summary>The branch for <c>tag</c> <c>drei</c>: no further members.</summary>
    [QapiName("drei")]
    public sealed partial record Drei : FeatureUnion1
    {
        /// <inheritdoc/>
        public override FeatureEnum1 Tag => FeatureEnum1.Drei;
    }
}
