using System.Text;

namespace Machina.Options;

/// <summary>
/// The lexical rules of QemuOpts strings (<c>get_opt_name_value</c>, <c>get_opt_value</c> in
/// QEMU's <c>util/qemu-option.c</c>).
/// </summary>
/// <remarks>
/// A parameter is <c>name=value</c>, a bare <c>flag</c> (meaning <c>flag=on</c>), or
/// <c>noflag</c> (meaning <c>flag=off</c>). With an implied name, a first parameter without '='
/// is that name's value, and may contain ",," like any value. Names are not checked here at all: an
/// empty name, a name with dots, or any other text is passed on to the group, which accepts or
/// rejects it.
/// </remarks>
internal static class QemuOptsSyntax
{
    /// <summary>One parameter read from an option string.</summary>
    /// <param name="Name">The name (after removing a "no" prefix from a flag).</param>
    /// <param name="Value">The value text.</param>
    /// <param name="IsHelp">A bare <c>help</c> or <c>?</c>.</param>
    /// <param name="FlagPrefix">For a bare flag, "" or "no"; null otherwise.</param>
    internal readonly record struct Parameter(string Name, string Value, bool IsHelp, string? FlagPrefix);

    /// <summary>Reads the parameter at <paramref name="position"/>; returns the position of the next one.</summary>
    public static int Next(ReadOnlySpan<char> text, int position, string? firstName, out Parameter parameter)
    {
        var rest = text[position..];
        var length = rest.IndexOfAny('=', ',');
        if (length < 0)
        {
            length = rest.Length;
        }

        int end;
        if (length == rest.Length || rest[length] != '=')
        {
            if (firstName is not null)
            {
                end = ReadValue(rest, out var value);
                parameter = new(firstName, value, false, null);
            }
            else
            {
                var name = rest[..length];
                end = length;
                if (name.StartsWith("no"))
                {
                    parameter = new(name[2..].ToString(), "off", false, "no");
                }
                else
                {
                    var nameText = name.ToString();
                    parameter = new(nameText, "on", QemuConversions.IsHelpOption(nameText), "");
                }
            }
        }
        else
        {
            var name = rest[..length].ToString();
            end = length + 1 + ReadValue(rest[(length + 1)..], out var value);
            parameter = new(name, value, false, null);
        }

        // end is at the ',' ending the parameter, or at the end of the text.
        return position + (end < rest.Length ? end + 1 : end);
    }

    /// <summary>
    /// Reads a value up to a single ',' with ",," standing for ','; returns the offset of that ','
    /// (or the length).
    /// </summary>
    public static int ReadValue(ReadOnlySpan<char> text, out string value)
    {
        var comma = text.IndexOf(',');
        if (comma < 0)
        {
            value = text.ToString();
            return text.Length;
        }

        if (comma + 1 >= text.Length || text[comma + 1] != ',')
        {
            value = text[..comma].ToString();
            return comma;
        }

        var builder = new StringBuilder(text.Length);
        var start = 0;
        while (true)
        {
            comma = text[start..].IndexOf(',');
            if (comma < 0)
            {
                builder.Append(text[start..]);
                value = builder.ToString();
                return text.Length;
            }

            comma += start;
            var doubled = comma + 1 < text.Length && text[comma + 1] == ',';
            builder.Append(text[start..(doubled ? comma + 1 : comma)]);
            if (!doubled)
            {
                value = builder.ToString();
                return comma;
            }

            start = comma + 2;
        }
    }

    /// <summary>The value of the first <c>id</c> parameter, read without an implied name (<c>opts_parse_id</c>).</summary>
    public static string? FindId(ReadOnlySpan<char> text)
    {
        for (var position = 0; position < text.Length;)
        {
            position = Next(text, position, null, out var parameter);
            if (parameter.Name == "id")
            {
                return parameter.Value;
            }
        }

        return null;
    }
}
