using System.Net;
using System.Text.RegularExpressions;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Contracts.Social;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Articles;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>Articles through the real server: the studio, sanitised bodies, the public page, reads, likes and sharing.</summary>
public sealed class ArticlesTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static readonly byte[] Png = Hutong.Core.Qr.QrCodes.Png("hutong://article-cover", 4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AnAdmin_WritesDrafts_AndOnlyAdminsSeeOrManageThem(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (owner, account) = await AccountAsync(app);
        var other = await TestUser.CreateAsync(app, "other");
        await other.Client.FollowAsync(account.Id, cancellationToken: Ct);

        var first = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Spring tea", "<p>Leaves <b>picked</b> early.</p>", Author: "Lin"), Ct);
        var second = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Autumn tea", "<p>Roasted.</p>", Digest: "Darker"), Ct);

        Assert.Equal((account.Id, "Spring tea", "Lin", "<p>Leaves <b>picked</b> early.</p>", null), (first.AccountId, first.Title, first.Author, first.Body, first.PublishedAt));
        Assert.Equal("Leaves picked early.", first.Digest);
        Assert.Equal($"/a/{first.Id}", first.PageUrl);
        Assert.Equal([second.Id, first.Id], (await owner.Client.GetArticlesAsync(account.Id, cancellationToken: Ct)).Articles.Select(a => a.Id));
        var paged = await owner.Client.GetArticlesAsync(account.Id, limit: 1, cancellationToken: Ct);
        Assert.Equal(first.Id, Assert.Single((await owner.Client.GetArticlesAsync(account.Id, cursor: paged.NextCursor, cancellationToken: Ct)).Articles).Id);
        var edited = await owner.Client.UpdateArticleAsync(account.Id, first.Id, new UpdateArticleRequest(Title: "Spring green tea", Author: ""), Ct);
        Assert.Equal(("Spring green tea", "", first.Body), (edited.Title, edited.Author, edited.Body));
        Assert.Equal("Spring green tea", (await owner.Client.GetArticleDraftAsync(account.Id, first.Id, Ct)).Title);

        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Mine", "<p>x</p>"), Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.GetArticlesAsync(account.Id, cancellationToken: Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.GetArticleDraftAsync(account.Id, first.Id, Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.UpdateArticleAsync(account.Id, first.Id, new UpdateArticleRequest("Mine"), Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.DeleteArticleAsync(account.Id, first.Id, Ct));
        // A draft does not exist for readers, not even the account's followers.
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => other.Client.GetArticleAsync(first.Id, Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => other.Client.LikeArticleAsync(first.Id, Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => other.Client.ReadArticleAsync(first.Id, Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => owner.Client.GetArticleAsync(first.Id, Ct));
        // Another account's admin cannot reach it through their own account either.
        var (_, elsewhere) = await AccountAsync(app, other);
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => other.Client.GetArticleDraftAsync(elsewhere.Id, first.Id, Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => other.Client.DeleteArticleAsync(elsewhere.Id, first.Id, Ct));

        // A digest made of the body's first words follows a new body; one the author wrote stays.
        Assert.Equal("New words.", (await owner.Client.UpdateArticleAsync(account.Id, first.Id, new UpdateArticleRequest(Body: "<p>New words.</p>"), Ct)).Digest);
        Assert.Equal("Darker", (await owner.Client.UpdateArticleAsync(account.Id, second.Id, new UpdateArticleRequest(Body: "<p>Other.</p>"), Ct)).Digest);

        await owner.Client.DeleteArticleAsync(account.Id, second.Id, Ct);

        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => owner.Client.GetArticleDraftAsync(account.Id, second.Id, Ct));
        Assert.Equal([first.Id], (await owner.Client.GetArticlesAsync(account.Id, cancellationToken: Ct)).Articles.Select(a => a.Id));
    }

    [Theory, ProviderData]
    public async Task BadArticles_AreRefusedWithTheirFields_AndNothingIsWritten(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (owner, account) = await AccountAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var theirs = await stranger.Client.UploadMediaAsync(new MemoryStream(Png), "theirs.png", Ct);
        var words = await owner.Client.UploadMediaAsync(new MemoryStream("just words"u8.ToArray()), "notes.txt", Ct);

        var bad = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest(
            new string('t', 65), "<p>x</p>", new string('d', 121), new string('a', 17), Guid.NewGuid().ToString(), "javascript:alert(1)"), Ct));
        Assert.Equal(["author", "coverId", "digest", "sourceUrl", "title"], bad.Problem!.Errors!.Keys.Order());
        var tooLong = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest(
            "Long", "<p>" + new string('x', 200_000) + "</p>"), Ct));
        Assert.Equal(["body"], tooLong.Problem!.Errors!.Keys);
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest(
            "Only a script", "<script>alert(1)</script><iframe src=\"https://evil.example\"></iframe>"), Ct));
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest(
            "Two\nlines", "<p>x</p>"), Ct));
        var borrowed = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest(
            "Borrowed", $"<p>Look</p><img src=\"/api/v1/media/{theirs.MediaId}\">", CoverId: theirs.MediaId), Ct));
        Assert.Equal(["body", "coverId"], borrowed.Problem!.Errors!.Keys.Order());
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest(
            "Not an image", "<p>x</p>", CoverId: words.MediaId), Ct));
        Assert.Empty((await owner.Client.GetArticlesAsync(account.Id, cancellationToken: Ct)).Articles);

        var article = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Fine", "<p>Fine</p>", SourceUrl: "https://tea.example/fine"), Ct);
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.UpdateArticleAsync(account.Id, article.Id, new UpdateArticleRequest(
            Title: "Renamed", Body: "<script>alert(1)</script>"), Ct));
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.GetArticlesAsync(account.Id, limit: 0, cancellationToken: Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => owner.Client.UpdateArticleAsync(account.Id, "not-an-id", new UpdateArticleRequest("x"), Ct));
        var unchanged = await owner.Client.GetArticleDraftAsync(account.Id, article.Id, Ct);
        Assert.Equal(("Fine", "<p>Fine</p>", "https://tea.example/fine"), (unchanged.Title, unchanged.Body, unchanged.SourceUrl));
    }

    [Theory, ProviderData]
    public async Task ArticleBodies_AreSanitisedOnSave_AgainstEveryAttack(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (owner, account) = await AccountAsync(app);
        var attacks = ArticleHtmlTests.AttackStrings;

        var created = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Attacks", "<p>Kept</p>" + string.Concat(attacks)), Ct);
        var updated = await owner.Client.UpdateArticleAsync(account.Id, created.Id, new UpdateArticleRequest(Body: string.Concat(attacks) + "<p>Kept too</p>"), Ct);

        ArticleHtmlTests.AssertHarmless(created.Body);
        ArticleHtmlTests.AssertHarmless(updated.Body);
        Assert.StartsWith("<p>Kept</p>", created.Body, StringComparison.Ordinal);
        Assert.EndsWith("<p>Kept too</p>", updated.Body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://ok.example\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">fine link</a>", updated.Body, StringComparison.Ordinal);
        Assert.Equal(updated.Body, (await owner.Client.GetArticleDraftAsync(account.Id, created.Id, Ct)).Body);
    }

    [Theory, ProviderData]
    public async Task APublishedArticle_IsEditableButNotDeletable_AndPublishingIsAllOrNothing(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (owner, account) = await AccountAsync(app);
        var (_, other) = await AccountAsync(app, owner);
        var mine = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Mine", "<p>Mine</p>"), Ct);
        var draft = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Draft", "<p>Draft</p>"), Ct);
        var theirs = await owner.Client.CreateArticleAsync(other.Id, new CreateArticleRequest("Theirs", "<p>Theirs</p>"), Ct);

        var refused = await PublishAsync(app, account.Id, mine.Id, theirs.Id);
        Assert.Equal(ErrorCodes.ArticleNotFound, refused.Error?.Code);
        Assert.Null((await owner.Client.GetArticleDraftAsync(account.Id, mine.Id, Ct)).PublishedAt);

        var published = await PublishAsync(app, account.Id, mine.Id);
        var at = Assert.Single(published.Value).PublishedAt!.Value;
        Assert.Equal(at, (await owner.Client.GetArticleDraftAsync(account.Id, mine.Id, Ct)).PublishedAt);
        // Published again in a later broadcast, it keeps its first time.
        await PublishAsync(app, account.Id, draft.Id, mine.Id);
        Assert.Equal(at, (await owner.Client.GetArticleDraftAsync(account.Id, mine.Id, Ct)).PublishedAt);

        await AccountsTests.ExpectAsync(409, ErrorCodes.ArticlePublished, () => owner.Client.DeleteArticleAsync(account.Id, mine.Id, Ct));
        var edited = await owner.Client.UpdateArticleAsync(account.Id, mine.Id, new UpdateArticleRequest(Title: "Mine, corrected"), Ct);
        Assert.Equal(("Mine, corrected", at), (edited.Title, edited.PublishedAt));
        Assert.Equal("Mine, corrected", (await owner.Client.GetArticleAsync(mine.Id, Ct)).Title);
    }

    [Theory, ProviderData]
    public async Task ThePublicPage_IsReadableWithoutSigningIn_AndRunsNothing(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (owner, account) = await AccountAsync(app);
        var cover = await owner.Client.UploadMediaAsync(new MemoryStream(Png), "cover.png", Ct);
        var inside = await owner.Client.UploadMediaAsync(new MemoryStream(Hutong.Core.Qr.QrCodes.Png("hutong://inside", 4)), "inside.png", Ct);
        var elsewhere = await owner.Client.UploadMediaAsync(new MemoryStream(Hutong.Core.Qr.QrCodes.Png("hutong://elsewhere", 4)), "elsewhere.png", Ct);
        var article = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest(
            "Tea <script>alert(1)</script> & \"friends\"", $"<p>Hot water.</p><img src=\"/api/v1/media/{inside.MediaId}\" alt=\"cup\"><script>alert(2)</script>",
            "Leaves, \"water\" & <time>", "Lin <b>", cover.MediaId, "https://tea.example/orig?a=1&b=2"), Ct);
        var draft = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Secret draft", "<p>Not yet</p>", CoverId: cover.MediaId), Ct);
        await PublishAsync(app, account.Id, article.Id);
        using var browser = app.CreateClient();

        using var response = await browser.GetAsync($"/a/{article.Id}", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("<\\s*script|\\son[a-z]+\\s*=|javascript:", RegexOptions.IgnoreCase), page);
        Assert.Contains("<title>Tea &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;</title>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Tea &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:title\" content=\"Tea &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:description\" content=\"Leaves, &quot;water&quot; &amp; &lt;time&gt;\">", page, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"http://localhost/a/{article.Id}\">", page, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:image\" content=\"http://localhost/a/{article.Id}/media/{cover.MediaId}\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\">", page, StringComparison.Ordinal);
        Assert.Contains("Lin &lt;b&gt;", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(account.Name), page, StringComparison.Ordinal);
        Assert.Contains($"<img src=\"/a/{article.Id}/media/{inside.MediaId}\" alt=\"cup\">", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://tea.example/orig?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">Read the original</a>", page, StringComparison.Ordinal);
        Assert.Contains("Reads 1", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("@media (prefers-color-scheme:dark)", page, StringComparison.Ordinal);

        // The article's images, and only its images, are served to anyone while it is published; the media API is not loosened.
        using var coverImage = await browser.GetAsync($"/a/{article.Id}/media/{cover.MediaId}", Ct);
        Assert.Equal((HttpStatusCode.OK, "image/png"), (coverImage.StatusCode, coverImage.Content.Headers.ContentType?.MediaType));
        Assert.Equal(Png, await coverImage.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/a/{article.Id}/media/{inside.MediaId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/a/{article.Id}/media/{elsewhere.MediaId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/a/{draft.Id}/media/{cover.MediaId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"/api/v1/media/{cover.MediaId}", Ct)).StatusCode);

        // A draft, an unknown article and a malformed id are plain not-found pages that say nothing of the draft.
        foreach (var missing in new[] { draft.Id, Guid.NewGuid().ToString(), "not-an-id" })
        {
            using var gone = await browser.GetAsync($"/a/{missing}", Ct);
            var body = await gone.Content.ReadAsStringAsync(Ct);
            Assert.Equal((HttpStatusCode.NotFound, "text/html"), (gone.StatusCode, gone.Content.Headers.ContentType?.MediaType));
            Assert.DoesNotContain("Secret draft", body, StringComparison.Ordinal);
            Assert.Contains("not available", body, StringComparison.Ordinal);
            Assert.Single(gone.Headers.GetValues("Content-Security-Policy"));
        }
    }

    [Theory, ProviderData]
    public async Task AnonymousReads_CountOncePerBrowserCookie(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (owner, account) = await AccountAsync(app);
        var article = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Counted", "<p>Count me.</p>"), Ct);
        await PublishAsync(app, account.Id, article.Id);
        using var first = app.CreateClient();
        using var second = app.CreateClient();
        using var noCookies = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        using var opened = await first.GetAsync($"/a/{article.Id}", Ct);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        await first.GetAsync($"/a/{article.Id}", Ct);
        await first.GetAsync($"/a/{article.Id}", Ct);

        Assert.Matches("^hutong_reader=[A-Za-z0-9_-]{22}; ", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/a", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, (await owner.Client.GetArticleAsync(article.Id, Ct)).Stats.Reads);
        var page = await (await second.GetAsync($"/a/{article.Id}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Reads 2", page, StringComparison.Ordinal);
        await second.GetAsync($"/a/{article.Id}", Ct);
        Assert.Equal(2, (await owner.Client.GetArticleAsync(article.Id, Ct)).Stats.Reads);
        // A browser that keeps no cookie is a new reader each time; a forged cookie is replaced, not trusted.
        await noCookies.GetAsync($"/a/{article.Id}", Ct);
        await noCookies.GetAsync($"/a/{article.Id}", Ct);
        using var forged = new HttpRequestMessage(HttpMethod.Get, $"/a/{article.Id}");
        forged.Headers.Add("Cookie", "hutong_reader=" + new string('x', 500));
        using var forgedResponse = await noCookies.SendAsync(forged, Ct);
        Assert.Contains(forgedResponse.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hutong_reader=", StringComparison.Ordinal));
        Assert.Equal(5, (await owner.Client.GetArticleAsync(article.Id, Ct)).Stats.Reads);
    }

    [Theory, ProviderData]
    public async Task Reads_CountOncePerPersonADay_InShanghaiTime(StorageProvider provider)
    {
        // 15:50 UTC is 23:50 in Shanghai; 16:01 UTC is one minute into the next day there.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 15, 50, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        try
        {
            var (owner, account) = await AccountAsync(app);
            var reader = await TestUser.CreateAsync(app, "reader");
            var article = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Daily", "<p>Every day.</p>"), Ct);
            await PublishAsync(app, account.Id, article.Id);
            using var browser = app.CreateClient();

            Assert.Equal(1, (await reader.Client.ReadArticleAsync(article.Id, Ct)).Reads);
            clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 15, 59, 0, TimeSpan.Zero));
            Assert.Equal(1, (await reader.Client.ReadArticleAsync(article.Id, Ct)).Reads);
            await browser.GetAsync($"/a/{article.Id}", Ct);
            Assert.Equal(2, (await reader.Client.ReadArticleAsync(article.Id, Ct)).Reads);

            clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 16, 1, 0, TimeSpan.Zero));
            Assert.Equal(3, (await reader.Client.ReadArticleAsync(article.Id, Ct)).Reads);
            Assert.Equal(3, (await reader.Client.ReadArticleAsync(article.Id, Ct)).Reads);
            await browser.GetAsync($"/a/{article.Id}", Ct);
            await browser.GetAsync($"/a/{article.Id}", Ct);
            Assert.Equal(4, (await owner.Client.GetArticleAsync(article.Id, Ct)).Stats.Reads);
            var page = await (await browser.GetAsync($"/a/{article.Id}", Ct)).Content.ReadAsStringAsync(Ct);
            // Published at 23:50 in Shanghai: the page shows that day, not the UTC one after it... which here is the same.
            Assert.Contains("<time datetime=\"2026-12-03\">", page, StringComparison.Ordinal);
        }
        finally
        {
            app.Storage.Dispose();
        }
    }

    [Theory, ProviderData]
    public async Task Likes_CountEachPersonOnce_AndTheViewShowsTheAccount(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (owner, account) = await AccountAsync(app);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);
        var article = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Liked", "<p>Like me.</p>", Author: "Lin"), Ct);
        await PublishAsync(app, account.Id, article.Id);

        Assert.Equal(new ArticleStats(0, 1, true), await mei.Client.LikeArticleAsync(article.Id, Ct));
        Assert.Equal(new ArticleStats(0, 1, true), await mei.Client.LikeArticleAsync(article.Id, Ct));
        Assert.Equal(new ArticleStats(0, 2, true), await lin.Client.LikeArticleAsync(article.Id, Ct));
        Assert.Equal(new ArticleStats(0, 2, false), await owner.Client.UnlikeArticleAsync(article.Id, Ct));
        Assert.Equal(new ArticleStats(0, 1, false), await lin.Client.UnlikeArticleAsync(article.Id, Ct));

        var seen = await mei.Client.GetArticleAsync(article.Id, Ct);
        Assert.Equal(("Liked", "Lin", "<p>Like me.</p>", $"/a/{article.Id}"), (seen.Title, seen.Author, seen.Body, seen.PageUrl));
        Assert.Equal(new ArticleAccount(account.Id, account.Name, null, true), seen.Account);
        Assert.Equal(new ArticleStats(0, 1, true), seen.Stats);
        Assert.False((await lin.Client.GetArticleAsync(article.Id, Ct)).Account.Following);
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => lin.Client.LikeArticleAsync(Guid.NewGuid().ToString(), Ct));
    }

    [Theory, ProviderData]
    public async Task PublishedArticles_AreListedToAnyoneWhoSeesTheAccount_NewestPublishedFirst_WithTheirCounts(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (owner, account) = await AccountAsync(app);
        var reader = await TestUser.CreateAsync(app, "reader");
        var older = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Written first", "<p>One</p>"), Ct);
        var newer = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Written second", "<p>Two</p>"), Ct);
        await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Still a draft", "<p>Three</p>"), Ct);
        var pending = (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Waiting Teas", OfficialAccountKinds.Service), Ct)).Account;
        // Published in the other order than written: the list goes by publication.
        await PublishAsync(app, account.Id, newer.Id);
        await PublishAsync(app, account.Id, older.Id);
        await reader.Client.ReadArticleAsync(older.Id, Ct);
        await reader.Client.LikeArticleAsync(older.Id, Ct);
        await owner.Client.LikeArticleAsync(older.Id, Ct);

        var all = await reader.Client.GetPublishedArticlesAsync(account.Id, cancellationToken: Ct);
        var first = await reader.Client.GetPublishedArticlesAsync(account.Id, limit: 1, cancellationToken: Ct);
        var rest = await reader.Client.GetPublishedArticlesAsync(account.Id, limit: 1, cursor: first.NextCursor, cancellationToken: Ct);

        Assert.Equal([(older.Id, 1L, 2L), (newer.Id, 0L, 0L)], all.Articles.Select(a => (a.Id, a.Reads, a.Likes)));
        Assert.Null(all.NextCursor);
        Assert.All(all.Articles, a => Assert.NotNull(a.PublishedAt));
        Assert.Equal(older.Id, Assert.Single(first.Articles).Id);
        Assert.Equal(newer.Id, Assert.Single(rest.Articles).Id);
        Assert.Null(rest.NextCursor);
        // The studio's list of drafts and published articles carries the same counts.
        Assert.Equal((1L, 2L), (await owner.Client.GetArticlesAsync(account.Id, cancellationToken: Ct)).Articles.Where(a => a.Id == older.Id).Select(a => (a.Reads, a.Likes)).Single());
        // An account the reader may not see (waiting for review), or none at all, has no list; its admin sees it empty.
        await AccountsTests.ExpectAsync(404, ErrorCodes.AccountNotFound, () => reader.Client.GetPublishedArticlesAsync(pending.Id, cancellationToken: Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.AccountNotFound, () => reader.Client.GetPublishedArticlesAsync(Guid.NewGuid().ToString(), cancellationToken: Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.AccountNotFound, () => reader.Client.GetPublishedArticlesAsync("not-an-id", cancellationToken: Ct));
        Assert.Empty((await owner.Client.GetPublishedArticlesAsync(pending.Id, cancellationToken: Ct)).Articles);
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => reader.Client.GetPublishedArticlesAsync(account.Id, limit: 0, cancellationToken: Ct));
    }

    [Theory, ProviderData]
    public async Task SharingAnArticle_IntoAChat_TakesItsTitleFromTheArticle(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (owner, account) = await AccountAsync(app);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        var chat = Assert.Single((await mei.Client.GetConversationsAsync(Ct)).Conversations).ConversationId;
        var cover = await owner.Client.UploadMediaAsync(new MemoryStream(Png), "cover.png", Ct);
        var article = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("The real title", "<p>Body</p>", "The real digest", CoverId: cover.MediaId), Ct);
        var draft = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Unpublished", "<p>Body</p>", CoverId: cover.MediaId), Ct);
        await AccountsTests.ExpectAsync(404, ErrorCodes.MediaNotFound, () => lin.Client.DownloadMediaAsync(cover.MediaId, Ct));
        await PublishAsync(app, account.Id, article.Id);

        await mei.Client.SendMessageAsync(chat, new SendMessageRequest("share-1", new ArticleContent("someone", article.Id, "A title I made up", "Mine", "https://evil.example/x.png")), Ct);
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () =>
            mei.Client.SendMessageAsync(chat, new SendMessageRequest("share-2", new ArticleContent(account.Id, draft.Id, "Unpublished")), Ct));
        var malformed = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () =>
            mei.Client.SendMessageAsync(chat, new SendMessageRequest("share-3", new ArticleContent(account.Id, "not-an-id", "x")), Ct));

        Assert.Equal(["articleId"], malformed.Problem!.Errors!.Keys);
        var received = (await lin.Client.GetMessagesAsync(chat, cancellationToken: Ct)).Messages.Select(m => m.Content).OfType<ArticleContent>().ToList();
        Assert.Equal(new ArticleContent(account.Id, article.Id, "The real title", "The real digest", $"/api/v1/media/{cover.MediaId}"), Assert.Single(received));
        // Anyone signed in may fetch a published article's cover through the media API.
        Assert.Equal(Png, (await lin.Client.DownloadMediaAsync(cover.MediaId, Ct)).Bytes);
    }

    [Theory, ProviderData]
    public async Task AMomentsPost_CarriesAPublishedArticle_FilledFromTheArticle(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (owner, account) = await AccountAsync(app);
        var mei = await TestUser.CreateAsync(app, "mei");
        var article = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Shared", "<p>Body</p>", "Short"), Ct);
        var draft = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Unpublished", "<p>Body</p>"), Ct);
        await PublishAsync(app, account.Id, article.Id);

        var post = await mei.Client.CreatePostAsync(new CreatePostRequest("post-1", "Worth reading", Card: new ArticleCard(article.Id, Title: "Made up")), Ct);
        var refused = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () =>
            mei.Client.CreatePostAsync(new CreatePostRequest("post-2", "Not yet", Card: new ArticleCard(draft.Id)), Ct));

        Assert.Equal(new ArticleCard(article.Id, account.Id, "Shared", "Short", null), post.Card);
        Assert.Equal(new ArticleCard(article.Id, account.Id, "Shared", "Short", null), (await mei.Client.GetPostAsync(post.Id, Ct)).Card);
        Assert.Equal(["card.articleId"], refused.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task AnUnknownTimeZone_StopsTheNodeAtStartUp_NamingTheSetting()
    {
        using var storage = await TestStorage.CreateAsync(StorageProvider.Sqlite, Ct);

        var error = Assert.ThrowsAny<Exception>(() => HutongApp.Start(storage, new Dictionary<string, string?> { ["Hutong:OfficialAccounts:TimeZone"] = "Mars/Olympus_Mons" }));

        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            messages.AddRange((e as Microsoft.Extensions.Options.OptionsValidationException)?.Failures ?? []);
            messages.AddRange((e as AggregateException)?.InnerExceptions.Select(i => i.Message) ?? []);
        }

        Assert.Contains(messages, m => m.Contains("Hutong:OfficialAccounts:TimeZone is 'Mars/Olympus_Mons'", StringComparison.Ordinal));
    }

    private static async Task<(TestUser Owner, OfficialAccountInfo Account)> AccountAsync(HutongApp app, TestUser? owner = null)
    {
        owner ??= await TestUser.CreateAsync(app, "owner");
        var account = (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest($"Tea & <Leaves> {Guid.NewGuid():N}"[..28], OfficialAccountKinds.Subscription), Ct)).Account;
        return (owner, account);
    }

    /// <summary>Publishes as a broadcast will: through <see cref="ArticleService.PublishAsync"/>, at the node's own time.</summary>
    private static async Task<Core.Errors.Result<IReadOnlyList<Article>>> PublishAsync(HutongApp app, string accountId, params string[] articleIds)
    {
        var account = await app.Services.GetRequiredService<IOfficialAccountStore>().FindAsync(Guid.Parse(accountId), Ct);
        return await app.Services.GetRequiredService<ArticleService>().PublishAsync(
            account!, [.. articleIds.Select(Guid.Parse)], app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), Ct);
    }
}
