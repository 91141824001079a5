using Machina.Qapi;
using Machina.Qapi.Visitors;

namespace Machina.Qmp.Client;

/// <summary>
/// The server answered a command with an error: <c>{"error": {"class": ..., "desc": ...}}</c>.
/// </summary>
/// <remarks>
/// <see cref="QapiException.ErrorClass"/> is the class when it is one this library knows (QEMU
/// 7.2's <c>QapiErrorClass</c>), else <see cref="QapiErrorClass.GenericError"/>;
/// <see cref="ClassName"/> is always the class as sent, so a newer server's classes are not lost.
/// </remarks>
public sealed class QmpErrorException : QapiException
{
    /// <summary>An error reply to <paramref name="command"/>.</summary>
    public QmpErrorException(string command, string className, string description)
        : base(ClassOf(className), description)
    {
        Command = command;
        ClassName = className;
    }

    /// <summary>The command that failed.</summary>
    public string Command { get; }

    /// <summary>The error class exactly as the server sent it, such as <c>CommandNotFound</c>.</summary>
    public string ClassName { get; }

    /// <summary>The server's description of the error (the same as <see cref="Exception.Message"/>).</summary>
    public string Description => Message;

    private static QapiErrorClass ClassOf(string name) =>
        QapiEnum.TryParse<QapiErrorClass>(name, out var known) ? known : QapiErrorClass.GenericError;
}

/// <summary>
/// The connection ended (the server closed it, the process died, or the client was disposed)
/// while a call waited for its reply or before it could be sent.
/// </summary>
public sealed class QmpDisconnectedException : IOException
{
    /// <summary>A disconnection described by <paramref name="message"/>.</summary>
    public QmpDisconnectedException(string message)
        : base(message)
    {
    }

    /// <summary>A disconnection described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public QmpDisconnectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A disconnection.</summary>
    public QmpDisconnectedException()
        : base("the QMP connection is closed")
    {
    }
}

/// <summary>The server sent something that is not QMP: bad JSON, or a message of no known kind.</summary>
public sealed class QmpProtocolException : IOException
{
    /// <summary>A protocol violation described by <paramref name="message"/>.</summary>
    public QmpProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>A protocol violation described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public QmpProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A protocol violation.</summary>
    public QmpProtocolException()
        : base("the QMP server broke the protocol")
    {
    }
}
