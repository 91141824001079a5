using System.Security.Cryptography;
using Machina.Qapi;
using Machina.Qom.Crypto;
using Machina.Qom.Internal;
using Machina.QObjects;

namespace Machina.Qom.Tests.Objects;

/// <summary>The secret type: where data comes from, how it is decoded and decrypted.</summary>
public sealed class SecretTests
{
    // What GLib 2.74's g_base64_decode returns (checked by calling it): it skips characters outside
    // the alphabet and lets '=' end a group early.
    [Theory]
    [InlineData("", "")]
    [InlineData("eA==", "78")]
    [InlineData("x===", "c4")]
    [InlineData("aGVsbG8=", "68656c6c6f")]
    [InlineData("aGVs\\nbG8=", "68656c9db1bc")]
    [InlineData("a", "")]
    [InlineData("abc", "")]
    [InlineData("abcd", "69b71d")]
    [InlineData("=abc", "01a6dc")]
    [InlineData("ab=c", "691c")]
    [InlineData("a=bc", "6806dc")]
    [InlineData("====", "00")]
    [InlineData("abc=d", "69b7")]
    [InlineData("YQ==YQ==", "6161")]
    [InlineData("YQ=", "")]
    [InlineData("Y=Q=", "6004")]
    [InlineData("QUJD=RA==", "4142430110")]
    public void Base64_decodes_as_glib_does(string input, string hex) =>
        Assert.Equal(hex, Convert.ToHexStringLower(GLibBase64.Decode(System.Text.Encoding.ASCII.GetBytes(input))));

    [Fact]
    public void Base64_checks_are_qemus()
    {
        Assert.Equal("Base64 data contains invalid characters", Assert.Throws<QapiException>(() => GLibBase64.DecodeChecked("ab$c"u8)).Message);
        Assert.Equal("Base64 data contains embedded NUL characters", Assert.Throws<QapiException>(() => GLibBase64.DecodeChecked("ab\0c"u8)).Message);
        Assert.Equal("hello", System.Text.Encoding.ASCII.GetString(GLibBase64.DecodeChecked("aGVs\nbG8=\n"u8)));
    }

    [Fact]
    public void Encrypted_secret_is_decrypted_with_the_key_of_another_secret()
    {
        var runtime = StandardTypes.CreateRuntime();
        var key = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(16);
        byte[] ciphertext;
        using (var aes = Aes.Create())
        {
            aes.Key = key;
            ciphertext = aes.EncryptCbc("correct horse battery staple"u8, iv, PaddingMode.PKCS7);
        }

        Add(runtime, new QDict { ["id"] = "master", ["data"] = Convert.ToBase64String(key), ["format"] = "base64" });
        Add(runtime, new QDict
        {
            ["id"] = "pw",
            ["data"] = Convert.ToBase64String(ciphertext),
            ["format"] = "base64",
            ["keyid"] = "master",
            ["iv"] = Convert.ToBase64String(iv),
        });

        Assert.Equal("correct horse battery staple", SecretCommon.LookupAsUtf8(runtime, "pw"));
        Assert.Equal(Convert.ToBase64String("correct horse battery staple"u8), SecretCommon.LookupAsBase64(runtime, "pw"));
    }

    [Fact]
    public void Raw_data_is_taken_as_the_bytes_qemu_holds()
    {
        var runtime = StandardTypes.CreateRuntime();
        var secret = (SecretCommon)Add(runtime, new QDict { ["id"] = "s", ["data"] = "a\u0000é" });

        Assert.Equal("61c080c3a9", Convert.ToHexStringLower(secret.GetData()!));
    }

    [Fact]
    public void File_data_is_read_whole_and_may_hold_any_bytes()
    {
        var runtime = StandardTypes.CreateRuntime();
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0xFF, 0x00, 0x41]);
            Add(runtime, new QDict { ["id"] = "s", ["file"] = path });

            Assert.Equal([0xFF, 0x00, 0x41], SecretCommon.Lookup(runtime, "s"));
            Assert.Equal("Data from secret s is not valid UTF-8", Assert.Throws<QapiException>(() => SecretCommon.LookupAsUtf8(runtime, "s")).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Lookup_errors_are_qemus()
    {
        var runtime = StandardTypes.CreateRuntime();
        runtime.UserCreatable.Add(new QDict { ["qom-type"] = "authz-simple", ["id"] = "az", ["identity"] = "x" });
        var unloaded = runtime.ObjectsRoot.AddNewChild("unloaded", "secret");

        Assert.Equal("No secret with id 'nope'", Assert.Throws<QapiException>(() => SecretCommon.Lookup(runtime, "nope")).Message);
        Assert.Equal("Object with id 'az' is not a secret", Assert.Throws<QapiException>(() => SecretCommon.Lookup(runtime, "az")).Message);
        Assert.Equal("Secret with id 'unloaded' has no data", Assert.Throws<QapiException>(() => SecretCommon.Lookup(runtime, "unloaded")).Message);
        Assert.False(unloaded.GetBool("loaded"));
    }

    [Fact]
    public void Finalizing_forgets_the_data()
    {
        var runtime = StandardTypes.CreateRuntime();
        var secret = (SecretCommon)Add(runtime, new QDict { ["id"] = "s", ["data"] = "x" });

        runtime.UserCreatable.Delete("s");

        Assert.Null(secret.GetData());
    }

    private static QomObject Add(QomRuntime runtime, QDict options)
    {
        options["qom-type"] = "secret";
        return runtime.UserCreatable.Add(options);
    }
}
