namespace Machina.Options.Tests;

public class OptionSyntaxTests
{
    [Theory]
    [InlineData("{\"driver\": \"virtio-net-pci\"}", OptionSyntax.Json)]
    [InlineData("{", OptionSyntax.Json)]
    [InlineData(" {\"driver\": \"x\"}", OptionSyntax.Keyval)]
    [InlineData("driver=x", OptionSyntax.Keyval)]
    [InlineData("", OptionSyntax.Keyval)]
    public void First_character_decides_like_qemu(string argument, OptionSyntax expected) =>
        Assert.Equal(expected, OptionSyntaxes.Classify(argument));
}
