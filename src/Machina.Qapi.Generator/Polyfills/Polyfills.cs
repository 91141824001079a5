// The newer .NET APIs that the shared QAPI and QObject sources use, for netstandard2.0, the only
// framework a compiler loads generators for. Each does what the .NET 10 API does for the inputs
// the shared code gives it. (PolySharp adds the language-support attributes.)

using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;

#pragma warning disable IDE0130 // namespaces are those of the APIs stood in for

namespace System
{
    internal static class ThrowPolyfills
    {
        extension(ArgumentNullException)
        {
            public static void ThrowIfNull([NotNull] object? argument, [Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string? paramName = null)
            {
                if (argument is null)
                {
                    throw new ArgumentNullException(paramName);
                }
            }
        }

        extension(ArgumentException)
        {
            public static void ThrowIfNullOrEmpty([NotNull] string? argument, [Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string? paramName = null)
            {
                ArgumentNullException.ThrowIfNull(argument, paramName);
                if (argument.Length == 0)
                {
                    throw new ArgumentException("The value cannot be an empty string.", paramName);
                }
            }
        }

        extension(ArgumentOutOfRangeException)
        {
            public static void ThrowIfNegative(int value, [Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, "must be non-negative");
                }
            }

            public static void ThrowIfGreaterThanOrEqual(uint value, uint other, [Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
            {
                if (value >= other)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, $"must be less than {other}");
                }
            }

            public static void ThrowIfGreaterThanOrEqual(int value, int other, [Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
            {
                if (value >= other)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, $"must be less than {other}");
                }
            }
        }

        extension(char)
        {
            public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

            public static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

            public static bool IsAsciiLetterUpper(char c) => c is >= 'A' and <= 'Z';

            public static bool IsAsciiLetterLower(char c) => c is >= 'a' and <= 'z';

            public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetter(c) || char.IsAsciiDigit(c);
        }

        extension(string)
        {
            public static string Create<TState>(int length, TState state, Buffers.SpanAction<char, TState> action)
            {
                var chars = new char[length];
                action(chars, state);
                return new string(chars);
            }
        }

        public static bool Contains(this string text, char value) => text.IndexOf(value) >= 0;

        public static bool Contains(this string text, char value, StringComparison comparison) =>
            text.IndexOf(value.ToString(), comparison) >= 0;

        public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

        public static bool StartsWith(this ReadOnlySpan<char> text, char value) => text.Length > 0 && text[0] == value;

        public static bool EndsWith(this ReadOnlySpan<char> text, char value) => text.Length > 0 && text[text.Length - 1] == value;

        public static int Count<T>(this Span<T> span, T value)
            where T : IEquatable<T> => ((ReadOnlySpan<T>)span).Count(value);

        public static int Count<T>(this ReadOnlySpan<T> span, T value)
            where T : IEquatable<T>
        {
            var count = 0;
            foreach (var item in span)
            {
                if (item.Equals(value))
                {
                    count++;
                }
            }

            return count;
        }

        public static void AddRange<T>(this Collections.Generic.List<T> list, ReadOnlySpan<T> items)
        {
            foreach (var item in items)
            {
                list.Add(item);
            }
        }

        public static bool EndsWith(this string text, char value) => text.Length > 0 && text[text.Length - 1] == value;

        public static string[] Split(this string text, char separator, StringSplitOptions options) => text.Split([separator], options);

        public static string Replace(this string text, string oldValue, string? newValue, StringComparison comparison) =>
            comparison == StringComparison.Ordinal ? text.Replace(oldValue, newValue) : throw new NotSupportedException();

        public static int IndexOf(this string text, char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison);

        public static void Deconstruct<TKey, TValue>(this Collections.Generic.KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value)
        {
            key = pair.Key;
            value = pair.Value;
        }

        public static bool ContainsAnyExcept(this ReadOnlySpan<char> span, char value)
        {
            foreach (var c in span)
            {
                if (c != value)
                {
                    return true;
                }
            }

            return false;
        }

        public static bool ContainsAnyExcept(this ReadOnlySpan<char> span, Buffers.SearchValues<char> values)
        {
            foreach (var c in span)
            {
                if (!values.Contains(c))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool ContainsAnyExcept(this Span<char> span, Buffers.SearchValues<char> values) => ((ReadOnlySpan<char>)span).ContainsAnyExcept(values);

        public static int IndexOfAnyInRange(this ReadOnlySpan<char> span, char low, char high)
        {
            for (var i = 0; i < span.Length; i++)
            {
                if (span[i] >= low && span[i] <= high)
                {
                    return i;
                }
            }

            return -1;
        }

        public static StringBuilder Append(this StringBuilder builder, ReadOnlySpan<char> value)
        {
            foreach (var c in value)
            {
                builder.Append(c);
            }

            return builder;
        }
    }

    /// <summary><see cref="System.HashCode"/> as .NET has it (FNV-style mixing; only equality of results matters here).</summary>
    internal struct HashCode
    {
        private int _value;

        public void Add<T>(T value) => _value = unchecked((_value * 31) + (value?.GetHashCode() ?? 0));

        public readonly int ToHashCode() => _value;

        public static int Combine<T1, T2>(T1 first, T2 second)
        {
            var hash = default(HashCode);
            hash.Add(first);
            hash.Add(second);
            return hash.ToHashCode();
        }
    }
}

namespace System.Runtime.CompilerServices
{
    /// <summary>What the compiler needs for ranges of arrays (<c>bytes[..n]</c>).</summary>
    internal static class RuntimeHelpers
    {
        public static T[] GetSubArray<T>(T[] array, Range range)
        {
            var (offset, length) = range.GetOffsetAndLength(array.Length);
            var result = new T[length];
            Array.Copy(array, offset, result, 0, length);
            return result;
        }
    }

    /// <summary>What the compiler needs for interpolated strings holding spans.</summary>
    internal ref struct DefaultInterpolatedStringHandler
    {
        private readonly StringBuilder _text;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + (formattedCount * 8));

        public readonly void AppendLiteral(string value) => _text.Append(value);

        public readonly void AppendFormatted<T>(T value) => _text.Append(value);

        public readonly void AppendFormatted<T>(T value, string? format) =>
            _text.Append(value is IFormattable formattable ? formattable.ToString(format, Globalization.CultureInfo.CurrentCulture) : value?.ToString());

        public readonly void AppendFormatted(ReadOnlySpan<char> value) => _text.Append(value.ToString());

        public readonly void AppendFormatted(string? value) => _text.Append(value);

        public readonly string ToStringAndClear() => _text.ToString();
    }
}

namespace System.Buffers
{
    internal delegate void SpanAction<T, in TArg>(Span<T> span, TArg arg);

    internal static class SearchValues
    {
        public static SearchValues<char> Create(string values) => new(values);
    }

    /// <summary>A set of characters to search for.</summary>
    internal sealed class SearchValues<T>
        where T : IEquatable<T>
    {
        private readonly HashSet<char> _values;

        internal SearchValues(string values) => _values = [.. values];

        public bool Contains(T value) => value is char c && _values.Contains(c);
    }
}

namespace System.Collections.Generic
{
    internal static class CollectionPolyfills
    {
        public static TValue? GetValueOrDefault<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> dictionary, TKey key) =>
            dictionary.TryGetValue(key, out var value) ? value : default;

        public static TValue? GetValueOrDefault<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key)
            where TKey : notnull =>
            dictionary.TryGetValue(key, out var value) ? value : default;

        public static bool TryAdd<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key, TValue value)
            where TKey : notnull
        {
            if (dictionary.ContainsKey(key))
            {
                return false;
            }

            dictionary.Add(key, value);
            return true;
        }

        public static ReadOnlyHashSet<T> ToHashSet<T>(this IEnumerable<T> source, IEqualityComparer<T>? comparer) => new(source, comparer);

        public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> source) => source.OrderBy(x => x);

        public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> source, IComparer<T> comparer) => source.OrderBy(x => x, comparer);
    }

    /// <summary>A read-only set, as .NET 5 and later have it.</summary>
    public interface IReadOnlySet<T> : IReadOnlyCollection<T>
    {
        bool Contains(T item);
    }

    /// <summary>A set that is also an <see cref="IReadOnlySet{T}"/>, standing in where the shared code builds one.</summary>
    public sealed class ReadOnlyHashSet<T> : HashSet<T>, IReadOnlySet<T>
    {
        public ReadOnlyHashSet(IEnumerable<T> items, IEqualityComparer<T>? comparer)
            : base(items, comparer)
        {
        }

        public ReadOnlyHashSet(IEqualityComparer<T>? comparer)
            : base(comparer)
        {
        }
    }

    /// <summary>A dictionary that keeps insertion order, as .NET 9's.</summary>
    public sealed class OrderedDictionary<TKey, TValue>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, int> _index;
        private readonly List<TKey> _keys = [];
        private readonly List<TValue> _values = [];

        public OrderedDictionary(IEqualityComparer<TKey>? comparer) => _index = new Dictionary<TKey, int>(comparer);

        public int Count => _keys.Count;

        public IReadOnlyList<TValue> Values => _values;

        public IReadOnlyList<TKey> Keys => _keys;

        public TValue this[TKey key]
        {
            get => _values[_index[key]];
            set
            {
                if (_index.TryGetValue(key, out var i))
                {
                    _values[i] = value;
                }
                else
                {
                    Add(key, value);
                }
            }
        }

        public void Add(TKey key, TValue value)
        {
            _index.Add(key, _keys.Count);
            _keys.Add(key);
            _values.Add(value);
        }

        public bool TryAdd(TKey key, TValue value)
        {
            if (_index.ContainsKey(key))
            {
                return false;
            }

            Add(key, value);
            return true;
        }

        public bool ContainsKey(TKey key) => _index.ContainsKey(key);

        public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
        {
            if (_index.TryGetValue(key, out var i))
            {
                value = _values[i];
                return true;
            }

            value = default;
            return false;
        }

        public TValue? GetValueOrDefault(TKey key) => TryGetValue(key, out var value) ? value : default;

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
        {
            for (var i = 0; i < _keys.Count; i++)
            {
                yield return new KeyValuePair<TKey, TValue>(_keys[i], _values[i]);
            }
        }
    }
}

namespace System.IO
{
    internal static class PathPolyfills
    {
        extension(Path)
        {
            public static string GetFullPath(string path, string basePath) =>
                Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(basePath, path));

            public static string TrimEndingDirectorySeparator(string path) =>
                path.Length > 1 && (path[path.Length - 1] == '/' || path[path.Length - 1] == '\\') ? path.Substring(0, path.Length - 1) : path;

            public static string GetRelativePath(string relativeTo, string path)
            {
                var from = Path.GetFullPath(relativeTo).TrimEnd('/', '\\').Split('/', '\\');
                var to = Path.GetFullPath(path).Split('/', '\\');
                var common = 0;
                while (common < from.Length && common < to.Length && from[common] == to[common])
                {
                    common++;
                }

                var parts = Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)).ToArray();
                return parts.Length == 0 ? "." : string.Join("/", parts);
            }
        }

        public static int Read(this Stream stream, Span<byte> buffer)
        {
            var bytes = new byte[buffer.Length];
            var read = stream.Read(bytes, 0, bytes.Length);
            bytes.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
    }
}

namespace System.Runtime.InteropServices
{
    internal static class MarshalPolyfills
    {
        extension(Marshal)
        {
            public static string GetPInvokeErrorMessage(int error) => new ComponentModel.Win32Exception(error).Message;
        }
    }
}

namespace System.Text
{
    internal static class EncodingPolyfills
    {
        extension(Encoding)
        {
            public static Encoding Latin1 => Encoding.GetEncoding("iso-8859-1");
        }

        public static int GetChars(this Encoding encoding, ReadOnlySpan<byte> bytes, Span<char> chars)
        {
            var decoded = encoding.GetChars(bytes.ToArray());
            decoded.AsSpan().CopyTo(chars);
            return decoded.Length;
        }

        public static string GetString(this Encoding encoding, ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());
    }

    /// <summary>A Unicode scalar value, for decoding UTF-8 as .NET's <c>Rune</c> does.</summary>
    internal readonly struct Rune
    {
        public Rune(int value) => Value = value;

        public int Value { get; }

        public bool IsBmp => Value <= 0xFFFF;

        public override string ToString() => char.ConvertFromUtf32(Value);

        /// <summary>Decodes the first scalar; invalid input gives U+FFFD and the length of the invalid prefix.</summary>
        public static Buffers.OperationStatus DecodeFromUtf8(ReadOnlySpan<byte> source, out Rune result, out int bytesConsumed)
        {
            if (source.IsEmpty)
            {
                result = new Rune(0xFFFD);
                bytesConsumed = 0;
                return Buffers.OperationStatus.NeedMoreData;
            }

            var first = source[0];
            if (first < 0x80)
            {
                result = new Rune(first);
                bytesConsumed = 1;
                return Buffers.OperationStatus.Done;
            }

            var (length, min, value) = first switch
            {
                >= 0xC2 and <= 0xDF => (2, 0x80, first & 0x1F),
                >= 0xE0 and <= 0xEF => (3, 0x800, first & 0x0F),
                >= 0xF0 and <= 0xF4 => (4, 0x10000, first & 0x07),
                _ => (0, 0, 0),
            };
            var i = 1;
            for (; i < length && i < source.Length && (source[i] & 0xC0) == 0x80; i++)
            {
                value = (value << 6) | (source[i] & 0x3F);
            }

            if (length == 0 || i < length || value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            {
                result = new Rune(0xFFFD);
                bytesConsumed = Math.Max(1, length == 0 ? 1 : i);
                return i < length && i == source.Length ? Buffers.OperationStatus.NeedMoreData : Buffers.OperationStatus.InvalidData;
            }

            result = new Rune(value);
            bytesConsumed = length;
            return Buffers.OperationStatus.Done;
        }
    }
}

namespace System.Text.Unicode
{
    /// <summary>UTF-8 validation and decoding, as .NET's <c>Utf8</c> class.</summary>
    internal static class Utf8
    {
        public static bool IsValid(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty)
            {
                if (Rune.DecodeFromUtf8(bytes, out _, out var length) != Buffers.OperationStatus.Done)
                {
                    return false;
                }

                bytes = bytes.Slice(length);
            }

            return true;
        }

        public static Buffers.OperationStatus ToUtf16(ReadOnlySpan<byte> source, Span<char> destination, out int bytesRead, out int charsWritten, bool replaceInvalidSequences = true, bool isFinalBlock = true)
        {
            bytesRead = 0;
            charsWritten = 0;
            while (bytesRead < source.Length)
            {
                var status = Rune.DecodeFromUtf8(source.Slice(bytesRead), out var rune, out var length);
                if (status != Buffers.OperationStatus.Done && !replaceInvalidSequences)
                {
                    return status;
                }

                var text = rune.ToString();
                if (charsWritten + text.Length > destination.Length)
                {
                    return Buffers.OperationStatus.DestinationTooSmall;
                }

                text.AsSpan().CopyTo(destination.Slice(charsWritten));
                charsWritten += text.Length;
                bytesRead += length;
            }

            return Buffers.OperationStatus.Done;
        }
    }
}

namespace Machina.QObjects.Json
{
    /// <summary>The compact JSON form of a value, for <c>QObject.ToString</c> in the generator's copy of the value classes.</summary>
    internal static class QJson
    {
        public static string ToJson(QObject value)
        {
            var text = new StringBuilder();
            Write(value, text);
            return text.ToString();
        }

        private static void Write(QObject value, StringBuilder text)
        {
            switch (value)
            {
                case QDict dict:
                    text.Append('{');
                    var first = true;
                    foreach (var entry in dict)
                    {
                        text.Append(first ? string.Empty : ", ");
                        WriteString(entry.Key, text);
                        text.Append(": ");
                        Write(entry.Value, text);
                        first = false;
                    }

                    text.Append('}');
                    break;
                case QList list:
                    text.Append('[');
                    for (var i = 0; i < list.Count; i++)
                    {
                        text.Append(i > 0 ? ", " : string.Empty);
                        Write(list[i], text);
                    }

                    text.Append(']');
                    break;
                case QString s:
                    WriteString(s.Value, text);
                    break;
                case QBool b:
                    text.Append(b.Value ? "true" : "false");
                    break;
                case QNull:
                    text.Append("null");
                    break;
                default:
                    text.Append(((QNum)value).ToString());
                    break;
            }
        }

        private static void WriteString(string value, StringBuilder text)
        {
            text.Append('"');
            foreach (var c in value)
            {
                _ = c switch
                {
                    '"' => text.Append("\\\""),
                    '\\' => text.Append("\\\\"),
                    < ' ' or > '~' => text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                    _ => text.Append(c),
                };
            }

            text.Append('"');
        }
    }
}
