using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hutong.Chat.Media;
using Hutong.Core;
using Hutong.OfficialAccounts.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hutong.OfficialAccounts.Articles;

/// <summary>
/// An article's public page, <c>/a/{id}</c>: a whole HTML page made on the server, readable without signing in,
/// without a line of script (its policy forbids any), with the tags link previews read and the account's QR code.
/// Every value written into it is HTML-encoded except the body, which was sanitised when it was saved. A browser
/// counts as one reader a day through a random cookie of its own.
/// </summary>
internal static class ArticlePage
{
    public const string ReaderCookie = "hutong_reader";

    /// <summary>No script at all; images from the node and https; the page's own inline style only.</summary>
    public const string Policy = "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>A reader cookie is 16 random bytes in base64url: 22 characters.</summary>
    private const int ReaderCookieLength = 22;

    private const string Style = """
        :root{color-scheme:light dark;--text:#1a1a1a;--muted:#7a7a7a;--bg:#fff;--card:#f5f5f5;--link:#576b95}
        @media (prefers-color-scheme:dark){:root{--text:#d6d6d6;--muted:#8a8a8a;--bg:#111;--card:#1e1e1e;--link:#7d90a9}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--text);font:17px/1.75 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Helvetica Neue",Arial,sans-serif;overflow-wrap:break-word}
        main{max-width:677px;margin:0 auto;padding:20px 16px 48px}
        h1{font-size:22px;line-height:1.4;margin:0 0 14px}
        .meta{color:var(--muted);font-size:15px;margin:0 0 22px}
        .meta span{margin-right:10px}
        .meta .account{color:var(--link)}
        img{max-width:100%;height:auto}
        .cover{display:block;width:100%;border-radius:4px;margin:0 0 20px}
        .body{margin-bottom:28px}
        .body h1,.body h2{font-size:19px;line-height:1.5}
        .body h3,.body h4,.body h5,.body h6{font-size:17px;line-height:1.5}
        .body blockquote{margin:0 0 1em;padding:0 0 0 12px;border-left:3px solid var(--muted);color:var(--muted)}
        .body table{border-collapse:collapse;max-width:100%;display:block;overflow-x:auto}
        .body td,.body th{border:1px solid var(--muted);padding:4px 8px}
        .body pre{overflow-x:auto;background:var(--card);padding:8px}
        a{color:var(--link)}
        .foot{display:flex;justify-content:space-between;color:var(--muted);font-size:15px;margin-bottom:28px}
        .account-card{display:flex;gap:16px;align-items:center;background:var(--card);border-radius:8px;padding:16px}
        .account-card svg{display:block;width:112px;height:112px;background:#fff;padding:4px;border-radius:4px;flex:none}
        .account-card p{margin:0}
        .account-card .hint{color:var(--muted);font-size:14px}
        """;

    public static async Task<ContentHttpResult> RenderAsync(string articleId, HttpContext http, ArticleService articles, CancellationToken cancellationToken)
    {
        var labels = Labels.For(http.Request.Headers.AcceptLanguage.ToString());
        Secure(http.Response);
        http.Response.Headers.CacheControl = "private, no-cache";
        if (!Ids.TryParse(articleId, out var id) || await articles.ReadableAsync(id, cancellationToken) is not { } found)
        {
            return TypedResults.Content(Missing(labels), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
        }

        await articles.CountReadAsync(id, ArticleService.BrowserReader(Reader(http)), cancellationToken);
        var stats = await articles.StatsAsync(id, null, cancellationToken);
        var origin = ArticlesApi.Origin(http);
        var page = Html(found.Article, found.Account, stats.Reads, articles.DateOf(found.Article.PublishedAt!.Value), origin, labels);
        return TypedResults.Content(page, "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>
    /// An upload the article shows (its cover, an image of its body), to anyone, while the article is published: the
    /// media API itself stays for signed-in people.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, NotFound>> MediaAsync(
        string articleId, string mediaId, HttpContext http, ArticleService articles, IMediaStore media, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(articleId, out var id) || !Ids.TryParse(mediaId, out var upload)
            || await articles.ReadableAsync(id, cancellationToken) is not { } found || !found.Article.MediaIds.Contains(upload)
            || await media.FindAsync(upload, cancellationToken) is not { IsImage: true } item
            || await blobs.OpenReadAsync(item.Sha256, cancellationToken) is not { } content)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        // Not immutable: the image stops being served when it leaves the article.
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Stream(content, item.ContentType, enableRangeProcessing: true);
    }

    internal static string Html(Article article, OfficialAccount account, long reads, DateOnly date, string origin, Labels labels)
    {
        var url = origin + Article.PagePath(article.Id);
        var cover = article.CoverId is { } coverId ? Article.PublicMediaPath(article.Id, coverId) : null;
        var html = new StringBuilder(article.Body.Length + 8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(labels.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n");
        Tag(html, "<title>", article.Title, "</title>\n");
        Meta(html, "name", "description", article.Digest);
        Meta(html, "property", "og:type", "article");
        Meta(html, "property", "og:title", article.Title);
        Meta(html, "property", "og:description", article.Digest);
        Meta(html, "property", "og:url", url);
        Meta(html, "property", "og:site_name", account.Name);
        Meta(html, "property", "article:published_time", article.PublishedAt!.Value.ToString("O", CultureInfo.InvariantCulture));
        if (article.Author.Length > 0)
        {
            Meta(html, "property", "article:author", article.Author);
        }

        Meta(html, "name", "twitter:card", cover is null ? "summary" : "summary_large_image");
        Meta(html, "name", "twitter:title", article.Title);
        Meta(html, "name", "twitter:description", article.Digest);
        if (cover is not null)
        {
            Meta(html, "property", "og:image", origin + cover);
            Meta(html, "name", "twitter:image", origin + cover);
        }

        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n<article>\n");
        Tag(html, "<h1>", article.Title, "</h1>\n");
        html.Append("<p class=\"meta\">");
        if (article.Author.Length > 0)
        {
            Tag(html, "<span class=\"author\">", article.Author, "</span>");
        }

        Tag(html, "<a class=\"account\" href=\"#account\">", account.Name, "</a> ");
        html.Append("<time datetime=\"").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
            .Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</time></p>\n");
        if (cover is not null)
        {
            html.Append("<img class=\"cover\" src=\"").Append(Encode(cover)).Append("\" alt=\"\">\n");
        }

        // Sanitised when it was saved (ArticleHtml); the one value not encoded here.
        html.Append("<div class=\"body\">\n").Append(ArticleHtml.ForPublicPage(article.Body, article.Id)).Append("\n</div>\n</article>\n");
        html.Append("<div class=\"foot\">");
        if (article.SourceUrl is { } source)
        {
            html.Append("<a class=\"source\" href=\"").Append(Encode(source)).Append("\" rel=\"").Append(ArticleHtml.LinkRel).Append("\" target=\"_blank\">")
                .Append(Encode(labels.ReadOriginal)).Append("</a>");
        }
        else
        {
            html.Append("<span></span>");
        }

        Tag(html, "<span class=\"reads\">", labels.Reads(reads), "</span></div>\n");
        html.Append("<section id=\"account\" class=\"account-card\">\n").Append(QrSvg(account.Id)).Append("\n<div>");
        Tag(html, "<p class=\"name\"><strong>", account.Name, "</strong></p>");
        if (account.Description.Length > 0)
        {
            Tag(html, "<p class=\"hint\">", account.Description, "</p>");
        }

        Tag(html, "<p class=\"hint\">", labels.ScanToFollow, "</p></div>\n</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Missing(Labels labels) =>
        $"<!DOCTYPE html>\n<html lang=\"{labels.Language}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + $"<title>{Encode(labels.Missing)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n<main>\n<h1>{Encode(labels.Missing)}</h1>\n</main>\n</body>\n</html>\n";

    /// <summary>The account's code, drawn in the page: no request of its own, and nothing for the policy to allow.</summary>
    private static string QrSvg(Guid accountId)
    {
        var svg = Core.Qr.QrCodes.Svg(DeepLinks.OfficialAccount(accountId));
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    private static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        response.Headers.XFrameOptions = "DENY";
    }

    /// <summary>The browser's own reader key, given it on its first visit: random, so it says nothing about anyone.</summary>
    private static string Reader(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(ReaderCookie, out var known) && known is { Length: ReaderCookieLength } && known.All(IsBase64Url))
        {
            return known;
        }

        var reader = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(ReaderCookie, reader, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/a",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        return reader;
    }

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static void Meta(StringBuilder html, string attribute, string name, string content) =>
        html.Append("<meta ").Append(attribute).Append("=\"").Append(name).Append("\" content=\"").Append(Encode(content)).Append("\">\n");

    private static void Tag(StringBuilder html, string open, string text, string close) => html.Append(open).Append(Encode(text)).Append(close);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The page's few words, in Chinese for browsers that ask for it first and in English otherwise.</summary>
    internal sealed record Labels(string Language, string ReadOriginal, Func<long, string> Reads, string ScanToFollow, string Missing)
    {
        private static readonly Labels English = new(
            "en", "Read the original", n => string.Create(CultureInfo.InvariantCulture, $"Reads {n:N0}"), "Scan the code in Hutong to follow the account.",
            "This article is not available.");

        private static readonly Labels Chinese = new(
            "zh-CN", "阅读原文", n => string.Create(CultureInfo.InvariantCulture, $"阅读 {n:N0}"), "用胡同扫码，关注公众号。", "该内容无法查看。");

        public static Labels For(string acceptLanguage) =>
            acceptLanguage.TrimStart().StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
    }
}
