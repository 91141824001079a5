using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>How generated code names and visits values of one schema type.</summary>
/// <param name="Name">The C# type (<c>long</c>, <c>UserDefOne</c>, <c>QapiList&lt;long&gt;</c>).</param>
/// <param name="IsValueType">Whether the C# type is a value type (optional members become <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="Visit">The visitor method: <c>VisitInt64</c>, <c>VisitEnum</c>, <c>Visit</c>, <c>VisitList</c>, ...</param>
/// <param name="QType">The <c>QType</c> member an alternate tells the branch by (<c>QNum</c>, <c>QDict</c>, ...).</param>
/// <param name="Schema">The schema type.</param>
internal sealed record CSharpTypeRef(string Name, bool IsValueType, string Visit, string QType, QapiType Schema)
{
    /// <summary>The nullable form, for optional members and locals that may be unset.</summary>
    public string Nullable => Name + "?";

    /// <summary>What <c>default</c> needs to be for a required member of this type in an initializer.</summary>
    public string DefaultValue => IsValueType ? "default" : "default!";
}
