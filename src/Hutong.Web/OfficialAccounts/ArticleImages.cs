using System.Text.RegularExpressions;

namespace Hutong.Web.OfficialAccounts;

/// <summary>
/// The uploads an article shows. The node writes each as <c>src="/api/v1/media/{id}"</c> in every body it saves, and
/// an img tag cannot carry the bearer token: a published article's uploads come from its public route, which anyone may
/// fetch while it is published; a draft's from object URLs of uploads the studio fetched.
/// </summary>
public static partial class ArticleImages
{
    private const string MediaPrefix = "/api/v1/media/";

    /// <summary>The uploads the body shows, once each.</summary>
    public static IReadOnlyList<string> MediaIds(string html) => [.. Src().Matches(html).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The upload a cover or picture address names (<c>/api/v1/media/{id}</c>), or null.</summary>
    public static string? MediaId(string? url) =>
        url is not null && url.StartsWith(MediaPrefix, StringComparison.Ordinal) && url.Length > MediaPrefix.Length ? url[MediaPrefix.Length..] : null;

    /// <summary>A published article's upload at its public route.</summary>
    public static string Published(string articleId, string mediaId) => $"/a/{Uri.EscapeDataString(articleId)}/media/{Uri.EscapeDataString(mediaId)}";

    /// <summary>A published article's body, its uploads from its public route.</summary>
    public static string PublishedBody(string html, string articleId) => Src().Replace(html, m => $"src=\"{Published(articleId, m.Groups[1].Value)}\"");

    /// <summary>
    /// The body with its uploads at the URLs given; <paramref name="marked"/> adds each one's id as <c>data-media</c>, by
    /// which the editor writes it back as the node's address.
    /// </summary>
    public static string WithUrls(string html, IReadOnlyDictionary<string, string> urls, bool marked) => Src().Replace(html, m =>
    {
        var id = m.Groups[1].Value;
        return urls.TryGetValue(id, out var url) ? $"src=\"{url}\"" + (marked ? $" data-media=\"{id}\"" : "") : m.Value;
    });

    /// <summary>An img tag's address of an upload; the same words in an article's text are only words.</summary>
    [GeneratedRegex("(?<=<img\\s[^>]*)src=\"/api/v1/media/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"")]
    private static partial Regex Src();
}
