using System.Text.RegularExpressions;
using Hutong.Contracts.OfficialAccounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// Articles end to end. Lin writes one in the studio with formatting, a cover and an image, pastes something messy that
/// the editor cleans, previews what the node keeps and broadcasts it. Mei, on a phone, opens it from her thread inside
/// the client, likes it, shares it to a chat where Bo opens it and follows the account from it, and to Moments; the
/// account's page lists it, and the studio counts its reads and likes.
/// </summary>
public sealed class ArticleTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    /// <summary>An 8x4 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAKUlEQVR4nGM4EWADR3JIiOFEig0cySEhhhMVNnAkh4QYTvTYwJEcEgIA7n4joSV5JG0AAAAASUVORK5CYII=");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OwnerWritesAndBroadcastsAnArticle_FollowerReadsLikesAndSharesIt_InsideTheClient()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var lin = new Person(await NewPageAsync(), $"rlin{run}", "Lin");
        var mei = new Person(await NewPageAsync(width: 390, height: 844), $"rmei{run}", "Mei");
        var bo = new Person(await NewPageAsync(), $"rbo{run}", "Bo");
        await lin.SignUpAsync();
        await mei.SignUpAsync();
        await bo.SignUpAsync();
        var owner = await SignInOverApiAsync(lin.Handle);
        var meiApi = await SignInOverApiAsync(mei.Handle);
        var boApi = await SignInOverApiAsync(bo.Handle);
        var accountName = $"Leaf Notes {run}";
        var account = (await owner.CreateOfficialAccountAsync(new CreateOfficialAccountRequest(accountName, OfficialAccountKinds.Subscription, "Teas."), Ct)).Account;
        await meiApi.FollowAsync(account.Id, cancellationToken: Ct);
        var request = await meiApi.SendFriendRequestAsync((await meiApi.GetUserByHandleAsync(bo.Handle, Ct)).UserId, "hi", Ct);
        await boApi.AcceptFriendRequestAsync(request.RequestId, Ct);
        const string title = "Spring tea is here";

        // Lin writes the article in the studio: fields, a cover, and a body formatted from the keyboard and the toolbar.
        await lin.Page.GotoAsync($"/studio/{account.Id}/articles");
        await lin.Button("New article").ClickAsync();
        await lin.Field("Title").FillAsync(title);
        await lin.Field("Author").FillAsync("Lin");
        await lin.Field("Original link").FillAsync("https://tea.example/spring");
        await lin.Page.Locator("#article-cover").SetInputFilesAsync(new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = Png });
        await Expect(lin.Page.Locator("img.article-cover-thumb")).ToBeVisibleAsync();
        var body = lin.Page.GetByRole(AriaRole.Textbox, new() { Name = "Body", Exact = true });
        var toolbar = lin.Page.GetByRole(AriaRole.Toolbar, new() { Name = "Formatting" });
        await body.ClickAsync();
        await body.PressSequentiallyAsync("The first leaves are ");
        await body.PressAsync("Control+b");
        await body.PressSequentiallyAsync("picked early");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Bold" })).ToHaveAttributeAsync("aria-pressed", "true");
        await body.PressAsync("Control+b");
        await body.PressSequentiallyAsync(".");
        await body.PressAsync("Enter");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Heading" }).ClickAsync();
        await body.PressSequentiallyAsync("How to brew");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Heading" })).ToHaveAttributeAsync("aria-pressed", "true");
        await body.PressAsync("Enter");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Bulleted list" }).ClickAsync();
        await body.PressSequentiallyAsync("Warm the pot");
        await body.PressAsync("Enter");
        await body.PressSequentiallyAsync("Use water at 80 degrees");
        await body.PressAsync("Enter");
        await body.PressAsync("Enter");
        // The toolbar is one Tab stop: Alt+F10 reaches it from the body, and the arrows move along it.
        await body.PressAsync("Alt+F10");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Bold" })).ToBeFocusedAsync();
        await lin.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Italic" })).ToBeFocusedAsync();
        await lin.Page.Keyboard.PressAsync("End");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Insert an image" })).ToBeFocusedAsync();
        // An image goes up as it is inserted, where the caret was.
        await lin.Page.Locator("#article-image").SetInputFilesAsync(new FilePayload { Name = "teapot.png", MimeType = "image/png", Buffer = Png });
        await Expect(body.Locator("img[data-media]")).ToHaveCountAsync(1);
        // A messy paste keeps its words and simple markup only.
        await body.FocusAsync();
        await lin.Page.EvaluateAsync("""
            html => {
              const data = new DataTransfer();
              data.setData('text/html', html);
              document.getElementById('article-body').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, "<p style=\"color:red\" onclick=\"alert(1)\">Pasted <strong class=\"x\">boldly</strong><script>alert(2)</script><img src=\"https://evil.example/x.png\"></p>");
        await Expect(body).ToContainTextAsync("Pasted boldly");
        var edited = await body.InnerHTMLAsync();
        Assert.DoesNotContain("evil.example", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", edited, StringComparison.Ordinal);
        await lin.ExpectAccessibleAsync("the article editor");

        // Saved as a draft, then previewed: the body as the node keeps it, images and all.
        await lin.Button("Save draft").ClickAsync();
        await Expect(lin.Page.Locator(".article-status")).ToHaveTextAsync("Draft saved.");
        await lin.Button("Preview").ClickAsync();
        var preview = lin.Page.Locator(".article-preview .article-body");
        await Expect(preview.Locator("b, strong").First).ToHaveTextAsync("picked early");
        await Expect(preview.Locator("h2")).ToHaveTextAsync("How to brew");
        await Expect(preview.Locator("li")).ToHaveTextAsync(["Warm the pot", "Use water at 80 degrees"]);
        await Expect(preview.Locator("img")).ToHaveCountAsync(1);
        await Expect(preview.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 8);
        await Expect(preview).ToContainTextAsync("Pasted boldly");
        var draft = Assert.Single((await owner.GetArticlesAsync(account.Id, cancellationToken: Ct)).Articles);
        var saved = await owner.GetArticleDraftAsync(account.Id, draft.Id, Ct);
        Assert.Matches(new Regex("<img src=\"/api/v1/media/[0-9a-f-]{36}\" alt=\"teapot\">"), saved.Body);
        Assert.DoesNotContain("style", saved.Body, StringComparison.Ordinal);
        Assert.NotNull(saved.CoverId);
        await lin.Page.Locator(".article-preview").ScrollIntoViewIfNeededAsync();
        await lin.ScreenshotAsync("oa-studio-article");
        await lin.ExpectAccessibleAsync("the article preview");
        // Leaving with words not saved asks first.
        await body.FocusAsync();
        await body.PressAsync("Control+End");
        await body.PressSequentiallyAsync(" More soon.");
        await lin.Button("All articles").ClickAsync();
        await lin.Page.GetByRole(AriaRole.Dialog, new() { Name = "Leave without saving?" }).GetByRole(AriaRole.Button, new() { Name = "Keep editing" }).ClickAsync();
        await lin.Button("Save draft").ClickAsync();
        await Expect(lin.Page.Locator(".article-status")).ToHaveTextAsync("Draft saved.");
        await lin.Button("All articles").ClickAsync();
        var row = lin.Page.Locator(".studio-article", new() { HasTextString = title });
        await Expect(row).ToContainTextAsync("Draft");

        // Lin broadcasts it: the Broadcast tab picks articles.
        await lin.Link("Broadcast").ClickAsync();
        await lin.Page.GetByRole(AriaRole.Radio, new() { Name = "Articles" }).CheckAsync();
        await lin.Page.GetByRole(AriaRole.Checkbox, new() { Name = title }).CheckAsync();
        await lin.ExpectAccessibleAsync("picking articles to broadcast");
        await lin.Button("Send broadcast").ClickAsync();
        await Expect(lin.Page.Locator(".broadcast-status")).ToHaveTextAsync("Sent to 1 follower.");

        // Mei, on her phone, opens it from her thread: inside the client, counted as a read.
        await mei.Page.GotoAsync($"/oa/{account.Id}/thread");
        await mei.Page.Locator(".news-card a.news-lead", new() { HasTextString = title }).ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/articles/{draft.Id}$"));
        var article = mei.Page.Locator("article.article-view");
        await Expect(article.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(article.Locator(".article-account")).ToHaveTextAsync(accountName);
        await Expect(article.Locator(".article-author")).ToHaveTextAsync("Lin");
        await Expect(article.Locator(".article-body b, .article-body strong").First).ToHaveTextAsync("picked early");
        await Expect(article.Locator(".article-body img")).ToHaveJSPropertyAsync("naturalWidth", 8);
        await Expect(article.Locator("img.article-view-cover")).ToHaveJSPropertyAsync("naturalWidth", 8);
        // The original opens in the client's web view, under the account, and Close comes back to the article.
        await Expect(article.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Read the original") }))
            .ToHaveAttributeAsync("href", $"web?url=https%3A%2F%2Ftea.example%2Fspring&account={account.Id}&back=articles%2F{draft.Id}");
        await Expect(article.Locator(".article-reads")).ToHaveTextAsync("Reads 1");
        await mei.Button("Like").ClickAsync();
        await Expect(mei.Button("Like")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(article.Locator(".article-likes")).ToHaveTextAsync("1 like");
        await mei.ScreenshotAsync("phone-oa-article");
        await mei.ExpectAccessibleAsync("an article in the client at phone width");

        // She shares it to her chat with Bo, and Bo opens it from the chat, inside his client.
        await mei.Button("Share to a chat").ClickAsync();
        var share = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Share to a chat" });
        await mei.ExpectAccessibleAsync("sharing an article to a chat");
        await share.GetByRole(AriaRole.Button, new() { Name = "Send to Bo" }).ClickAsync();
        await Expect(mei.Page.Locator(".article-status")).ToHaveTextAsync("Shared to Bo.");
        await bo.OpenChatAsync("Mei");
        var card = bo.Messages.Locator("a.article-card", new() { HasTextString = title });
        await card.ClickAsync();
        await Expect(bo.Page).ToHaveURLAsync(new Regex($"/articles/{draft.Id}$"));
        await Expect(bo.Page.Locator(".article-reads")).ToHaveTextAsync("Reads 2");
        // Bo does not follow the account; he does from the card at the article's end, and the account learns where from.
        await bo.Button($"Follow {accountName}").ClickAsync();
        await Expect(bo.Page.Locator(".article-status")).ToHaveTextAsync("Following. Its messages show in your chats.");
        await Expect(bo.Page.Locator(".article-account-card .article-following")).ToHaveTextAsync("Following");
        var followers = (await owner.GetFollowersAsync(account.Id, cancellationToken: Ct)).Followers;
        Assert.Equal([FollowScenes.Profile, FollowScenes.Article], followers.OrderBy(f => f.FollowedAt).Select(f => f.Scene));

        // And to Moments, where the post carries the article's card.
        await mei.Button("Share to Moments").ClickAsync();
        var composer = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "New post" });
        await Expect(composer.Locator(".post-article")).ToContainTextAsync(title);
        await composer.GetByLabel("What's on your mind?").FillAsync("Worth a read");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(mei.Page.Locator(".article-status")).ToHaveTextAsync("Shared to Moments.");
        // The post reaches Bo's timeline by a fan-out after the answer: he sees it there, with the article's card.
        await bo.Page.GotoAsync("moments");
        var post = bo.Page.Locator("article.post", new() { HasTextString = "Worth a read" });
        await Expect(post.Locator($"a.link-card[href$='{draft.Id}']")).ToContainTextAsync(title);

        // The account's page lists it for anyone who comes later; the studio counts its reads and likes.
        await mei.Page.GotoAsync($"/oa/{account.Id}");
        var listed = mei.Page.Locator(".oa-article", new() { HasTextString = title });
        await Expect(listed).ToContainTextAsync("Reads 2");
        await mei.ScreenshotAsync("phone-oa-profile-articles");
        await mei.ExpectAccessibleAsync("an account's page with its articles");
        await listed.ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/articles/{draft.Id}$"));
        await lin.Link("Articles").ClickAsync();
        await Expect(lin.Page.Locator(".studio-article", new() { HasTextString = title })).ToContainTextAsync("Reads 2 · 1 like");
        await Expect(lin.Page.Locator(".studio-article", new() { HasTextString = title })).ToContainTextAsync("Published");
    }
}
