using Machina.QObjects;

namespace Machina.Options.Tests.Keyval;

/// <summary>QEMU's <c>test_keyval_merge_*</c>, and the texts <c>-machine</c>/<c>-smp</c> merging prints.</summary>
public class KeyvalMergeTests
{
    [Fact]
    public void Dictionaries_merge_recursively_and_later_strings_win()
    {
        var first = KeyvalParser.Parse("opt1=abc,opt2.sub1=def,opt2.sub2=ghi,opt3=xyz");
        var second = KeyvalParser.Parse("opt1=ABC,opt2.sub2=GHI,opt2.sub3=JKL");
        KeyvalParser.Merge(first, second);
        Assert.Equal<QObject>(KeyvalParser.Parse("opt1=ABC,opt2.sub1=def,opt2.sub2=GHI,opt2.sub3=JKL,opt3=xyz"), first);
    }

    [Fact]
    public void Lists_are_concatenated()
    {
        var first = KeyvalParser.Parse("opt1.0=abc,opt2.0=xyz");
        KeyvalParser.Merge(first, KeyvalParser.Parse("opt1.0=def"));
        Assert.Equal<QObject>(KeyvalParser.Parse("opt1.0=abc,opt1.1=def,opt2.0=xyz"), first);
    }

    [Fact]
    public void Object_merged_onto_string_is_inconsistent()
    {
        var first = KeyvalParser.Parse("opt2=ABC");
        var e = Assert.Throws<OptionsException>(() => KeyvalParser.Merge(first, KeyvalParser.Parse("opt2.sub1=def,opt2.sub2=ghi")));
        Assert.Equal("Parameter 'opt2' used inconsistently", e.Message);
        Assert.Equal(OptionsErrorCode.InconsistentParameters, e.Code);
    }

    [Fact]
    public void String_merged_onto_object_is_inconsistent()
    {
        var second = KeyvalParser.Parse("opt2.sub1=def,opt2.sub2=ghi");
        var e = Assert.Throws<OptionsException>(() => KeyvalParser.Merge(second, KeyvalParser.Parse("opt2=ABC")));
        Assert.Equal("Parameter 'opt2' used inconsistently", e.Message);
    }

    [Fact]
    public void Nested_conflict_names_the_full_path()
    {
        // qemu-system-x86_64 -machine none,smp.cpus.x=1 -smp 2
        var machine = KeyvalParser.Parse("none,smp.cpus.x=1", "type");
        var smp = new QDict { ["smp"] = KeyvalParser.Parse("2", "cpus") };
        var e = Assert.Throws<OptionsException>(() => KeyvalParser.Merge(machine, smp));
        Assert.Equal("Parameter 'smp.cpus' used inconsistently", e.Message);
    }

    [Fact]
    public void Conflict_stops_its_dictionary_but_the_enclosing_one_carries_on()
    {
        // Hash order: "a" (bucket 233) before "c" (447) at the top; inside "a", "b" (340) then "z" (348).
        var destination = KeyvalParser.Parse("a.b=1,c=old");
        var merged = KeyvalParser.Parse("a.b.x=2,a.z=3,c=new");
        var e = Assert.Throws<OptionsException>(() => KeyvalParser.Merge(destination, merged));
        Assert.Equal("Parameter 'a.b' used inconsistently", e.Message);
        Assert.Equal<QObject>(KeyvalParser.Parse("a.b=1,c=new"), destination);
    }

    [Fact]
    public void Merged_values_are_copies()
    {
        var destination = new QDict();
        var merged = KeyvalParser.Parse("a.b=1,l.0.x=2");
        KeyvalParser.Merge(destination, merged);
        ((QDict)merged["a"])["b"] = "changed";
        Assert.Equal<QObject>(KeyvalParser.Parse("a.b=1,l.0.x=2"), destination);
    }
}
