using System.Text;
using Machina.Qapi.Schema;

namespace Machina.Qapi.Generation;

/// <summary>
/// Writes C# source line by line with four-space indentation, <c>\n</c> line ends, and
/// <c>#if</c>/<c>#endif</c> around conditional parts.
/// </summary>
internal sealed class CSharpWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>Whether the last thing written was a blank line or an opening brace (so no blank line is needed before more).</summary>
    private bool _atBlockStart = true;

    public int Length => _text.Length;

    public int IndentLevel => _indent;

    public void Line(string line)
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
        _atBlockStart = line.Length == 0 || line.EndsWith("{", StringComparison.Ordinal);
    }

    public void Line() => Line(string.Empty);

    /// <summary>A blank line, unless at the start of a block or after another blank line.</summary>
    public void Separate()
    {
        if (!_atBlockStart)
        {
            Line();
        }
    }

    /// <summary>Treats what follows as the start of a block: the next <see cref="Separate"/> writes nothing.</summary>
    public void MarkBlockStart() => _atBlockStart = true;

    public void Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        _atBlockStart = true;
    }

    public void Open()
    {
        Line("{");
        _indent++;
        _atBlockStart = true;
    }

    public void Close(string closing = "}")
    {
        _indent--;
        Line(closing);
        _atBlockStart = false;
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    /// <summary>Starts a conditional part; nothing when <paramref name="condition"/> is always true.</summary>
    public void If(QapiIfCond condition)
    {
        if (condition.IsPresent)
        {
            _text.Append("#if ").Append(CSharpConditions.ToPreprocessor(condition)).Append('\n');
        }
    }

    /// <summary>Ends a conditional part started with <see cref="If"/>.</summary>
    public void EndIf(QapiIfCond condition)
    {
        if (condition.IsPresent)
        {
            _text.Append("#endif\n");
        }
    }

    public void Raw(string text) => _text.Append(text);

    public override string ToString() => _text.ToString();
}

/// <summary>QAPI <c>'if'</c> conditions as C# preprocessor expressions.</summary>
public static class CSharpConditions
{
    /// <summary>
    /// The condition as a C# preprocessor expression over the schema's own symbols:
    /// <c>CONFIG_VNC</c>, <c>TEST_IF_UNION &amp;&amp; TEST_IF_STRUCT</c>, <c>!(A || B)</c>.
    /// </summary>
    public static string ToPreprocessor(QapiIfCond condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (condition.Condition is null)
        {
            return "true";
        }

        var text = new StringBuilder();
        Write(condition.Condition, text, needParens: false);
        return text.ToString();
    }

    private static void Write(QapiCondition condition, StringBuilder text, bool needParens)
    {
        switch (condition)
        {
            case QapiConditionSymbol symbol:
                text.Append(symbol.Name);
                return;
            case QapiConditionNot not:
                text.Append('!');
                Write(not.Operand, text, needParens: true);
                return;
            case QapiConditionAll all:
                WriteOperands(all.Operands, " && ", text, needParens);
                return;
            case QapiConditionAny any:
                WriteOperands(any.Operands, " || ", text, needParens);
                return;
        }
    }

    private static void WriteOperands(IReadOnlyList<QapiCondition> operands, string separator, StringBuilder text, bool needParens)
    {
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

            Write(operands[i], text, needParens: true);
        }

        if (needParens)
        {
            text.Append(')');
        }
    }

    /// <summary>Every symbol <paramref name="condition"/> mentions, added to <paramref name="symbols"/>.</summary>
    internal static void CollectSymbols(QapiIfCond condition, ISet<string> symbols)
    {
        if (condition.Condition is { } root)
        {
            Collect(root);
        }

        void Collect(QapiCondition node)
        {
            switch (node)
            {
                case QapiConditionSymbol symbol:
                    symbols.Add(symbol.Name);
                    break;
                case QapiConditionNot not:
                    Collect(not.Operand);
                    break;
                case QapiConditionAll all:
                    foreach (var operand in all.Operands)
                    {
                        Collect(operand);
                    }

                    break;
                case QapiConditionAny any:
                    foreach (var operand in any.Operands)
                    {
                        Collect(operand);
                    }

                    break;
            }
        }
    }
}
