using Machina.QObjects;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>Assertions shared by the visitor tests.</summary>
internal static class VisitorAssert
{
    /// <summary>Asserts <paramref name="action"/> fails with a QAPI error whose message is exactly <paramref name="message"/>.</summary>
    public static QapiException Fails(string message, Action action)
    {
        var e = Assert.Throws<QapiException>(action);
        Assert.Equal(message, e.Message);
        Assert.Equal(QapiErrorClass.GenericError, e.ErrorClass);
        return e;
    }

    /// <summary>QObject equality with QEMU's rules (static type QObject keeps xunit from comparing as sequences).</summary>
    public static void Same(QObject expected, QObject actual) => Assert.Equal(expected, actual);
}
