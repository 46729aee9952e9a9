using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using System.Xml.Linq;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>
/// WeChat's message encryption (the WXBizMsgCrypt samples): AES-256-CBC under the account's EncodingAESKey with the
/// key's first 16 bytes as IV, over <c>random(16) + length(4, big-endian) + xml + appId</c>, PKCS#7-padded to a
/// multiple of 32 bytes, in base64.
/// </summary>
/// <remarks>
/// The scheme has no MAC: a changed ciphertext can still decrypt. Integrity comes from <c>msg_signature</c>, which
/// covers the ciphertext, so <see cref="TryUnwrapReply(XElement, out string)"/> checks it before decrypting anything.
/// </remarks>
internal sealed class WeChatCrypto
{
    private const int EncodingAesKeyLength = 43;
    private const int RandomLength = 16;
    private const int HeaderLength = RandomLength + sizeof(uint);
    private const int BlockLength = 16;
    private const int PadBlock = 32;

    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _appId;

    public WeChatCrypto(string token, string encodingAesKey, string appId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        if (!IsValidEncodingAesKey(encodingAesKey))
        {
            throw new ArgumentException("An EncodingAESKey is 43 ASCII letters and digits.", nameof(encodingAesKey));
        }

        Token = token;
        AppId = appId;
        _key = Convert.FromBase64String(encodingAesKey + "=");
        _iv = _key[..BlockLength];
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    public string Token { get; }

    public string AppId { get; }

    /// <summary>
    /// 43 characters of <c>[A-Za-z0-9]</c>: with "=" appended, base64 of exactly 32 bytes. Base64's '+' and '/' are
    /// left out because WeChat's console generates and accepts only letters and digits.
    /// </summary>
    public static bool IsValidEncodingAesKey([NotNullWhen(true)] string? key) =>
        key is { Length: EncodingAesKeyLength } && key.All(char.IsAsciiLetterOrDigit);

    public string Encrypt(string xml) => Encrypt(xml, RandomNumberGenerator.GetBytes(RandomLength));

    /// <summary>Encrypts with the given 16 random bytes; only published test vectors need to choose them.</summary>
    public string Encrypt(string xml, ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomLength)
        {
            throw new ArgumentException("The random prefix is 16 bytes.", nameof(random));
        }

        var length = Encoding.UTF8.GetByteCount(xml);
        var unpadded = HeaderLength + length + _appId.Length;
        // PKCS#7 with a 32-byte block: 1 to 32 bytes, each holding the count. AES itself would pad to 16.
        var pad = PadBlock - (unpadded % PadBlock);
        var plain = new byte[unpadded + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength), (uint)length);
        Encoding.UTF8.GetBytes(xml, plain.AsSpan(HeaderLength));
        _appId.CopyTo(plain.AsSpan(HeaderLength + length));
        plain.AsSpan(unpadded).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    /// <summary>
    /// Decrypts <paramref name="encrypted"/>; false, never an exception, when it is not base64, not whole AES blocks,
    /// badly padded, shorter than its length field says, not UTF-8, or sealed for another app id.
    /// </summary>
    /// <remarks>
    /// Padding of 1 to 32 bytes is accepted whatever the ciphertext length, as WeChat's own samples accept it, so a
    /// developer library that pads to AES's 16 bytes still gets through.
    /// </remarks>
    public bool TryDecrypt(string? encrypted, out string xml)
    {
        xml = "";
        if (string.IsNullOrEmpty(encrypted))
        {
            return false;
        }

        var cipher = new byte[(encrypted.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(encrypted, cipher, out var written) || written == 0 || written % BlockLength != 0)
        {
            return false;
        }

        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = _key;
            plain = aes.DecryptCbc(cipher.AsSpan(0, written), _iv, PaddingMode.None);
        }

        var pad = plain[^1];
        if (pad is 0 or > PadBlock || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept(pad))
        {
            return false;
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < HeaderLength)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(content[RandomLength..]);
        if (length > (uint)(content.Length - HeaderLength))
        {
            return false;
        }

        var message = content.Slice(HeaderLength, (int)length);
        if (!content[(HeaderLength + (int)length)..].SequenceEqual(_appId) || !Utf8.IsValid(message))
        {
            return false;
        }

        xml = Encoding.UTF8.GetString(message);
        return true;
    }

    /// <summary>The <c>msg_signature</c> over the token, <paramref name="timestamp"/>, <paramref name="nonce"/> and the ciphertext.</summary>
    public string MsgSignature(string timestamp, string nonce, string encrypt) => WeChatSignature.Sign(Token, timestamp, nonce, encrypt);

    /// <summary>Encrypts a push for safe or compatible mode, addressed to the account's original id (<c>gh_…</c>).</summary>
    public SealedPush Seal(string toUserName, string xml, string timestamp, string nonce)
    {
        var encrypt = Encrypt(xml);
        return new SealedPush(encrypt, MsgSignature(timestamp, nonce, encrypt), PushXml.Envelope(toUserName, encrypt));
    }

    /// <summary>An encrypted passive reply, as a developer's server sends it back in safe mode.</summary>
    public string WrapReply(string xml, string timestamp, string nonce) =>
        WrapReply(xml, timestamp, nonce, RandomNumberGenerator.GetBytes(RandomLength));

    public string WrapReply(string xml, string timestamp, string nonce, ReadOnlySpan<byte> random)
    {
        var encrypt = Encrypt(xml, random);
        var reply = new StringBuilder("<xml>");
        PushXml.AppendCData(reply, "Encrypt", encrypt);
        PushXml.AppendCData(reply, "MsgSignature", MsgSignature(timestamp, nonce, encrypt));
        PushXml.AppendText(reply, "TimeStamp", timestamp);
        PushXml.AppendCData(reply, "Nonce", nonce);
        return reply.Append("</xml>").ToString();
    }

    /// <summary>
    /// The plaintext of an encrypted reply body; false when it is not XML, lacks a field, its <c>MsgSignature</c> does
    /// not cover its <c>TimeStamp</c>, <c>Nonce</c> and <c>Encrypt</c> under this token, or it is not for this app.
    /// </summary>
    public bool TryUnwrapReply(string? body, out string xml)
    {
        xml = "";
        return SafeXml.TryParse(body, out var root, out _) && TryUnwrapReply(root, out xml);
    }

    public bool TryUnwrapReply(XElement root, out string xml)
    {
        xml = "";
        var encrypt = SafeXml.Field(root, "Encrypt");
        var signature = SafeXml.Field(root, "MsgSignature");
        var timestamp = SafeXml.Field(root, "TimeStamp");
        var nonce = SafeXml.Field(root, "Nonce");
        // The signature first: nothing reaches the decryptor without the token, so it cannot be probed as a padding oracle.
        return encrypt is not null && timestamp is not null && nonce is not null
            && WeChatSignature.Verify(signature, Token, timestamp, nonce, encrypt)
            && TryDecrypt(encrypt, out xml);
    }
}
