using System.Security.Cryptography;
using Hutong.Wallet.Merchants.Protocol;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>WeChat Pay API v3's signatures and AEAD, as merchant code computes them.</summary>
public sealed class V3ProtocolTests
{
    private const string ApiV3Key = "abcdefghijklmnopqrstuvwxyz012345";

    [Fact]
    public void ARequestSignature_VerifiesOverItsFiveLines_AndNotOverAnyChangedOne()
    {
        using var merchant = RSA.Create(2048);
        const string body = """{"appid":"wxd678efh567hg6787","mchid":"1230000109","amount":{"total":100}}""";
        var message = V3Signature.RequestMessage("POST", "/v3/pay/transactions/jsapi", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242", body);

        var signature = V3Signature.Sign(merchant, message);

        Assert.Equal("POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n" + body + "\n", message);
        Assert.True(V3Signature.Verify(merchant, message, signature));
        Assert.False(V3Signature.Verify(merchant, message.Replace("100", "101", StringComparison.Ordinal), signature));
        Assert.False(V3Signature.Verify(merchant, message.Replace("1554208460", "1554208461", StringComparison.Ordinal), signature));
        Assert.False(V3Signature.Verify(merchant, message.Replace("/jsapi", "/native", StringComparison.Ordinal), signature));
        using var other = RSA.Create(2048);
        Assert.False(V3Signature.Verify(other, message, signature));
        Assert.False(V3Signature.Verify(merchant, message, "not base64!"));
        Assert.False(V3Signature.Verify(merchant, message, null));
    }

    [Fact]
    public void TheAuthorizationHeader_ReadsBackItsFiveFields_InAnyOrder_AndRefusesAnythingElse()
    {
        var credentials = new V3Credentials("1900009191", "593BEC0C930BF1AFEB40B4A08C8FB242", "1554208460", "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", "uOVRnA4qG/MNnYzdQxJanN+zU+lTgIcnU9BxGw5dKjK+VdEUz2FeIoC+D5sB/LN+nGzX3hfZg6r5wT1pl2ZobmIc6p0ldN7J6yDgUzbX8Uk3sD4a4eZVPTBvqNDoUqcYMlZ9uuDdCvNv4TM3c1WzsXUrExwVkI1XO5jCNbgDJ25nkT/c1gIFvqoogl7MdSFGc4W4xZsqCItnqbypR3RuGIlR9h9vlRsy7zJR9PBI83X8alLDIfR1ukt1P7tMnmogZ0cuDY8cZsd8ZlCgLadmvej58SLsIkVxFJ8XmUgx9FPHTCx4w+Yzgq1Tw3KsqLhJLtEgF9C28yAtiV5ML8amhg==");

        Assert.Equal(credentials, V3Signature.ParseAuthorization(V3Signature.Authorization(credentials)));
        Assert.Equal(credentials, V3Signature.ParseAuthorization(
            $"WECHATPAY2-SHA256-RSA2048 serial_no=\"{credentials.SerialNo}\", signature=\"{credentials.Signature}\",mchid=\"1900009191\",timestamp=\"1554208460\",nonce_str=\"{credentials.Nonce}\""));
        Assert.Null(V3Signature.ParseAuthorization("Bearer abc"));
        Assert.Null(V3Signature.ParseAuthorization("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\""));
        Assert.Null(V3Signature.ParseAuthorization("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",mchid=\"2\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\",signature=\"x\""));
        Assert.Null(V3Signature.ParseAuthorization("WECHATPAY2-SHA256-RSA2048 mchid=1,nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\",signature=\"x\""));
    }

    [Fact]
    public void AResponseAndAPaySign_SignTheirOwnLines()
    {
        using var key = RSA.Create(2048);

        Assert.Equal("1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{\"a\":1}\n", V3Signature.ResponseMessage("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", "{\"a\":1}"));
        var pay = V3Signature.PayMessage("wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "prepay_id=wx201410272009395522657a690389285100");
        Assert.Equal("wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n", pay);
        Assert.True(V3Signature.Verify(key, pay, V3Signature.Sign(key, pay)));
    }

    [Fact]
    public void AeadAes256Gcm_RoundTrips_AndRefusesATamperedCiphertextNonceOrData()
    {
        const string plaintext = """{"out_trade_no":"1217752501201407033233368018","trade_state":"SUCCESS","amount":{"total":2800}}""";

        var ciphertext = AeadAes256Gcm.Encrypt(ApiV3Key, "fdasflkja484", "transaction", plaintext);

        Assert.Equal(plaintext, AeadAes256Gcm.Decrypt(ApiV3Key, "fdasflkja484", "transaction", ciphertext));
        Assert.Equal(plaintext.Length + 16, Convert.FromBase64String(ciphertext).Length);
        var tampered = Convert.FromBase64String(ciphertext);
        tampered[3] ^= 1;
        Assert.Null(AeadAes256Gcm.Decrypt(ApiV3Key, "fdasflkja484", "transaction", Convert.ToBase64String(tampered)));
        Assert.Null(AeadAes256Gcm.Decrypt(ApiV3Key, "fdasflkja485", "transaction", ciphertext));
        Assert.Null(AeadAes256Gcm.Decrypt(ApiV3Key, "fdasflkja484", "certificate", ciphertext));
        Assert.Null(AeadAes256Gcm.Decrypt("abcdefghijklmnopqrstuvwxyz012346", "fdasflkja484", "transaction", ciphertext));
        Assert.Null(AeadAes256Gcm.Decrypt(ApiV3Key, "short", "transaction", ciphertext));
        Assert.Null(AeadAes256Gcm.Decrypt(ApiV3Key, "fdasflkja484", "transaction", "%%%"));
        Assert.Equal("", AeadAes256Gcm.Decrypt(ApiV3Key, "fdasflkja484", "", AeadAes256Gcm.Encrypt(ApiV3Key, "fdasflkja484", "", "")));
    }
}
