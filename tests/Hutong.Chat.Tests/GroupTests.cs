using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Chat.Tests;

public sealed class GroupTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Create_WithFriends_EveryoneSeesItAndTheCreatedNotice(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 2);

        var group = await owner.Client.CreateGroupAsync("茶馆 Tea house", [.. friends.Select(f => f.UserId)], Ct);

        foreach (var person in friends.Prepend(owner))
        {
            var summary = Assert.Single((await person.Client.GetConversationsAsync(Ct)).Conversations, c => c.Kind == ConversationKinds.Group);
            Assert.Equal((group.ConversationId, "茶馆 Tea house", 3), (summary.ConversationId, summary.Name, summary.MemberCount));
        }

        var created = Assert.Single(await ChatTestKit.AllMessagesAsync(friends[1], group.ConversationId));
        Assert.Equal((1L, NoticeTypes.Created), (created.Seq, created.Notice()!.Type));
        var details = await friends[0].Client.GetConversationAsync(group.ConversationId, Ct);
        Assert.Equal(MemberRoles.Owner, details.Members.Single(m => m.UserId == owner.UserId).Role);
        Assert.Equal(MemberRoles.Member, details.MyRole);
        var events = await friends[0].Client.GetEventsAsync(cancellationToken: Ct);
        Assert.Contains(events.Events, e => e is ConversationEvent { ConversationId: var id } && id == group.ConversationId);
    }

    [Theory, ProviderData]
    public async Task Create_ReachesTheCreatorsOtherDevices_Live(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 1);
        await using var ownerPhone = await app.ConnectAsync(await owner.NewDeviceAsync(app));

        var group = await owner.Client.CreateGroupAsync("tea", [friends[0].UserId], Ct);

        var heard = await ownerPhone.NextUserEventAsync<ConversationEvent>();
        Assert.Equal((group.ConversationId, ConversationChanges.Joined), (heard.ConversationId, heard.Change));
    }

    [Theory, ProviderData]
    public async Task Create_WithAStranger_Is403AndCreatesNothing(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 1);
        var stranger = await TestUser.CreateAsync(app, "stranger");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => owner.Client.CreateGroupAsync("g", [friends[0].UserId, stranger.UserId], Ct));

        Assert.Equal((403, ErrorCodes.NotFriends), (error.Status, error.Code));
        Assert.DoesNotContain((await owner.Client.GetConversationsAsync(Ct)).Conversations, c => c.Kind == ConversationKinds.Group);
    }

    [Theory, ProviderData]
    public async Task GroupOfFifty_AMessageReachesEveryMember(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 49);
        var group = await owner.Client.CreateGroupAsync(null, [.. friends.Select(f => f.UserId)], Ct);

        var sent = await friends[7].Client.SendTextAsync(group.ConversationId, "hello, fifty people", Ct);

        var everyone = await Task.WhenAll(friends.Prepend(owner).Select(p => p.Client.GetMessagesAsync(group.ConversationId, afterSeq: sent.Seq - 1, cancellationToken: Ct)));
        Assert.All(everyone, list => Assert.Equal("hello, fifty people", Assert.Single(list.Messages).Text()));
        Assert.Equal(50, (await owner.Client.GetConversationAsync(group.ConversationId, Ct)).Members.Count);
        Assert.Equal(1, (await friends[0].Client.GetConversationsAsync(Ct)).Conversations.Single(c => c.ConversationId == group.ConversationId).Unread);
    }

    [Theory, ProviderData]
    public async Task AddMember_TheyJoinWithANoticeButNoHistory(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 2);
        var group = await owner.Client.CreateGroupAsync("g", [friends[0].UserId], Ct);
        await friends[0].Client.SendTextAsync(group.ConversationId, "before you came", Ct);

        await owner.Client.AddMembersAsync(group.ConversationId, [friends[1].UserId], Ct);
        await owner.Client.SendTextAsync(group.ConversationId, "welcome", Ct);

        var seenByNewcomer = await ChatTestKit.AllMessagesAsync(friends[1], group.ConversationId);
        Assert.Equal([NoticeTypes.Joined, null], seenByNewcomer.Select(m => m.Notice()?.Type));
        Assert.Equal([friends[1].UserId], seenByNewcomer[0].Notice()!.UserIds);
        Assert.Equal("welcome", seenByNewcomer[1].Text());
        var quoteOld = await Assert.ThrowsAsync<HutongApiException>(() =>
            friends[1].Client.SendMessageAsync(group.ConversationId, new("q", new TextContent("what?"), 2), Ct));
        Assert.Equal(["replyToSeq"], quoteOld.Problem!.Errors!.Keys);
    }

    [Theory, ProviderData]
    public async Task Remove_ByMemberIsRefused_ByOwnerWorks_AndTheRemovedLoseAccess(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 2);
        var group = await owner.Client.CreateGroupAsync("g", [.. friends.Select(f => f.UserId)], Ct);

        var byMember = await Assert.ThrowsAsync<HutongApiException>(() => friends[0].Client.RemoveMemberAsync(group.ConversationId, friends[1].UserId, Ct));
        var ownerByMember = await Assert.ThrowsAsync<HutongApiException>(() => friends[0].Client.RemoveMemberAsync(group.ConversationId, owner.UserId, Ct));
        await owner.Client.RemoveMemberAsync(group.ConversationId, friends[1].UserId, Ct);

        Assert.Equal((403, ErrorCodes.NotAllowed), (byMember.Status, byMember.Code));
        Assert.Equal(ErrorCodes.NotAllowed, ownerByMember.Code);
        var gone = await Assert.ThrowsAsync<HutongApiException>(() => friends[1].Client.GetMessagesAsync(group.ConversationId, afterSeq: 0, cancellationToken: Ct));
        Assert.Equal(404, gone.Status);
        Assert.Equal(NoticeTypes.Removed, (await ChatTestKit.AllMessagesAsync(owner, group.ConversationId))[^1].Notice()!.Type);
        Assert.Contains((await friends[1].Client.GetEventsAsync(cancellationToken: Ct)).Events, e => e is ConversationEvent { ConversationId: var id, Change: "removed" } && id == group.ConversationId);
    }

    [Theory, ProviderData]
    public async Task OwnerLeaves_OwnershipPassesToTheAdmin(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 2);
        var group = await owner.Client.CreateGroupAsync("g", [.. friends.Select(f => f.UserId)], Ct);
        await owner.Client.SetRoleAsync(group.ConversationId, friends[1].UserId, MemberRoles.Admin, Ct);

        await owner.Client.RemoveMemberAsync(group.ConversationId, owner.UserId, Ct);

        var details = await friends[0].Client.GetConversationAsync(group.ConversationId, Ct);
        Assert.Equal(2, details.Members.Count);
        Assert.Equal(MemberRoles.Owner, details.Members.Single(m => m.UserId == friends[1].UserId).Role);
        var tail = (await ChatTestKit.AllMessagesAsync(friends[0], group.ConversationId)).TakeLast(2).Select(m => m.Notice()!.Type);
        Assert.Equal([NoticeTypes.OwnerChanged, NoticeTypes.Left], tail);
    }

    [Theory, ProviderData]
    public async Task Admins_AtMostThree_MayMentionAll_AndAnnounce(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 5);
        var id = (await owner.Client.CreateGroupAsync("g", [.. friends.Select(f => f.UserId)], Ct)).ConversationId;
        for (var i = 0; i < 3; i++)
        {
            await owner.Client.SetRoleAsync(id, friends[i].UserId, MemberRoles.Admin, Ct);
        }

        var fourth = await Assert.ThrowsAsync<HutongApiException>(() => owner.Client.SetRoleAsync(id, friends[3].UserId, MemberRoles.Admin, Ct));
        var memberAtAll = await Assert.ThrowsAsync<HutongApiException>(() => friends[4].Client.SendMessageAsync(id, new("x", new TextContent("@all hi", null, true)), Ct));
        var memberAnnounces = await Assert.ThrowsAsync<HutongApiException>(() => friends[4].Client.UpdateGroupAsync(id, new(null, "listen up"), Ct));
        var notOwnerPromotes = await Assert.ThrowsAsync<HutongApiException>(() => friends[0].Client.SetRoleAsync(id, friends[4].UserId, MemberRoles.Admin, Ct));
        await friends[0].Client.SendMessageAsync(id, new("y", new TextContent("@all meeting at 5", null, true)), Ct);
        await friends[0].Client.UpdateGroupAsync(id, new(null, "Meeting at 5"), Ct);

        Assert.Equal((409, ErrorCodes.AdminLimitReached), (fourth.Status, fourth.Code));
        Assert.Equal((403, ErrorCodes.NotAllowed), (memberAtAll.Status, memberAtAll.Code));
        Assert.Equal(ErrorCodes.NotAllowed, memberAnnounces.Code);
        Assert.Equal(ErrorCodes.NotAllowed, notOwnerPromotes.Code);
        Assert.Equal("Meeting at 5", (await friends[4].Client.GetConversationAsync(id, Ct)).Announcement);
        Assert.True(Assert.IsType<TextContent>((await ChatTestKit.AllMessagesAsync(friends[4], id)).Single(m => m.Text() == "@all meeting at 5").Content).MentionsAll);
    }

    [Theory, ProviderData]
    public async Task Rename_AnyMemberInASmallGroup_ShowsInEveryList(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 1);
        var id = (await owner.Client.CreateGroupAsync("old name", [friends[0].UserId], Ct)).ConversationId;

        await friends[0].Client.UpdateGroupAsync(id, new("新名字 new name", null), Ct);

        Assert.Equal("新名字 new name", (await owner.Client.GetConversationsAsync(Ct)).Conversations.Single(c => c.ConversationId == id).Name);
        var notice = (await ChatTestKit.AllMessagesAsync(owner, id))[^1].Notice()!;
        Assert.Equal((NoticeTypes.Renamed, "新名字 new name", friends[0].UserId), (notice.Type, notice.Text, notice.ActorId));
    }

    [Theory, ProviderData]
    public async Task TransferOwnership_ThenDissolve_OnlyTheOwnerMay_AndSendsStop(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 2);
        var id = (await owner.Client.CreateGroupAsync("g", [.. friends.Select(f => f.UserId)], Ct)).ConversationId;

        await owner.Client.SetRoleAsync(id, friends[0].UserId, MemberRoles.Owner, Ct);
        var oldOwnerDissolves = await Assert.ThrowsAsync<HutongApiException>(() => owner.Client.DissolveGroupAsync(id, Ct));
        await friends[0].Client.DissolveGroupAsync(id, Ct);
        var sendAfter = await Assert.ThrowsAsync<HutongApiException>(() => friends[1].Client.SendTextAsync(id, "anyone?", Ct));

        Assert.Equal((403, ErrorCodes.NotAllowed), (oldOwnerDissolves.Status, oldOwnerDissolves.Code));
        Assert.Equal((403, ErrorCodes.MessageRefused), (sendAfter.Status, sendAfter.Code));
        Assert.Equal([NoticeTypes.OwnerChanged, NoticeTypes.Dissolved], (await ChatTestKit.AllMessagesAsync(friends[1], id)).Skip(1).Select(m => m.Notice()!.Type));
    }

    [Fact]
    public async Task GroupLimit_AddingPastIt_Is409AndAddsNoOne()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?> { ["Hutong:Limits:MaxGroupMembers"] = "3" }, cancellationToken: Ct);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 3);
        var id = (await owner.Client.CreateGroupAsync("g", [friends[0].UserId, friends[1].UserId], Ct)).ConversationId;

        var error = await Assert.ThrowsAsync<HutongApiException>(() => owner.Client.AddMembersAsync(id, [friends[2].UserId], Ct));

        Assert.Equal((409, ErrorCodes.GroupFull), (error.Status, error.Code));
        Assert.Equal(3, (await owner.Client.GetConversationAsync(id, Ct)).Members.Count);
        app.Storage.Dispose();
    }

    [Theory, ProviderData]
    public async Task MuteAndPin_AreMine_PinnedComesFirst(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (owner, friends) = await OwnerWithFriendsAsync(app, 2);
        var quiet = (await owner.Client.CreateGroupAsync("quiet", [friends[0].UserId], Ct)).ConversationId;
        await owner.Client.CreateGroupAsync("busy", [friends[1].UserId], Ct);

        await owner.Client.UpdateConversationSettingsAsync(quiet, new(Muted: true, Pinned: true), Ct);

        var first = (await owner.Client.GetConversationsAsync(Ct)).Conversations[0];
        Assert.Equal((quiet, true, true), (first.ConversationId, first.Muted, first.Pinned));
        var friendsView = (await friends[0].Client.GetConversationsAsync(Ct)).Conversations.Single(c => c.ConversationId == quiet);
        Assert.Equal((false, false), (friendsView.Muted, friendsView.Pinned));
    }

    private static async Task<(TestUser Owner, List<TestUser> Friends)> OwnerWithFriendsAsync(HutongApp app, int count)
    {
        var owner = await TestUser.CreateAsync(app, "owner");
        var friends = new List<TestUser>();
        for (var i = 0; i < count; i++)
        {
            var friend = await TestUser.CreateAsync(app, "friend" + i, "Friend " + i);
            await friend.BefriendAsync(owner);
            friends.Add(friend);
        }

        return (owner, friends);
    }
}
