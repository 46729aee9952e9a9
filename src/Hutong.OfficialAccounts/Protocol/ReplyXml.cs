using System.Globalization;
using System.Xml.Linq;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>
/// Reads a developer's passive reply. Lenient where bots' output differs (CDATA or plain text, line breaks and spaces
/// around values, the case of <c>MsgType</c>, seconds or milliseconds), strict where a reply could reach the wrong
/// person (<c>ToUserName</c> must be the follower, <c>FromUserName</c> the account) or has nothing Hutong can show.
/// </summary>
internal static class ReplyXml
{
    /// <summary>Cards one news reply may carry: WeChat's documentation has said 10, 8 and lately 1; Hutong takes 8.</summary>
    public const int MaxArticles = 8;

    // Unix time now is about 1.7e9 s or 1.7e12 ms; 1e11 s is the year 5138 and 1e11 ms is 1973, so the two never meet.
    private const long MillisecondsFrom = 100_000_000_000;

    /// <summary>
    /// Reads <paramref name="body"/>, the response to a push from <paramref name="followerOpenId"/> to the account
    /// <paramref name="accountOriginalId"/>. With <paramref name="crypto"/>, a body holding <c>Encrypt</c> is
    /// checked and decrypted first; without it, an encrypted reply is invalid.
    /// </summary>
    public static ReplyResult Read(string? body, string followerOpenId, string accountOriginalId, WeChatCrypto? crypto = null)
    {
        var text = SafeXml.Trim(body);
        if (text.Length == 0 || text.Equals("success", StringComparison.OrdinalIgnoreCase))
        {
            return new ReplyResult.NoReply();
        }

        if (!SafeXml.TryParse(text, out var root, out var problem))
        {
            return Invalid(problem);
        }

        var encrypted = root.Element("Encrypt") is not null;
        if (encrypted)
        {
            if (crypto is null)
            {
                return Invalid("the reply is encrypted but the account has no EncodingAESKey");
            }

            if (!crypto.TryUnwrapReply(root, out var plain))
            {
                return Invalid("the encrypted reply's signature or ciphertext does not check out");
            }

            if (!SafeXml.TryParse(plain, out root, out problem))
            {
                return Invalid("inside the encryption, " + problem);
            }
        }

        return ReadPlain(root, followerOpenId, accountOriginalId, encrypted);
    }

    private static ReplyResult ReadPlain(XElement root, string followerOpenId, string accountOriginalId, bool encrypted)
    {
        if (root.Name != "xml")
        {
            return Invalid("the root element is not <xml>");
        }

        if (!string.Equals(SafeXml.Field(root, "ToUserName"), followerOpenId, StringComparison.Ordinal))
        {
            return Invalid("ToUserName is not the openid of the follower who wrote");
        }

        if (!string.Equals(SafeXml.Field(root, "FromUserName"), accountOriginalId, StringComparison.Ordinal))
        {
            return Invalid("FromUserName is not the account's original id");
        }

        if (!TryReadTime(SafeXml.Field(root, "CreateTime"), out var createTime))
        {
            return Invalid("CreateTime is not a unix time in seconds or milliseconds");
        }

        var type = SafeXml.Field(root, "MsgType");
        ReplyResult result = type switch
        {
            _ when Is(type, "text") => ReadText(root, createTime),
            _ when Is(type, "image") => ReadImage(root, createTime),
            _ when Is(type, "news") => ReadNews(root, createTime),
            null => Invalid("there is no MsgType"),
            _ => Invalid($"MsgType '{type}' is not a reply Hutong shows (text, image, news)"),
        };

        return result is ReplyResult.Reply reply ? reply with { WasEncrypted = encrypted } : result;
    }

    private static ReplyResult ReadText(XElement root, DateTimeOffset createTime)
    {
        // Content keeps its own spaces and line breaks; only a reply with nothing to show is refused.
        var content = root.Element("Content")?.Value;
        return string.IsNullOrWhiteSpace(content) ? Invalid("a text reply has no Content") : Shown(new TextReply(createTime, content));
    }

    private static ReplyResult ReadImage(XElement root, DateTimeOffset createTime)
    {
        var mediaId = root.Element("Image") is { } image ? SafeXml.Field(image, "MediaId") : null;
        return string.IsNullOrEmpty(mediaId) ? Invalid("an image reply has no Image/MediaId") : Shown(new ImageReply(createTime, mediaId));
    }

    private static ReplyResult ReadNews(XElement root, DateTimeOffset createTime)
    {
        var items = root.Element("Articles")?.Elements("item").ToList() ?? [];
        if (items.Count is 0 or > MaxArticles)
        {
            return Invalid($"a news reply has {items.Count} articles; it takes 1 to {MaxArticles}");
        }

        if (!int.TryParse(SafeXml.Field(root, "ArticleCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count != items.Count)
        {
            return Invalid("ArticleCount does not match the articles");
        }

        var articles = new List<NewsArticle>(items.Count);
        foreach (var item in items)
        {
            var title = SafeXml.Field(item, "Title");
            if (string.IsNullOrEmpty(title))
            {
                return Invalid("a news article has no Title");
            }

            articles.Add(new NewsArticle(
                title,
                SafeXml.Field(item, "Description") ?? "",
                SafeXml.Field(item, "PicUrl") ?? "",
                SafeXml.Field(item, "Url") ?? ""));
        }

        return Shown(new NewsReply(createTime, articles));
    }

    private static ReplyResult.Reply Shown(PassiveReply message) => new ReplyResult.Reply(message, WasEncrypted: false);

    private static ReplyResult.Invalid Invalid(string reason) => new ReplyResult.Invalid(reason);

    private static bool Is(string? type, string expected) => string.Equals(type, expected, StringComparison.OrdinalIgnoreCase);

    private static bool TryReadTime(string? value, out DateTimeOffset time)
    {
        time = default;
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        try
        {
            time = number >= MillisecondsFrom ? DateTimeOffset.FromUnixTimeMilliseconds(number) : DateTimeOffset.FromUnixTimeSeconds(number);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
