using Machina.QObjects;

namespace Machina.Qapi.Commands;

/// <summary>
/// Something that sends QMP commands and waits for their replies: what the client code the QAPI
/// generator emits (<c>CSharpGeneratorOptions.ClientCode</c>) calls. Machina's <c>QmpClient</c>
/// implements it; a test double or a proxy can too.
/// </summary>
public interface IQmpCommandSender
{
    /// <summary>Sends command <paramref name="command"/> and waits for its reply.</summary>
    /// <param name="command">The command's name, such as <c>query-status</c>.</param>
    /// <param name="arguments">Its arguments; null sends none.</param>
    /// <param name="cancellationToken">Stops waiting for the reply.</param>
    /// <returns>The reply's <c>return</c> value.</returns>
    /// <exception cref="QapiException">The peer replied with an error: its class and description.</exception>
    Task<QObject> ExecuteAsync(string command, QDict? arguments = null, CancellationToken cancellationToken = default);
}
