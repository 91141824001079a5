using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>
/// The visit backend (QEMU's <c>visit.py</c>): one <c>qapi-visit*.cs</c> file per module that
/// completes each struct, union and alternate record with its visit functions, QEMU's
/// <c>visit_type_FOO</c> and <c>visit_type_FOO_members</c> statement for statement.
/// </summary>
internal sealed class VisitBackend : CSharpBackend
{
    public VisitBackend(CSharpSchemaModel model)
        : base(model, "qapi-visit")
    {
    }

    private string Visitor => Model.Runtime("Visitor");

    private string VisitorKind => Model.Runtime("VisitorKind");

    private string NotNull => Model.Runtime("NotNull");

    public override void VisitObjectType(QapiObjectType type)
    {
        if (!Model.IsEmitted(type))
        {
            return;
        }

        File.Using("System.Diagnostics.CodeAnalysis");
        File.Using("Machina.Qapi.Visitors");
        W.Separate();
        W.If(type.IfCond);
        if (type.Variants is null)
        {
            WriteStruct(type);
        }
        else
        {
            File.Using("System.Diagnostics");
            WriteUnion(type);
        }

        W.EndIf(type.IfCond);
    }

    private void WriteStruct(QapiObjectType type)
    {
        var name = Model.TypeName(type);
        var modifiers = Model.IsBaseStruct(type) ? "public partial record " : "public sealed partial record ";
        W.Open($"{modifiers}{name} : {Model.Runtime("IQapiStruct")}<{name}>");

        W.Open($"static void {Model.Runtime("IQapiType")}<{name}>.Visit({Visitor} v, string? name, [{NotNull}] ref {name}? obj)");
        W.Line("v.StartStruct(name);");
        W.Line("obj = v.Kind switch");
        W.Line("{");
        W.Indent();
        var required = type.Members.Where(m => !m.Optional)
            .Select(m => ($"{Model.StructProperty(type, m)} = {Model.Ref(m.Type).DefaultValue}", m.IfCond))
            .ToList();
        Initializer($"{VisitorKind}.Input => new {name}", required, ",");
        W.Line($"{VisitorKind}.Clone => obj! with {{ }},");
        W.Line("_ => obj!,");
        W.Outdent();
        W.Line("};");
        W.Line("v.VisitMembers(obj);");
        if (Model.Options.TolerantInput)
        {
            W.Line("v.VisitUnknownMembers(obj);");
        }

        W.Line("v.CheckStruct();");
        W.Line("v.EndStruct();");
        W.Close();

        W.Line();
        W.Open($"static void {Model.Runtime("IQapiStruct")}<{name}>.VisitMembers({Visitor} v, {name} obj)");
        if (type.Base is { } baseType)
        {
            W.Line($"v.VisitMembers<{Model.TypeName(baseType)}>(obj);");
        }

        var index = 0;
        foreach (var member in type.LocalMembers)
        {
            W.Separate();
            var property = Model.Property(type, member);
            Member(member, "member" + index++, $"obj.{property}", $"obj.{property}");
        }

        W.Close();
        W.Close();
    }

    /// <summary>
    /// One member: load into <paramref name="local"/>, visit (inside its optional test and policy
    /// checks), store back to <paramref name="store"/> unless null.
    /// </summary>
    private void Member(QapiObjectTypeMember member, string local, string load, string? store)
    {
        var type = Model.Ref(member.Type);
        var wire = CSharpNames.StringLiteral(member.Name);
        W.If(member.IfCond);
        W.Line($"var {local} = {load};");
        var endedInBlock = false;
        if (member.Optional)
        {
            var present = type.IsValueType ? $"{local}.HasValue" : $"{local} is not null";
            W.Open($"if (v.VisitOptional({wire}, {present}))");
            if (type.IsValueType)
            {
                W.Line($"var value = {local}.GetValueOrDefault();");
                if (PolicyAndVisit(member, type, wire, "value"))
                {
                    W.Line();
                }

                W.Line($"{local} = value;");
            }
            else
            {
                PolicyAndVisit(member, type, wire, local);
            }

            W.Close();
            endedInBlock = true;
        }
        else
        {
            endedInBlock = PolicyAndVisit(member, type, wire, local);
        }

        if (store is not null)
        {
            if (endedInBlock)
            {
                W.Line();
            }

            W.Line($"{store} = {local};");
        }

        W.EndIf(member.IfCond);
    }

    /// <returns>Whether the code written ends with a closing brace.</returns>
    private bool PolicyAndVisit(QapiObjectTypeMember member, CSharpTypeRef type, string wire, string variable)
    {
        if (SpecialFeatures(member.Features) is { } mask)
        {
            W.Line($"v.CheckPolicy({wire}, {mask});");
            W.Open($"if (!v.SkipByPolicy({wire}, {mask}))");
            W.Line($"v.{type.Visit}({wire}, ref {variable});");
            W.Close();
            return true;
        }

        W.Line($"v.{type.Visit}({wire}, ref {variable});");
        return false;
    }

    private void WriteUnion(QapiObjectType union)
    {
        var name = Model.TypeName(union);
        var variants = union.Variants!;
        var tag = variants.TagMember;
        var tagType = Model.Ref(tag.Type);
        var scopeNames = new HashSet<string>(union.Members.Select(m => Model.Property(union, m)), StringComparer.Ordinal);
        scopeNames.UnionWith(variants.Variants.Select(Model.BranchRecord));
        if (Model.Options.TolerantInput)
        {
            scopeNames.Add(Model.UnknownRecord(union));
        }

        var tagTypeInExpression = scopeNames.Contains(tagType.Name) ? $"global::{Model.Options.Namespace}.{tagType.Name}" : tagType.Name;

        W.Open($"public abstract partial record {name} : {Model.Runtime("IQapiType")}<{name}>");
        W.Open($"static void {Model.Runtime("IQapiType")}<{name}>.Visit({Visitor} v, string? name, [{NotNull}] ref {name}? obj)");
        W.Line("v.StartStruct(name);");
        W.Open("if (v.IsInput)");
        W.Line("obj = null;");
        W.Close();

        // The base members, discriminator included, read before the branch is known.
        var index = 0;
        string? tagLocal = null;
        var locals = new List<(QapiObjectTypeMember Member, string Local)>();
        foreach (var member in union.Members)
        {
            W.Separate();
            var local = "member" + index++;
            var type = Model.Ref(member.Type);
            var property = Model.Property(union, member);
            var load = type.IsValueType && !member.Optional ? $"obj?.{property} ?? default" : $"obj?.{property}";
            Member(member, local, load, store: null);
            if (member == tag)
            {
                tagLocal = local;
            }
            else
            {
                locals.Add((member, local));
            }
        }

        W.Separate();
        W.Line("obj = v.Kind switch");
        W.Line("{");
        W.Indent();
        W.Line($"{VisitorKind}.Input => {tagLocal} switch");
        W.Line("{");
        W.Indent();
        var enumType = (QapiEnumType)tag.Type;
        foreach (var variant in variants.Variants)
        {
            var branchType = (QapiObjectType)variant.Type;
            var record = Model.BranchRecord(variant);
            var value = enumType.Members.First(m => m.Name == variant.Name);
            var required = union.Members.Where(m => m != tag && !m.Optional)
                .Select(m => ($"{Model.Property(union, m)} = {Model.Ref(m.Type).DefaultValue}", m.IfCond))
                .Concat(branchType.Members.Where(m => !m.Optional)
                    .Select(m => ($"{Model.BranchProperty(variant, m)} = {Model.Ref(m.Type).DefaultValue}", m.IfCond)))
                .ToList();
            W.If(variant.IfCond);
            Initializer($"{tagTypeInExpression}.{Model.EnumMember(value)} => new {record}", required, ",");
            W.EndIf(variant.IfCond);
        }

        if (Model.Options.TolerantInput)
        {
            var required = union.Members.Where(m => m != tag && !m.Optional)
                .Select(m => ($"{Model.Property(union, m)} = {Model.Ref(m.Type).DefaultValue}", m.IfCond))
                .ToList();
            Initializer($"_ => new {Model.UnknownRecord(union)}({tagLocal})", required, ",");
        }
        else
        {
            W.Line($"_ => throw new {Model.Runtime("UnreachableException")}(),");
        }

        W.Outdent();
        W.Line("},");
        W.Line($"{VisitorKind}.Clone => obj! with {{ }},");
        W.Line("_ => obj!,");
        W.Outdent();
        W.Line("};");
        foreach (var (member, local) in locals)
        {
            W.If(member.IfCond);
            W.Line($"obj.{Model.Property(union, member)} = {local};");
            W.EndIf(member.IfCond);
        }

        W.Line();
        W.Open("switch (obj)");
        foreach (var variant in variants.Variants)
        {
            var branchType = (QapiObjectType)variant.Type;
            var record = Model.BranchRecord(variant);
            W.Separate();
            W.If(variant.IfCond);
            if (branchType.Members.Count == 0)
            {
                W.Line($"case {record}:");
                W.Indent();
                W.Line("break;");
                W.Outdent();
            }
            else
            {
                W.Line($"case {record} branch:");
                W.Open();
                var branchIndex = index;
                foreach (var member in branchType.Members)
                {
                    W.Separate();
                    var property = Model.BranchProperty(variant, member);
                    Member(member, "member" + branchIndex++, $"branch.{property}", $"branch.{property}");
                }

                W.Line("break;");
                W.Close();
            }

            W.EndIf(variant.IfCond);
        }

        W.Close();
        W.Line();
        if (Model.Options.TolerantInput)
        {
            W.Line("v.VisitUnknownMembers(obj);");
        }

        W.Line("v.CheckStruct();");
        W.Line("v.EndStruct();");
        W.Close();
        W.Close();
    }

    public override void VisitAlternateType(QapiAlternateType type)
    {
        if (!Model.IsEmitted(type))
        {
            return;
        }

        File.Using("System.Diagnostics.CodeAnalysis");
        File.Using("Machina.QObjects");
        File.Using("Machina.Qapi");
        File.Using("Machina.Qapi.Visitors");
        var name = Model.TypeName(type);
        var records = new HashSet<string>(type.Variants.Variants.Select(Model.BranchRecord), StringComparer.Ordinal);
        var qtype = Model.Runtime("QType");
        W.Separate();
        W.If(type.IfCond);
        W.Open($"public abstract partial record {name} : {Model.Runtime("IQapiType")}<{name}>");
        W.Open($"static void {Model.Runtime("IQapiType")}<{name}>.Visit({Visitor} v, string? name, [{NotNull}] ref {name}? obj)");
        W.Line("var current = obj switch");
        W.Line("{");
        W.Indent();
        foreach (var variant in type.Variants.Variants)
        {
            W.If(variant.IfCond);
            W.Line($"{Model.BranchRecord(variant)} => {qtype}.{Model.Ref(variant.Type).QType},");
            W.EndIf(variant.IfCond);
        }

        W.Line($"_ => {qtype}.None,");
        W.Outdent();
        W.Line("};");
        W.Open($"switch (v.StartAlternate(name, current))");
        foreach (var variant in type.Variants.Variants)
        {
            var branch = Model.Ref(variant.Type) with { Name = Model.TypeIn(variant.Type, records) };
            var record = Model.BranchRecord(variant);
            W.Separate();
            W.If(variant.IfCond);
            W.Line($"case {qtype}.{branch.QType}:");
            W.Open();
            if (variant.Type.Name == "null")
            {
                W.Line($"{branch.Nullable} member = {Model.Runtime("QNull")}.Instance;");
                W.Line($"v.{branch.Visit}(name, ref member);");
                W.Line($"obj = v.IsOutput ? obj! : new {record}();");
            }
            else
            {
                var load = branch.IsValueType ? $"(obj as {record})?.Value ?? default" : $"(obj as {record})?.Value";
                W.Line($"var member = {load};");
                W.Line($"v.{branch.Visit}(name, ref member);");
                W.Line($"obj = v.IsOutput ? obj! : new {record}(member);");
            }

            W.Line("break;");
            W.Close();
            W.EndIf(variant.IfCond);
        }

        W.Line();
        W.Line("default:");
        W.Indent();
        W.Line($"throw {Model.Runtime("QapiException")}.InvalidParameterType(name ?? \"null\", {CSharpNames.StringLiteral(type.Name)});");
        W.Outdent();
        W.Close();
        W.Line();
        W.Line("v.EndAlternate();");
        W.Close();
        W.Close();
        W.EndIf(type.IfCond);
    }
}
