using System.Security.Cryptography;
using System.Text;

namespace Hutong.Wallet.Merchants.Protocol;

/// <summary>
/// WeChat Pay's <c>AEAD_AES_256_GCM</c> for notifications' <c>resource</c> and the platform certificates: the key is
/// the merchant's API v3 key (32 characters, used as its UTF-8 bytes), the nonce 12 characters, the associated data a
/// short string (may be empty); <c>ciphertext</c> is base64 of the encrypted bytes followed by the 16-byte tag.
/// </summary>
public static class AeadAes256Gcm
{
    public const string Algorithm = "AEAD_AES_256_GCM";

    private const int TagBytes = 16;

    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[plain.Length + TagBytes];
        using var aes = new AesGcm(Key(apiV3Key), TagBytes);
        aes.Encrypt(Nonce(nonce), plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }

    /// <summary>
    /// The plaintext, or null when the key is not 32 bytes, or the ciphertext is malformed or does not authenticate
    /// under the key, nonce and data.
    /// </summary>
    public static string? Decrypt(string apiV3Key, string nonce, string associatedData, string ciphertext)
    {
        var bytes = new byte[ciphertext.Length];
        if (!Convert.TryFromBase64String(ciphertext, bytes, out var written) || written < TagBytes || Encoding.UTF8.GetByteCount(nonce) != 12
            || Encoding.UTF8.GetByteCount(apiV3Key) != 32)
        {
            return null;
        }

        var plain = new byte[written - TagBytes];
        using var aes = new AesGcm(Key(apiV3Key), TagBytes);
        try
        {
            aes.Decrypt(Nonce(nonce), bytes.AsSpan(0, plain.Length), bytes.AsSpan(plain.Length, TagBytes), plain, Encoding.UTF8.GetBytes(associatedData));
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] Key(string apiV3Key)
    {
        var key = Encoding.UTF8.GetBytes(apiV3Key);
        return key.Length == 32 ? key : throw new ArgumentException("An API v3 key is 32 bytes.", nameof(apiV3Key));
    }

    private static byte[] Nonce(string nonce)
    {
        var bytes = Encoding.UTF8.GetBytes(nonce);
        return bytes.Length == 12 ? bytes : throw new ArgumentException("A nonce is 12 bytes.", nameof(nonce));
    }
}
