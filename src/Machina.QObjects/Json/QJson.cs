using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Machina.QObjects.Json;

/// <summary>
/// Reads and writes QEMU's JSON dialect: JSON plus single-quoted strings and the <c>\'</c> escape,
/// with QEMU's number, string and error rules.
/// </summary>
/// <remarks>
/// <para>Reading follows QEMU's <c>qobject_from_json</c>: the input must hold exactly one value
/// (surrounding whitespace is fine). Errors carry QEMU's message text and a byte position; see
/// <see cref="QJsonError"/>. For a stream of messages, use <see cref="QJsonMessageSplitter"/>.</para>
/// <para>Writing follows QEMU's <c>qobject_to_json</c> / <c>qobject_to_json_pretty</c>; see
/// <see cref="QJsonWriterOptions"/>.</para>
/// <para>A large message (64 KiB and more) is validated completely when it is read, so every error
/// is reported then, but its dictionaries and lists are built when first used, as
/// System.Text.Json's <c>JsonNode</c> builds its nodes. Until then they keep a copy of the message.
/// The result behaves exactly like a tree built at once, also when several threads read it.</para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class QJson
{
    // From this size on, a message's containers are built when first used (see JsonTape.cs). A tree
    // built at once must survive the garbage collector while it grows, which large messages pay
    // for dearly; deferring costs a second visit of every value that is read (measured on QEMU's
    // schema reply: validating 2.5 times faster than building at once, reading all 1.25 times slower).
    private const int DeferredMinLength = 64 << 10;

    [ThreadStatic]
    private static QJsonMessageSplitter? t_splitter;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_output;

    /// <summary>Reads the one value in <paramref name="utf8"/>.</summary>
    /// <exception cref="QJsonException">The input is not exactly one valid value; the message is QEMU's.</exception>
    public static QObject Parse(ReadOnlySpan<byte> utf8) =>
        TryParse(utf8, out var value, out var error) ? value : throw error.ToException();

    /// <summary>Reads the one value in <paramref name="json"/>.</summary>
    /// <remarks>
    /// The text is read as its UTF-8 encoding. An unpaired surrogate, which UTF-8 cannot hold, is
    /// encoded as its three-byte form, so it is rejected as invalid UTF-8 exactly as QEMU rejects those bytes.
    /// </remarks>
    /// <exception cref="QJsonException">The input is not exactly one valid value; the message is QEMU's.</exception>
    public static QObject Parse(string json) =>
        TryParse(json, out var value, out var error) ? value : throw error.ToException();

    /// <summary>Reads the one value in <paramref name="utf8"/>, or says why it cannot.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out QObject? value, [NotNullWhen(false)] out QJsonError? error)
    {
        // Parsing runs no user code, so one splitter per thread cannot be re-entered.
        var splitter = t_splitter ??= new QJsonMessageSplitter();
        if (utf8.Length >= DeferredMinLength && splitter.Parser.TryParseDeferred(utf8) is { } deferred)
        {
            value = deferred;
            error = null;
            return true;
        }

        if (splitter.Parser.TryParseDirect(utf8) is { } direct)
        {
            value = direct;
            error = null;
            return true;
        }

        try
        {
            return ParseExactly(splitter, utf8, out value, out error);
        }
        finally
        {
            splitter.Reset();
        }
    }

    /// <summary>Reads the one value in <paramref name="json"/>, or says why it cannot.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out QObject? value, [NotNullWhen(false)] out QJsonError? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(json.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var length = EncodeUtf8(json, rented);
            return TryParse(rented.AsSpan(0, length), out value, out error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes <paramref name="value"/> as JSON to <paramref name="output"/>.</summary>
    /// <exception cref="InsufficientExecutionStackException">The value nests too deeply (or contains itself).</exception>
    public static void Write(QObject value, IBufferWriter<byte> output, QJsonWriterOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(output);
        new JsonWriter(output, options).WriteRoot(value);
    }

    /// <summary><paramref name="value"/> as JSON in UTF-8 (all ASCII).</summary>
    /// <exception cref="InsufficientExecutionStackException">The value nests too deeply (or contains itself).</exception>
    public static byte[] ToUtf8Bytes(QObject value, QJsonWriterOptions options = default)
    {
        var output = RentOutput();
        Write(value, output, options);
        var bytes = output.WrittenSpan.ToArray();
        ReturnOutput(output);
        return bytes;
    }

    /// <summary><paramref name="value"/> as JSON text.</summary>
    /// <exception cref="InsufficientExecutionStackException">The value nests too deeply (or contains itself).</exception>
    public static string ToJson(QObject value, QJsonWriterOptions options = default)
    {
        var output = RentOutput();
        Write(value, output, options);
        var text = Encoding.ASCII.GetString(output.WrittenSpan);
        ReturnOutput(output);
        return text;
    }

    /// <summary><see cref="TryParse(ReadOnlySpan{byte}, out QObject?, out QJsonError?)"/> without the direct path (for tests).</summary>
    internal static bool TryParseExactly(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out QObject? value, [NotNullWhen(false)] out QJsonError? error) =>
        ParseExactly(new QJsonMessageSplitter(), utf8, out value, out error);

    private static bool ParseExactly(QJsonMessageSplitter splitter, ReadOnlySpan<byte> utf8,
        [NotNullWhen(true)] out QObject? value, [NotNullWhen(false)] out QJsonError? error)
    {
        // QEMU's qobject_from_json: feed everything, flush, and insist on exactly one value.
        splitter.StartOneValueMode();
        splitter.Feed(utf8);
        splitter.Flush();
        if (!splitter.TryRead(out var first))
        {
            value = null;
            error = new QJsonError("Expecting a JSON value", utf8.Length);
            return false;
        }

        if (first.IsError)
        {
            value = null;
            error = first.Error;
            return false;
        }

        if (splitter.TryRead(out var second))
        {
            value = null;
            error = new QJsonError("Expecting at most one JSON value", second.IsError ? second.Error.Position : splitter.LastMessagePosition);
            return false;
        }

        value = first.Value;
        error = null;
        return true;
    }

    /// <summary>UTF-8, except that an unpaired surrogate becomes its (invalid) three-byte form.</summary>
    private static int EncodeUtf8(string json, byte[] destination)
    {
        var source = json.AsSpan();
        var written = 0;
        while (true)
        {
            var status = Utf8.FromUtf16(source, destination.AsSpan(written), out var read, out var n, replaceInvalidSequences: false);
            written += n;
            source = source[read..];
            if (status == OperationStatus.Done)
            {
                return written;
            }

            int c = source[0];
            destination[written++] = (byte)(0xE0 | (c >> 12));
            destination[written++] = (byte)(0x80 | ((c >> 6) & 0x3F));
            destination[written++] = (byte)(0x80 | (c & 0x3F));
            source = source[1..];
        }
    }

    private static ArrayBufferWriter<byte> RentOutput()
    {
        var output = t_output ?? new ArrayBufferWriter<byte>(1024);
        t_output = null;
        return output;
    }

    private static void ReturnOutput(ArrayBufferWriter<byte> output)
    {
        if (output.Capacity <= 1 << 20)
        {
            output.ResetWrittenCount();
            t_output = output;
        }
    }
}
