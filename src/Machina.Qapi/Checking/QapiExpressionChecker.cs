using System.Diagnostics;
using Machina.Qapi.Parsing;
using Machina.Qapi.Source;
using Machina.QObjects;

namespace Machina.Qapi.Checking;

/// <summary>
/// Checks the shape of each parsed expression (which keys, which kinds of values, which names) and
/// normalizes the short forms in place, so the schema model can be built without further checks.
/// </summary>
/// <remarks>
/// <para>Normal forms: a member or branch <c>'name': 'T'</c> becomes <c>'name': { 'type': 'T' }</c>;
/// a feature or enum value <c>'x'</c> becomes <c>{ 'name': 'x' }</c>.</para>
/// <para>Checks that need other definitions (does a type exist, do members clash) belong to the
/// schema model's semantic pass. The first problem found is reported with QEMU's message and the
/// definition's location.</para>
/// <para>Where QEMU treats a value by its truth (an empty string as "absent", say), so does this
/// checker, so odd schemas are accepted or rejected exactly as QEMU does.</para>
/// </remarks>
public static class QapiExpressionChecker
{
    private static readonly string[] Metas = ["enum", "struct", "union", "alternate", "command", "event"];
    private static readonly string[] EnumKeys = ["enum", "data"];
    private static readonly string[] EnumOptional = ["if", "features", "prefix"];
    private static readonly string[] UnionKeys = ["union", "base", "discriminator", "data"];
    private static readonly string[] TypeOptional = ["if", "features"];
    private static readonly string[] AlternateKeys = ["alternate", "data"];
    private static readonly string[] StructKeys = ["struct", "data"];
    private static readonly string[] StructOptional = ["base", "if", "features"];
    private static readonly string[] CommandKeys = ["command"];
    private static readonly string[] CommandOptional =
        ["data", "returns", "boxed", "if", "features", "gen", "success-response", "allow-oob", "allow-preconfig", "coroutine"];
    private static readonly string[] EventKeys = ["event"];
    private static readonly string[] EventOptional = ["data", "boxed", "if", "features"];
    private static readonly string[] FalseFlags = ["gen", "success-response"];
    private static readonly string[] TrueFlags = ["boxed", "allow-oob", "allow-preconfig", "coroutine"];
    private static readonly string[] ConditionKeys = ["all", "any", "not"];
    private static readonly string[] TypeKey = ["type"];
    private static readonly string[] IfKey = ["if"];
    private static readonly string[] NameKey = ["name"];
    private static readonly string[] NoKeys = [];

    /// <summary>Checks and normalizes every expression, in order.</summary>
    /// <exception cref="QapiSemanticException">An expression breaks a rule.</exception>
    public static void Check(IEnumerable<QapiExpression> expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        foreach (var expression in expressions)
        {
            if (!expression.IsInclude)
            {
                CheckDefinition(expression);
            }
        }
    }

    private static void CheckDefinition(QapiExpression expression)
    {
        var expr = expression.Value;
        var info = expression.Info;
        string? meta = null;
        var metaCount = 0;
        foreach (var candidate in Metas)
        {
            if (expr.ContainsKey(candidate))
            {
                meta = candidate;
                metaCount++;
            }
        }

        if (metaCount != 1)
        {
            throw new QapiSemanticException(
                info, "expression must have exactly one key 'enum', 'struct', 'union', 'alternate', 'command', 'event'");
        }

        var name = NameString(expr[meta!], info, $"'{meta}'");
        info.SetDefinition(meta!, name);
        CheckDefinitionName(name, info, meta!);

        if (expression.Doc is { } doc)
        {
            if (doc.Symbol != name)
            {
                throw new QapiSemanticException(info, $"documentation comment is for '{doc.Symbol}'");
            }

            doc.CheckExpression(meta == "command");
        }
        else if (info.Pragma.DocRequired)
        {
            throw new QapiSemanticException(info, "documentation comment required");
        }

        switch (meta)
        {
            case "enum":
                CheckKeys(expr, info, meta, EnumKeys, EnumOptional);
                CheckEnum(expr, info);
                break;
            case "union":
                CheckKeys(expr, info, meta, UnionKeys, TypeOptional);
                NormalizeMembers(expr.GetValueOrDefault("base"));
                NormalizeMembers(expr["data"]);
                CheckUnion(expr, info);
                break;
            case "alternate":
                CheckKeys(expr, info, meta, AlternateKeys, TypeOptional);
                NormalizeMembers(expr["data"]);
                CheckAlternate(expr, info);
                break;
            case "struct":
                CheckKeys(expr, info, meta, StructKeys, StructOptional);
                NormalizeMembers(expr["data"]);
                CheckStruct(expr, info);
                break;
            case "command":
                CheckKeys(expr, info, meta, CommandKeys, CommandOptional);
                NormalizeMembers(expr.GetValueOrDefault("data"));
                CheckCommand(expr, info);
                break;
            default:
                Debug.Assert(meta == "event");
                CheckKeys(expr, info, meta, EventKeys, EventOptional);
                NormalizeMembers(expr.GetValueOrDefault("data"));
                CheckEvent(expr, info);
                break;
        }

        CheckIf(expr, info, meta);
        CheckFeatures(expr.GetValueOrDefault("features"), info);
        CheckFlags(expr, info);
    }

    /// <summary>Python's truth of a value: false, an empty string, array or object, and absence are false.</summary>
    internal static bool IsTruthy(QObject? value) => value switch
    {
        null => false,
        QBool b => b.Value,
        QString s => s.Value.Length > 0,
        QList l => l.Count > 0,
        QDict d => d.Count > 0,
        _ => true,
    };

    private static string NameString(QObject name, QapiSourceInfo info, Source source) =>
        name is QString { Value: var value }
            ? value
            : throw new QapiSemanticException(info, $"{source} requires a string name");

    private static string CheckNameString(string name, QapiSourceInfo info, Source source)
    {
        if (QapiNames.Stem(name) is not { } stem || QapiNames.CName(name, protect: false).StartsWith("q_", StringComparison.Ordinal))
        {
            throw new QapiSemanticException(info, $"{source} has an invalid name");
        }

        return stem;
    }

    private static void CheckNameUpper(string name, QapiSourceInfo info, Source source)
    {
        var stem = CheckNameString(name, info, source);
        if (stem.AsSpan().IndexOfAnyInRange('a', 'z') >= 0 || stem.Contains('-', StringComparison.Ordinal))
        {
            throw new QapiSemanticException(info, $"name of {source} must not use lowercase or '-'");
        }
    }

    private static void CheckNameLower(string name, QapiSourceInfo info, Source source, bool permitUpper = false, bool permitUnderscore = false)
    {
        var stem = CheckNameString(name, info, source);
        if ((!permitUpper && stem.AsSpan().IndexOfAnyInRange('A', 'Z') >= 0) || (!permitUnderscore && stem.Contains('_', StringComparison.Ordinal)))
        {
            throw new QapiSemanticException(info, $"name of {source} must not use uppercase or '_'");
        }
    }

    private static void CheckNameCamel(string name, QapiSourceInfo info, Source source)
    {
        var stem = CheckNameString(name, info, source);

        // An upper-case letter, then letters and digits including at least one lower-case letter.
        var rest = stem.AsSpan(1);
        if (!char.IsAsciiLetterUpper(stem[0]) || rest.ContainsAnyExcept(CamelChars) || rest.IndexOfAnyInRange('a', 'z') < 0)
        {
            throw new QapiSemanticException(info, $"name of {source} must use CamelCase");
        }
    }

    private static readonly System.Buffers.SearchValues<char> CamelChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static void CheckDefinitionName(string name, QapiSourceInfo info, string meta)
    {
        switch (meta)
        {
            case "event":
                CheckNameUpper(name, info, meta);
                break;
            case "command":
                CheckNameLower(name, info, meta, permitUnderscore: info.Pragma.CommandNameExceptions.Contains(name));
                break;
            default:
                CheckNameCamel(name, info, meta);
                if (name.EndsWith("List", StringComparison.Ordinal))
                {
                    throw new QapiSemanticException(info, $"{meta} name should not end in 'List'");
                }

                break;
        }
    }

    private static void CheckKeys(QDict value, QapiSourceInfo info, Source source, string[] required, string[] optional)
    {
        foreach (var key in required)
        {
            if (!value.ContainsKey(key))
            {
                throw MissingKeys(value, info, source, required);
            }
        }

        foreach (var (key, _) in value)
        {
            if (Array.IndexOf(required, key) < 0 && Array.IndexOf(optional, key) < 0)
            {
                throw UnknownKeys(value, info, source, required, optional);
            }
        }
    }

    private static QapiSemanticException MissingKeys(QDict value, QapiSourceInfo info, Source source, string[] required)
    {
        var missing = required.Where(k => !value.ContainsKey(k)).ToList();
        return new QapiSemanticException(info, $"{source} misses key{(missing.Count > 1 ? "s" : "")} {QuoteSorted(missing)}");
    }

    private static QapiSemanticException UnknownKeys(QDict value, QapiSourceInfo info, Source source, string[] required, string[] optional)
    {
        var unknown = value.Keys.Where(k => Array.IndexOf(required, k) < 0 && Array.IndexOf(optional, k) < 0).ToList();
        return new QapiSemanticException(
            info,
            $"{source} has unknown key{(unknown.Count > 1 ? "s" : "")} {QuoteSorted(unknown)}\nValid keys are {QuoteSorted(required.Concat(optional))}.");
    }

    private static string QuoteSorted(IEnumerable<string> keys) =>
        string.Join(", ", keys.Order(StringComparer.Ordinal).Select(k => "'" + k + "'"));

    private static void CheckFlags(QDict expr, QapiSourceInfo info)
    {
        foreach (var key in FalseFlags)
        {
            if (expr.TryGetValue(key, out var value) && value is not QBool { Value: false })
            {
                throw new QapiSemanticException(info, $"flag '{key}' may only use false value");
            }
        }

        foreach (var key in TrueFlags)
        {
            if (expr.TryGetValue(key, out var value) && value is not QBool { Value: true })
            {
                throw new QapiSemanticException(info, $"flag '{key}' may only use true value");
            }
        }

        if (expr.ContainsKey("allow-oob") && expr.ContainsKey("coroutine"))
        {
            throw new QapiSemanticException(info, "flags 'allow-oob' and 'coroutine' are incompatible");
        }
    }

    private static void CheckIf(QDict expr, QapiSourceInfo info, Source source)
    {
        if (expr.GetValueOrDefault("if") is { } condition)
        {
            CheckCondition(condition, info, source);
        }
    }

    private static void CheckCondition(QObject condition, QapiSourceInfo info, Source source)
    {
        if (condition is QString { Value: var symbol })
        {
            if (!IsConditionSymbol(symbol))
            {
                throw new QapiSemanticException(info, $"'if' condition '{symbol}' of {source} is not a valid identifier");
            }

            return;
        }

        if (condition is not QDict dict)
        {
            throw new QapiSemanticException(info, $"'if' condition of {source} must be a string or an object");
        }

        CheckKeys(dict, info, new Source($"'if' condition of {source}"), NoKeys, ConditionKeys);
        if (dict.Count != 1)
        {
            throw new QapiSemanticException(info, $"'if' condition of {source} has conflicting keys");
        }

        if (dict.TryGetValue("not", out var negated))
        {
            CheckCondition(negated, info, source);
        }
        else if (dict.TryGetValue("all", out var all))
        {
            CheckOperands("all", all, info, source);
        }
        else
        {
            CheckOperands("any", dict["any"], info, source);
        }
    }

    private static void CheckOperands(string op, QObject operands, QapiSourceInfo info, Source source)
    {
        if (operands is not QList list)
        {
            throw new QapiSemanticException(info, $"'{op}' condition of {source} must be an array");
        }

        if (list.Count == 0)
        {
            throw new QapiSemanticException(info, $"'if' condition [] of {source} is useless");
        }

        foreach (var operand in list)
        {
            CheckCondition(operand, info, source);
        }
    }

    /// <summary>An upper-case letter followed by upper-case letters, digits and <c>_</c>.</summary>
    private static bool IsConditionSymbol(string symbol)
    {
        if (symbol.Length == 0 || !char.IsAsciiLetterUpper(symbol[0]))
        {
            return false;
        }

        foreach (var c in symbol)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static void NormalizeMembers(QObject? members)
    {
        if (members is QDict dict)
        {
            for (var i = 0; i < dict.Count; i++)
            {
                var (key, value) = dict.GetAt(i);
                if (value is not QDict)
                {
                    dict[key] = new QDict(1) { ["type"] = value };
                }
            }
        }
    }

    /// <summary>
    /// Checks a type reference: a name, <c>['T']</c> when <paramref name="allowArray"/>, or an object of
    /// members when <paramref name="allowDict"/>. Members of <paramref name="dictOwner"/> may break the
    /// naming rules when pragma <c>member-name-exceptions</c> lists it.
    /// </summary>
    private static void CheckType(QObject? value, QapiSourceInfo info, Source source, bool allowArray = false, bool allowDict = false, string? dictOwner = null)
    {
        switch (value)
        {
            case null or QString:
                return;
            case QList list:
                if (!allowArray)
                {
                    throw new QapiSemanticException(info, $"{source} cannot be an array");
                }

                if (list.Count != 1 || list[0] is not QString)
                {
                    throw new QapiSemanticException(info, $"{source}: array type must contain single type name");
                }

                return;
        }

        if (!allowDict)
        {
            throw new QapiSemanticException(info, $"{source} should be a type name");
        }

        if (value is not QDict members)
        {
            throw new QapiSemanticException(info, $"{source} should be an object or type name");
        }

        var permissive = dictOwner is not null && info.Pragma.MemberNameExceptions.Contains(dictOwner);
        foreach (var (rawKey, arg) in members)
        {
            var keySource = new Source(source.ToString(), rawKey);
            var key = rawKey.StartsWith('*') ? rawKey[1..] : rawKey;
            CheckNameLower(key, info, keySource, permitUpper: permissive, permitUnderscore: permissive);
            var cName = QapiNames.CName(key, protect: false);
            if (cName == "u" || cName.StartsWith("has_", StringComparison.Ordinal))
            {
                throw new QapiSemanticException(info, $"{keySource} uses reserved name");
            }

            var member = (QDict)arg;
            CheckKeys(member, info, keySource, TypeKey, TypeOptional);
            CheckIf(member, info, keySource);
            CheckFeatures(member.GetValueOrDefault("features"), info);
            CheckType(member["type"], info, keySource, allowArray: true);
        }
    }

    private static void CheckFeatures(QObject? features, QapiSourceInfo info)
    {
        if (features is null)
        {
            return;
        }

        if (features is not QList list)
        {
            throw new QapiSemanticException(info, "'features' must be an array");
        }

        NormalizeNamed(list);
        foreach (var item in list)
        {
            var feature = (QDict)item;
            var source = new Source("'features' member");
            CheckKeys(feature, info, source, NameKey, IfKey);
            var name = NameString(feature["name"], info, source);
            var namedSource = new Source("'features'", name);
            CheckNameLower(name, info, namedSource);
            CheckIf(feature, info, namedSource);
        }
    }

    /// <summary>Turns each non-object element <c>x</c> into <c>{ 'name': x }</c>.</summary>
    private static void NormalizeNamed(QList list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not QDict)
            {
                list[i] = new QDict(1) { ["name"] = list[i] };
            }
        }
    }

    private static void CheckEnum(QDict expr, QapiSourceInfo info)
    {
        var name = ((QString)expr["enum"]).Value;
        if (expr["data"] is not QList members)
        {
            throw new QapiSemanticException(info, "'data' must be an array");
        }

        if (expr.GetValueOrDefault("prefix") is { } prefix && prefix is not QString)
        {
            throw new QapiSemanticException(info, "'prefix' must be a string");
        }

        var permissive = info.Pragma.MemberNameExceptions.Contains(name);
        NormalizeNamed(members);
        foreach (var item in members)
        {
            var member = (QDict)item;
            var source = new Source("'data' member");
            CheckKeys(member, info, source, NameKey, TypeOptional);
            var memberName = NameString(member["name"], info, source);
            var namedSource = new Source("'data'", memberName);

            // Enum values may start with a digit; check the rest of the name as if it did not.
            if (memberName.Length > 0 && char.IsAsciiDigit(memberName[0]))
            {
                memberName = "d" + memberName;
            }

            CheckNameLower(memberName, info, namedSource, permitUpper: permissive, permitUnderscore: permissive);
            CheckIf(member, info, namedSource);
            CheckFeatures(member.GetValueOrDefault("features"), info);
        }
    }

    private static void CheckStruct(QDict expr, QapiSourceInfo info)
    {
        var name = ((QString)expr["struct"]).Value;
        CheckType(expr["data"], info, "'data'", allowDict: true, dictOwner: name);

        // QEMU lets a type name through here and then fails outright; a struct's members are an object.
        if (expr["data"] is QString)
        {
            throw new QapiSemanticException(info, "'data' must be an object");
        }

        CheckType(expr.GetValueOrDefault("base"), info, "'base'");
    }

    private static void CheckUnion(QDict expr, QapiSourceInfo info)
    {
        var name = ((QString)expr["union"]).Value;
        var baseType = expr["base"];
        CheckType(baseType, info, "'base'", allowDict: true, dictOwner: name);
        NameString(expr["discriminator"], info, "'discriminator'");

        if (expr["data"] is not QDict members)
        {
            throw new QapiSemanticException(info, "'data' must be an object");
        }

        foreach (var (key, value) in members)
        {
            var source = new Source("'data'", key);
            var branch = (QDict)value;
            CheckKeys(branch, info, source, TypeKey, IfKey);
            CheckIf(branch, info, source);
            CheckType(branch["type"], info, source, allowArray: !IsTruthy(baseType));
        }
    }

    private static void CheckAlternate(QDict expr, QapiSourceInfo info)
    {
        var data = expr["data"];
        if (!IsTruthy(data))
        {
            throw new QapiSemanticException(info, "'data' must not be empty");
        }

        if (data is not QDict members)
        {
            throw new QapiSemanticException(info, "'data' must be an object");
        }

        foreach (var (key, value) in members)
        {
            var source = new Source("'data'", key);
            CheckNameLower(key, info, source);
            var branch = (QDict)value;
            CheckKeys(branch, info, source, TypeKey, IfKey);
            CheckIf(branch, info, source);
            CheckType(branch["type"], info, source, allowArray: true);
        }
    }

    private static void CheckCommand(QDict expr, QapiSourceInfo info)
    {
        var args = expr.GetValueOrDefault("data");
        var boxed = IsTruthy(expr.GetValueOrDefault("boxed"));
        if (boxed && args is null)
        {
            throw new QapiSemanticException(info, "'boxed': true requires 'data'");
        }

        CheckType(args, info, "'data'", allowDict: !boxed);
        CheckType(expr.GetValueOrDefault("returns"), info, "'returns'", allowArray: true);
    }

    private static void CheckEvent(QDict expr, QapiSourceInfo info)
    {
        var args = expr.GetValueOrDefault("data");
        var boxed = IsTruthy(expr.GetValueOrDefault("boxed"));
        if (boxed && args is null)
        {
            throw new QapiSemanticException(info, "'boxed': true requires 'data'");
        }

        CheckType(args, info, "'data'", allowDict: !boxed);
    }

    /// <summary>
    /// What a check is about, as messages name it (<c>'data' member 'x'</c>); the text is composed
    /// only when a message needs it.
    /// </summary>
    private readonly record struct Source(string Owner, string? Member = null)
    {
        public static implicit operator Source(string owner) => new(owner);

        public override string ToString() => Member is null ? Owner : $"{Owner} member '{Member}'";
    }
}
