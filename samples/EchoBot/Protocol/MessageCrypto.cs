using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace EchoBot.Protocol;

/// <summary>
/// The message encryption of compatible and safe mode (WeChat's WXBizMsgCrypt): AES-256-CBC with
/// key = Base64(EncodingAESKey + "=") and IV = the key's first 16 bytes, over
/// <c>16 random bytes + length (4 bytes, big-endian) + XML + app id</c>, PKCS#7-padded to a multiple of 32 bytes.
/// </summary>
/// <remarks>
/// There is no MAC: a changed ciphertext may still decrypt. The caller checks <c>msg_signature</c>, which covers the
/// ciphertext, before decrypting anything.
/// </remarks>
internal sealed class MessageCrypto
{
    private const int KeyLength = 43;
    private const int RandomLength = 16;
    private const int HeaderLength = RandomLength + sizeof(uint);
    private const int AesBlock = 16;
    private const int PadBlock = 32;

    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _appId;

    public MessageCrypto(string encodingAesKey, string appId)
    {
        if (!IsValidKey(encodingAesKey))
        {
            throw new ArgumentException("An EncodingAESKey is 43 letters and digits.", nameof(encodingAesKey));
        }

        _key = Convert.FromBase64String(encodingAesKey + "=");
        _iv = _key[..AesBlock];
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    /// <summary>43 characters of <c>[A-Za-z0-9]</c>: with "=" appended, the base64 of 32 bytes.</summary>
    public static bool IsValidKey([NotNullWhen(true)] string? key) =>
        key is { Length: KeyLength } && key.All(char.IsAsciiLetterOrDigit);

    public string Encrypt(string xml)
    {
        var length = Encoding.UTF8.GetByteCount(xml);
        var unpadded = HeaderLength + length + _appId.Length;
        // PKCS#7 over 32-byte blocks: 1 to 32 bytes, each holding the count. AES's own padding would stop at 16.
        var pad = PadBlock - (unpadded % PadBlock);
        var plain = new byte[unpadded + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, RandomLength));
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength), (uint)length);
        Encoding.UTF8.GetBytes(xml, plain.AsSpan(HeaderLength));
        _appId.CopyTo(plain.AsSpan(HeaderLength + length));
        plain.AsSpan(unpadded).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    /// <summary>
    /// The XML inside <paramref name="encrypt"/>; false with the reason when it is not base64 of whole AES blocks,
    /// badly padded, shorter than its length says, not UTF-8, or sealed for another app id.
    /// </summary>
    public bool TryDecrypt(string encrypt, [NotNullWhen(true)] out string? xml, [NotNullWhen(false)] out string? problem)
    {
        xml = null;
        var cipher = new byte[(encrypt.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(encrypt, cipher, out var written) || written == 0 || written % AesBlock != 0)
        {
            problem = "Encrypt is not base64 of whole AES blocks";
            return false;
        }

        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = _key;
            plain = aes.DecryptCbc(cipher.AsSpan(0, written), _iv, PaddingMode.None);
        }

        // 1 to 32, as WeChat's own samples accept: a sender that pads to AES's 16 bytes still gets through.
        var pad = plain[^1];
        if (pad is 0 or > PadBlock || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept(pad))
        {
            problem = "the padding is wrong (is Bot:EncodingAESKey the key in the developer settings?)";
            return false;
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        var length = content.Length >= HeaderLength ? BinaryPrimitives.ReadUInt32BigEndian(content[RandomLength..]) : uint.MaxValue;
        if (length > (uint)(content.Length - HeaderLength))
        {
            problem = "the length inside is longer than the message";
            return false;
        }

        var message = content.Slice(HeaderLength, (int)length);
        if (!content[(HeaderLength + (int)length)..].SequenceEqual(_appId))
        {
            problem = "the app id inside is not Bot:AppId";
            return false;
        }

        if (!Utf8.IsValid(message))
        {
            problem = "the message is not UTF-8";
            return false;
        }

        xml = Encoding.UTF8.GetString(message);
        problem = null;
        return true;
    }
}
