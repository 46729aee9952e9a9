using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Contacts;
using Hutong.Contracts.Events;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Accounts.Tests;

/// <summary>Friend tags as a list of their own: each change is the caller's alone, and whole or nothing.</summary>
public sealed class FriendTagTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Mei with three friends: Lin, Wang and Zhao.</summary>
    private static async Task<(TestUser Mei, TestUser Lin, TestUser Wang, TestUser Zhao)> FriendsAsync(HutongApp app)
    {
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var wang = await TestUser.CreateAsync(app, "wang");
        var zhao = await TestUser.CreateAsync(app, "zhao");
        await mei.BefriendAsync(lin);
        await mei.BefriendAsync(wang);
        await mei.BefriendAsync(zhao);
        return (mei, lin, wang, zhao);
    }

    private static async Task<IReadOnlyList<string>> TagsOfAsync(TestUser person, TestUser friend) =>
        (await person.Client.GetFriendAsync(friend.UserId, Ct)).Tags;

    private static async Task<IEnumerable<(string Name, int Count)>> ListAsync(TestUser person) =>
        (await person.Client.ListFriendTagsAsync(Ct)).Tags.Select(t => (t.Name, t.Count));

    private static string[] Ids(params TestUser[] people) => [.. people.Select(p => p.UserId).Order(StringComparer.Ordinal)];

    [Theory, ProviderData]
    public async Task FriendTags_CreateRenameSetMembersDelete_ShowOnTheFriendsAndInTheList(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, wang, zhao) = await FriendsAsync(app);
        await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest(null, ["work", "school"], null, null), Ct);

        var created = await mei.Client.CreateFriendTagAsync(" family\u200B ", [lin.UserId, wang.UserId, lin.UserId], Ct);
        var listed = await mei.Client.ListFriendTagsAsync(Ct);
        var renamed = await mei.Client.UpdateFriendTagAsync("family", "家人", null, Ct);
        var linAfterRename = await TagsOfAsync(mei, lin);
        var moved = await mei.Client.UpdateFriendTagAsync("家人", null, [wang.UserId, zhao.UserId], Ct);
        var afterMove = await ListAsync(mei);
        await mei.Client.DeleteFriendTagAsync("家人", Ct);

        Assert.Equal(("family", 2), (created.Name, created.Count));
        Assert.Equal(Ids(lin, wang), created.MemberIds);
        Assert.Equal([("family", 2), ("school", 1), ("work", 1)], listed.Tags.Select(t => (t.Name, t.Count)));
        Assert.Equal(Ids(lin, wang), listed.Tags[0].MemberIds);
        Assert.Equal(("家人", 2), (renamed.Name, renamed.Count));
        Assert.Equal(Ids(lin, wang), renamed.MemberIds);
        Assert.Equal(["work", "school", "家人"], linAfterRename);
        Assert.Equal("家人", moved.Name);
        Assert.Equal(Ids(wang, zhao), moved.MemberIds);
        Assert.Equal([("school", 1), ("work", 1), ("家人", 2)], afterMove);
        Assert.Equal([("school", 1), ("work", 1)], await ListAsync(mei));
        Assert.Equal(["work", "school"], await TagsOfAsync(mei, lin));
        Assert.Empty(await TagsOfAsync(mei, wang));
        Assert.Empty(await TagsOfAsync(mei, zhao));
    }

    [Theory, ProviderData]
    public async Task FriendTags_AreTheCallersAlone_AndAnotherPersonsTagIsUnknownToThem(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, wang, _) = await FriendsAsync(app);
        await lin.Client.CreateFriendTagAsync("family", [mei.UserId], Ct);

        await mei.Client.CreateFriendTagAsync("family", [lin.UserId], Ct);
        var rename = await Assert.ThrowsAsync<HutongApiException>(() => wang.Client.UpdateFriendTagAsync("family", "kin", null, Ct));
        var delete = await Assert.ThrowsAsync<HutongApiException>(() => wang.Client.DeleteFriendTagAsync("family", Ct));
        await mei.Client.DeleteFriendTagAsync("family", Ct);

        Assert.All([rename, delete], e => Assert.Equal((404, ErrorCodes.TagNotFound), (e.Status, e.Code)));
        Assert.Empty(await ListAsync(mei));
        Assert.Equal([("family", 1)], await ListAsync(lin));
        Assert.Equal(["family"], await TagsOfAsync(lin, mei));
    }

    [Theory, ProviderData]
    public async Task FriendTag_ANameInUse_Is409TagExists_AndChangesNothing(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, wang, _) = await FriendsAsync(app);
        await mei.Client.CreateFriendTagAsync("family", [lin.UserId], Ct);
        await mei.Client.CreateFriendTagAsync("work", [wang.UserId], Ct);

        var again = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.CreateFriendTagAsync("family\u200B", [wang.UserId], Ct));
        var onto = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UpdateFriendTagAsync("work", " family", [lin.UserId], Ct));
        var same = await mei.Client.UpdateFriendTagAsync("work", "work", null, Ct);

        Assert.All([again, onto], e => Assert.Equal((409, ErrorCodes.TagExists), (e.Status, e.Code)));
        Assert.Equal(("work", 1), (same.Name, same.Count));
        Assert.Equal([("family", 1), ("work", 1)], await ListAsync(mei));
        Assert.Equal(["family"], await TagsOfAsync(mei, lin));
        Assert.Equal(["work"], await TagsOfAsync(mei, wang));
    }

    [Theory, ProviderData]
    public async Task FriendTag_Unknown_Is404TagNotFound(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, _, _) = await FriendsAsync(app);

        var rename = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UpdateFriendTagAsync("nobody", "somebody", null, Ct));
        var members = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UpdateFriendTagAsync("nobody", null, [lin.UserId], Ct));
        var delete = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.DeleteFriendTagAsync("nobody", Ct));

        Assert.All([rename, members, delete], e => Assert.Equal((404, ErrorCodes.TagNotFound), (e.Status, e.Code)));
        Assert.Empty(await TagsOfAsync(mei, lin));
    }

    [Theory, ProviderData]
    public async Task FriendTag_NamingSomeoneNotAFriend_IsRefusedWhole(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, wang, _) = await FriendsAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        await mei.Client.CreateFriendTagAsync("family", [lin.UserId], Ct);

        var create = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.CreateFriendTagAsync("work", [wang.UserId, stranger.UserId], Ct));
        var set = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UpdateFriendTagAsync("family", "kin", [wang.UserId, mei.UserId], Ct));

        Assert.All([create, set], e => Assert.Equal((404, ErrorCodes.NotFriends), (e.Status, e.Code)));
        Assert.Contains(stranger.UserId, create.Problem!.Detail, StringComparison.Ordinal);
        Assert.Equal([("family", 1)], await ListAsync(mei));
        Assert.Equal(["family"], await TagsOfAsync(mei, lin));
        Assert.Empty(await TagsOfAsync(mei, wang));
        Assert.Empty(await ListAsync(stranger));
    }

    [Theory, ProviderData]
    public async Task FriendTag_AFriendWithTheMostTags_IsRefusedWhole_ButMayKeepAndLoseTags(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, wang, _) = await FriendsAsync(app);
        string[] twenty = [.. Enumerable.Range(1, 20).Select(i => $"t{i:00}")];
        await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest(null, twenty, null, null), Ct);
        await mei.Client.CreateFriendTagAsync("family", [wang.UserId], Ct);

        var create = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.CreateFriendTagAsync("work", [wang.UserId, lin.UserId], Ct));
        var add = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UpdateFriendTagAsync("family", null, [wang.UserId, lin.UserId], Ct));
        await mei.Client.UpdateFriendTagAsync("t01", "first", null, Ct);
        await mei.Client.DeleteFriendTagAsync("t20", Ct);
        await mei.Client.UpdateFriendTagAsync("family", null, [wang.UserId, lin.UserId], Ct);

        Assert.All([create, add], e => Assert.Equal((400, ErrorCodes.ValidationFailed, "memberIds"), (e.Status, e.Code, Assert.Single(e.Problem!.Errors!.Keys))));
        Assert.Contains(lin.UserId, create.Problem!.Errors!["memberIds"][0], StringComparison.Ordinal);
        Assert.Equal(["family"], await TagsOfAsync(mei, wang));
        Assert.Equal(["first", .. twenty[1..19], "family"], await TagsOfAsync(mei, lin));
    }

    [Theory, ProviderData]
    public async Task FriendTag_BadFields_Are400NamingEach(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, _, _) = await FriendsAsync(app);
        await mei.Client.CreateFriendTagAsync("family", [lin.UserId], Ct);

        var blank = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.CreateFriendTagAsync(" \u200B ", [], Ct));
        var tooLong = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.CreateFriendTagAsync(new string('t', 33), ["not-an-id"], Ct));
        var control = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UpdateFriendTagAsync("family", "a\nb", null, Ct));
        var nobody = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UpdateFriendTagAsync("family", null, [], Ct));
        var longest = await mei.Client.CreateFriendTagAsync(new string('t', 32), [lin.UserId], Ct);

        Assert.Equal(["memberIds", "name"], blank.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["memberIds", "name"], tooLong.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["name"], control.Problem!.Errors!.Keys);
        Assert.Equal(["memberIds"], nobody.Problem!.Errors!.Keys);
        Assert.All([blank, tooLong, control, nobody], e => Assert.Equal((400, ErrorCodes.ValidationFailed), (e.Status, e.Code)));
        Assert.Equal(32, longest.Name.Length);
        Assert.Equal(["family", longest.Name], await TagsOfAsync(mei, lin));
    }

    [Theory, ProviderData]
    public async Task FriendTag_WithASlashOrPercentInItsName_IsRenamedAndDeletedByIt(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, _, _) = await FriendsAsync(app);

        await mei.Client.CreateFriendTagAsync("work/school", [lin.UserId], Ct);
        await mei.Client.CreateFriendTagAsync("100%", [lin.UserId], Ct);
        await mei.Client.UpdateFriendTagAsync("work/school", "a/b", null, Ct);
        await mei.Client.UpdateFriendTagAsync("100%", "percent", null, Ct);
        var renamed = await TagsOfAsync(mei, lin);
        await mei.Client.DeleteFriendTagAsync("a/b", Ct);

        Assert.Equal(["a/b", "percent"], renamed);
        Assert.Equal(["percent"], await TagsOfAsync(mei, lin));
    }

    /// <summary>Only a real server keeps the target as sent, where an escaped '/' and an escaped "%2F" differ.</summary>
    [Fact]
    public async Task FriendTag_OnKestrel_ASlashAndAnEscapedSlashAreTwoNames()
    {
        await using var app = await HutongApp.StartOnKestrelAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        // Clients made without options reach Kestrel's own address.
        async Task<(HutongClient Client, string UserId)> SignUpAsync(string handle)
        {
            var client = new HutongClient(app.CreateClient());
            var account = await client.SignUpAsync(new SignUpRequest(handle + Guid.NewGuid().ToString("N")[..8], TestUser.DefaultPassword, handle), Ct);
            await client.LoginAsync(new LoginRequest(account.Handle, TestUser.DefaultPassword, "test device"), Ct);
            return (client, account.UserId);
        }

        var (mei, lin) = (await SignUpAsync("mei"), await SignUpAsync("lin"));
        await lin.Client.AcceptFriendRequestAsync((await mei.Client.SendFriendRequestAsync(lin.UserId, "hi", Ct)).RequestId, Ct);

        await mei.Client.CreateFriendTagAsync("a/b", [lin.UserId], Ct);
        await mei.Client.CreateFriendTagAsync("a%2Fb", [lin.UserId], Ct);
        await mei.Client.UpdateFriendTagAsync("a%2Fb", "escaped", null, Ct);
        await mei.Client.DeleteFriendTagAsync("a/b", Ct);

        Assert.Equal(["escaped"], (await mei.Client.GetFriendAsync(lin.UserId, Ct)).Tags);
    }

    [Theory, ProviderData]
    public async Task FriendTags_GivenWhileTheFriendsRemarkChanges_AreNeverLost(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, _, _) = await FriendsAsync(app);
        var phone = await mei.NewDeviceAsync(app, "phone");

        // A remark saved on the phone must not write back the tags it read before a tag given on the laptop.
        await Task.WhenAll(Enumerable.Range(1, 10).SelectMany(i => new Task[]
        {
            mei.Client.CreateFriendTagAsync($"t{i:00}", [lin.UserId], Ct),
            phone.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest($"Lin {i}", null, null, null), Ct),
        }));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"t{i:00}"), (await TagsOfAsync(mei, lin)).Order(StringComparer.Ordinal));
    }

    [Theory, ProviderData]
    public async Task FriendTag_Changes_ReachTheCallersOtherDevicesLive_AndNoOneElse(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, wang, _) = await FriendsAsync(app);
        var phone = await mei.NewDeviceAsync(app, "phone");
        var linCursor = (await lin.Client.GetEventsAsync(cancellationToken: Ct)).LastSeq;
        await using var gateway = app.NewGateway(phone);
        var told = gateway.Subscribe<FriendTagEvent>();
        await gateway.ConnectAsync((await phone.GetEventsAsync(cancellationToken: Ct)).LastSeq, Ct).WaitAsync(Eventually.Patience, Ct);

        await mei.Client.CreateFriendTagAsync("family", [lin.UserId], Ct);
        var created = await Eventually.ReadAsync(told, _ => true, "the new tag on the phone");
        await mei.Client.UpdateFriendTagAsync("family", "家人", [lin.UserId, wang.UserId], Ct);
        var updated = await Eventually.ReadAsync(told, _ => true, "the renamed tag on the phone");
        await mei.Client.DeleteFriendTagAsync("家人", Ct);
        var deleted = await Eventually.ReadAsync(told, _ => true, "the deleted tag on the phone");

        Assert.Equal(("family", FriendTagChanges.Created, null), (created.Name, created.Change, created.PreviousName));
        Assert.Equal(("家人", FriendTagChanges.Updated, "family"), (updated.Name, updated.Change, updated.PreviousName));
        Assert.Equal(("家人", FriendTagChanges.Deleted, null), (deleted.Name, deleted.Change, deleted.PreviousName));
        Assert.DoesNotContain((await lin.Client.GetEventsAsync(linCursor, cancellationToken: Ct)).Events, e => e is FriendTagEvent);
    }
}
