using System.Diagnostics.CodeAnalysis;
using Machina.Qapi;
using Machina.Qapi.Visitors;
using Machina.QObjects;

namespace Machina.Qom;

/// <summary>
/// Passes every visit on to another visitor, renaming the top-level member <c>from</c> to
/// <c>to</c> (QEMU's <c>visitor_forward_field</c>). Alias properties use it: the target property's
/// accessor visits under the target's name, the caller's visitor expects the alias's.
/// </summary>
internal sealed class ForwardFieldVisitor : Visitor
{
    private readonly Visitor _target;
    private readonly string _from;
    private readonly string _to;
    private int _depth;

    public ForwardFieldVisitor(Visitor target, string from, string to)
        : base(target.Kind)
    {
        if (target.Kind == VisitorKind.Clone)
        {
            throw new ArgumentException("a clone visit has no top-level name to forward", nameof(target));
        }

        _target = target;
        _from = from;
        _to = to;
        Policy = target.Policy;
    }

    public override void StartStruct(string? name)
    {
        _target.StartStruct(Translate(name));
        _depth++;
    }

    public override void CheckStruct() => _target.CheckStruct();

    public override void EndStruct()
    {
        _depth--;
        _target.EndStruct();
    }

    public override bool StartList(string? name, int count)
    {
        var translated = Translate(name);
        _depth++;
        return _target.StartList(translated, count);
    }

    public override bool NextList() => _target.NextList();

    public override void CheckList() => _target.CheckList();

    public override void EndList()
    {
        _depth--;
        _target.EndList();
    }

    // The alternate's name is used again by the visit of its branch, so the depth stays.
    public override QType StartAlternate(string? name, QType current) => _target.StartAlternate(Translate(name), current);

    public override void EndAlternate() => _target.EndAlternate();

    public override bool VisitOptional(string name, bool present) =>
        TryTranslate(name, out var translated) && _target.VisitOptional(translated!, present);

    public override void CheckPolicy(string name, QapiSpecialFeatures features) => _target.CheckPolicy(Translate(name)!, features);

    public override bool SkipByPolicy(string name, QapiSpecialFeatures features) =>
        !TryTranslate(name, out var translated) || _target.SkipByPolicy(translated!, features);

    public override void VisitInt64(string? name, ref long value) => _target.VisitInt64(Translate(name), ref value);

    public override void VisitUInt64(string? name, ref ulong value) => _target.VisitUInt64(Translate(name), ref value);

    public override void VisitSize(string? name, ref ulong value) => _target.VisitSize(Translate(name), ref value);

    public override void VisitBool(string? name, ref bool value) => _target.VisitBool(Translate(name), ref value);

    public override void VisitString(string? name, [NotNull] ref string? value) => _target.VisitString(Translate(name), ref value);

    public override void VisitNumber(string? name, ref double value) => _target.VisitNumber(Translate(name), ref value);

    public override void VisitAny(string? name, [NotNull] ref QObject? value) => _target.VisitAny(Translate(name), ref value);

    public override void VisitNull(string? name, [NotNull] ref QNull? value) => _target.VisitNull(Translate(name), ref value);

    private string? Translate(string? name) =>
        TryTranslate(name, out var translated) ? translated : throw QapiException.MissingParameter(name ?? "(null)");

    private bool TryTranslate(string? name, out string? translated)
    {
        if (_depth != 0)
        {
            translated = name;
            return true;
        }

        if (string.Equals(name, _from, StringComparison.Ordinal))
        {
            translated = _to;
            return true;
        }

        translated = null;
        return false;
    }
}
