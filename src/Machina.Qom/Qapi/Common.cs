// Hand-written in exactly the shape the QAPI code generator emits (docs/codegen-shape.md), from
// QEMU 7.2's qapi/common.json; to be replaced by generated code.

using System.Diagnostics.CodeAnalysis;
using Machina.Qapi.Visitors;

namespace Machina.Qom;

/// <summary>The QAPI enum <c>HostMemPolicy</c>.</summary>
[QapiName("HostMemPolicy")]
public enum HostMemPolicy
{
    /// <summary>The value <c>default</c>.</summary>
    [QapiName("default")]
    Default,

    /// <summary>The value <c>preferred</c>.</summary>
    [QapiName("preferred")]
    Preferred,

    /// <summary>The value <c>bind</c>.</summary>
    [QapiName("bind")]
    Bind,

    /// <summary>The value <c>interleave</c>.</summary>
    [QapiName("interleave")]
    Interleave,
}
