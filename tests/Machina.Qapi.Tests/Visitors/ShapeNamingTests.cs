using System.Reflection;
using System.Text.RegularExpressions;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>The generated test schema follows the naming rule of docs/codegen-shape.md, section 2.</summary>
public partial class ShapeNamingTests
{
    private static readonly Type[] SchemaTypes = typeof(TestStruct).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(TestStruct).Namespace && t.DeclaringType is null)
        .ToArray();

    /// <summary>The documented Pascal mapping.</summary>
    private static string Pascal(string name)
    {
        var words = WordSeparator().Split(name).Where(w => w.Length > 0);
        var result = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return char.IsAsciiDigit(result[0]) ? "_" + result : result;
    }

    [GeneratedRegex("[-_.]")]
    private static partial Regex WordSeparator();

    [Theory]
    [InlineData("query-status", "QueryStatus")]
    [InlineData("__org.qemu_x-Struct", "OrgQemuXStruct")]
    [InlineData("a_b", "AB")]
    [InlineData("a-b", "AB")]
    [InlineData("wchar-t", "WcharT")]
    [InlineData("x-perf", "XPerf")]
    [InlineData("1gb", "_1gb")]
    [InlineData("UserDefOne", "UserDefOne")]
    public void Pascal_examples(string wire, string expected) => Assert.Equal(expected, Pascal(wire));

    [Fact]
    public void Every_named_element_is_named_by_the_rule()
    {
        var checkedNames = 0;
        foreach (var type in SchemaTypes.Concat(SchemaTypes.SelectMany(t => t.GetNestedTypes())))
        {
            if (type.GetCustomAttribute<QapiNameAttribute>() is { } typeName && !typeName.Name.StartsWith("q_obj_", StringComparison.Ordinal))
            {
                Assert.Equal(Pascal(typeName.Name), type.Name);
                checkedNames++;
            }

            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (member.GetCustomAttribute<QapiNameAttribute>() is { } memberName)
                {
                    // Event names, all upper case, are lower-cased before the mapping.
                    var wire = type == typeof(QapiSchemaTestEvent) ? memberName.Name.ToLowerInvariant() : memberName.Name;
                    Assert.Equal(Pascal(wire), member.Name);
                    checkedNames++;
                }
            }
        }

        Assert.True(checkedNames > 150, $"only {checkedNames} names checked");
    }

    [Fact]
    public void Structs_are_sealed_unless_a_base()
    {
        Type[] bases = [typeof(UserDefZero), typeof(Empty1), typeof(OrgQemuXBase)];
        foreach (var type in SchemaTypes.Where(t => t.IsClass && !t.IsAbstract && t.GetInterfaces().Any(i => i.Name.StartsWith("IQapiStruct", StringComparison.Ordinal))))
        {
            Assert.Equal(!bases.Contains(type), type.IsSealed);
        }
    }

    [Fact]
    public void Unions_and_alternates_are_closed()
    {
        foreach (var type in SchemaTypes.Where(t => t.IsAbstract && t.IsClass))
        {
            Assert.DoesNotContain(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance), c => c.GetParameters().Length == 0);
            Assert.All(type.GetNestedTypes().Where(n => n.IsSubclassOf(type)), n => Assert.True(n.IsSealed));
        }
    }
}
