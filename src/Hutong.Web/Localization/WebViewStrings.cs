namespace Hutong.Web.Localization;

/// <summary>The words of the web view, where official accounts' links open inside the client.</summary>
public sealed class WebViewStrings
{
    /// <summary>The header's title until the page says its own.</summary>
    public required string WebPage { get; init; }
    public required string ClosePage { get; init; }
    public required string OpenInBrowser { get; init; }

    /// <summary>Under the title, whose page it is, by its host (WeChat says the same): "Page by shop.example.com".</summary>
    public required Func<string, string> PageBy { get; init; }

    /// <summary>The frame's accessible name: "Web page: Tea Shop".</summary>
    public required Func<string, string> FrameTitle { get; init; }
    public required string CannotOpen { get; init; }
    public required string OnlyWebLinks { get; init; }

    public static WebViewStrings English { get; } = new()
    {
        WebPage = "Web page",
        ClosePage = "Close page",
        OpenInBrowser = "Open in browser",
        PageBy = host => $"Page by {host}",
        FrameTitle = title => $"Web page: {title}",
        CannotOpen = "This link cannot be opened here",
        OnlyWebLinks = "Only web pages (http and https addresses) open in Hutong.",
    };

    public static WebViewStrings Chinese { get; } = new()
    {
        WebPage = "网页",
        ClosePage = "关闭网页",
        OpenInBrowser = "在浏览器中打开",
        PageBy = host => $"此网页由 {host} 提供",
        FrameTitle = title => $"网页：{title}",
        CannotOpen = "无法在此打开该链接",
        OnlyWebLinks = "Hutong 只能打开网页（http 和 https 地址）。",
    };
}
