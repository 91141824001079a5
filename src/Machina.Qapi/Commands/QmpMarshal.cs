using Machina.QObjects;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Commands;

/// <summary>
/// What generated command marshalling calls (QEMU's <c>qmp_marshal_FOO</c> steps): arguments in
/// through the strict input visitor under the request's compatibility policy, results out through
/// the output visitor under the same policy.
/// </summary>
public static class QmpMarshal
{
    /// <summary>
    /// Reads a command's arguments as <typeparamref name="T"/>: the members of the arguments type, no
    /// others ("Parameter 'x' is unexpected"), deprecated and unstable ones as the policy says.
    /// </summary>
    /// <exception cref="QapiException">The arguments are not valid for the command.</exception>
    public static T ReadArguments<T>(QDict arguments, QmpCommandContext context)
        where T : class, IQapiType<T>
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        return QObjectInputVisitor.Read<T>(arguments, context.Policy);
    }

    /// <summary>Checks that a command without arguments got none.</summary>
    /// <exception cref="QapiException">"Parameter 'x' is unexpected" for the first one given.</exception>
    public static void CheckNoArguments(QDict arguments, QmpCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var visitor = new QObjectInputVisitor(arguments) { Policy = context.Policy };
        visitor.StartStruct(null);
        visitor.CheckStruct();
        visitor.EndStruct();
    }

    /// <summary>Writes a command's result, leaving out what the output policy hides.</summary>
    /// <exception cref="ArgumentNullException">The handler returned null where the schema promises a value.</exception>
    public static QObject WriteResult<T>(T result, QmpCommandContext context)
        where T : class, IQapiType<T>
    {
        ArgumentNullException.ThrowIfNull(context);
        return QObjectOutputVisitor.Write(result, context.Policy);
    }
}
