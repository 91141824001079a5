namespace Machina.Qapi.Source;

/// <summary>
/// The settings a schema makes with <c>{ 'pragma': { ... } }</c>. One instance is shared by the main
/// file and everything it includes, and the checker reads it after the whole schema is parsed, so a
/// pragma anywhere applies to every definition.
/// </summary>
public sealed class QapiPragma
{
    /// <summary>Whether every definition must have a documentation comment (<c>doc-required</c>).</summary>
    public bool DocRequired { get; internal set; }

    /// <summary>Commands whose names may contain <c>_</c> (<c>command-name-exceptions</c>).</summary>
    public IReadOnlySet<string> CommandNameExceptions { get; internal set; } = Empty;

    /// <summary>Commands that may return something other than an object (<c>command-returns-exceptions</c>).</summary>
    public IReadOnlySet<string> CommandReturnsExceptions { get; internal set; } = Empty;

    /// <summary>Types whose member names may break the naming rules (<c>member-name-exceptions</c>).</summary>
    public IReadOnlySet<string> MemberNameExceptions { get; internal set; } = Empty;

    private static IReadOnlySet<string> Empty { get; } = Enumerable.Empty<string>().ToHashSet(StringComparer.Ordinal);
}
