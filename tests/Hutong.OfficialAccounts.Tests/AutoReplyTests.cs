using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>Auto-replies: the follow reply, keyword rules in order, the default reply, and silence in developer mode.</summary>
public sealed class AutoReplyTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AutoReply Text(string text) => new(new TextContent(text));

    [Theory, ProviderData]
    public async Task Rules_AnswerInOrder_ExactOrContaining_AndTheDefaultAnswersTheRest(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Tea House");
        var saved = await owner.Client.SaveAutoRepliesAsync(account.Id, new AutoRepliesRequest(
            Text("Welcome to the Tea House!"),
            Text("Thanks, we read everything."),
            [
                new ReplyRule("Hours", [new ReplyKeyword("hours"), new ReplyKeyword("open?")], Text("We open at 9.")),
                new ReplyRule("Tea", [new ReplyKeyword("tea", KeywordMatches.Contains)], Text("Try our oolong.")),
                new ReplyRule("Green tea", [new ReplyKeyword("green tea")], Text("Never sent: the rule above answers first.")),
            ]), Ct);
        await using var online = await app.ConnectAsync(mei.Client);

        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);
        var welcome = await online.NextAccountMessageAsync(e => e.Message.FromAccount, "the follow reply");
        var answers = new List<string>();
        foreach (var (clientId, said) in new[] { ("1", "HOURS"), ("2", "green tea"), ("3", "hours please"), ("4", " open? ") })
        {
            await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest(clientId, new TextContent(said)), Ct);
            answers.Add(((TextContent)(await online.NextAccountMessageAsync(e => e.Message.FromAccount, "the answer to " + said)).Message.Content).Text);
        }

        Assert.False(saved.DeveloperMode);
        Assert.Equal(["Hours", "Tea", "Green tea"], saved.Rules.Select(r => r.Name));
        Assert.Equal("Welcome to the Tea House!", ((TextContent)welcome.Message.Content).Text);
        Assert.Equal(["We open at 9.", "Try our oolong.", "Thanks, we read everything.", "We open at 9."], answers);
        var read = await owner.Client.GetAutoRepliesAsync(account.Id, Ct);
        Assert.Equal(Shape(saved), Shape(read));
    }

    [Theory, ProviderData]
    public async Task AutoReplies_DoNotTakeFromTheServiceWindow_AndNewsRepliesCarryPublishedArticles(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Reading Room");
        var article = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Autumn teas", "<p>Oolong and more.</p>", "What to drink"), Ct);
        var draft = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Not yet", "<p>Soon.</p>"), Ct);
        await owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("b1", ArticleIds: [article.Id]), Ct);

        var refused = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.SaveAutoRepliesAsync(account.Id, new AutoRepliesRequest(
            Default: new AutoReply(ArticleIds: [draft.Id])), Ct));
        Assert.Equal(["default.articleIds"], refused.Problem!.Errors!.Keys);
        await owner.Client.SaveAutoRepliesAsync(account.Id, new AutoRepliesRequest(
            Rules: [new ReplyRule("Reading", [new ReplyKeyword("read", KeywordMatches.Contains)], new AutoReply(ArticleIds: [article.Id]))]), Ct);
        var openId = await owner.FollowedByAsync(account.Id, mei);
        await using var online = await app.ConnectAsync(mei.Client);

        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("r", new TextContent("something to read?")), Ct);
        var news = (NewsContent)(await online.NextAccountMessageAsync(e => e.Message.FromAccount, "the news reply")).Message.Content;

        Assert.Equal(("Autumn teas", article.Id), (Assert.Single(news.Items).Title, news.Items[0].ArticleId));
        // The follow opened 3 customer-service messages and the message 5 more; the auto-reply took none of them.
        for (var i = 1; i <= 8; i++)
        {
            await owner.Client.ReplyToFollowerAsync(account.Id, openId, new AccountReplyRequest(new TextContent($"Reply {i}")), Ct);
        }

        await AccountsTests.ExpectAsync(409, ErrorCodes.OutsideServiceWindow,
            () => owner.Client.ReplyToFollowerAsync(account.Id, openId, new AccountReplyRequest(new TextContent("One too many")), Ct));
    }

    [Theory, ProviderData]
    public async Task WithDeveloperMode_TheDeveloperAnswers_AndNoAutoReplyRuns(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Bot Tea");
        await owner.Client.SaveAutoRepliesAsync(account.Id, new AutoRepliesRequest(
            Text("Welcome!"), Text("Default."), [new ReplyRule("Ping", [new ReplyKeyword("ping")], Text("Rule pong."))]), Ct);
        await using var bot = await FakeDeveloperServer.StartAsync();
        bot.Answer = (push, _) => push.Message.Element("Content")?.Value == "ping" ? FakeDeveloperServer.TextReply(push, "Bot pong.") : "success";
        await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, bot.Token), Ct);
        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);
        await bot.NextPushAsync();
        await using var online = await app.ConnectAsync(mei.Client);

        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("p", new TextContent("ping")), Ct);
        // The auto-replies are asked before the webhook, so once the bot's answer is here they have had their turn.
        await online.NextAccountMessageAsync(e => e.Message.FromAccount, "the bot's answer");

        var thread = await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct);
        Assert.Equal(["Bot pong.", "ping"], thread.Messages.Select(m => ((TextContent)m.Content).Text));
        Assert.True((await owner.Client.GetAutoRepliesAsync(account.Id, Ct)).DeveloperMode);
    }

    [Theory, ProviderData]
    public async Task Saving_ChecksEveryRule_AndOnlyTheAccountsAdminsMayReadOrSave(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var other = await TestUser.CreateAsync(app, "other");
        var account = await owner.NewAccountAsync(name: "Strict");

        var bad = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.SaveAutoRepliesAsync(account.Id, new AutoRepliesRequest(
            Follow: new AutoReply(new TextContent(new string('x', 2001))),
            Rules:
            [
                new ReplyRule("", [new ReplyKeyword(new string('k', 31)), new ReplyKeyword("ok", "fuzzy")], Text("fine")),
                new ReplyRule("Too many", [.. Enumerable.Range(0, 11).Select(i => new ReplyKeyword($"k{i}"))], new AutoReply()),
            ]), Ct));
        Assert.Equal(
            ["follow.content.text", "rules[0].keywords[0].text", "rules[0].keywords[1].match", "rules[0].name", "rules[1].keywords", "rules[1].reply.content"],
            bad.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        var tooMany = Enumerable.Range(0, 201).Select(i => new ReplyRule($"r{i}", [new ReplyKeyword($"k{i}")], Text("x"))).ToList();
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.SaveAutoRepliesAsync(account.Id, new AutoRepliesRequest(Rules: tooMany), Ct));
        var nothing = await owner.Client.GetAutoRepliesAsync(account.Id, Ct);
        Assert.Equal((null, null, 0), (nothing.Follow, nothing.Default, nothing.Rules.Count));

        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.GetAutoRepliesAsync(account.Id, Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.SaveAutoRepliesAsync(account.Id, new AutoRepliesRequest(), Ct));
    }

    /// <summary>The replies as comparable text (records holding lists compare the lists by reference).</summary>
    private static string Shape(AutoRepliesInfo info) => System.Text.Json.JsonSerializer.Serialize(info, HutongJsonContext.Default.AutoRepliesInfo);
}
