namespace Machina.Options.Internal;

/// <summary>Every error QEMU's option code reports, with QEMU's exact wording, in one place.</summary>
internal static class Messages
{
    public const string IdHint = "Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n";

    public const string SizeHint = "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\n" +
                                   "and exabytes, respectively.\n";

    // QERR_INVALID_PARAMETER
    public static OptionsError InvalidParameter(string name) =>
        new(OptionsErrorCode.InvalidParameter, $"Invalid parameter '{name}'");

    // QERR_INVALID_PARAMETER_VALUE
    public static OptionsError InvalidValue(string name, string expected, string? hint = null) =>
        new(OptionsErrorCode.InvalidValue, $"Parameter '{name}' expects {expected}", hint);

    // QERR_MISSING_PARAMETER
    public static OptionsError MissingParameter(string name) =>
        new(OptionsErrorCode.MissingParameter, $"Parameter '{name}' is missing");

    public static OptionsError ParameterTooLong(bool fragment, string text) =>
        new(OptionsErrorCode.ParameterTooLong, $"Parameter{(fragment ? " fragment" : "")} '{text}' is too long");

    public static OptionsError ExpectedEquals(string key) =>
        new(OptionsErrorCode.ExpectedEquals, $"Expected '=' after parameter '{key}'");

    // keyval_parse_put and keyval_listify: the path printed ends just before the '*'.
    public static OptionsError UsedInconsistently(string pathWithDot) =>
        new(OptionsErrorCode.InconsistentParameters, $"Parameters '{pathWithDot}*' used inconsistently");

    // keyval_merge says "Parameter", singular, and names the whole path.
    public static OptionsError MergedInconsistently(string path) =>
        new(OptionsErrorCode.InconsistentParameters, $"Parameter '{path}' used inconsistently");

    public static OptionsError ListElementMissing(string pathWithDot, int index) =>
        new(OptionsErrorCode.MissingListElement, $"Parameter '{pathWithDot}{index}' missing");

    public static OptionsError HelpNotAvailable() =>
        new(OptionsErrorCode.HelpNotAvailable, "Help is not available for this option");

    public static OptionsError BoolExpected(string name) => InvalidValue(name, "'on' or 'off'");

    public static OptionsError NumberExpected(string name) => InvalidValue(name, "a number");

    public static OptionsError NumberTooLarge(string name, string value) =>
        new(OptionsErrorCode.ValueOutOfRange, $"Value '{value}' is too large for parameter '{name}'");

    public static OptionsError SizeExpected(string name) =>
        InvalidValue(name, "a non-negative number below 2^64", SizeHint);

    public static OptionsError SizeOutOfRange(string name, string value) =>
        new(OptionsErrorCode.ValueOutOfRange, $"Value '{value}' is out of range for parameter '{name}'");

    public static OptionsError IdExpected() => InvalidValue("id", "an identifier", IdHint);

    public static OptionsError DuplicateId(string id, string? listName) =>
        new(OptionsErrorCode.DuplicateId, $"Duplicate ID '{id}' for {listName ?? "(null)"}");

    public static OptionsError NoSuchGroup(string group) =>
        new(OptionsErrorCode.NoSuchGroup, $"There is no option group '{group}'");

    public static OptionsError DeviceNotFound(string name) =>
        new(OptionsErrorCode.DeviceNotFound, $"Device '{name}' not found");

    public static OptionsWarning ShortFormBoolean(string prefix, string name, string value) =>
        new($"short-form boolean option '{prefix}{name}' deprecated",
            name == "delay"
                ? $"Please use nodelay={(prefix.Length != 0 ? "on" : "off")} instead"
                : $"Please use {name}={value} instead");

    public static OptionsWarning HexWithSuffix(string value) =>
        new($"Using a multiplier suffix on hex numbers is deprecated: {value}");
}
