using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;

namespace Hutong.Samples.Tests.EchoBot;

/// <summary>
/// The platform's side of the webhook, as WeChat (or Hutong) plays it: the URL check and signed pushes, encrypted in
/// compatible and safe mode, and replies read back (and, when encrypted, checked and decrypted).
/// </summary>
internal sealed class Platform(HttpClient bot, string token, PlatformCrypto? crypto = null)
{
    public async Task<HttpResponseMessage> VerifyUrlAsync(string echostr, bool rightSignature, CancellationToken cancellationToken)
    {
        var (timestamp, nonce) = Fresh();
        var signature = rightSignature ? PlatformCrypto.Sign(token, timestamp, nonce) : PlatformCrypto.Sign("not-" + token, timestamp, nonce);
        return await bot.GetAsync(new Uri($"/wechat?signature={signature}&timestamp={timestamp}&nonce={nonce}&echostr={Uri.EscapeDataString(echostr)}", UriKind.Relative), cancellationToken);
    }

    public async Task<Delivery> PushAsync(string xml, CancellationToken cancellationToken, PushMode mode = PushMode.Plaintext)
    {
        var (timestamp, nonce) = Fresh();
        var openId = XElement.Parse(xml).Element("FromUserName")!.Value;
        var query = $"signature={PlatformCrypto.Sign(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid={openId}";
        var body = xml;
        if (mode != PushMode.Plaintext)
        {
            var encrypt = crypto!.Encrypt(xml);
            query += $"&encrypt_type=aes&msg_signature={PlatformCrypto.Sign(token, timestamp, nonce, encrypt)}";
            body = mode == PushMode.Safe
                ? $"<xml><ToUserName><![CDATA[{Pushes.Account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
                : xml.Replace("</xml>", $"<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>", StringComparison.Ordinal);
        }

        return await PostAsync(query, body, cancellationToken);
    }

    /// <summary>A push exactly as given: for published values, and for what a forger would send.</summary>
    public async Task<Delivery> PostAsync(string query, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "text/xml");
        using var response = await bot.PostAsync(new Uri("/wechat?" + query, UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Delivery(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, ReadReply(text));
    }

    /// <summary>
    /// The reply's XML, decrypted when it is encrypted, after checking that its <c>MsgSignature</c> covers its own
    /// <c>TimeStamp</c>, <c>Nonce</c> and <c>Encrypt</c>; null when the body is not XML.
    /// </summary>
    private XElement? ReadReply(string text)
    {
        if (!text.StartsWith("<xml>", StringComparison.Ordinal))
        {
            return null;
        }

        var root = XElement.Parse(text);
        if (root.Element("Encrypt") is not { } encrypt)
        {
            return root;
        }

        Assert.NotNull(crypto);
        Assert.Equal(
            PlatformCrypto.Sign(token, root.Element("TimeStamp")!.Value, root.Element("Nonce")!.Value, encrypt.Value),
            root.Element("MsgSignature")!.Value);
        return XElement.Parse(crypto.Decrypt(encrypt.Value));
    }

    /// <summary>A timestamp and nonce as the platform sends them; the bot only needs them signed.</summary>
    private static (string Timestamp, string Nonce) Fresh() =>
        ((1_740_000_000 + RandomNumberGenerator.GetInt32(1_000_000)).ToString(CultureInfo.InvariantCulture),
         RandomNumberGenerator.GetInt32(int.MaxValue).ToString(CultureInfo.InvariantCulture));
}
