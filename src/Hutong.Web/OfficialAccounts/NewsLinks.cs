namespace Hutong.Web.OfficialAccounts;

/// <summary>
/// Where a news item's link goes. Only web addresses (http, https) and the node's own paths are links; anything else
/// (a <c>javascript:</c> address, a made-up scheme) shows as text. An article of an account (<c>/a/{id}</c> on the
/// node) opens in the client's article view once the client has one; until then it, like every other page, opens in
/// a new tab, without giving that tab a hold on this one.
/// </summary>
public static class NewsLinks
{
    /// <summary>The address to link to, or null when the item's link is not one to follow.</summary>
    public static string? Href(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.Contains('\\', StringComparison.Ordinal))
        {
            return trimmed;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 ? uri.AbsoluteUri : null;
    }

    /// <summary>
    /// The route of the client's article view, to which an article's id is added; null while the client has none (the
    /// node's articles are being built), so article links open in a new tab like any other.
    /// </summary>
    private static string? ArticleView => null;

    /// <summary>The client's own page for a link, when it is an article and the client has an article view; else null.</summary>
    public static string? InClient(string href) => ArticleView is { } view && ArticleId(href) is { } id ? $"{view}/{Uri.EscapeDataString(id)}" : null;

    /// <summary>The article's id when the link is the node's article page (<c>/a/{id}</c>).</summary>
    public static string? ArticleId(string href)
    {
        var path = href.StartsWith('/') ? href : Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri.AbsolutePath : null;
        return path is not null && path.StartsWith("/a/", StringComparison.Ordinal) && path.Length > 3 && !path[3..].Contains('/', StringComparison.Ordinal)
            ? path[3..]
            : null;
    }
}
