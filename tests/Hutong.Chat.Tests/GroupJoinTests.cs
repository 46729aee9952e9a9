using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Events;
using Hutong.Core.Qr;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Chat.Tests;

/// <summary>Ways into a group besides being added: QR codes, admin approval, and the invitee's own acceptance.</summary>
public sealed class GroupJoinTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task GroupQr_AStrangerScansIt_AndJoins(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var (owner, member, group) = await MakeGroupAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");

        var code = await member.Client.GetGroupCodeAsync(group, Ct);
        var png = await member.Client.GetGroupQrAsync(group, "png", Ct);
        var joined = await stranger.Client.JoinGroupAsync(code.Code, Ct);

        Assert.Equal($"hutong://group/{code.Code}", code.Link);
        Assert.Equal(QrCodes.Png(code.Link), png);
        Assert.Equal((group, "joined"), (joined.ConversationId, joined.State));
        var notice = (await ChatTestKit.AllMessagesAsync(stranger, group)).Single().Notice()!;
        Assert.Equal((NoticeTypes.Joined, member.UserId, "qr"), (notice.Type, notice.ActorId, notice.Text));
        Assert.Equal(code, await member.Client.GetGroupCodeAsync(group, Ct));
        var again = await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.JoinGroupAsync(code.Code, Ct));
        Assert.Equal((409, ErrorCodes.AlreadyMember), (again.Status, again.Code));
        app.Storage.Dispose();
    }

    [Fact]
    public async Task GroupQr_AfterSevenDays_OpensNothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, clock: clock, cancellationToken: Ct);
        var (_, member, group) = await MakeGroupAsync(app);
        var code = await member.Client.GetGroupCodeAsync(group, Ct);
        var stranger = await TestUser.CreateAsync(app, "stranger");

        clock.Advance(TimeSpan.FromDays(7));
        var error = await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.JoinGroupAsync(code.Code, Ct));

        Assert.Equal((404, ErrorCodes.CodeInvalid), (error.Status, error.Code));
        Assert.NotEqual(code.Code, (await member.Client.GetGroupCodeAsync(group, Ct)).Code);
        app.Storage.Dispose();
    }

    [Fact]
    public async Task GroupQr_AboveTheSizeLimit_IsNotGiven_AndOldCodesStopWorking()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?> { ["Hutong:Limits:QrMaxMembers"] = "2" }, cancellationToken: Ct);
        var (owner, member, group) = await MakeGroupAsync(app);
        var code = await member.Client.GetGroupCodeAsync(group, Ct);
        await (await TestUser.CreateAsync(app, "third")).Client.JoinGroupAsync(code.Code, Ct);

        var tooBig = await Assert.ThrowsAsync<HutongApiException>(() => member.Client.GetGroupCodeAsync(group, Ct));
        var late = await Assert.ThrowsAsync<HutongApiException>(async () => await (await TestUser.CreateAsync(app, "fourth")).Client.JoinGroupAsync(code.Code, Ct));

        Assert.Equal((409, ErrorCodes.QrUnavailable), (tooBig.Status, tooBig.Code));
        Assert.Equal(ErrorCodes.QrUnavailable, late.Code);
        Assert.Equal(3, (await owner.Client.GetConversationAsync(group, Ct)).Members.Count);
        app.Storage.Dispose();
    }

    [Theory, ProviderData]
    public async Task InviteApproval_AMembersInviteWaitsForAnAdmin(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var (owner, member, group) = await MakeGroupAsync(app);
        var friend = await TestUser.CreateAsync(app, "friend");
        await friend.BefriendAsync(member);

        var memberToggles = await Assert.ThrowsAsync<HutongApiException>(() => member.Client.UpdateGroupAsync(group, new(null, null, true), Ct));
        await owner.Client.UpdateGroupAsync(group, new(null, null, InviteApproval: true), Ct);
        var added = await member.Client.AddMembersAsync(group, [friend.UserId], Ct);

        Assert.Equal(ErrorCodes.NotAllowed, memberToggles.Code);
        Assert.True((await owner.Client.GetConversationAsync(group, Ct)).InviteApproval);
        var pending = Assert.Single(added.Pending);
        Assert.Empty(added.Joined);
        Assert.Equal((true, false), (pending.AwaitingApproval, pending.AwaitingAcceptance));
        await Assert.ThrowsAsync<HutongApiException>(() => friend.Client.GetMessagesAsync(group, afterSeq: 0, cancellationToken: Ct));
        Assert.Equal(pending.InvitationId, Assert.Single((await owner.Client.GetGroupInvitationsAsync(Ct)).Invitations).InvitationId);
        Assert.Empty((await friend.Client.GetGroupInvitationsAsync(Ct)).Invitations);

        await owner.Client.AcceptGroupInvitationAsync(pending.InvitationId, Ct);

        Assert.Contains((await owner.Client.GetConversationAsync(group, Ct)).Members, m => m.UserId == friend.UserId);
        Assert.Empty((await owner.Client.GetGroupInvitationsAsync(Ct)).Invitations);
        app.Storage.Dispose();
    }

    [Theory, ProviderData]
    public async Task AboveFortyMembers_TheInviteeAcceptsOrDeclines(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, new Dictionary<string, string?> { ["Hutong:Limits:AcceptanceAbove"] = "2" }, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var friends = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            var friend = await TestUser.CreateAsync(app, "f" + i);
            await friend.BefriendAsync(owner);
            friends.Add(friend);
        }

        var group = (await owner.Client.CreateGroupAsync("big", [friends[0].UserId, friends[1].UserId], Ct)).ConversationId;

        var added = await owner.Client.AddMembersAsync(group, [friends[2].UserId, friends[3].UserId], Ct);
        var forThird = Assert.Single((await friends[2].Client.GetGroupInvitationsAsync(Ct)).Invitations);
        var wrongPerson = await Assert.ThrowsAsync<HutongApiException>(() => friends[3].Client.AcceptGroupInvitationAsync(forThird.InvitationId, Ct));
        await friends[2].Client.AcceptGroupInvitationAsync(forThird.InvitationId, Ct);
        var forFourth = Assert.Single((await friends[3].Client.GetGroupInvitationsAsync(Ct)).Invitations);
        await friends[3].Client.DeclineGroupInvitationAsync(forFourth.InvitationId, Ct);

        Assert.Equal(2, added.Pending.Count);
        Assert.All(added.Pending, p => Assert.Equal((false, true), (p.AwaitingApproval, p.AwaitingAcceptance)));
        Assert.Equal((404, ErrorCodes.InvitationNotFound), (wrongPerson.Status, wrongPerson.Code));
        var members = (await owner.Client.GetConversationAsync(group, Ct)).Members.Select(m => m.UserId).ToList();
        Assert.Contains(friends[2].UserId, members);
        Assert.DoesNotContain(friends[3].UserId, members);
        Assert.Empty((await friends[3].Client.GetGroupInvitationsAsync(Ct)).Invitations);
        Assert.Contains((await friends[2].Client.GetEventsAsync(cancellationToken: Ct)).Events, e => e is GroupInvitationEvent);
        app.Storage.Dispose();
    }

    private static async Task<(TestUser Owner, TestUser Member, string Group)> MakeGroupAsync(HutongApp app)
    {
        var owner = await TestUser.CreateAsync(app, "owner");
        var member = await TestUser.CreateAsync(app, "member");
        await member.BefriendAsync(owner);
        var group = (await owner.Client.CreateGroupAsync("tea club", [member.UserId], Ct)).ConversationId;
        return (owner, member, group);
    }
}
