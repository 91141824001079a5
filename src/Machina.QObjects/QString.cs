using System.Text;

namespace Machina.QObjects;

/// <summary>A string.</summary>
/// <remarks>
/// QEMU's strings are UTF-8 byte strings; every string its JSON parser can produce is valid
/// Unicode (with U+0000 allowed), so a .NET <see cref="string"/> holds each of them exactly.
/// </remarks>
public sealed class QString : QObject
{
    private string? _value;

    // A long string from the JSON parser, validated there, until it is first read.
    private byte[]? _utf8;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public QString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>A string held as <paramref name="utf8"/>, which must be valid UTF-8 naming QEMU's string, decoded on first use.</summary>
    internal QString(byte[] utf8) => _utf8 = utf8;

    /// <summary>The empty string.</summary>
    public static QString Empty { get; } = new(string.Empty);

    /// <summary>The string.</summary>
    public string Value => Volatile.Read(ref _value) ?? Decode();

    /// <inheritdoc/>
    public override QType Type => QType.QString;

    /// <inheritdoc/>
    public override QObject DeepClone() => this;

    /// <inheritdoc/>
    public override bool Equals(QObject? other) => other is QString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    private string Decode()
    {
        var utf8 = Volatile.Read(ref _utf8);
        if (utf8 is null)
        {
            // Another thread has just decoded it, and published the string first.
            return Volatile.Read(ref _value)!;
        }

        var value = Encoding.UTF8.GetString(utf8);
        Volatile.Write(ref _value, value);
        Volatile.Write(ref _utf8, null);
        return value;
    }

    /// <summary>Unwraps the string.</summary>
    public static implicit operator string(QString value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Value;
    }
}
