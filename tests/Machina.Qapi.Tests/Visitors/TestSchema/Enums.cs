// The enums of QEMU's tests/qapi-schema/qapi-schema-test.json, written exactly as the C# code
// generator must emit them (docs/codegen-shape.md).

using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors.TestSchema;

/// <summary>The QAPI enum <c>EnumOne</c>.</summary>
[QapiName("EnumOne")]
public enum EnumOne
{
    /// <summary>The value <c>value1</c>.</summary>
    [QapiName("value1")]
    Value1,

    /// <summary>The value <c>value2</c>.</summary>
    [QapiName("value2")]
    Value2,

    /// <summary>The value <c>value3</c>.</summary>
    [QapiName("value3")]
    Value3,

    /// <summary>The value <c>value4</c>.</summary>
    [QapiName("value4")]
    Value4,
}

/// <summary>The QAPI enum <c>QEnumTwo</c>.</summary>
[QapiName("QEnumTwo")]
public enum QEnumTwo
{
    /// <summary>The value <c>value1</c>.</summary>
    [QapiName("value1")]
    Value1,

    /// <summary>The value <c>value2</c>.</summary>
    [QapiName("value2")]
    Value2,
}

/// <summary>The QAPI enum <c>MyEnum</c>.</summary>
[QapiName("MyEnum")]
public enum MyEnum
{
}

/// <summary>The QAPI enum <c>Status</c>.</summary>
[QapiName("Status")]
public enum Status
{
    /// <summary>The value <c>good</c>.</summary>
    [QapiName("good")]
    Good,

    /// <summary>The value <c>bad</c>.</summary>
    [QapiName("bad")]
    Bad,

    /// <summary>The value <c>ugly</c>.</summary>
    [QapiName("ugly")]
    Ugly,
}

/// <summary>The QAPI enum <c>FeatureEnum1</c>.</summary>
[QapiName("FeatureEnum1")]
[QapiFeatures("feature1")]
public enum FeatureEnum1
{
    /// <summary>The value <c>eins</c>.</summary>
    [QapiName("eins")]
    Eins,

    /// <summary>The value <c>zwei</c>.</summary>
    [QapiName("zwei")]
    Zwei,

    /// <summary>The value <c>drei</c>.</summary>
    [QapiName("drei")]
    [QapiFeatures("deprecated")]
    Drei,
}

/// <summary>The QAPI enum <c>__org.qemu_x-Enum</c>.</summary>
[QapiName("__org.qemu_x-Enum")]
public enum OrgQemuXEnum
{
    /// <summary>The value <c>__org.qemu_x-value</c>.</summary>
    [QapiName("__org.qemu_x-value")]
    OrgQemuXValue,
}
