using System.Security.Cryptography;
using System.Text;
using Machina.Qapi;
using Machina.Qom.Internal;

namespace Machina.Qom.Crypto;

/// <summary>
/// What every secret has (QEMU's abstract <c>secret_common</c>, crypto/secret_common.c): a format
/// (<c>raw</c> or <c>base64</c>), and optionally the id of another secret holding an AES-256 key
/// and a base64 IV with which the data is encrypted. Subtypes say where the data comes from.
/// </summary>
/// <remarks>
/// <see cref="Complete"/> loads the data, decrypts it when <see cref="KeyId"/> is set (AES-256-CBC,
/// the key's 32 bytes from that secret, the IV's 16 bytes from <see cref="Iv"/>, padding as QEMU
/// checks it: the last byte says how many bytes to drop, at most 16), otherwise decodes it when the
/// format is base64. Other components get the result with <see cref="Lookup"/>.
/// </remarks>
[QomType("secret_common", Abstract = true)]
public abstract class SecretCommon : QomObject, IUserCreatable
{
    private const int KeyLength = 32;
    private const int IvLength = 16;
    private const int BlockSize = 16;

    private byte[]? _data;

    /// <summary>True once the data is loaded (property <c>loaded</c>, read-only).</summary>
    [QomProperty("loaded")]
    public bool IsLoaded => _data is not null;

    /// <summary>How the data is encoded (property <c>format</c>).</summary>
    [QomProperty("format")]
    public QCryptoSecretFormat Format { get; set; }

    /// <summary>The id of the secret holding the key that decrypts this one's data (property <c>keyid</c>).</summary>
    [QomProperty("keyid")]
    public string? KeyId { get; set; }

    /// <summary>The base64 initialisation vector for decryption (property <c>iv</c>).</summary>
    [QomProperty("iv")]
    public string? Iv { get; set; }

    /// <summary>The loaded (decrypted, decoded) data, a copy; null before the secret is complete.</summary>
    public byte[]? GetData() => _data?.ToArray();

    /// <summary>
    /// The data of the secret <paramref name="secretId"/> in <c>/objects</c> (QEMU's <c>qcrypto_secret_lookup</c>).
    /// </summary>
    /// <exception cref="QapiException">"No secret with id 'ID'", "Object with id 'ID' is not a secret", "Secret with id 'ID' has no data".</exception>
    public static byte[] Lookup(QomRuntime runtime, string secretId)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(secretId);
        var obj = runtime.ObjectsRoot.ResolveComponent(secretId) ?? throw new QapiException($"No secret with id '{secretId}'");
        if (obj.DynamicCast("secret_common") is not SecretCommon secret)
        {
            throw new QapiException($"Object with id '{secretId}' is not a secret");
        }

        return secret.GetData() ?? throw new QapiException($"Secret with id '{secretId}' has no data");
    }

    /// <summary>The data of a secret as UTF-8 text (QEMU's <c>qcrypto_secret_lookup_as_utf8</c>).</summary>
    /// <exception cref="QapiException">As <see cref="Lookup"/>, or "Data from secret ID is not valid UTF-8".</exception>
    public static string LookupAsUtf8(QomRuntime runtime, string secretId)
    {
        var data = Lookup(runtime, secretId);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data);
        }
        catch (DecoderFallbackException)
        {
            throw new QapiException($"Data from secret {secretId} is not valid UTF-8");
        }
    }

    /// <summary>The data of a secret in base64 (QEMU's <c>qcrypto_secret_lookup_as_base64</c>).</summary>
    /// <exception cref="QapiException">As <see cref="Lookup"/>.</exception>
    public static string LookupAsBase64(QomRuntime runtime, string secretId) => Convert.ToBase64String(Lookup(runtime, secretId));

    /// <summary>Loads, decrypts and decodes the data (QEMU's <c>qcrypto_secret_complete</c>).</summary>
    /// <exception cref="QapiException">The data cannot be loaded, decrypted or decoded, with QEMU's messages.</exception>
    public virtual void Complete()
    {
        var input = LoadData();
        if (KeyId is not null)
        {
            input = Decrypt(input);
        }
        else if (Format == QCryptoSecretFormat.Base64)
        {
            input = GLibBase64.DecodeChecked(input);
        }

        _data = input;
    }

    /// <summary>Reads the raw data from wherever the subtype keeps it (QEMU's <c>load_data</c>).</summary>
    /// <exception cref="QapiException">The data cannot be read.</exception>
    protected abstract byte[] LoadData();

    /// <summary>Drops the data when the object is finalised.</summary>
    [QomInstanceFinalize]
    private void ForgetData()
    {
        if (_data is not null)
        {
            CryptographicOperations.ZeroMemory(_data);
            _data = null;
        }
    }

    // QEMU's qcrypto_secret_decrypt.
    private byte[] Decrypt(byte[] input)
    {
        var key = Lookup(Runtime, KeyId!);
        if (key.Length != KeyLength)
        {
            throw new QapiException("Key should be 32 bytes in length");
        }

        if (Iv is null)
        {
            throw new QapiException("IV is required to decrypt secret");
        }

        var iv = GLibBase64.DecodeChecked(CString.Bytes(Iv));
        if (iv.Length != IvLength)
        {
            throw new QapiException($"IV should be 16 bytes in length not {iv.Length}");
        }

        var ciphertext = Format == QCryptoSecretFormat.Base64 ? GLibBase64.DecodeChecked(input) : input;
        if (ciphertext.Length % BlockSize != 0)
        {
            throw new QapiException($"Length {ciphertext.Length} must be a multiple of block size {BlockSize}");
        }

        byte[] plaintext;
        using (var aes = Aes.Create())
        {
            aes.Key = key;
            plaintext = aes.DecryptCbc(ciphertext, iv, PaddingMode.None);
        }

        CryptographicOperations.ZeroMemory(key);
        if (plaintext.Length == 0)
        {
            return plaintext;
        }

        var padding = plaintext[^1];
        if (padding > BlockSize || padding > plaintext.Length)
        {
            throw new QapiException($"Incorrect number of padding bytes ({padding}) found on decrypted data");
        }

        return plaintext.AsSpan(0, plaintext.Length - padding).ToArray();
    }
}
