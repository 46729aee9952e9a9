using System.Net;

namespace Hutong.Samples.Tests.EchoBot;

/// <summary>Compatible and safe mode: msg_signature, decryption, the app id, and replies encrypted back.</summary>
public sealed class EncryptedModeTests
{
    private const string Follower = "oKx3Fw2nQ9vL7dR1sT5yU8zA0bC4";

    private static readonly PlatformCrypto Crypto = new(EchoBotApp.Token, EchoBotApp.EncodingAesKey, EchoBotApp.AppId);

    [Theory]
    [InlineData(PushMode.Safe)]
    [InlineData(PushMode.Compatible)]
    public async Task Text_IsDecryptedAndAnsweredEncrypted(PushMode mode)
    {
        await using var bot = EchoBotApp.Start(null, ("Bot:EncodingAESKey", EchoBotApp.EncodingAesKey));

        var delivery = await bot.Platform(Crypto).PushAsync(Pushes.Text(Follower, 1_740_000_000, "secret garden", msgId: 2001), TestContext.Current.CancellationToken, mode);

        Assert.Equal(HttpStatusCode.OK, delivery.Status);
        Assert.True(delivery.WasEncrypted);
        Assert.DoesNotContain("secret garden", delivery.Body, StringComparison.Ordinal);
        Assert.Equal(Follower, delivery.Field("ToUserName"));
        Assert.Equal(Pushes.Account, delivery.Field("FromUserName"));
        Assert.Equal("You said: secret garden", delivery.Field("Content"));
    }

    [Fact]
    public async Task News_IsEncryptedToo()
    {
        await using var bot = EchoBotApp.Start(null, ("Bot:EncodingAESKey", EchoBotApp.EncodingAesKey));

        var delivery = await bot.Platform(Crypto).PushAsync(Pushes.Text(Follower, 1_740_000_000, "news", msgId: 2002), TestContext.Current.CancellationToken, PushMode.Safe);

        Assert.True(delivery.WasEncrypted);
        Assert.Equal("2", delivery.Field("ArticleCount"));
    }

    [Fact]
    public async Task Success_IsNotEncrypted()
    {
        await using var bot = EchoBotApp.Start(null, ("Bot:EncodingAESKey", EchoBotApp.EncodingAesKey));

        var delivery = await bot.Platform(Crypto).PushAsync(Pushes.Voice(Follower, 1_740_000_000, msgId: 2003), TestContext.Current.CancellationToken, PushMode.Safe);

        Assert.Equal("success", delivery.Body);
    }

    [Fact]
    public async Task PublishedCiphertext_WxBizMsgCryptSample_IsDecryptedAndAnswered()
    {
        await using var bot = EchoBotApp.Start(
            null,
            ("Bot:Token", PublishedVectors.WxBizMsgCryptSample.Token),
            ("Bot:EncodingAESKey", PublishedVectors.WxBizMsgCryptSample.EncodingAesKey),
            ("Bot:AppId", PublishedVectors.WxBizMsgCryptSample.AppId));
        var crypto = new PlatformCrypto(PublishedVectors.WxBizMsgCryptSample.Token, PublishedVectors.WxBizMsgCryptSample.EncodingAesKey, PublishedVectors.WxBizMsgCryptSample.AppId);
        const string Timestamp = PublishedVectors.WxBizMsgCryptSample.Timestamp, Nonce = PublishedVectors.WxBizMsgCryptSample.Nonce;

        // The sample publishes msg_signature only; signature is over public values and computed here.
        var delivery = await bot.Platform(crypto).PostAsync(
            $"signature={PlatformCrypto.Sign(PublishedVectors.WxBizMsgCryptSample.Token, Timestamp, Nonce)}&timestamp={Timestamp}&nonce={Nonce}"
                + $"&encrypt_type=aes&msg_signature={PublishedVectors.WxBizMsgCryptSample.MsgSignature}",
            $"<xml><ToUserName><![CDATA[{PublishedVectors.WxBizMsgCryptSample.AppId}]]></ToUserName><Encrypt><![CDATA[{PublishedVectors.WxBizMsgCryptSample.Encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, delivery.Status);
        Assert.True(delivery.WasEncrypted);
        Assert.Equal(PublishedVectors.WxBizMsgCryptSample.FromUserName, delivery.Field("ToUserName"));
        Assert.Equal("You said: " + PublishedVectors.WxBizMsgCryptSample.Content, delivery.Field("Content"));
    }

    [Fact]
    public async Task PublishedCompatiblePush_OfficialAccountSample_IsDecryptedAndAnswered()
    {
        await using var bot = EchoBotApp.Start(
            null,
            ("Bot:Token", PublishedVectors.OfficialAccountSample.Token),
            ("Bot:EncodingAESKey", PublishedVectors.OfficialAccountSample.EncodingAesKey),
            ("Bot:AppId", PublishedVectors.OfficialAccountSample.AppId));
        var crypto = new PlatformCrypto(PublishedVectors.OfficialAccountSample.Token, PublishedVectors.OfficialAccountSample.EncodingAesKey, PublishedVectors.OfficialAccountSample.AppId);
        const string Timestamp = PublishedVectors.OfficialAccountSample.Timestamp, Nonce = PublishedVectors.OfficialAccountSample.Nonce;

        var delivery = await bot.Platform(crypto).PostAsync(
            $"signature={PlatformCrypto.Sign(PublishedVectors.OfficialAccountSample.Token, Timestamp, Nonce)}&timestamp={Timestamp}&nonce={Nonce}"
                + $"&openid={PublishedVectors.OfficialAccountSample.FromUserName}&encrypt_type=aes&msg_signature={PublishedVectors.OfficialAccountSample.MsgSignature}",
            PublishedVectors.OfficialAccountSample.Body,
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, delivery.Status);
        Assert.True(delivery.WasEncrypted);
        Assert.Equal(PublishedVectors.OfficialAccountSample.FromUserName, delivery.Field("ToUserName"));
        Assert.Equal(PublishedVectors.OfficialAccountSample.ToUserName, delivery.Field("FromUserName"));
        Assert.Equal("You said: " + PublishedVectors.OfficialAccountSample.Content, delivery.Field("Content"));
    }

    [Fact]
    public async Task WrongMsgSignature_Is403()
    {
        await using var bot = EchoBotApp.Start(null, ("Bot:EncodingAESKey", EchoBotApp.EncodingAesKey));
        const string Timestamp = "1740000000", Nonce = "7";
        var encrypt = Crypto.Encrypt(Pushes.Text(Follower, 1_740_000_000, "tampered", msgId: 2004));

        var delivery = await bot.Platform(Crypto).PostAsync(
            $"signature={PlatformCrypto.Sign(EchoBotApp.Token, Timestamp, Nonce)}&timestamp={Timestamp}&nonce={Nonce}&encrypt_type=aes"
                + $"&msg_signature={PlatformCrypto.Sign(EchoBotApp.Token, Timestamp, Nonce, encrypt + "x")}",
            $"<xml><ToUserName><![CDATA[{Pushes.Account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, delivery.Status);
    }

    [Fact]
    public async Task SealedForAnotherAppId_Is400()
    {
        await using var bot = EchoBotApp.Start(null, ("Bot:EncodingAESKey", EchoBotApp.EncodingAesKey));
        var other = new PlatformCrypto(EchoBotApp.Token, EchoBotApp.EncodingAesKey, "wx0000000000000000");

        var delivery = await bot.Platform(other).PushAsync(Pushes.Text(Follower, 1_740_000_000, "hi", msgId: 2005), TestContext.Current.CancellationToken, PushMode.Safe);

        Assert.Equal(HttpStatusCode.BadRequest, delivery.Status);
    }

    [Fact]
    public async Task SafeMode_WithoutAKey_Is400()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform(Crypto).PushAsync(Pushes.Text(Follower, 1_740_000_000, "hi", msgId: 2006), TestContext.Current.CancellationToken, PushMode.Safe);

        Assert.Equal(HttpStatusCode.BadRequest, delivery.Status);
    }

    [Fact]
    public async Task CompatibleMode_WithoutAKey_ReadsThePlaintextCopyAndAnswersInPlaintext()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform(Crypto).PushAsync(Pushes.Text(Follower, 1_740_000_000, "hi", msgId: 2007), TestContext.Current.CancellationToken, PushMode.Compatible);

        Assert.False(delivery.WasEncrypted);
        Assert.Equal("You said: hi", delivery.Field("Content"));
    }

    [Fact]
    public async Task PlaintextPush_ToABotWithAKey_IsAnsweredInPlaintext()
    {
        await using var bot = EchoBotApp.Start(null, ("Bot:EncodingAESKey", EchoBotApp.EncodingAesKey));

        var delivery = await bot.Platform(Crypto).PushAsync(Pushes.Text(Follower, 1_740_000_000, "hi", msgId: 2008), TestContext.Current.CancellationToken);

        Assert.False(delivery.WasEncrypted);
        Assert.Equal("You said: hi", delivery.Field("Content"));
    }
}
