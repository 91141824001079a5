using Machina.Qapi.Schema;

namespace Machina.Qapi.Tests;

/// <summary>The schema model as a code generator sees it.</summary>
public class SchemaModelTests
{
    private const string Text = """
        { 'enum': 'Color', 'prefix': 'COL', 'data': [ 'red', { 'name': 'green', 'if': 'HAVE_GREEN' } ] }
        { 'struct': 'Base', 'data': { 'color': 'Color' } }
        { 'struct': 'Point', 'base': 'Base', 'data': { 'x': 'int', '*y': 'int' },
          'features': [ 'fancy' ] }
        { 'union': 'Shape', 'base': { 'kind': 'Color' }, 'discriminator': 'kind',
          'data': { 'red': 'Point' } }
        { 'alternate': 'PointOrName', 'data': { 'point': 'Point', 'name': 'str' } }
        { 'command': 'draw', 'data': { 'shapes': [ 'Shape' ] }, 'returns': 'Point',
          'features': [ 'deprecated' ], 'allow-preconfig': true }
        { 'event': 'DRAWN', 'data': 'Point', 'if': { 'not': 'QUIET' } }
        { 'include': 'more.json' }
        """;

    private static QapiSchema Load() =>
        QapiSchema.Load("main.json", new MemoryFiles()
            .Add("main.json", Text)
            .Add("more.json", "{ 'struct': 'More', 'data': { 'colors': [ 'Color' ] } }\n"));

    [Fact]
    public void Lookup_finds_definitions_by_name_and_kind()
    {
        var schema = Load();
        Assert.IsType<QapiEnumType>(schema.LookupEntity("Color"));
        Assert.NotNull(schema.Lookup<QapiObjectType>("Point"));
        Assert.Null(schema.Lookup<QapiEnumType>("Point"));
        Assert.Null(schema.LookupEntity("Nothing"));
        Assert.IsType<QapiBuiltinType>(schema.LookupType("int"));
        Assert.IsType<QapiArrayType>(schema.LookupType("intList"));
        Assert.NotNull(schema.LookupModule("more.json"));
    }

    [Fact]
    public void Objects_resolve_base_members_variants_and_flat_members()
    {
        var schema = Load();
        var point = schema.Lookup<QapiObjectType>("Point")!;
        Assert.Equal("struct", point.Meta);
        Assert.Same(schema.LookupType("Base"), point.Base);
        Assert.Equal(["x", "y"], point.LocalMembers.Select(m => m.Name));
        Assert.Equal(["color", "x", "y"], point.Members.Select(m => m.Name));
        Assert.True(point.LocalMembers[1].Optional);
        Assert.Same(schema.LookupType("int"), point.LocalMembers[0].Type);
        Assert.Equal("fancy", Assert.Single(point.Features).Name);

        var shape = schema.Lookup<QapiObjectType>("Shape")!;
        Assert.Equal("union", shape.Meta);
        Assert.Equal("q_obj_Shape-base", shape.Base!.Name);
        Assert.True(shape.Base.IsImplicit);
        Assert.Equal("kind", shape.Variants!.TagMember.Name);
        Assert.Equal(["red:Point", "green:q_empty"], shape.Variants.Variants.Select(v => v.Name + ":" + v.Type.Name));
        Assert.Equal("HAVE_GREEN", shape.Variants.Variants[1].IfCond.ToString());
    }

    [Fact]
    public void Alternates_commands_and_events_carry_their_parts()
    {
        var schema = Load();
        var alternate = schema.Lookup<QapiAlternateType>("PointOrName")!;
        Assert.Equal("type", alternate.Variants.TagMember.Name);
        Assert.Same(schema.LookupType("QType"), alternate.Variants.TagMember.Type);
        Assert.Equal(["QTYPE_QDICT", "QTYPE_QSTRING"], alternate.Variants.Variants.Select(v => v.Type.AlternateQType));

        var draw = schema.Lookup<QapiCommand>("draw")!;
        Assert.Equal("q_obj_draw-arg", draw.ArgType!.Name);
        Assert.IsType<QapiArrayType>(draw.ArgType.Members[0].Type);
        Assert.Equal("ShapeList", draw.ArgType.Members[0].Type.Name);
        Assert.Same(schema.LookupType("Point"), draw.RetType);
        Assert.True(draw.AllowPreconfig);
        Assert.True(draw.IsDeprecated);
        Assert.True(draw.Gen);
        Assert.False(draw.Boxed);

        var drawn = schema.Lookup<QapiEvent>("DRAWN")!;
        Assert.Same(schema.LookupType("Point"), drawn.ArgType);
        Assert.Equal("!defined(QUIET)", drawn.IfCond.ToCExpression());
    }

    [Fact]
    public void Arrays_live_in_their_element_types_module_and_share_its_condition()
    {
        var schema = Load();
        var colors = schema.Lookup<QapiArrayType>("ColorList")!;
        Assert.Equal("more.json", colors.Info!.FileName);
        Assert.Equal("main.json", colors.Module.Name);
        Assert.Same(schema.LookupType("Color"), colors.ElementType);
        Assert.Equal("array of Color", colors.DocType);
        Assert.Equal("./builtin", schema.LookupType("strList")!.Module.Name);
    }

    [Fact]
    public void Visitor_sees_modules_in_order_each_with_its_entities_in_definition_order()
    {
        var recorder = new Recorder();
        Load().Accept(recorder);
        Assert.Equal("begin", recorder.Events[0]);
        Assert.Equal("end", recorder.Events[^1]);
        var main = recorder.Events.IndexOf("module main.json");
        var more = recorder.Events.IndexOf("module more.json");
        Assert.Equal(1, recorder.Events.IndexOf("module ./builtin"));
        Assert.True(main < more);
        Assert.Equal(
            ["enum Color", "object Base", "flat Base", "object Point"],
            recorder.Events.Skip(main + 1).Take(4));

        // ColorList is made where more.json first uses it, after the include, in Color's module.
        Assert.Equal(["include more.json", "array ColorList"], recorder.Events.Skip(more - 2).Take(2));
        Assert.Equal(["object More", "flat More"], recorder.Events.Skip(more + 1).Take(2));
        Assert.Contains("builtin int", recorder.Events);
        Assert.DoesNotContain(recorder.Events, e => e.StartsWith("event", StringComparison.Ordinal));
    }

    private sealed class Recorder : QapiSchemaVisitor
    {
        public List<string> Events { get; } = [];

        public override void VisitBegin(QapiSchema schema) => Events.Add("begin");

        public override void VisitEnd() => Events.Add("end");

        public override void VisitModule(QapiModule module) => Events.Add("module " + module.Name);

        public override bool VisitNeeded(QapiEntity entity) => entity is not QapiEvent;

        public override void VisitInclude(QapiInclude include) => Events.Add("include " + include.IncludedModule.Name);

        public override void VisitBuiltinType(QapiBuiltinType type) => Events.Add("builtin " + type.Name);

        public override void VisitEnumType(QapiEnumType type) => Events.Add("enum " + type.Name);

        public override void VisitArrayType(QapiArrayType type) => Events.Add("array " + type.Name);

        public override void VisitObjectType(QapiObjectType type) => Events.Add("object " + type.Name);

        public override void VisitObjectTypeFlat(QapiObjectType type) => Events.Add("flat " + type.Name);

        public override void VisitAlternateType(QapiAlternateType type) => Events.Add("alternate " + type.Name);

        public override void VisitCommand(QapiCommand command) => Events.Add("command " + command.Name);

        public override void VisitEvent(QapiEvent @event) => Events.Add("event " + @event.Name);
    }

    [Fact]
    public void Base_chains_up_to_the_limit_check_and_longer_ones_are_an_error()
    {
        static string Chain(int length)
        {
            var text = new System.Text.StringBuilder("{ 'struct': 'Ty0', 'data': { 'm0': 'int' } }\n");
            for (var i = 1; i < length; i++)
            {
                text.Append($"{{ 'struct': 'Ty{i}', 'base': 'Ty{i - 1}', 'data': {{ 'm{i}': 'int' }} }}\n");
            }

            return text.ToString();
        }

        var schema = QapiSchema.Load("x.json", new MemoryFiles().Add("x.json", Chain(QapiSchema.MaxObjectNesting)));
        Assert.Equal(QapiSchema.MaxObjectNesting, schema.Lookup<QapiObjectType>($"Ty{QapiSchema.MaxObjectNesting - 1}")!.Members.Count);

        // Checking starts at T0, so define the chain backwards to make one check walk all of it.
        var reversed = string.Join('\n', Chain(QapiSchema.MaxObjectNesting + 1).Split('\n').Reverse());
        var e = Assert.Throws<QapiSemanticException>(() => QapiSchema.Load("x.json", new MemoryFiles().Add("x.json", reversed)));
        Assert.Equal("object Ty0 nests more than 1024 base and branch types", e.Reason);
    }
}
