namespace OaShop;

/// <summary>
/// Where the platform's parts live: one Hutong node for all of them, or WeChat's four hosts. Nothing else in the shop
/// depends on which it is.
/// </summary>
public sealed record Platform(string AuthorizeUrl, string ApiServer, string JsBridgeUrl, string PayServer)
{
    public static Platform For(string? node) => string.IsNullOrWhiteSpace(node)
        ? new("https://open.weixin.qq.com/connect/oauth2/authorize", "https://api.weixin.qq.com/",
            "https://res.wx.qq.com/open/js/jweixin-1.6.0.js", "https://api.mch.weixin.qq.com/")
        : new(node.TrimEnd('/') + "/connect/oauth2/authorize", node.TrimEnd('/') + "/",
            node.TrimEnd('/') + "/js/jweixin-1.6.0.js", node.TrimEnd('/') + "/");
}
