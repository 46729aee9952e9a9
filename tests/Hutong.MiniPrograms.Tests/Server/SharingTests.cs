using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.MiniPrograms;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.MiniPrograms.Tests.Server.AppsTests;

namespace Hutong.MiniPrograms.Tests.Server;

/// <summary>Cards of mini-programs in chats, and the recently used list.</summary>
public sealed class SharingTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ACard_NamesAReleasedAppsPage_AndTheNodeFillsItsNameAndIcon(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var dev = await TestUser.CreateAsync(app, "dev");
        await dev.Client.RegisterDeveloperAsync("Studio", Ct);
        var appId = (await dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest("Tea Booking"), Ct)).App.AppId;
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        var chat = Assert.Single((await mei.Client.GetConversationsAsync(Ct)).Conversations).ConversationId;

        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () =>
            mei.Client.SendMessageAsync(chat, new SendMessageRequest("card-0", new MiniProgramContent(appId, "Book", "pages/index/index")), Ct));
        await MiniProgramServers.ReleaseAsync(dev, ops, appId);

        await mei.Client.SendMessageAsync(chat, new SendMessageRequest("card-1", new MiniProgramContent(appId, "Book a slot", "/pages/about/about?from=mei", "Fake Name", "https://evil.example/x.png")), Ct);
        await mei.Client.SendMessageAsync(chat, new SendMessageRequest("card-2", new MiniProgramContent(appId, "", "pages/index/index")), Ct);
        var unknown = await ExpectAsync(400, ErrorCodes.ValidationFailed, () =>
            mei.Client.SendMessageAsync(chat, new SendMessageRequest("card-3", new MiniProgramContent(appId, "Secret", "pages/admin/admin")), Ct));

        Assert.Equal(["path"], unknown.Problem!.Errors!.Keys);
        var cards = (await lin.Client.GetMessagesAsync(chat, cancellationToken: Ct)).Messages.Select(m => m.Content).OfType<MiniProgramContent>().ToList();
        Assert.Equal(
            [new MiniProgramContent(appId, "Book a slot", "pages/about/about?from=mei", "Tea Booking"), new MiniProgramContent(appId, "Tea Booking", "pages/index/index", "Tea Booking")],
            cards);
        Assert.Contains((await lin.Client.SearchMessagesAsync("Booking", cancellationToken: Ct)).Hits, h => h.Message.Content is MiniProgramContent);
        Assert.Equal([appId], (await lin.Client.GetSharedMiniProgramsAsync(Ct)).Apps.Select(a => a.AppId));
        Assert.Empty((await dev.Client.GetSharedMiniProgramsAsync(Ct)).Apps);
    }

    [Theory, ProviderData]
    public async Task OpeningApps_ListsThemAsRecentlyUsed_TheLastFirst(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var dev = await TestUser.CreateAsync(app, "dev");
        await dev.Client.RegisterDeveloperAsync("Studio", Ct);
        var person = await TestUser.CreateAsync(app, "person");
        var ids = new List<string>();
        foreach (var name in (string[])["First", "Second"])
        {
            var appId = (await dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest(name), Ct)).App.AppId;
            await MiniProgramServers.ReleaseAsync(dev, ops, appId);
            ids.Add(appId);
        }

        Assert.Empty((await person.Client.GetRecentMiniProgramsAsync(Ct)).Apps);
        await person.Client.LaunchMiniProgramAsync(ids[0], cancellationToken: Ct);
        await person.Client.LaunchMiniProgramAsync(ids[1], cancellationToken: Ct);
        await person.Client.LaunchMiniProgramAsync(ids[0], cancellationToken: Ct);

        Assert.Equal([ids[0], ids[1]], (await person.Client.GetRecentMiniProgramsAsync(Ct)).Apps.Select(a => a.AppId));
        Assert.All((await person.Client.GetRecentMiniProgramsAsync(Ct)).Apps, a => Assert.Null(a.Admin));
        Assert.Equal(["First"], (await person.Client.SearchMiniProgramsAsync("FIRS", Ct)).Apps.Select(a => a.Name).Where(n => n == "First").Distinct());
    }
}
