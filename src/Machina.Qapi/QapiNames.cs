using System.Buffers;

namespace Machina.Qapi;

/// <summary>
/// The naming rules of the QAPI schema language, and the mapping of names to C identifiers that
/// QEMU's checker uses to detect members that would clash in generated code.
/// </summary>
public static class QapiNames
{
    private static readonly SearchValues<char> CIdentifierChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static readonly HashSet<string> ReservedCWords = new(
    [
        // C89
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "int", "long", "register", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",

        // C99 and C11
        "inline", "restrict", "_Bool", "_Complex", "_Imaginary",
        "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert", "_Thread_local",

        // GCC extensions
        "asm", "typeof",

        // C++, including the alternative operator spellings
        "bool", "catch", "class", "const_cast", "delete", "dynamic_cast", "explicit", "false", "friend",
        "mutable", "namespace", "new", "operator", "private", "protected", "public", "reinterpret_cast",
        "static_cast", "template", "this", "throw", "true", "try", "typeid", "typename", "using", "virtual",
        "wchar_t", "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or", "or_eq", "xor", "xor_eq",

        // Macros some C libraries predefine
        "unix", "errno", "mips", "sparc", "i386", "linux",
    ], StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="name"/> as a C identifier: every character other than an ASCII letter, digit
    /// or <c>_</c> becomes <c>_</c>. With <paramref name="protect"/>, C and C++ keywords, a few
    /// predefined macro names and names starting with a digit get a <c>q_</c> prefix.
    /// </summary>
    public static string CName(string name, bool protect = true)
    {
        ArgumentNullException.ThrowIfNull(name);
        var mapped = name;
        if (name.AsSpan().ContainsAnyExcept(CIdentifierChars))
        {
            mapped = string.Create(name.Length, name, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = CIdentifierChars.Contains(source[i]) ? source[i] : '_';
                }
            });
        }

        if (protect && (ReservedCWords.Contains(mapped) || (mapped.Length > 0 && char.IsAsciiDigit(mapped[0]))))
        {
            return "q_" + mapped;
        }

        return mapped;
    }

    /// <summary>
    /// Splits a name into QAPI's parts: an optional downstream prefix <c>__RFQDN_</c>, an optional
    /// experimental prefix <c>x-</c>, and the stem, which starts with a letter and continues with
    /// letters, digits, <c>-</c> and <c>_</c> (letters ASCII, either case).
    /// </summary>
    /// <returns>The stem, or null when the name is not a valid QAPI name.</returns>
    public static string? Stem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        // A downstream prefix is "__", a run of letters, digits, '.' and '-', then '_'. The run
        // cannot contain '_', so when the prefix is there at all it ends at the first '_' after it.
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            var end = 2;
            while (end < name.Length && (char.IsAsciiLetterOrDigit(name[end]) || name[end] is '.' or '-'))
            {
                end++;
            }

            if (end > 2 && end < name.Length && name[end] == '_' && StemAfterPrefixes(name, end + 1) is { } stem)
            {
                return stem;
            }
        }

        return StemAfterPrefixes(name, 0);
    }

    /// <summary>
    /// The length of the QAPI name at the start of <paramref name="text"/>, as QEMU's C function
    /// <c>parse_qapi_name</c> (qapi/qapi-util.c) reads it at run time: an optional downstream prefix
    /// <c>__RFQDN_</c> (ASCII letters, digits, <c>-</c> and <c>.</c>; it may be empty), then an ASCII
    /// letter followed by letters, digits, <c>-</c> and <c>_</c>. The keyval parser reads keys with it.
    /// </summary>
    /// <remarks>
    /// This is the run-time rule, not the schema checker's: <see cref="Stem"/> follows QEMU's Python
    /// front end, which wants at least one character in a downstream prefix.
    /// </remarks>
    /// <param name="text">The text.</param>
    /// <param name="complete">When true the name must be all of <paramref name="text"/>.</param>
    /// <returns>The length, or -1 when there is no name (or, with <paramref name="complete"/>, more follows).</returns>
    public static int ParseName(ReadOnlySpan<char> text, bool complete)
    {
        var p = 0;
        if (p < text.Length && text[p] == '_')
        {
            p++;
            if (p >= text.Length || text[p] != '_')
            {
                return -1;
            }

            p++;
            while (p < text.Length && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is '-' or '.'))
            {
                p++;
            }

            if (p >= text.Length || text[p] != '_')
            {
                return -1;
            }

            p++;
        }

        if (p >= text.Length || !char.IsAsciiLetter(text[p]))
        {
            return -1;
        }

        p++;
        while (p < text.Length && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is '-' or '_'))
        {
            p++;
        }

        return complete && p < text.Length ? -1 : p;
    }

    private static string? StemAfterPrefixes(string name, int start)
    {
        if (name.Length - start >= 2 && name[start] is 'x' or 'X' && name[start + 1] == '-' && IsStem(name.AsSpan(start + 2)))
        {
            return name[(start + 2)..];
        }

        return IsStem(name.AsSpan(start)) ? name[start..] : null;
    }

    private static bool IsStem(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text[1..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
