using System.Text;
using Machina.QObjects;

namespace Machina.Qapi.Schema;

/// <summary>
/// The <c>'if'</c> condition of a definition, member, branch, enum value or feature: which
/// configuration symbols must be defined for it to exist. <see cref="Always"/> when it has none.
/// </summary>
/// <remarks>
/// A condition is a symbol (<c>'CONFIG_VNC'</c>), or <c>{'all': [...]}</c>, <c>{'any': [...]}</c>
/// or <c>{'not': ...}</c> over conditions. A generator can evaluate it against the symbols a
/// build defines (<see cref="Evaluate(IReadOnlySet{string})"/>) or render it for C
/// (<see cref="ToCExpression"/>) or for documentation (<see cref="ToDocString"/>).
/// </remarks>
public sealed class QapiIfCond
{
    private QapiIfCond(QapiCondition? condition) => Condition = condition;

    /// <summary>The empty condition: always present.</summary>
    public static QapiIfCond Always { get; } = new(null);

    /// <summary>The condition tree; null for <see cref="Always"/>.</summary>
    public QapiCondition? Condition { get; }

    /// <summary>True when there is a condition at all.</summary>
    public bool IsPresent => Condition is not null;

    /// <summary>Wraps a condition tree.</summary>
    public static QapiIfCond Of(QapiCondition? condition) => condition is null ? Always : new QapiIfCond(condition);

    /// <summary>Builds the condition from a checked schema value (<c>'X'</c>, <c>{'all': [...]}</c>, ...), or null for none.</summary>
    internal static QapiIfCond FromSchema(QObject? value) => value is null ? Always : new QapiIfCond(QapiCondition.FromSchema(value));

    /// <summary>Whether the condition holds when exactly the symbols <paramref name="defined"/> are defined.</summary>
    public bool Evaluate(IReadOnlySet<string> defined)
    {
        ArgumentNullException.ThrowIfNull(defined);
        return Condition?.Evaluate(defined.Contains) ?? true;
    }

    /// <summary>Whether the condition holds when <paramref name="isDefined"/> says which symbols are defined.</summary>
    public bool Evaluate(Func<string, bool> isDefined)
    {
        ArgumentNullException.ThrowIfNull(isDefined);
        return Condition?.Evaluate(isDefined) ?? true;
    }

    /// <summary>The condition as a C preprocessor expression (<c>defined(A) &amp;&amp; !defined(B)</c>); empty for none.</summary>
    public string ToCExpression() => Render("defined({0})", "!", " && ", " || ");

    /// <summary>The condition in words (<c>A and not B</c>), as QEMU's documentation shows it; empty for none.</summary>
    public string ToDocString() => Render("{0}", "not ", " and ", " or ");

    /// <summary>
    /// The condition as the schema spells it, the form QEMU's test dump prints: a bare symbol
    /// (<c>CONFIG_X</c>), else a literal (<c>{'all': ['A', {'not': 'B'}]}</c>); empty for none.
    /// </summary>
    public override string ToString() => Condition switch
    {
        null => string.Empty,
        QapiConditionSymbol symbol => symbol.Name,
        var compound => compound.ToString(),
    };

    private string Render(string symbolFormat, string not, string and, string or)
    {
        if (Condition is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        Render(Condition, text, needParens: false);
        return text.ToString();

        void Render(QapiCondition condition, StringBuilder text, bool needParens)
        {
            switch (condition)
            {
                case QapiConditionSymbol symbol:
                    text.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, symbolFormat, symbol.Name);
                    return;
                case QapiConditionNot negation:
                    text.Append(not);
                    Render(negation.Operand, text, needParens: true);
                    return;
                case QapiConditionAll or QapiConditionAny:
                    var (separator, operands) = condition is QapiConditionAll all ? (and, all.Operands) : (or, ((QapiConditionAny)condition).Operands);
                    if (needParens)
                    {
                        text.Append('(');
                    }

                    for (var i = 0; i < operands.Count; i++)
                    {
                        if (i > 0)
                        {
                            text.Append(separator);
                        }

                        Render(operands[i], text, needParens: true);
                    }

                    if (needParens)
                    {
                        text.Append(')');
                    }

                    return;
            }
        }
    }
}

/// <summary>A node of a condition tree.</summary>
public abstract class QapiCondition
{
    private protected QapiCondition()
    {
    }

    /// <summary>Whether the condition holds.</summary>
    public abstract bool Evaluate(Func<string, bool> isDefined);

    /// <summary>The node as a schema literal: <c>'A'</c>, <c>{'all': [...]}</c>, <c>{'any': [...]}</c>, <c>{'not': ...}</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    internal abstract void Write(StringBuilder text);

    internal static QapiCondition FromSchema(QObject value) => value switch
    {
        QString symbol => new QapiConditionSymbol(symbol.Value),
        QDict dict when dict.TryGetValue("not", out var operand) => new QapiConditionNot(FromSchema(operand)),
        QDict dict when dict.TryGetValue("all", out var operands) => new QapiConditionAll([.. ((QList)operands).Select(FromSchema)]),
        QDict dict => new QapiConditionAny([.. ((QList)dict["any"]).Select(FromSchema)]),
        _ => throw new ArgumentException("not a checked condition", nameof(value)),
    };

    private protected static void WriteOperands(StringBuilder text, string op, IReadOnlyList<QapiCondition> operands)
    {
        text.Append("{'").Append(op).Append("': [");
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            operands[i].Write(text);
        }

        text.Append("]}");
    }
}

/// <summary>Holds when the symbol is defined.</summary>
public sealed class QapiConditionSymbol : QapiCondition
{
    /// <summary>Creates the condition "<paramref name="name"/> is defined".</summary>
    public QapiConditionSymbol(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The configuration symbol.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override bool Evaluate(Func<string, bool> isDefined) => isDefined(Name);

    internal override void Write(StringBuilder text) => text.Append('\'').Append(Name).Append('\'');
}

/// <summary>Holds when every operand holds.</summary>
public sealed class QapiConditionAll : QapiCondition
{
    /// <summary>Creates the conjunction of <paramref name="operands"/>.</summary>
    public QapiConditionAll(IReadOnlyList<QapiCondition> operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        Operands = operands;
    }

    /// <summary>The conditions that must all hold.</summary>
    public IReadOnlyList<QapiCondition> Operands { get; }

    /// <inheritdoc/>
    public override bool Evaluate(Func<string, bool> isDefined) => Operands.All(o => o.Evaluate(isDefined));

    internal override void Write(StringBuilder text) => WriteOperands(text, "all", Operands);
}

/// <summary>Holds when at least one operand holds.</summary>
public sealed class QapiConditionAny : QapiCondition
{
    /// <summary>Creates the disjunction of <paramref name="operands"/>.</summary>
    public QapiConditionAny(IReadOnlyList<QapiCondition> operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        Operands = operands;
    }

    /// <summary>The conditions of which one must hold.</summary>
    public IReadOnlyList<QapiCondition> Operands { get; }

    /// <inheritdoc/>
    public override bool Evaluate(Func<string, bool> isDefined) => Operands.Any(o => o.Evaluate(isDefined));

    internal override void Write(StringBuilder text) => WriteOperands(text, "any", Operands);
}

/// <summary>Holds when the operand does not.</summary>
public sealed class QapiConditionNot : QapiCondition
{
    /// <summary>Creates the negation of <paramref name="operand"/>.</summary>
    public QapiConditionNot(QapiCondition operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        Operand = operand;
    }

    /// <summary>The negated condition.</summary>
    public QapiCondition Operand { get; }

    /// <inheritdoc/>
    public override bool Evaluate(Func<string, bool> isDefined) => !Operand.Evaluate(isDefined);

    internal override void Write(StringBuilder text)
    {
        text.Append("{'not': ");
        Operand.Write(text);
        text.Append('}');
    }
}
