using Machina.Qapi;
using Machina.Qom.Internal;

namespace Machina.Qom.Crypto;

/// <summary>
/// A secret whose data is given inline or read from a file (QEMU's <c>secret</c>, crypto/secret.c):
/// <c>-object secret,id=sec0,data=letmein</c>, <c>-object secret,id=sec0,file=/run/pw,format=base64</c>.
/// </summary>
[QomType("secret", Options = typeof(SecretProperties))]
public sealed class Secret : SecretCommon
{
    /// <summary>The data itself (property <c>data</c>); exclusive with <see cref="File"/>.</summary>
    [QomProperty("data")]
    public string? Data { get; set; }

    /// <summary>The file holding the data (property <c>file</c>); exclusive with <see cref="Data"/>.</summary>
    [QomProperty("file")]
    public string? File { get; set; }

    /// <inheritdoc/>
    protected override byte[] LoadData()
    {
        if (File is not null)
        {
            if (Data is not null)
            {
                throw new QapiException("'file' and 'data' are mutually exclusive");
            }

            return FileContents.Read(File, out var error) ?? throw new QapiException($"Unable to read {File}: {error}");
        }

        if (Data is not null)
        {
            return CString.Bytes(Data);
        }

        throw new QapiException("Either 'file' or 'data' must be provided");
    }
}
