using System.Collections;
using System.Reflection;
using CsCheck;
using Machina.QObjects;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Generation;

/// <summary>
/// QEMU 7.2's full schema: its generated C# compiles without a single warning, and values of every
/// generated type, made at random, survive output then input, and cloning.
/// </summary>
public class FullSchemaCodeTests
{
    private static readonly MethodInfo RoundTripMethod = typeof(FullSchemaCodeTests).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!;

    [Fact]
    public void Full_schema_compiles_without_warnings()
    {
        var (assembly, diagnostics) = FullSchemaCompilation.FullSchema;
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Take(20)));
        Assert.NotNull(assembly);
        Assert.NotNull(assembly.GetType("Qemu.Qapi.BlockdevOptions"));
        Assert.NotNull(assembly.GetType("Qemu.Qapi.IQemuCommands"));
    }

    [Fact]
    public void Test_schema_compiles_without_warnings_with_every_condition_true()
    {
        var files = GeneratedTestSchema.Generate("AllConditions.TestSchema");
        string[] symbols =
        [
            "TEST_IF_STRUCT", "TEST_IF_STRUCT_BAR", "TEST_IF_ENUM", "TEST_IF_ENUM_BAR", "TEST_IF_UNION", "TEST_IF_ALT", "TEST_IF_ALT_BAR",
            "TEST_IF_CMD", "TEST_IF_CMD_BAR", "TEST_IF_EVT", "TEST_IF_EVT_BAR", "TEST_IF_FEATURE_1", "TEST_IF_FEATURE_2", "TEST_IF_COND_1", "TEST_IF_COND_2",
        ];
        var (assembly, diagnostics) = FullSchemaCompilation.Compile("TestSchema.AllConditions", files, symbols);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Take(20)));
        var introspection = assembly!.GetType("AllConditions.TestSchema.QapiSchemaTestIntrospection")!;
        var defined = (IReadOnlySet<string>)introspection.GetProperty("DefinedSymbols")!.GetValue(null)!;
        Assert.Equal(symbols.Order(StringComparer.Ordinal), defined.Order(StringComparer.Ordinal));
        Assert.NotNull(assembly.GetType("AllConditions.TestSchema.TestIfStruct"));
    }

    [Fact]
    public void Every_generated_type_round_trips_through_output_and_input_and_clones_equal()
    {
        var (assembly, _) = FullSchemaCompilation.FullSchema;
        var types = assembly!.GetTypes()
            .Where(t => t.DeclaringType is null && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQapiType<>)))
            .ToList();
        Assert.True(types.Count > 600, $"only {types.Count} types");
        foreach (var type in types)
        {
            var roundTrip = RoundTripMethod.MakeGenericMethod(type);
            Gen.Int.Sample(seed => roundTrip.Invoke(null, [new Random(seed)]), iter: 12, threads: 1);
        }
    }

    private static void RoundTrip<T>(Random random)
        where T : class, IQapiType<T>
    {
        var value = (T)RandomValues.Make(typeof(T), random, depth: 0)!;
        var written = QObjectOutputVisitor.Write(value);
        var read = QObjectInputVisitor.Read<T>(written);
        Assert.True(value.Equals(read), $"{typeof(T).Name}: read back differs from {written}");
        var clone = CloneVisitor.Clone(value);
        Assert.True(value.Equals(clone), $"{typeof(T).Name}: clone differs");
        Assert.Equal(written, QObjectOutputVisitor.Write(clone));
    }

    /// <summary>Random values of generated types, by reflection over what the generator emits.</summary>
    private static class RandomValues
    {
        private const int MaxDepth = 4;

        public static object? Make(Type type, Random random, int depth)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                return Make(underlying, random, depth);
            }

            if (type == typeof(string))
            {
                return RandomString(random);
            }

            if (type == typeof(bool))
            {
                return random.Next(2) == 1;
            }

            if (type == typeof(long))
            {
                return random.NextInt64(long.MinValue, long.MaxValue);
            }

            if (type == typeof(ulong))
            {
                return (ulong)random.NextInt64(long.MinValue, long.MaxValue);
            }

            if (type == typeof(int) || type == typeof(short) || type == typeof(sbyte) || type == typeof(uint) || type == typeof(ushort) || type == typeof(byte))
            {
                return Convert.ChangeType(random.NextInt64(0, 100), type, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (type == typeof(double))
            {
                return Math.Round((random.NextDouble() - 0.5) * 1e6, random.Next(6));
            }

            if (type == typeof(QObject))
            {
                return random.Next(3) switch
                {
                    0 => new QNum(random.NextInt64()),
                    1 => new QString(RandomString(random)),
                    _ => new QDict { ["k"] = QBool.From(true) },
                };
            }

            if (type == typeof(QNull))
            {
                return QNull.Instance;
            }

            if (type.IsEnum)
            {
                var values = Enum.GetValues(type);
                return values.GetValue(random.Next(values.Length));
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(QapiList<>))
            {
                var list = (IList)Activator.CreateInstance(type)!;
                var count = depth >= MaxDepth ? 0 : random.Next(3);
                for (var i = 0; i < count; i++)
                {
                    list.Add(Make(type.GetGenericArguments()[0], random, depth + 1));
                }

                return list;
            }

            if (type.IsAbstract)
            {
                // A union or alternate: one of its branch records.
                var branches = type.GetNestedTypes().Where(n => n.IsSubclassOf(type)).ToArray();
                return Make(branches[random.Next(branches.Length)], random, depth);
            }

            var constructor = type.GetConstructors().FirstOrDefault(c => c.GetParameters().Length == 1 && c.GetParameters()[0].Name == "Value");
            if (constructor is not null)
            {
                return constructor.Invoke([Make(constructor.GetParameters()[0].ParameterType, random, depth + 1)]);
            }

            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                return Activator.CreateInstance(type); // a null branch record N()
            }

            var obj = Activator.CreateInstance(type)!;
            var nullability = new NullabilityInfoContext();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetCustomAttribute<QapiNameAttribute>() is not null))
            {
                var optional = nullability.Create(property).WriteState == NullabilityState.Nullable;
                if (optional && (depth >= MaxDepth || random.Next(2) == 0))
                {
                    continue;
                }

                property.SetValue(obj, Make(property.PropertyType, random, depth + 1));
            }

            return obj;
        }

        private static string RandomString(Random random)
        {
            var chars = new char[random.Next(6)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)random.Next(0x20, 0x7f);
            }

            return new string(chars);
        }
    }
}
