using Machina.Qapi.Source;
using Machina.QObjects;

namespace Machina.Qapi.Parsing;

/// <summary>The <c>include</c> and <c>pragma</c> directives.</summary>
public sealed partial class QapiSchemaParser
{
    /// <summary>
    /// Records the directive and splices in the included file's expressions and docs. A file already
    /// included anywhere is skipped; including a file that is still being parsed is a loop.
    /// </summary>
    private void Include(QDict expr, QapiSourceInfo info)
    {
        if (expr.Count != 1)
        {
            throw new QapiSemanticException(info, "invalid 'include' directive");
        }

        if (expr["include"] is not QString { Value: var include })
        {
            throw new QapiSemanticException(info, "value of 'include' must be a string");
        }

        var fileName = PythonText.Join(PythonText.DirectoryName(_fileName), include);
        _expressions.Add(new QapiExpression(new QDict { ["include"] = fileName }, info, null));

        var fullPath = _files.GetFullPath(fileName);
        for (QapiSourceInfo? outer = info; outer is not null; outer = outer.Parent)
        {
            if (fullPath == _files.GetFullPath(outer.FileName))
            {
                throw new QapiSemanticException(info, $"inclusion loop for {include}");
            }
        }

        if (_included.Contains(fullPath))
        {
            return;
        }

        var parser = new QapiSchemaParser(fileName, _files, _included, info);
        byte[] bytes;
        try
        {
            bytes = _files.ReadAllBytes(fileName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new QapiSemanticException(info, $"can't read include file '{fileName}': {QapiSourceFiles.DescribeFailure(e)}");
        }

        parser.Run(bytes);
        _expressions.AddRange(parser._expressions);
        _docs.AddRange(parser._docs);
    }

    private static void Pragma(QDict expr, QapiSourceInfo info)
    {
        if (expr.Count != 1)
        {
            throw new QapiSemanticException(info, "invalid 'pragma' directive");
        }

        if (expr["pragma"] is not QDict pragmas)
        {
            throw new QapiSemanticException(info, "value of 'pragma' must be an object");
        }

        var pragma = info.Pragma;
        foreach (var (name, value) in pragmas)
        {
            switch (name)
            {
                case "doc-required":
                    pragma.DocRequired = value is QBool b
                        ? b.Value
                        : throw new QapiSemanticException(info, "pragma 'doc-required' must be boolean");
                    break;
                case "command-name-exceptions":
                    pragma.CommandNameExceptions = StringList(name, value, info);
                    break;
                case "command-returns-exceptions":
                    pragma.CommandReturnsExceptions = StringList(name, value, info);
                    break;
                case "member-name-exceptions":
                    pragma.MemberNameExceptions = StringList(name, value, info);
                    break;
                default:
                    throw new QapiSemanticException(info, $"unknown pragma '{name}'");
            }
        }
    }

    private static IReadOnlySet<string> StringList(string name, QObject value, QapiSourceInfo info)
    {
        if (value is QList list && list.All(item => item is QString))
        {
            return list.Select(item => ((QString)item).Value).ToHashSet(StringComparer.Ordinal);
        }

        throw new QapiSemanticException(info, $"pragma {name} must be a list of strings");
    }
}
