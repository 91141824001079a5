using Machina.QObjects;

namespace Machina.Qmp.Client;

/// <summary>
/// A blocking face of <see cref="QmpClient"/> for scripts and REPLs, where <c>await</c> is a burden:
/// every method waits for its result. Typed calls go through <see cref="Run{T}"/>:
/// <c>var status = qmp.Run(c =&gt; c.QueryStatusAsync());</c>.
/// </summary>
public sealed class QmpSyncClient : IDisposable
{
    private QmpSyncClient(QmpClient client) => Client = client;

    /// <summary>The asynchronous client underneath.</summary>
    public QmpClient Client { get; }

    /// <summary>Connects to the QMP Unix socket at <paramref name="path"/>.</summary>
    /// <inheritdoc cref="QmpClient.ConnectUnixAsync"/>
    public static QmpSyncClient ConnectUnix(string path, QmpClientOptions? options = null) =>
        new(QmpClient.ConnectUnixAsync(path, options).GetAwaiter().GetResult());

    /// <summary>Connects over TCP to <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <inheritdoc cref="QmpClient.ConnectUnixAsync"/>
    public static QmpSyncClient ConnectTcp(string host, int port, QmpClientOptions? options = null) =>
        new(QmpClient.ConnectTcpAsync(host, port, options).GetAwaiter().GetResult());

    /// <summary>Runs a command and returns its <c>return</c> value.</summary>
    /// <inheritdoc cref="QmpClient.ExecuteAsync(string, QDict?, CancellationToken)"/>
    public QObject Execute(string command, QDict? arguments = null) =>
        Client.ExecuteAsync(command, arguments).GetAwaiter().GetResult();

    /// <summary>Runs an asynchronous operation on the client (a typed call) and waits for its result.</summary>
    public T Run<T>(Func<QmpClient, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call(Client).GetAwaiter().GetResult();
    }

    /// <summary>Runs an asynchronous operation without result on the client and waits for it.</summary>
    public void Run(Func<QmpClient, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        call(Client).GetAwaiter().GetResult();
    }

    /// <summary>Subscribes to events named <paramref name="names"/>; take them with <see cref="Next"/>.</summary>
    public QmpEventSubscription Subscribe(params string[] names) => Client.Subscribe(names);

    /// <summary>Waits at most <paramref name="timeout"/> for the next event of <paramref name="subscription"/>.</summary>
    /// <exception cref="TimeoutException">None came in time.</exception>
    public static QmpEventMessage Next(QmpEventSubscription subscription, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.NextAsync(timeout).AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc/>
    public void Dispose() => Client.Dispose();
}
