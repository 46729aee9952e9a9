namespace Hutong.Web.OfficialAccounts;

/// <summary>
/// Where a news item's link goes. Only web addresses (http, https) and the node's own paths are links; anything else
/// (a <c>javascript:</c> address, a made-up scheme) shows as text. An article of an account (<c>/a/{id}</c> on the
/// node) opens in the client's article view (<see cref="ArticleReader"/>); every other page opens in a new tab,
/// without giving that tab a hold on this one.
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
    /// The client's own page for a link to an article of this node (<c>/a/{id}</c>, as the node writes it); else null.
    /// An address on another host is another site's page, whatever its path looks like.
    /// </summary>
    public static string? InClient(string href) => href.StartsWith('/') && ArticleId(href) is { } id ? ArticleReader.Route(id) : null;

    /// <summary>The article's id when the link is the node's article page (<c>/a/{id}</c>).</summary>
    public static string? ArticleId(string href)
    {
        var path = href.StartsWith('/') ? href : Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri.AbsolutePath : null;
        return path is not null && path.StartsWith("/a/", StringComparison.Ordinal) && path.Length > 3 && !path[3..].Contains('/', StringComparison.Ordinal)
            ? path[3..]
            : null;
    }
}
