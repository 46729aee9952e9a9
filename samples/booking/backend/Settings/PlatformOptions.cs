namespace Booking.Settings;

/// <summary>
/// Where the mini-program lives, from the <c>Hutong</c> section: appsettings.json, environment variables
/// (<c>Hutong__AppSecret</c>) or the command line (<c>--Hutong:AppSecret=...</c>). Checked at start-up by
/// <see cref="PlatformOptionsValidator"/>.
/// </summary>
public sealed record PlatformOptions
{
    public const string Section = "Hutong";

    /// <summary>
    /// The base of the platform's server API (<c>/sns/</c>, <c>/cgi-bin/</c>, <c>/wxaapi/</c>): a Hutong node's URL,
    /// or <c>https://api.weixin.qq.com</c> to run the same backend for WeChat. Nothing else changes between the two.
    /// </summary>
    public Uri? Server { get; init; }

    /// <summary>The mini-program's app id (<c>wx</c> + 16 hex), as <c>hutong mp new</c> printed it.</summary>
    public string AppId { get; init; } = "";

    /// <summary>The mini-program's app secret: it exchanges login codes and fetches access tokens. Never sent to the app.</summary>
    public string AppSecret { get; init; } = "";
}
