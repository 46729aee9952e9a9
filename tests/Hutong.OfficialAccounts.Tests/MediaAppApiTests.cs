using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.OfficialAccounts.Tests.AppApiKit;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>
/// Media through the app API: uploads and their refusals, downloads kept to the account, images for article bodies,
/// and news of articles sent as mpnews.
/// </summary>
public sealed class MediaAppApiTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static readonly byte[] Png = Core.Qr.QrCodes.Png("hutong://media-app-api", 4);

    /// <summary>An 8×8 red JPEG (ffmpeg's), small enough for a thumb.</summary>
    private static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgEBAQEBAUFBQUFBQYGBgYGBgYGBgYGBgYHBwcICAgHBwcGBgcHCAgICAkJCQgICAgJCQoKCgwMCwsODg4RERT/xABMAAEBAAAAAAAAAAAAAAAAAAAABgEBAQAAAAAAAAAAAAAAAAAABgcQAQAAAAAAAAAAAAAAAAAAAAARAQAAAAAAAAAAAAAAAAAAAAD/wAARCAAIAAgDASIAAhEAAxEA/9oADAMBAAIRAxEAPwCLAFF/f//Z");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Uploads_AreTheAccounts_ToSendAndToFetch_AndNoOtherAccounts(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var rival = await TestUser.CreateAsync(app, "rival");
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http);
        var (rivalAccount, rivalToken) = await rival.AccountWithTokenAsync(http, "Rival");
        var openId = await owner.FollowedByAsync(account.Id, mei);
        var rivalOpenId = await rival.FollowedByAsync(rivalAccount.Id, mei);

        var uploaded = await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=image", Png, "qr.png");
        Assert.Equal("image", (string)uploaded["type"]!);
        var now = TimeProvider.System.GetUtcNow();
        Assert.InRange((long)uploaded["created_at"]!, now.AddMinutes(-5).ToUnixTimeSeconds(), now.AddMinutes(5).ToUnixTimeSeconds());
        var mediaId = (string)uploaded["media_id"]!;
        var thumb = await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=thumb", Jpeg, "thumb.jpg");
        Assert.Equal("thumb", (string)thumb["type"]!);

        Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/message/custom/send?access_token={token}", $$$"""{"touser":"{{{openId}}}","msgtype":"image","image":{"media_id":"{{{mediaId}}}"}}""")));
        var thread = await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct);
        Assert.Equal(mediaId, ((ImageContent)thread.Messages[0].Content).MediaId);
        Assert.Equal(Png, await DownloadAsync(http, $"/cgi-bin/media/get?access_token={token}&media_id={mediaId}"));

        // Another owner's account: the upload is not there for it, to fetch or to send.
        Assert.Equal(40007, Code(await GetAsync(http, $"/cgi-bin/media/get?access_token={rivalToken}&media_id={mediaId}")));
        Assert.Equal(40007, Code(await PostAsync(http, $"/cgi-bin/message/custom/send?access_token={rivalToken}", $$$"""{"touser":"{{{rivalOpenId}}}","msgtype":"image","image":{"media_id":"{{{mediaId}}}"}}""")));
        Assert.Equal(40007, Code(await GetAsync(http, $"/cgi-bin/media/get?access_token={token}&media_id=nonsense")));
        Assert.Equal(41001, Code(await GetAsync(http, $"/cgi-bin/media/get?media_id={mediaId}")));
    }

    [Theory, ProviderData]
    public async Task Uploads_OfTheWrongKindOrSize_AreRefusedWithWeChatsCodes(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        using var http = app.CreateClient();
        var (_, token) = await owner.AccountWithTokenAsync(http);
        var pdf = "%PDF-1.4 not an image"u8.ToArray();
        var bigJpeg = new byte[(64 * 1024) + 1];
        Jpeg.CopyTo(bigJpeg, 0);

        Assert.Equal(40004, Code(await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=voice", Png, "a.amr")));
        Assert.Equal(40004, Code(await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=video", Png, "a.mp4")));
        Assert.Equal(40004, Code(await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=picture", Png, "a.png")));
        Assert.Equal(41005, Code(await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=image", Png, "a.png", field: "file")));
        Assert.Equal(41005, Code(await PostAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=image", "{}", "application/json")));
        Assert.Equal(40005, Code(await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=image", pdf, "a.png")));
        Assert.Equal(40005, Code(await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=thumb", Png, "a.png")));
        Assert.Equal(40012, Code(await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=thumb", bigJpeg, "big.jpg")));
        Assert.Equal(40001, Code(await PostFileAsync(http, "/cgi-bin/media/upload?access_token=forged&type=image", Png, "a.png")));

        var gif = "GIF89a"u8.ToArray().Concat(new byte[32]).ToArray();
        var overMegabyte = new byte[(1024 * 1024) + 1];
        Png.CopyTo(overMegabyte, 0);
        Assert.Equal(40005, Code(await PostFileAsync(http, $"/cgi-bin/media/uploadimg?access_token={token}", gif, "a.gif")));
        Assert.Equal(40009, Code(await PostFileAsync(http, $"/cgi-bin/media/uploadimg?access_token={token}", overMegabyte, "big.png")));
        Assert.Equal(41005, Code(await PostFileAsync(http, $"/cgi-bin/media/uploadimg?access_token={token}", Png, "a.png", field: "image")));
    }

    [Theory, ProviderData]
    public async Task FollowersImages_AreFetchedWithTheAccountsToken_AsTheirPushSays(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var rival = await TestUser.CreateAsync(app, "rival");
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http);
        var (_, rivalToken) = await rival.AccountWithTokenAsync(http, "Rival");
        await owner.FollowedByAsync(account.Id, mei);
        var photo = await mei.Client.UploadMediaAsync(new MemoryStream(Jpeg), "photo.jpg", Ct);

        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("photo-1", new ImageContent(photo.MediaId)), Ct);

        Assert.Equal(Jpeg, await DownloadAsync(http, $"/cgi-bin/media/get?access_token={token}&media_id={photo.MediaId}"));
        Assert.Equal(40007, Code(await GetAsync(http, $"/cgi-bin/media/get?access_token={rivalToken}&media_id={photo.MediaId}")));
    }

    [Theory, ProviderData]
    public async Task News_OfArticlesWithUploadedImages_IsSentAsMpnews_PublishedAndCountedAgainstTheQuota(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var rival = await TestUser.CreateAsync(app, "rival");
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http);
        var (rivalAccount, rivalToken) = await rival.AccountWithTokenAsync(http, "Rival");
        var openId = await owner.FollowedByAsync(account.Id, mei);
        var rivalOpenId = await rival.FollowedByAsync(rivalAccount.Id, mei);
        var thumb = (string)(await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={token}&type=thumb", Jpeg, "thumb.jpg"))["media_id"]!;
        var url = (string)(await PostFileAsync(http, $"/cgi-bin/media/uploadimg?access_token={token}", Png, "inside.png"))["url"]!;
        Assert.StartsWith("http", url, StringComparison.Ordinal);
        var imageId = url[(url.LastIndexOf('/') + 1)..];

        var news = await PostAsync(http, $"/cgi-bin/media/uploadnews?access_token={token}", $$$"""
            {"articles":[
              {"thumb_media_id":"{{{thumb}}}","author":"Mei","title":"Spring tea","content_source_url":"https://tea.example/spring","content":"<p>New leaves.</p><img src=\"{{{url}}}\"><script>alert(1)</script>","digest":"Leaves","show_cover_pic":1},
              {"thumb_media_id":"{{{thumb}}}","title":"Autumn tea","content":"<p>Old leaves.</p>"}
            ]}
            """);
        Assert.Equal("news", (string)news["type"]!);
        Assert.True((long)news["created_at"]! > 0);
        var newsId = (string)news["media_id"]!;

        // A draft until it is sent: nobody reads it yet.
        var drafts = (await owner.Client.GetArticlesAsync(account.Id, cancellationToken: Ct)).Articles;
        Assert.Equal(["Autumn tea", "Spring tea"], drafts.Select(a => a.Title).Order());
        Assert.All(drafts, a => Assert.Null(a.PublishedAt));
        var spring = await owner.Client.GetArticleDraftAsync(account.Id, drafts.First(a => a.Title == "Spring tea").Id, Ct);
        Assert.Contains($"src=\"/api/v1/media/{imageId}\"", spring.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("script", spring.Body, StringComparison.Ordinal);

        Assert.Equal(40007, Code(await PostAsync(http, $"/cgi-bin/message/mass/sendall?access_token={rivalToken}", $$$"""{"filter":{"is_to_all":true},"mpnews":{"media_id":"{{{newsId}}}"},"msgtype":"mpnews","send_ignore_reprint":0}""")));
        Assert.Equal(40007, Code(await PostAsync(http, $"/cgi-bin/message/custom/send?access_token={rivalToken}", $$$"""{"touser":"{{{rivalOpenId}}}","msgtype":"mpnews","mpnews":{"media_id":"{{{newsId}}}"}}""")));
        Assert.Equal(40007, Code(await PostAsync(http, $"/cgi-bin/message/mass/sendall?access_token={token}", """{"filter":{"is_to_all":true},"mpnews":{"media_id":"news_AAAA"},"msgtype":"mpnews"}""")));

        var sent = await PostAsync(http, $"/cgi-bin/message/mass/sendall?access_token={token}", $$$"""{"filter":{"is_to_all":true},"mpnews":{"media_id":"{{{newsId}}}"},"msgtype":"mpnews","send_ignore_reprint":0}""");
        Assert.Equal(0, Code(sent));
        Assert.Equal(45028, Code(await PostAsync(http, $"/cgi-bin/message/mass/sendall?access_token={token}", $$$"""{"filter":{"is_to_all":true},"mpnews":{"media_id":"{{{newsId}}}"},"msgtype":"mpnews"}""")));
        Assert.Equal(0, (await owner.Client.GetBroadcastsAsync(account.Id, Ct)).Quota.Remaining);

        // The follower has the articles as news, and each opens: its page shows the uploadimg image to anyone.
        var items = ((NewsContent)(await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages[0].Content).Items;
        Assert.Equal(["Spring tea", "Autumn tea"], items.Select(i => i.Title));
        var view = await mei.Client.GetArticleAsync(items[0].ArticleId!, Ct);
        Assert.Contains($"/api/v1/media/{imageId}", view.Body, StringComparison.Ordinal);
        using var anonymous = app.CreateClient();
        var page = await anonymous.GetStringAsync(new Uri(items[0].Url!, UriKind.Relative), Ct);
        var imagePath = $"/a/{items[0].ArticleId}/media/{imageId}";
        Assert.Contains(imagePath, page, StringComparison.Ordinal);
        Assert.Equal(Png, await anonymous.GetByteArrayAsync(new Uri(imagePath, UriKind.Relative), Ct));

        // The same news again, as a customer-service message in the follow's window.
        Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/message/custom/send?access_token={token}", $$$"""{"touser":"{{{openId}}}","msgtype":"mpnews","mpnews":{"media_id":"{{{newsId}}}"}}""")));
        Assert.IsType<NewsContent>((await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages[0].Content);
    }

    [Theory, ProviderData]
    public async Task News_ThatWeChatWouldRefuse_IsRefusedWhole(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var rival = await TestUser.CreateAsync(app, "rival");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http);
        var (_, rivalToken) = await rival.AccountWithTokenAsync(http, "Rival");
        var rivalThumb = (string)(await PostFileAsync(http, $"/cgi-bin/media/upload?access_token={rivalToken}&type=thumb", Jpeg, "thumb.jpg"))["media_id"]!;
        var article = """{"title":"Fine","content":"<p>Fine.</p>"}""";

        Assert.Equal(47001, Code(await PostAsync(http, $"/cgi-bin/media/uploadnews?access_token={token}", """{"articles":[]}""")));
        Assert.Equal(47001, Code(await PostAsync(http, $"/cgi-bin/media/uploadnews?access_token={token}", $$"""{"articles":[{{string.Join(',', Enumerable.Repeat(article, 9))}}]}""")));
        Assert.Equal(45003, Code(await PostAsync(http, $"/cgi-bin/media/uploadnews?access_token={token}", $$"""{"articles":[{{article}},{"title":"{{new string('t', 65)}}","content":"<p>x</p>"}]}""")));
        Assert.Equal(40007, Code(await PostAsync(http, $"/cgi-bin/media/uploadnews?access_token={token}", $$"""{"articles":[{"title":"Stolen","content":"<p>x</p>","thumb_media_id":"{{rivalThumb}}"}]}""")));
        Assert.Equal(45002, Code(await PostAsync(http, $"/cgi-bin/media/uploadnews?access_token={token}", """{"articles":[{"title":"Empty","content":"<script>x</script>"}]}""")));

        // The first article of the refused pair is not left behind as a draft.
        Assert.Empty((await owner.Client.GetArticlesAsync(account.Id, cancellationToken: Ct)).Articles);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("image/", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }
}
