namespace EchoBot;

/// <summary>
/// The bot's settings, from the <c>Bot</c> section: appsettings.json, environment variables (<c>Bot__Token</c>) or
/// the command line (<c>--Bot:Token=...</c>). Checked at start-up by <see cref="BotOptionsValidator"/>.
/// </summary>
public sealed record BotOptions
{
    public const string Section = "Bot";

    /// <summary>The token entered in the account's developer settings; the platform signs every call with it.</summary>
    public string Token { get; init; } = "";

    /// <summary>
    /// 43 letters and digits, as in the developer settings (the setting is spelled <c>Bot:EncodingAESKey</c>). Set,
    /// the bot reads compatible and safe mode pushes and encrypts its replies to them; empty, plaintext only.
    /// </summary>
    public string? EncodingAesKey { get; init; }

    /// <summary>The account's app id (<c>wx</c> + 16 hex): every encrypted push ends with it.</summary>
    public string? AppId { get; init; }

    /// <summary>The account's app secret, for the access token that the API calls need.</summary>
    public string? AppSecret { get; init; }

    /// <summary>
    /// The base of the <c>/cgi-bin/</c> API: WeChat's by default, a Hutong node's base URL to run against Hutong.
    /// Nothing else changes between the two.
    /// </summary>
    public Uri ApiBase { get; init; } = new("https://api.weixin.qq.com");

    /// <summary>Whether the API can be called at all: the access token needs both.</summary>
    public bool HasApiCredentials => !string.IsNullOrEmpty(AppId) && !string.IsNullOrEmpty(AppSecret);
}
