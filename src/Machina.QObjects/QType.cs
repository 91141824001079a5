namespace Machina.QObjects;

/// <summary>
/// The kind of a <see cref="QObject"/>, with QEMU's <c>QType</c> numbering and names
/// (the QAPI built-in enum <c>QType</c> uses the lower-case names on the wire).
/// </summary>
public enum QType
{
    /// <summary>No value (<c>none</c>); never the type of an existing object.</summary>
    None = 0,
    /// <summary>JSON <c>null</c> (<c>qnull</c>).</summary>
    QNull,
    /// <summary>A number (<c>qnum</c>).</summary>
    QNum,
    /// <summary>A string (<c>qstring</c>).</summary>
    QString,
    /// <summary>A dictionary (<c>qdict</c>).</summary>
    QDict,
    /// <summary>A list (<c>qlist</c>).</summary>
    QList,
    /// <summary>A boolean (<c>qbool</c>).</summary>
    QBool,
}

/// <summary>Names of <see cref="QType"/> values as QAPI spells them.</summary>
public static class QTypeNames
{
    /// <summary>The QAPI wire name of <paramref name="type"/>, for example <c>qdict</c>.</summary>
    public static string ToQapiName(this QType type) => type switch
    {
        QType.None => "none",
        QType.QNull => "qnull",
        QType.QNum => "qnum",
        QType.QString => "qstring",
        QType.QDict => "qdict",
        QType.QList => "qlist",
        QType.QBool => "qbool",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a QType"),
    };
}
