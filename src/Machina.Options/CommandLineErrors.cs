using Machina.Qapi;

namespace Machina.Options;

/// <summary>Error lines as QEMU prints them for a command-line option.</summary>
public static class CommandLineErrors
{
    /// <summary>
    /// What QEMU prints on standard error when <paramref name="option"/> <paramref name="argument"/>
    /// fails (<c>error_report_err</c> with the option's location):
    /// <c>PROGRAM: OPTION ARGUMENT: MESSAGE</c>, a newline, then the hint if there is one.
    /// </summary>
    /// <param name="program">The program's name, for example <c>qemu-system-x86_64</c>.</param>
    /// <param name="option">The option as given, for example <c>-device</c>.</param>
    /// <param name="argument">The option's argument as given.</param>
    /// <param name="error">The error: an <see cref="OptionsException"/> or any other <see cref="QapiException"/>.</param>
    /// <example>
    /// <code>qemu-system-x86_64: -device {"driver":: JSON parse error, premature EOI</code>
    /// </example>
    public static string Format(string program, string option, string argument, QapiException error)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(argument);
        ArgumentNullException.ThrowIfNull(error);
        return $"{program}: {option} {argument}: {error.Message}\n{error.Hint}";
    }
}
