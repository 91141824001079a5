namespace Machina.Qapi.Source;

/// <summary>
/// A line of schema source: its file, its line number, the include directive that brought the file
/// in, and the definition the line turned out to belong to.
/// </summary>
/// <remarks>
/// <para>The parser makes one instance per source line and every token and expression on that line
/// shares it. The checker records the definition on it (<see cref="DefinitionMeta"/>,
/// <see cref="DefinitionName"/>), so later reports about that line say which definition they concern,
/// exactly as QEMU's reports do.</para>
/// <para><see cref="ToString"/> gives the location as QEMU prints it in front of a message:
/// one <c>In file included from FILE:LINE:</c> line per enclosing include, then
/// <c>FILE: In META 'NAME':</c> when the definition is known, then <c>FILE:LINE</c>.</para>
/// </remarks>
public sealed class QapiSourceInfo
{
    /// <summary>Creates the location of the first line of a file.</summary>
    /// <param name="fileName">The file's name as the schema spells it (joined to the including file's folder).</param>
    /// <param name="parent">The include directive that brought the file in; null for the main file.</param>
    public QapiSourceInfo(string fileName, QapiSourceInfo? parent)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        FileName = fileName;
        Line = 1;
        Parent = parent;
        Pragma = parent?.Pragma ?? new QapiPragma();
    }

    private QapiSourceInfo(QapiSourceInfo previous, int line)
    {
        FileName = previous.FileName;
        Line = line;
        Parent = previous.Parent;
        Pragma = previous.Pragma;
        DefinitionMeta = previous.DefinitionMeta;
        DefinitionName = previous.DefinitionName;
    }

    /// <summary>The file's name as the schema spells it.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }

    /// <summary>The include directive that brought this file in; null in the main file.</summary>
    public QapiSourceInfo? Parent { get; }

    /// <summary>The pragma settings shared by the whole schema.</summary>
    public QapiPragma Pragma { get; }

    /// <summary>The kind of definition on this line (<c>enum</c>, <c>struct</c>, ...), once checked.</summary>
    public string? DefinitionMeta { get; private set; }

    /// <summary>The name of the definition on this line, once checked.</summary>
    public string? DefinitionName { get; private set; }

    /// <summary><c>FILE:LINE</c>.</summary>
    public string Location => $"{FileName}:{Line}";

    internal void SetDefinition(string meta, string name)
    {
        DefinitionMeta = meta;
        DefinitionName = name;
    }

    /// <summary>A later line of the same file, with what this line knows so far.</summary>
    internal QapiSourceInfo AtLine(int line) => new(this, line);

    /// <summary>The location with its include chain and definition context, as QEMU prints it.</summary>
    public override string ToString()
    {
        if (Parent is null && string.IsNullOrEmpty(DefinitionName))
        {
            return Location;
        }

        var includes = new List<string>();
        for (var parent = Parent; parent is not null; parent = parent.Parent)
        {
            includes.Add(parent.Location);
        }

        var text = new System.Text.StringBuilder();
        for (var i = includes.Count - 1; i >= 0; i--)
        {
            text.Append("In file included from ").Append(includes[i]).Append(":\n");
        }

        if (!string.IsNullOrEmpty(DefinitionName))
        {
            text.Append(FileName).Append(": In ").Append(DefinitionMeta).Append(" '").Append(DefinitionName).Append("':\n");
        }

        return text.Append(Location).ToString();
    }
}
