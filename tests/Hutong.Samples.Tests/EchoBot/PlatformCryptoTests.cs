namespace Hutong.Samples.Tests.EchoBot;

/// <summary>The tests' own platform side reproduces published values, so a round trip with it proves something.</summary>
public sealed class PlatformCryptoTests
{
    [Fact]
    public void Sign_WechatpyUrlCheck_MatchesPublishedSignature()
    {
        Assert.Equal(
            PublishedVectors.WechatpyUrlSignature.Signature,
            PlatformCrypto.Sign(PublishedVectors.WechatpyUrlSignature.Token, PublishedVectors.WechatpyUrlSignature.Timestamp, PublishedVectors.WechatpyUrlSignature.Nonce));
    }

    [Fact]
    public void Encrypt_WechatpyReplyWithItsRandom_MatchesPublishedCiphertextAndSignature()
    {
        var crypto = new PlatformCrypto(PublishedVectors.Wechatpy.Token, PublishedVectors.Wechatpy.EncodingAesKey, PublishedVectors.Wechatpy.AppId);

        var encrypt = crypto.Encrypt(PublishedVectors.Wechatpy.Reply, System.Text.Encoding.ASCII.GetBytes(PublishedVectors.Wechatpy.Random));

        Assert.Equal(PublishedVectors.Wechatpy.ReplyEncrypt, encrypt);
        Assert.Equal(
            PublishedVectors.Wechatpy.ReplyMsgSignature,
            PlatformCrypto.Sign(PublishedVectors.Wechatpy.Token, PublishedVectors.Wechatpy.Timestamp, PublishedVectors.Wechatpy.Nonce, encrypt));
    }

    [Fact]
    public void Decrypt_WechatpyPush_GivesItsMessage()
    {
        var crypto = new PlatformCrypto(PublishedVectors.Wechatpy.Token, PublishedVectors.Wechatpy.EncodingAesKey, PublishedVectors.Wechatpy.AppId);

        var xml = crypto.Decrypt(PublishedVectors.Wechatpy.PushEncrypt);

        Assert.Contains("<Content><![CDATA[test]]></Content>", xml, StringComparison.Ordinal);
        Assert.Contains("<FromUserName><![CDATA[messense]]></FromUserName>", xml, StringComparison.Ordinal);
        Assert.Equal(
            PublishedVectors.Wechatpy.PushMsgSignature,
            PlatformCrypto.Sign(PublishedVectors.Wechatpy.Token, PublishedVectors.Wechatpy.Timestamp, PublishedVectors.Wechatpy.Nonce, PublishedVectors.Wechatpy.PushEncrypt));
    }
}
