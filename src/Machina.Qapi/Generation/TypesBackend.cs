using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>
/// The types backend (QEMU's <c>types.py</c>): one <c>qapi-types*.cs</c> file per module with the
/// schema's enums, structs (records whose optional members are nullable), unions (an abstract
/// record with one nested record per branch) and alternates (one nested record per branch).
/// </summary>
internal sealed class TypesBackend : CSharpBackend
{
    public TypesBackend(CSharpSchemaModel model)
        : base(model, "qapi-types")
    {
    }

    public override void VisitEnumType(QapiEnumType type)
    {
        if (!Model.IsEmitted(type))
        {
            return;
        }

        File.Using("Machina.Qapi.Visitors");
        W.Separate();
        W.If(type.IfCond);
        CSharpDocs.Write(W, type.Doc?.Body.Text, $"The QAPI enum <c>{CSharpDocs.Xml(type.Name)}</c>.", type.Doc?.Sections);
        QapiName(type.Name);
        Features(type.Features);
        W.Open("public enum " + Model.TypeName(type));
        foreach (var member in type.Members)
        {
            W.Separate();
            W.If(member.IfCond);
            CSharpDocs.Write(W, Model.MemberDoc(member)?.Text, $"The value <c>{CSharpDocs.Xml(member.Name)}</c>.");
            QapiName(member.Name);
            Features(member.Features);
            W.Line(Model.EnumMember(member) + ",");
            W.EndIf(member.IfCond);
        }

        W.Close();
        W.EndIf(type.IfCond);
    }

    public override void VisitObjectType(QapiObjectType type)
    {
        if (!Model.IsEmitted(type))
        {
            return;
        }

        File.Using("Machina.Qapi.Visitors");
        W.Separate();
        W.If(type.IfCond);
        if (type.Variants is null)
        {
            WriteStruct(type);
        }
        else
        {
            WriteUnion(type);
        }

        W.EndIf(type.IfCond);
    }

    private void WriteStruct(QapiObjectType type)
    {
        var name = Model.TypeName(type);
        var fallback = Model.ImplicitOwner(type) switch
        {
            QapiCommand command => $"The arguments of command <c>{CSharpDocs.Xml(command.Name)}</c>.",
            QapiEvent @event => $"The data of event <c>{CSharpDocs.Xml(@event.Name)}</c>.",
            _ => $"The QAPI struct <c>{CSharpDocs.Xml(type.Name)}</c>.",
        };
        var doc = Model.ImplicitOwner(type) is null ? type.Doc : null;
        CSharpDocs.Write(W, doc?.Body.Text, fallback, doc?.Sections);
        QapiName(type.Name);
        Features(type.Features);
        var modifiers = Model.IsBaseStruct(type) ? "public partial record " : "public sealed partial record ";
        var keepsUnknown = Model.Options.TolerantInput && type.Base is null;
        var baseList = type.Base is { } baseType
            ? " : " + Model.TypeName(baseType)
            : keepsUnknown ? " : " + Model.Runtime("IQapiUnknownMembers") : string.Empty;
        W.Open(modifiers + name + baseList);
        foreach (var member in type.LocalMembers)
        {
            W.Separate();
            Property(member, Model.Property(type, member));
        }

        if (keepsUnknown)
        {
            UnknownMembers();
        }

        W.Close();
    }

    /// <summary>
    /// The place for members the schema does not define (tolerant decoding): a field, so it takes
    /// part in the record's equality, behind an explicit interface property, so it cannot clash
    /// with a schema member's name.
    /// </summary>
    private void UnknownMembers()
    {
        File.Using("Machina.QObjects");
        W.Separate();
        W.Line($"private {Model.Runtime("QDict")}? _unknownMembers;");
        W.Line();
        W.Line("/// <inheritdoc/>");
        W.Line($"{Model.Runtime("QDict")}? {Model.Runtime("IQapiUnknownMembers")}.UnknownMembers {{ get => _unknownMembers; set => _unknownMembers = value; }}");
    }

    /// <summary>Writes the property for <paramref name="member"/>, with its documentation and attributes.</summary>
    private void Property(QapiObjectTypeMember member, string name, ISet<string>? shadowing = null)
    {
        var type = Model.Ref(member.Type);
        var typeName = Model.TypeIn(member.Type, shadowing);
        if (type.Name.Contains("QObject") || type.Name.Contains("QNull"))
        {
            File.Using("Machina.QObjects");
        }

        W.If(member.IfCond);
        var fallback = member.Optional
            ? $"The optional member <c>{CSharpDocs.Xml(member.Name)}</c>."
            : $"The member <c>{CSharpDocs.Xml(member.Name)}</c>.";
        CSharpDocs.Write(W, Model.MemberDoc(member)?.Text, fallback);
        QapiName(member.Name);
        Features(member.Features);
        W.Line(member.Optional
            ? $"public {typeName}? {name} {{ get; set; }}"
            : $"public required {typeName} {name} {{ get; set; }}");
        W.EndIf(member.IfCond);
    }

    private void WriteUnion(QapiObjectType union)
    {
        var name = Model.TypeName(union);
        var variants = union.Variants!;
        var tag = variants.TagMember;
        var tagType = Model.Ref(tag.Type);
        var scopeNames = new HashSet<string>(union.Members.Select(m => Model.Property(union, m)), StringComparer.Ordinal);
        scopeNames.UnionWith(variants.Variants.Select(Model.BranchRecord));
        var tagTypeInExpression = scopeNames.Contains(tagType.Name) ? $"global::{Model.Options.Namespace}.{tagType.Name}" : tagType.Name;
        var records = new HashSet<string>(variants.Variants.Select(Model.BranchRecord), StringComparer.Ordinal);
        if (Model.Options.TolerantInput)
        {
            records.Add(Model.UnknownRecord(union));
            scopeNames.Add(Model.UnknownRecord(union));
            tagTypeInExpression = scopeNames.Contains(tagType.Name) ? $"global::{Model.Options.Namespace}.{tagType.Name}" : tagType.Name;
        }

        var tagTypeName = Model.TypeIn(tag.Type, records);

        CSharpDocs.Write(W, union.Doc?.Body.Text, $"The QAPI union <c>{CSharpDocs.Xml(union.Name)}</c>.", union.Doc?.Sections);
        QapiName(union.Name);
        Features(union.Features);
        W.Open("public abstract partial record " + name + (Model.Options.TolerantInput ? " : " + Model.Runtime("IQapiUnknownMembers") : string.Empty));
        W.Open($"private {name}()");
        W.Close();
        foreach (var member in union.Members)
        {
            W.Separate();
            var property = Model.Property(union, member);
            if (member == tag)
            {
                var doc = Model.MemberDoc(member)?.Text;
                CSharpDocs.Write(W, doc, $"The discriminator <c>{CSharpDocs.Xml(member.Name)}</c>: which branch this is.");
                QapiName(member.Name);
                Features(member.Features);
                W.Line($"public abstract {tagTypeName} {property} {{ get; }}");
            }
            else
            {
                Property(member, property, records);
            }
        }

        foreach (var variant in variants.Variants)
        {
            var branchType = (QapiObjectType)variant.Type;
            var record = Model.BranchRecord(variant);
            var enumValue = ((QapiEnumType)tag.Type).Members.First(m => m.Name == variant.Name);
            W.Separate();
            W.If(variant.IfCond);
            var fallback = branchType.Name == "q_empty"
                ? $"The branch for <c>{CSharpDocs.Xml(tag.Name)}</c> <c>{CSharpDocs.Xml(variant.Name)}</c>: no further members."
                : $"The branch for <c>{CSharpDocs.Xml(tag.Name)}</c> <c>{CSharpDocs.Xml(variant.Name)}</c>: the members of <c>{CSharpDocs.Xml(branchType.Name)}</c>.";
            CSharpDocs.Write(W, Model.MemberDoc(variant)?.Text, fallback);
            QapiName(variant.Name);
            W.Open($"public sealed partial record {record} : {name}");
            W.Line("/// <inheritdoc/>");
            W.Line($"public override {tagTypeName} {Model.Property(union, tag)} => {tagTypeInExpression}.{Model.EnumMember(enumValue)};");
            foreach (var member in branchType.Members)
            {
                W.Separate();
                Property(member, Model.BranchProperty(variant, member), records);
            }

            W.Close();
            W.EndIf(variant.IfCond);
        }

        if (Model.Options.TolerantInput)
        {
            var record = Model.UnknownRecord(union);
            var tagProperty = Model.Property(union, tag);
            W.Separate();
            W.Line($"/// <summary>");
            W.Line($"/// A branch this code does not know: a value of <c>{CSharpDocs.Xml(tag.Name)}</c> the schema does not define (from a");
            W.Line($"/// newer peer), whose members are kept among the unknown members.");
            W.Line($"/// </summary>");
            W.Open($"public sealed partial record {record} : {name}");
            W.Line("/// <summary>The branch for the unknown discriminator value <paramref name=\"tag\"/>.</summary>");
            W.Line("/// <param name=\"tag\">The discriminator as read (a negative, unknown enum value).</param>");
            W.Open($"public {record}({tagTypeName} tag)");
            W.Line($"{tagProperty} = tag;");
            W.Close();
            W.Line();
            W.Line("/// <inheritdoc/>");
            W.Line($"public override {tagTypeName} {tagProperty} {{ get; }}");
            W.Close();
            UnknownMembers();
        }

        W.Close();
    }

    public override void VisitAlternateType(QapiAlternateType type)
    {
        if (!Model.IsEmitted(type))
        {
            return;
        }

        File.Using("Machina.Qapi.Visitors");
        var name = Model.TypeName(type);
        W.Separate();
        W.If(type.IfCond);
        CSharpDocs.Write(W, type.Doc?.Body.Text, $"The QAPI alternate <c>{CSharpDocs.Xml(type.Name)}</c>.", type.Doc?.Sections);
        QapiName(type.Name);
        Features(type.Features);
        W.Open("public abstract partial record " + name);
        W.Open($"private {name}()");
        W.Close();
        var records = new HashSet<string>(type.Variants.Variants.Select(Model.BranchRecord), StringComparer.Ordinal);
        foreach (var variant in type.Variants.Variants)
        {
            var branch = Model.Ref(variant.Type) with { Name = Model.TypeIn(variant.Type, records) };
            W.Separate();
            W.If(variant.IfCond);
            if (variant.Type.Name == "null")
            {
                File.Using("Machina.QObjects");
                W.Line($"/// <summary>Branch <c>{CSharpDocs.Xml(variant.Name)}</c>.</summary>");
                W.Line($"public static implicit operator {name}({branch.Name} value) => new {Model.BranchRecord(variant)}();");
            }
            else
            {
                W.Line($"/// <summary>Branch <c>{CSharpDocs.Xml(variant.Name)}</c> as <paramref name=\"value\"/>.</summary>");
                W.Line($"public static implicit operator {name}({branch.Name} value) => new {Model.BranchRecord(variant)}(value);");
            }

            W.EndIf(variant.IfCond);
        }

        foreach (var variant in type.Variants.Variants)
        {
            var branch = Model.Ref(variant.Type) with { Name = Model.TypeIn(variant.Type, records) };
            var record = Model.BranchRecord(variant);
            W.Separate();
            W.If(variant.IfCond);
            var doc = Model.MemberDoc(variant)?.Text;
            if (variant.Type.Name == "null")
            {
                CSharpDocs.Write(W, doc, $"Branch <c>{CSharpDocs.Xml(variant.Name)}</c>: JSON null.");
                QapiName(variant.Name);
                W.Line($"public sealed partial record {record}() : {name};");
            }
            else
            {
                var spelling = SchemaSpelling(variant.Type);
                CSharpDocs.Write(W, doc, $"Branch <c>{CSharpDocs.Xml(variant.Name)}</c>: {Article(spelling)} <c>{CSharpDocs.Xml(spelling)}</c>.");
                W.Line("/// <param name=\"Value\">The branch's value.</param>");
                QapiName(variant.Name);
                W.Line($"public sealed partial record {record}({branch.Name} Value) : {name};");
            }

            W.EndIf(variant.IfCond);
        }

        W.Close();
        W.EndIf(type.IfCond);
    }
}
