using Machina.QObjects;

namespace Machina.Qapi.Commands;

/// <summary>
/// Runs one QMP command: takes the request's <c>arguments</c> (an empty dictionary when the
/// request has none) and returns the value for <c>return</c>, or null for a command without
/// <c>returns</c> (the response is then <c>{}</c>). Generated marshalling code turns typed handlers
/// into this shape through the input and output visitors.
/// </summary>
/// <exception cref="QapiException">The command failed; the response carries its class and message.</exception>
public delegate ValueTask<QObject?> QmpCommandHandler(QDict arguments, QmpCommandContext context);
