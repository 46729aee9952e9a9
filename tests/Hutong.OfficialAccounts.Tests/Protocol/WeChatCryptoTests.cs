using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Hutong.OfficialAccounts.Protocol;

namespace Hutong.OfficialAccounts.Tests.Protocol;

public sealed class WeChatCryptoTests
{
    private const string Token = "hutongtoken";
    private const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string OtherKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
    private const string AppId = "wx0123456789abcdef";
    private const string Xml = "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><Content><![CDATA[你好 ]]]]><![CDATA[> world]]></Content></xml>";

    private static readonly byte[] Random16 = Encoding.ASCII.GetBytes("0123456789abcdef");

    private static WeChatCrypto Crypto => new(Token, Key, AppId);

    [Theory]
    [InlineData(Key)]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C")]
    [InlineData("0000000000000000000000000000000000000000000")]
    public void IsValidEncodingAesKey_FortyThreeLettersAndDigits_IsValid(string key)
    {
        Assert.True(WeChatCrypto.IsValidEncodingAesKey(key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF+")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF/")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF ")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFé")]
    public void IsValidEncodingAesKey_AnythingElse_IsNot(string? key)
    {
        Assert.False(WeChatCrypto.IsValidEncodingAesKey(key));
        if (key is not null)
        {
            Assert.Throws<ArgumentException>(() => new WeChatCrypto(Token, key, AppId));
        }
    }

    [Fact]
    public void Encrypt_ThenTryDecrypt_GivesTheXmlBack()
    {
        var crypto = Crypto;

        Assert.True(crypto.TryDecrypt(crypto.Encrypt(Xml), out var xml));
        Assert.Equal(Xml, xml);
    }

    [Fact]
    public void Encrypt_TheSameXmlTwice_GivesTwoCiphertexts()
    {
        Assert.NotEqual(Crypto.Encrypt(Xml), Crypto.Encrypt(Xml));
    }

    [Fact]
    public void Encrypt_AnEmptyMessage_RoundTrips()
    {
        Assert.True(Crypto.TryDecrypt(Crypto.Encrypt(""), out var xml));
        Assert.Equal("", xml);
    }

    [Theory]
    // random 16 + length 4 + xml + app id 18: 40 bytes need 24 to reach 64, where AES's own PKCS#7 would add 8.
    [InlineData(2, 24)]
    // 64 bytes take a whole 32-byte block of padding; PKCS#7 over 16-byte blocks would add 16.
    [InlineData(26, 32)]
    [InlineData(25, 1)]
    public void Encrypt_PadsToMultiplesOf32Bytes_NotAesBlocks(int xmlLength, int expectedPad)
    {
        var cipher = Convert.FromBase64String(Crypto.Encrypt(new string('x', xmlLength), Random16));

        Assert.Equal(0, cipher.Length % 32);
        var plain = RawDecrypt(cipher);
        Assert.Equal(20 + xmlLength + AppId.Length + expectedPad, plain.Length);
        Assert.All(plain[^expectedPad..], b => Assert.Equal(expectedPad, b));
        Assert.Equal((uint)xmlLength, BinaryPrimitives.ReadUInt32BigEndian(plain.AsSpan(16)));
        Assert.Equal(Random16, plain[..16]);
        Assert.Equal(AppId, Encoding.ASCII.GetString(plain, 20 + xmlLength, AppId.Length));
    }

    [Fact]
    public void Encrypt_ARandomPrefixThatIsNot16Bytes_Throws()
    {
        Assert.Throws<ArgumentException>(() => Crypto.Encrypt(Xml, new byte[15]));
    }

    [Fact]
    public void TryDecrypt_PaddedTo16ByAnotherLibrary_StillDecrypts()
    {
        // 40 bytes padded by AES's PKCS#7 to 48: not a multiple of 32, as some developer libraries send.
        var cipher = RawEncrypt(Message("xx"u8, AppId), PaddingMode.PKCS7);
        Assert.Equal(48, cipher.Length);

        Assert.True(Crypto.TryDecrypt(Convert.ToBase64String(cipher), out var xml));
        Assert.Equal("xx", xml);
    }

    [Fact]
    public void TryDecrypt_SealedForAnotherAppId_Fails()
    {
        var encrypted = new WeChatCrypto(Token, Key, "wx0123456789abcdee").Encrypt(Xml);

        Assert.False(Crypto.TryDecrypt(encrypted, out var xml));
        Assert.Equal("", xml);
    }

    [Fact]
    public void TryDecrypt_UnderAnotherKey_Fails()
    {
        var encrypted = Crypto.Encrypt(Xml, Random16);

        Assert.False(new WeChatCrypto(Token, OtherKey, AppId).TryDecrypt(encrypted, out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    public void TryDecrypt_ATamperedTail_Fails(int fromEnd)
    {
        // The last block ends in the padding: a change in it garbles the block, one in the block before flips the pad byte.
        var cipher = Convert.FromBase64String(Crypto.Encrypt(Xml, Random16));
        cipher[^fromEnd] ^= 0x01;

        Assert.False(Crypto.TryDecrypt(Convert.ToBase64String(cipher), out _));
    }

    [Fact]
    public void TryDecrypt_IsNoIntegrityCheck_ABitFlippedInTheFirstBlockChangesTheXml()
    {
        // CBC without a MAC: flipping ciphertext byte 4 garbles the first block, the ignored random prefix, and flips
        // plaintext byte 16 + 4, the first of the XML. So replies are decrypted only after their msg_signature checks out.
        var cipher = Convert.FromBase64String(Crypto.Encrypt(Xml, Random16));
        cipher[4] ^= 0x01;

        Assert.True(Crypto.TryDecrypt(Convert.ToBase64String(cipher), out var xml));
        Assert.Equal("=" + Xml[1..], xml);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("QUJD")]
    [InlineData("QUJDREVGR0hJSktMTU5PUA")]
    [InlineData("QUJDREVGR0hJSktMTU5PUA==")]
    [InlineData("<xml><Encrypt>x</Encrypt></xml>")]
    public void TryDecrypt_NotACiphertext_Fails(string? encrypted)
    {
        Assert.False(Crypto.TryDecrypt(encrypted, out var xml));
        Assert.Equal("", xml);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void TryDecrypt_APadByteOutOfRange_Fails(byte pad)
    {
        var plain = new byte[64];
        Message("xx"u8, AppId).CopyTo(plain, 0);
        plain[^1] = pad;

        Assert.False(Crypto.TryDecrypt(Convert.ToBase64String(RawEncrypt(plain, PaddingMode.None)), out _));
    }

    [Fact]
    public void TryDecrypt_PadBytesThatDisagree_Fails()
    {
        var plain = Padded(Message("xx"u8, AppId));
        plain[^2] ^= 0x01;

        Assert.False(Crypto.TryDecrypt(Convert.ToBase64String(RawEncrypt(plain, PaddingMode.None)), out _));
    }

    [Theory]
    [InlineData(21u)]
    [InlineData(1000u)]
    [InlineData(uint.MaxValue)]
    public void TryDecrypt_ALengthPastTheEnd_Fails(uint length)
    {
        var message = Message("xx"u8, AppId);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(16), length);

        Assert.False(Crypto.TryDecrypt(Convert.ToBase64String(RawEncrypt(Padded(message), PaddingMode.None)), out _));
    }

    [Fact]
    public void TryDecrypt_AMessageThatIsNotUtf8_Fails()
    {
        var plain = Padded(Message([0x3c, 0xff, 0x3e], AppId));

        Assert.False(Crypto.TryDecrypt(Convert.ToBase64String(RawEncrypt(plain, PaddingMode.None)), out _));
    }

    [Fact]
    public void WrapReply_ThenTryUnwrapReply_GivesTheXmlBack()
    {
        var body = Crypto.WrapReply(Xml, "1409659813", "1372623149");

        Assert.True(Crypto.TryUnwrapReply(body, out var xml));
        Assert.Equal(Xml, xml);
        var fields = WeChatXml.Fields(body);
        Assert.Equal(["Encrypt", "MsgSignature", "TimeStamp", "Nonce"], fields.Select(f => f[..f.IndexOf('=', StringComparison.Ordinal)]));
        Assert.Contains("TimeStamp=text:1409659813", fields);
        Assert.Contains("Nonce=cdata:1372623149", fields);
    }

    [Fact]
    public void TryUnwrapReply_AnUppercaseSignature_IsAccepted()
    {
        var body = Reply(Crypto.Encrypt(Xml), "1409659813", "nonce", s => s.ToUpperInvariant());

        Assert.True(Crypto.TryUnwrapReply(body, out _));
    }

    [Fact]
    public void TryUnwrapReply_ATamperedSignature_IsRefused()
    {
        var body = Reply(Crypto.Encrypt(Xml), "1409659813", "nonce", s => (s[0] == '0' ? "1" : "0") + s[1..]);

        Assert.False(Crypto.TryUnwrapReply(body, out var xml));
        Assert.Equal("", xml);
    }

    [Fact]
    public void TryUnwrapReply_ASignatureOverAnotherTimestampOrNonce_IsRefused()
    {
        var body = Crypto.WrapReply(Xml, "1409659813", "nonce");

        Assert.False(Crypto.TryUnwrapReply(body.Replace("1409659813", "1409659814", StringComparison.Ordinal), out _));
        Assert.False(Crypto.TryUnwrapReply(body.Replace("[nonce]", "[nonce2]", StringComparison.Ordinal), out _));
    }

    [Fact]
    public void TryUnwrapReply_UnderAnotherToken_OrForAnotherApp_IsRefused()
    {
        var body = Crypto.WrapReply(Xml, "1409659813", "nonce");

        Assert.False(new WeChatCrypto("othertoken", Key, AppId).TryUnwrapReply(body, out _));
        Assert.False(new WeChatCrypto(Token, Key, "wx0123456789abcdee").TryUnwrapReply(body, out _));
    }

    [Fact]
    public void TryUnwrapReply_ACiphertextChangedAfterSigning_IsRefused()
    {
        var encrypt = Crypto.Encrypt(Xml, Random16);
        var cipher = Convert.FromBase64String(encrypt);
        cipher[4] ^= 0x01;
        var body = Reply(encrypt, "1409659813", "nonce", s => s)
            .Replace(encrypt, Convert.ToBase64String(cipher), StringComparison.Ordinal);

        Assert.False(Crypto.TryUnwrapReply(body, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("success")]
    [InlineData("{\"Encrypt\":\"x\"}")]
    [InlineData("<xml><Encrypt><![CDATA[QUJD]]></Encrypt></xml>")]
    [InlineData("<xml><Encrypt><![CDATA[QUJD]]></Encrypt><MsgSignature>x</MsgSignature><TimeStamp>1</TimeStamp>")]
    public void TryUnwrapReply_NotAnEncryptedReply_IsRefused(string body)
    {
        Assert.False(Crypto.TryUnwrapReply(body, out _));
    }

    [Fact]
    public void Seal_MakesTheSafeModeEnvelope_AndTheQueryStringsMsgSignature()
    {
        var sealedPush = Crypto.Seal("gh_0123456789ab", Xml, "1409659813", "1372623149");

        Assert.Equal(
            $"<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><Encrypt><![CDATA[{sealedPush.Encrypt}]]></Encrypt></xml>",
            sealedPush.Envelope);
        Assert.Equal(WeChatSignature.Sign(Token, "1409659813", "1372623149", sealedPush.Encrypt), sealedPush.MsgSignature);
        Assert.True(Crypto.TryDecrypt(sealedPush.Encrypt, out var xml));
        Assert.Equal(Xml, xml);
    }

    private static string Reply(string encrypt, string timestamp, string nonce, Func<string, string> changeSignature)
    {
        var signature = changeSignature(WeChatSignature.Sign(Token, timestamp, nonce, encrypt));
        return $"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt><MsgSignature><![CDATA[{signature}]]></MsgSignature><TimeStamp>{timestamp}</TimeStamp><Nonce><![CDATA[{nonce}]]></Nonce></xml>";
    }

    /// <summary>random(16) + length + message + app id, unpadded.</summary>
    private static byte[] Message(ReadOnlySpan<byte> message, string appId)
    {
        var app = Encoding.ASCII.GetBytes(appId);
        var plain = new byte[20 + message.Length + app.Length];
        Random16.CopyTo(plain, 0);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16), (uint)message.Length);
        message.CopyTo(plain.AsSpan(20));
        app.CopyTo(plain, 20 + message.Length);
        return plain;
    }

    private static byte[] Padded(byte[] plain)
    {
        var pad = 32 - (plain.Length % 32);
        return [.. plain, .. Enumerable.Repeat((byte)pad, pad)];
    }

    private static byte[] AesKey => Convert.FromBase64String(Key + "=");

    private static byte[] RawEncrypt(byte[] plain, PaddingMode padding)
    {
        using var aes = Aes.Create();
        aes.Key = AesKey;
        return aes.EncryptCbc(plain, AesKey[..16], padding);
    }

    private static byte[] RawDecrypt(byte[] cipher)
    {
        using var aes = Aes.Create();
        aes.Key = AesKey;
        return aes.DecryptCbc(cipher, AesKey[..16], PaddingMode.None);
    }
}
