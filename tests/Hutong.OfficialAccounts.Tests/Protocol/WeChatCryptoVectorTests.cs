using System.Text;
using Hutong.OfficialAccounts.Protocol;
using static Hutong.OfficialAccounts.Tests.Protocol.PublishedVectors;

namespace Hutong.OfficialAccounts.Tests.Protocol;

/// <summary>Hutong's crypto against the values WeChat's samples and SDK test suites publish (see <see cref="PublishedVectors"/>).</summary>
public sealed class WeChatCryptoVectorTests
{
    [Fact]
    public void TryDecrypt_TheWxBizMsgCryptSample_YieldsThePublishedPlaintext()
    {
        var crypto = new WeChatCrypto(WxBizMsgCryptSample.Token, WxBizMsgCryptSample.EncodingAesKey, WxBizMsgCryptSample.AppId);

        Assert.True(crypto.TryDecrypt(WxBizMsgCryptSample.Encrypt, out var xml));
        Assert.Equal(WxBizMsgCryptSample.Plaintext, xml);
        Assert.Equal(
            WxBizMsgCryptSample.MsgSignature,
            crypto.MsgSignature(WxBizMsgCryptSample.Timestamp, WxBizMsgCryptSample.Nonce, WxBizMsgCryptSample.Encrypt));
    }

    [Fact]
    public void TryDecrypt_TheWxBizMsgCryptSample_UnderAnotherAppId_Fails()
    {
        var crypto = new WeChatCrypto(WxBizMsgCryptSample.Token, WxBizMsgCryptSample.EncodingAesKey, "wx5823bf96d3bd56c8");

        Assert.False(crypto.TryDecrypt(WxBizMsgCryptSample.Encrypt, out _));
    }

    [Fact]
    public void TryDecrypt_TheOfficialAccountCompatiblePush_HoldsTheSameMessageAsItsPlaintextFields()
    {
        var crypto = new WeChatCrypto(
            OfficialAccountCompatiblePush.Token, OfficialAccountCompatiblePush.EncodingAesKey, OfficialAccountCompatiblePush.AppId);

        Assert.True(crypto.TryDecrypt(OfficialAccountCompatiblePush.Encrypt, out var xml));
        Assert.Equal(WeChatXml.Fields(WithoutEncrypt(OfficialAccountCompatiblePush.Body)), WeChatXml.Fields(xml));
        Assert.Equal(
            OfficialAccountCompatiblePush.MsgSignature,
            crypto.MsgSignature(OfficialAccountCompatiblePush.Timestamp, OfficialAccountCompatiblePush.Nonce, OfficialAccountCompatiblePush.Encrypt));
    }

    [Fact]
    public void Encrypt_WithTheJavaSamplesRandom_IsItsPublishedCiphertext()
    {
        var crypto = new WeChatCrypto(
            OfficialAccountJavaSample.Token, OfficialAccountJavaSample.EncodingAesKey, OfficialAccountJavaSample.AppId);
        var random = Encoding.ASCII.GetBytes(OfficialAccountJavaSample.Random);

        Assert.Equal(OfficialAccountJavaSample.ShortEncrypted, crypto.Encrypt(OfficialAccountJavaSample.ShortMessage, random));
        Assert.Equal(OfficialAccountJavaSample.VideoReplyEncrypted, crypto.Encrypt(OfficialAccountJavaSample.VideoReply, random));
        Assert.True(crypto.TryDecrypt(OfficialAccountJavaSample.VideoReplyEncrypted, out var xml));
        Assert.Equal(OfficialAccountJavaSample.VideoReply, xml);
    }

    [Fact]
    public void WrapReply_WithWechatpysRandom_IsItsPublishedReply()
    {
        var crypto = new WeChatCrypto(WechatpyReply.Token, WechatpyReply.EncodingAesKey, WechatpyReply.AppId);

        var wrapped = crypto.WrapReply(
            WechatpyReply.Reply, WechatpyReply.Timestamp, WechatpyReply.Nonce, Encoding.ASCII.GetBytes(WechatpyReply.Random));

        Assert.Equal(
            [
                "Encrypt=cdata:" + WechatpyReply.ReplyEncrypt,
                "MsgSignature=cdata:" + WechatpyReply.ReplyMsgSignature,
                "TimeStamp=text:" + WechatpyReply.Timestamp,
                "Nonce=cdata:" + WechatpyReply.Nonce,
            ],
            WeChatXml.Fields(wrapped));
        Assert.True(crypto.TryUnwrapReply(wrapped, out var xml));
        Assert.Equal(WechatpyReply.Reply, xml);
    }

    [Fact]
    public void TryDecrypt_WechatpysPush_IsSignedAndDecrypts()
    {
        var crypto = new WeChatCrypto(WechatpyReply.Token, WechatpyReply.EncodingAesKey, WechatpyReply.AppId);

        Assert.True(WeChatSignature.Verify(
            WechatpyReply.PushMsgSignature, WechatpyReply.Token, WechatpyReply.Timestamp, WechatpyReply.Nonce, WechatpyReply.PushEncrypt));
        Assert.True(crypto.TryDecrypt(WechatpyReply.PushEncrypt, out var xml));
        Assert.Contains("Content=cdata:test", WeChatXml.Fields(xml));
        Assert.Contains("FromUserName=cdata:messense", WeChatXml.Fields(xml));
    }

    private static string WithoutEncrypt(string body)
    {
        var at = body.IndexOf("<Encrypt>", StringComparison.Ordinal);
        return body[..at] + "</xml>";
    }
}
