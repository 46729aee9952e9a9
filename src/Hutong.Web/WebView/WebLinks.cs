namespace Hutong.Web.WebView;

/// <summary>
/// Links that open in the web view (<see cref="WebViewPage"/>): only absolute http and https addresses with a host; a
/// <c>javascript:</c>, <c>data:</c> or made-up scheme is never a page to open.
/// </summary>
public static class WebLinks
{
    /// <summary>The address as a web page, or null when it is not one.</summary>
    public static Uri? Page(string? url) =>
        !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? uri
            : null;

    /// <summary>
    /// The client's route that opens <paramref name="url"/> in the web view: for an official account's link, with the
    /// account (its name shows, and closing goes back to its thread unless <paramref name="back"/> says where).
    /// </summary>
    public static string Route(string url, string? accountId = null, string? back = null) =>
        "web?url=" + Uri.EscapeDataString(url)
        + (accountId is null ? "" : "&account=" + Uri.EscapeDataString(accountId))
        + (back is null ? "" : "&back=" + Uri.EscapeDataString(back));

    /// <summary>
    /// Where closing goes: <paramref name="back"/> when it is a path of the client (never another site), else the
    /// account's thread, else the chats.
    /// </summary>
    public static string Back(string? back, string? accountId) =>
        back is { Length: > 0 } path && !path.StartsWith('/') && !path.StartsWith('\\') && !path.Contains(':', StringComparison.Ordinal)
            && Uri.TryCreate(path, UriKind.Relative, out _)
            ? path
            : accountId is { Length: > 0 } account ? $"oa/{Uri.EscapeDataString(account)}/thread" : "chats";
}
