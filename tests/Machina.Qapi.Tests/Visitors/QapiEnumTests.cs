using Machina.QObjects;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors;

public class QapiEnumTests
{
    private enum NotQapi
    {
        A,
        B,
    }

    private enum Gappy
    {
        [QapiName("a")]
        A = 0,
        [QapiName("b")]
        B = 2,
    }

    [Fact]
    public void Names_round_trip()
    {
        Assert.Equal(["value1", "value2", "value3", "value4"], QapiEnum.GetNames<EnumOne>());
        Assert.Equal("__org.qemu_x-value", OrgQemuXEnum.OrgQemuXValue.ToQapiName());
        Assert.True(QapiEnum.TryParse<Status>("ugly", out var status));
        Assert.Equal(Status.Ugly, status);
        Assert.False(QapiEnum.TryParse<Status>("Ugly", out _));
        Assert.Empty(QapiEnum.GetNames<MyEnum>());
    }

    [Fact]
    public void Parse_fails_with_QEMUs_qapi_enum_parse_message()
    {
        VisitorAssert.Fails("invalid parameter value: nope", () => QapiEnum.Parse<EnumOne>("nope"));
        Assert.Equal(QEnumTwo.Value2, QapiEnum.Parse<QEnumTwo>("value2"));
    }

    [Fact]
    public void Special_features_come_from_the_attribute()
    {
        Assert.Equal(QapiSpecialFeatures.Deprecated, QapiEnum.GetSpecialFeatures(FeatureEnum1.Drei));
        Assert.Equal(QapiSpecialFeatures.None, QapiEnum.GetSpecialFeatures(FeatureEnum1.Eins));
        Assert.Equal(QapiSpecialFeatures.None, QapiEnum.GetSpecialFeatures(EnumOne.Value1));
    }

    [Fact]
    public void QType_is_the_built_in_QAPI_enum()
    {
        Assert.Equal(["none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool"], QapiEnum.GetNames<QType>());
        var t = QType.None;
        new QObjectInputVisitor("qdict").VisitEnum(null, ref t);
        Assert.Equal(QType.QDict, t);
    }

    [Fact]
    public void Value_outside_the_schema_has_no_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((EnumOne)4).ToQapiName());
    }

    [Fact]
    public void Enums_without_wire_names_are_refused_clearly()
    {
        var e = Assert.Throws<InvalidOperationException>(() => QapiEnum.GetNames<NotQapi>());
        Assert.Contains("has no [QapiName]", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidOperationException>(() => QapiEnum.GetNames<Gappy>());
        Assert.Contains("values must be 0 to 1", e.Message, StringComparison.Ordinal);

        // Every use reports it, not only the first.
        Assert.Throws<InvalidOperationException>(() => QapiEnum.GetNames<Gappy>());
    }

    [Fact]
    public void Features_attribute_knows_the_special_ones()
    {
        Assert.Equal(
            QapiSpecialFeatures.Deprecated | QapiSpecialFeatures.Unstable,
            new QapiFeaturesAttribute("feature1", "unstable", "deprecated").SpecialFeatures);
        Assert.Equal(QapiSpecialFeatures.None, new QapiFeaturesAttribute("feature1").SpecialFeatures);
    }
}
