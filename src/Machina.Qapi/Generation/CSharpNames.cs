using System.Text;

namespace Machina.Qapi.Generation;

/// <summary>
/// The mapping from QAPI names to C# identifiers (docs/codegen.md, "Names"): words split at
/// <c>-</c>, <c>_</c> and <c>.</c>, each capitalized, joined; event names lower-cased first.
/// </summary>
/// <remarks>The rules only depend on the name, never on anything else in the schema.</remarks>
public static class CSharpNames
{
    // The C# specification's keywords, reserved and contextual. Pascal-cased names never meet
    // one (every keyword is lower case); camel-cased ones get an '@'.
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
        "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if",
        "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new",
        "null", "object", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static",
        "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong",
        "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",

        // Contextual keywords.
        "add", "allows", "alias", "and", "args", "ascending", "async", "await", "by", "descending",
        "dynamic", "equals", "extension", "field", "file", "from", "get", "global", "group", "init",
        "into", "join", "let", "managed", "nameof", "nint", "not", "notnull", "nuint", "on", "or",
        "orderby", "partial", "record", "remove", "required", "scoped", "select", "set", "unmanaged",
        "value", "var", "when", "where", "with", "yield",
    };

    /// <summary>
    /// <paramref name="name"/> in Pascal case: <c>query-status</c> → <c>QueryStatus</c>,
    /// <c>__org.qemu_x-Struct</c> → <c>OrgQemuXStruct</c>, <c>1gb</c> → <c>_1gb</c>.
    /// </summary>
    /// <param name="name">A QAPI name.</param>
    /// <param name="lowerFirst">True for event names, which are all upper case: the name is lower-cased before the mapping.</param>
    public static string Pascal(string name, bool lowerFirst = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 1);
        var startOfWord = true;
        foreach (var raw in name)
        {
            var c = lowerFirst && raw is >= 'A' and <= 'Z' ? (char)(raw + 32) : raw;
            if (c is '-' or '_' or '.')
            {
                startOfWord = true;
                continue;
            }

            text.Append(startOfWord && c is >= 'a' and <= 'z' ? (char)(c - 32) : c);
            startOfWord = false;
        }

        if (text.Length == 0 || text[0] is >= '0' and <= '9')
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }

    /// <summary>
    /// A C# identifier in camel case for a parameter: <paramref name="pascal"/> with its first
    /// letter lower-cased, prefixed with <c>@</c> when that is a C# keyword.
    /// </summary>
    public static string Camel(string pascal)
    {
        ArgumentException.ThrowIfNullOrEmpty(pascal);
        var first = pascal[0];
        var camel = first is >= 'A' and <= 'Z' ? (char)(first + 32) + pascal.Substring(1) : pascal;
        return IsKeyword(camel) ? "@" + camel : camel;
    }

    /// <summary>Whether <paramref name="identifier"/> is a C# keyword, reserved or contextual.</summary>
    public static bool IsKeyword(string identifier) => Keywords.Contains(identifier);

    /// <summary>
    /// <paramref name="text"/> as the contents of a C# regular string literal (without the quotes).
    /// </summary>
    public static string StringLiteralContents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    result.Append("\\\\");
                    break;
                case '"':
                    result.Append("\\\"");
                    break;
                case '\n':
                    result.Append("\\n");
                    break;
                case '\r':
                    result.Append("\\r");
                    break;
                case '\t':
                    result.Append("\\t");
                    break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        result.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <summary><paramref name="text"/> as a C# string literal, quotes included.</summary>
    public static string StringLiteral(string text) => "\"" + StringLiteralContents(text) + "\"";
}

/// <summary>
/// The names taken in one C# scope (a type's members, a namespace's types). A wanted name that
/// is taken gets a suffix: first <see cref="Suffix"/> if one is given, then 2, 3, ... until free.
/// </summary>
internal sealed class CSharpNameScope
{
    private readonly HashSet<string> _taken;

    public CSharpNameScope(IEnumerable<string>? taken = null) =>
        _taken = taken is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(taken, StringComparer.Ordinal);

    /// <summary>The names records and objects already have, which a member must never reuse.</summary>
    public static readonly string[] RecordMembers =
    [
        "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "PrintMembers", "Deconstruct",
    ];

    public string? Suffix { get; init; }

    public bool IsTaken(string name) => _taken.Contains(name);

    public void Reserve(string name) => _taken.Add(name);

    /// <summary>Assigns <paramref name="wanted"/> or the first free variant of it, and reserves it.</summary>
    public string Assign(string wanted)
    {
        var name = wanted;
        if (_taken.Contains(name) && Suffix is not null)
        {
            name = wanted + Suffix;
        }

        var baseName = name;
        for (var n = 2; _taken.Contains(name); n++)
        {
            name = baseName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _taken.Add(name);
        return name;
    }
}
