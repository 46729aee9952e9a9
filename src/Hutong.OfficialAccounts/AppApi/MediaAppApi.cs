using System.Text.Json.Nodes;
using Hutong.Chat.Media;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Articles;
using Hutong.OfficialAccounts.Threads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static Hutong.OfficialAccounts.AppApi.AppCall;

namespace Hutong.OfficialAccounts.AppApi;

/// <summary>
/// The app API's media: temporary uploads (<c>media/upload</c>), images for article bodies (<c>media/uploadimg</c>),
/// downloads (<c>media/get</c>) and news of articles (<c>media/uploadnews</c>). Uploads are stored as the account
/// owner's, through the chat media store, which is what custom and mass sends check a <c>media_id</c> against.
/// </summary>
internal static class MediaAppApi
{
    /// <summary>WeChat's limits: an image up to 10 MB, a thumb (a JPEG) up to 64 KB, an article image (JPEG or PNG) up to 1 MB.</summary>
    private const long MaxImage = 10L * 1024 * 1024;
    private const long MaxThumb = 64L * 1024;
    private const long MaxArticleImage = 1024L * 1024;

    private static readonly string[] ImageTypes = ["image/jpeg", "image/png", "image/gif", "image/webp"];
    private static readonly string[] ThumbTypes = ["image/jpeg"];
    private static readonly string[] ArticleImageTypes = ["image/jpeg", "image/png"];

    public static RouteGroupBuilder MapMediaAppApi(this RouteGroupBuilder api)
    {
        // A multipart post from a bot, with the access token as its credential: no cookie, so no antiforgery token.
        api.MapPost("/media/upload", Upload).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxImage + (64 * 1024)));
        api.MapPost("/media/uploadimg", UploadImage).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxArticleImage + (64 * 1024)));
        api.MapGet("/media/get", Get);
        api.MapPost("/media/uploadnews", UploadNews);
        return api;
    }

    /// <summary>
    /// A temporary upload: <c>type=image</c> (JPEG, PNG, GIF or WebP up to 10 MB) or <c>thumb</c> (a JPEG up to 64 KB).
    /// Voice and video are refused with 40004, as an unknown type is.
    /// </summary>
    private static async Task<IResult> Upload(
        HttpRequest request, string? access_token, string? type, AccessTokens tokens, IOfficialAccountStore accounts, MediaService media,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (account, error) = await AuthAsync(access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var (types, max, tooLarge) = type switch
        {
            "image" => (ImageTypes, MaxImage, WeChatErrors.InvalidImageSize),
            "thumb" => (ThumbTypes, MaxThumb, WeChatErrors.InvalidThumbSize),
            _ => default,
        };
        if (types is null)
        {
            return Error(WeChatErrors.InvalidMediaType);
        }

        var stored = await StoreAsync(request, account!, types, max, tooLarge!, media, cancellationToken);
        return stored.Error is { } refused
            ? Error(refused)
            : Json(new JsonObject { ["type"] = type, ["media_id"] = stored.MediaId, ["created_at"] = clock.GetUtcNow().ToUnixTimeSeconds() });
    }

    /// <summary>
    /// An image for article bodies (JPEG or PNG up to 1 MB), answered with its address on this node: an article's
    /// <c>content</c> may show it (<see cref="ArticleHtml.Sanitize"/> reads it as the upload), and readers see it once
    /// the article is published.
    /// </summary>
    private static async Task<IResult> UploadImage(
        HttpRequest request, string? access_token, AccessTokens tokens, IOfficialAccountStore accounts, MediaService media, CancellationToken cancellationToken)
    {
        var (account, error) = await AuthAsync(access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var stored = await StoreAsync(request, account!, ArticleImageTypes, MaxArticleImage, WeChatErrors.InvalidImageSize, media, cancellationToken);
        return stored.Error is { } refused
            ? Error(refused)
            : Json(new JsonObject { ["url"] = $"{ArticlesApi.Origin(request.HttpContext)}/api/v1/media/{stored.MediaId}" });
    }

    /// <summary>
    /// The bytes of an upload the account may fetch: one of its own (uploaded by its owner), or one a follower sent it
    /// (the <c>PicUrl</c> of an image push points here).
    /// </summary>
    private static async Task<IResult> Get(
        string? access_token, string? media_id, AccessTokens tokens, IOfficialAccountStore accounts, IMediaStore media, IThreadStore threads,
        IBlobStore blobs, HttpResponse response, CancellationToken cancellationToken)
    {
        var (account, error) = await AuthAsync(access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        if (!Ids.TryParse(media_id, out var id) || await media.FindAsync(id, cancellationToken) is not { } item
            || (item.UploaderId != account!.OwnerId && (await threads.WithMediaAsync(id, cancellationToken)).All(m => m.AccountId != account.Id))
            || await blobs.OpenReadAsync(item.Sha256, cancellationToken) is not { } content)
        {
            return Error(WeChatErrors.InvalidMediaId);
        }

        // The sniffed type, never re-guessed by the browser, and always a download, as WeChat's are.
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(content, item.ContentType, item.FileName ?? Ids.Format(item.Id), enableRangeProcessing: true);
    }

    /// <summary>
    /// Up to 8 articles (WeChat's <c>articles</c>: <c>title</c>, <c>content</c>, <c>thumb_media_id</c> and the rest) made
    /// as drafts through <see cref="ArticleService"/>, with the body made safe as the studio's are; the answer's
    /// <c>media_id</c> sends them as <c>mpnews</c>, which publishes them. All or none: a refused article removes the ones
    /// made before it.
    /// </summary>
    private static async Task<IResult> UploadNews(
        HttpRequest request, string? access_token, AccessTokens tokens, IOfficialAccountStore accounts, ArticleService articles, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        if (json!["articles"] is not JsonArray { Count: >= 1 and <= NewsMediaId.MaxArticles } list || list.Any(a => a is not JsonObject))
        {
            return Error(WeChatErrors.DataFormat);
        }

        var origin = ArticlesApi.Origin(request.HttpContext);
        var made = new List<Guid>(list.Count);
        foreach (var article in list.Cast<JsonObject>())
        {
            var draft = new CreateArticleRequest(
                Text(article, "title") ?? "", Text(article, "content") ?? "", Text(article, "digest"), Text(article, "author"),
                Text(article, "thumb_media_id"), Text(article, "content_source_url"));
            var created = await articles.CreateAsync(account!, account!.OwnerId, draft, origin, cancellationToken);
            if (!created.IsSuccess)
            {
                foreach (var id in made)
                {
                    await articles.DeleteAsync(account, id, cancellationToken);
                }

                return Error(ArticleError(created.Error.Fields));
            }

            made.Add(Guid.Parse(created.Value.Id));
        }

        return Json(new JsonObject
        {
            ["type"] = "news",
            ["media_id"] = NewsMediaId.Format(made),
            ["created_at"] = clock.GetUtcNow().ToUnixTimeSeconds(),
        });
    }

    /// <summary>
    /// Reads the multipart field <c>media</c> and stores it as the account owner's upload when it is one of
    /// <paramref name="types"/> (sniffed from its bytes, never taken from the request) and at most <paramref name="max"/> bytes.
    /// </summary>
    private static async Task<(string? MediaId, WeChatError? Error)> StoreAsync(
        HttpRequest request, OfficialAccount account, string[] types, long max, WeChatError tooLarge, MediaService media, CancellationToken cancellationToken)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("media") : null;
        if (file is null || file.Length == 0)
        {
            return (null, WeChatErrors.MediaDataMissing);
        }

        if (file.Length > max)
        {
            return (null, tooLarge);
        }

        var head = new byte[ContentSniffer.HeadBytes];
        await using (var stream = file.OpenReadStream())
        {
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            if (!types.Contains(ContentSniffer.Sniff(head.AsSpan(0, read))))
            {
                return (null, WeChatErrors.InvalidFileType);
            }
        }

        var uploaded = await media.UploadAsync(account.OwnerId, file, UploadExpectation.Image, cancellationToken);
        return uploaded.IsSuccess ? (uploaded.Value.MediaId, null) : (null, WeChatErrors.InvalidFileType);
    }

    /// <summary>WeChat's code for the first refused field of an article: its title, digest, link, cover or body.</summary>
    private static WeChatError ArticleError(IReadOnlyDictionary<string, string[]>? fields) => fields?.Keys.FirstOrDefault() switch
    {
        "title" => WeChatErrors.TitleTooLong,
        "digest" => WeChatErrors.DescriptionTooLong,
        "sourceUrl" => WeChatErrors.UrlTooLong,
        "coverId" => WeChatErrors.InvalidMediaId,
        "body" => WeChatErrors.ContentTooLong,
        _ => WeChatErrors.DataFormat,
    };
}
