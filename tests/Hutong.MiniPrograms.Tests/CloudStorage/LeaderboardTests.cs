using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.MiniPrograms;
using Hutong.MiniPrograms.Tests.Server;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.MiniPrograms.Tests.CloudStorage.Games;
using static Hutong.MiniPrograms.Tests.Server.AppsTests;

namespace Hutong.MiniPrograms.Tests.CloudStorage;

/// <summary>
/// What the open data context reads: friends who play, by the platform's friendship rules, and a group's members who
/// play, through share tickets only current members can use; each person by their openid at the app.
/// </summary>
public sealed class LeaderboardTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task FriendsWhoPlay_AreOnTheBoard_UntilAFriendshipEndsOrABlockComesEitherWay(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, secret) = await ReleasedAsync(servers, provider);
        var (_, otherAppId, otherSecret) = await ReleasedAsync(servers, provider);
        var me = await TestUser.CreateAsync(app, "me", "Me");
        var player = await TestUser.CreateAsync(app, "player", "Player");
        var idle = await TestUser.CreateAsync(app, "idle", "Idle");
        var otherKeys = await TestUser.CreateAsync(app, "otherkeys", "Other Keys");
        var blocker = await TestUser.CreateAsync(app, "blocker", "Blocker");
        var blocked = await TestUser.CreateAsync(app, "blocked", "Blocked");
        var stranger = await TestUser.CreateAsync(app, "stranger", "Stranger");
        foreach (var friend in new[] { player, idle, otherKeys, blocker, blocked })
        {
            await me.BefriendAsync(friend);
        }

        await me.Client.SetCloudStorageAsync(appId, Items(("score", "50"), ("secret", "mine")), Ct);
        await player.Client.SetCloudStorageAsync(appId, Items(("score", "90")), Ct);
        await idle.Client.SetCloudStorageAsync(otherAppId, Items(("score", "99")), Ct);
        await otherKeys.Client.SetCloudStorageAsync(appId, Items(("level", "7")), Ct);
        await blocker.Client.SetCloudStorageAsync(appId, Items(("score", "70")), Ct);
        await blocked.Client.SetCloudStorageAsync(appId, Items(("score", "60")), Ct);
        await stranger.Client.SetCloudStorageAsync(appId, Items(("score", "100")), Ct);

        // The caller first, then friends who keep any data at this game: with only the keys asked, none for one who
        // stored other keys; a friend who plays only another game and a stranger who plays this one are not there.
        var board = (await me.Client.GetFriendCloudStorageAsync(appId, ["score"], Ct)).Data;
        Assert.Equal(
            [("Me", "score=50"), ("Player", "score=90"), ("Other Keys", ""), ("Blocker", "score=70"), ("Blocked", "score=60")],
            board.Select(d => (d.Nickname, string.Join(',', d.KVDataList.Select(kv => $"{kv.Key}={kv.Value}")))));
        var (playerOpenId, _) = await LoginAsync(app, player, appId, secret);
        Assert.Equal(playerOpenId, board[1].OpenId);
        Assert.NotEqual(playerOpenId, (await LoginAsync(app, player, otherAppId, otherSecret)).OpenId);

        // Friends' boards are each their own: the stranger sees only themself.
        Assert.Equal(["Stranger"], (await stranger.Client.GetFriendCloudStorageAsync(appId, ["score"], Ct)).Data.Select(d => d.Nickname));

        await player.Client.RemoveFriendAsync(me.UserId, Ct);
        await blocker.Client.BlockAsync(me.UserId, Ct);
        await me.Client.BlockAsync(blocked.UserId, Ct);
        Assert.Equal(["Me", "Other Keys"], (await me.Client.GetFriendCloudStorageAsync(appId, ["score"], Ct)).Data.Select(d => d.Nickname));
        Assert.Equal(["Blocked"], (await blocked.Client.GetFriendCloudStorageAsync(appId, ["score"], Ct)).Data.Select(d => d.Nickname));

        // A block kept the friendship: lifted, the friend is back.
        await blocker.Client.UnblockAsync(me.UserId, Ct);
        Assert.Equal(["Me", "Other Keys", "Blocker"], (await me.Client.GetFriendCloudStorageAsync(appId, ["score"], Ct)).Data.Select(d => d.Nickname));
    }

    [Theory, ProviderData]
    public async Task TheBoard_NamesPeopleByTheirOpenIdAtTheApp_InWeChatsShape_AndNeverByUserId(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, secret) = await ReleasedAsync(servers, provider);
        var me = await TestUser.CreateAsync(app, "me", "Me");
        var friend = await TestUser.CreateAsync(app, "friend", "Friend");
        await me.BefriendAsync(friend);
        await friend.Client.SetCloudStorageAsync(appId, Items(("score", "3")), Ct);

        var raw = await RawGetAsync(app, me, $"/api/v1/mini-programs/{appId}/cloud-storage/friends?keys=score&keys=level");

        var (openId, _) = await LoginAsync(app, friend, appId, secret);
        Assert.Equal(
            $$"""{"data":[{"openid":"{{openId}}","nickname":"Friend","avatarUrl":null,"KVDataList":[{"key":"score","value":"3"}]}]}""",
            raw);
        Assert.DoesNotContain(friend.UserId, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(friend.UserId.Replace("-", "", StringComparison.Ordinal), raw, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ProviderData]
    public async Task AGroupsBoard_IsItsCurrentMembersWhoPlay_ForAMemberWithATicketOfTheApp(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, secret) = await ReleasedAsync(servers, provider);
        var (_, otherAppId, _) = await ReleasedAsync(servers, provider);
        var owner = await TestUser.CreateAsync(app, "owner", "Owner");
        var ann = await TestUser.CreateAsync(app, "ann", "Ann");
        var bo = await TestUser.CreateAsync(app, "bo", "Bo");
        var idle = await TestUser.CreateAsync(app, "idle", "Idle");
        var outsider = await TestUser.CreateAsync(app, "outsider", "Outsider");
        foreach (var friend in new[] { ann, bo, idle, outsider })
        {
            await owner.BefriendAsync(friend);
        }

        var group = (await owner.Client.CreateGroupAsync("Players", [ann.UserId, bo.UserId, idle.UserId], Ct)).ConversationId;
        var card = (await owner.Client.SendMessageAsync(group, new SendMessageRequest("card", new MiniProgramContent(appId, "Beat me", "pages/index/index")), Ct)).Seq;
        var otherCard = (await owner.Client.SendMessageAsync(group, new SendMessageRequest("card-2", new MiniProgramContent(otherAppId, "", "pages/index/index")), Ct)).Seq;
        var text = (await owner.Client.SendTextAsync(group, "play!", Ct)).Seq;
        foreach (var (person, score) in new[] { (owner, "10"), (ann, "20"), (bo, "30"), (outsider, "99") })
        {
            await person.Client.SetCloudStorageAsync(appId, Items(("score", score)), Ct);
        }

        var ticket = (await ann.Client.GetShareTicketAsync(appId, group, card, Ct)).ShareTicket!;

        // Ann and Bo are not friends, yet the group's board has them both; the idle member and the outsider are not on it.
        var board = (await ann.Client.GetGroupCloudStorageAsync(appId, ticket, ["score"], Ct)).Data;
        Assert.Equal(["Ann=20", "Bo=30", "Owner=10"], board.Select(d => $"{d.Nickname}={d.KVDataList.Single().Value}").Order(StringComparer.Ordinal));
        Assert.Equal((await LoginAsync(app, bo, appId, secret)).OpenId, board.Single(d => d.Nickname == "Bo").OpenId);

        // Only the app's own cards in a chat the caller is in give a ticket; a ticket serves only its app and only members.
        await ExpectAsync(404, ErrorCodes.ConversationNotFound, () => outsider.Client.GetShareTicketAsync(appId, group, card, Ct));
        await ExpectAsync(404, ErrorCodes.MessageNotFound, () => ann.Client.GetShareTicketAsync(appId, group, otherCard, Ct));
        await ExpectAsync(404, ErrorCodes.MessageNotFound, () => ann.Client.GetShareTicketAsync(appId, group, text, Ct));
        await ExpectAsync(404, ErrorCodes.MessageNotFound, () => ann.Client.GetShareTicketAsync(appId, group, text + 1, Ct));
        await ExpectAsync(404, ErrorCodes.ShareTicketInvalid, () => outsider.Client.GetGroupCloudStorageAsync(appId, ticket, ["score"], Ct));
        await ExpectAsync(404, ErrorCodes.ShareTicketInvalid, () => ann.Client.GetGroupCloudStorageAsync(otherAppId, ticket, ["score"], Ct));
        var forged = ticket[..10] + (ticket[10] == 'A' ? 'B' : 'A') + ticket[11..];
        await ExpectAsync(404, ErrorCodes.ShareTicketInvalid, () => ann.Client.GetGroupCloudStorageAsync(appId, forged, ["score"], Ct));
        await ExpectAsync(404, ErrorCodes.ShareTicketInvalid, () => ann.Client.GetGroupCloudStorageAsync(appId, "not-a-ticket", ["score"], Ct));
        var otherTicket = (await ann.Client.GetShareTicketAsync(otherAppId, group, otherCard, Ct)).ShareTicket!;
        await ExpectAsync(404, ErrorCodes.ShareTicketInvalid, () => ann.Client.GetGroupCloudStorageAsync(appId, otherTicket, ["score"], Ct));

        // Bo leaves: his own ticket stops working for him, and the board no longer has him.
        var bosTicket = (await bo.Client.GetShareTicketAsync(appId, group, card, Ct)).ShareTicket!;
        await bo.Client.RemoveMemberAsync(group, bo.UserId, Ct);
        await ExpectAsync(404, ErrorCodes.ShareTicketInvalid, () => bo.Client.GetGroupCloudStorageAsync(appId, bosTicket, ["score"], Ct));
        Assert.Equal(["Ann", "Owner"], (await ann.Client.GetGroupCloudStorageAsync(appId, bosTicket, ["score"], Ct)).Data.Select(d => d.Nickname).Order(StringComparer.Ordinal));

        await owner.Client.DissolveGroupAsync(group, Ct);
        await ExpectAsync(404, ErrorCodes.ShareTicketInvalid, () => ann.Client.GetGroupCloudStorageAsync(appId, ticket, ["score"], Ct));
    }

    [Theory, ProviderData]
    public async Task ACardOutsideAGroup_GivesNoTicket(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, _) = await ReleasedAsync(servers, provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        var chat = Assert.Single((await mei.Client.GetConversationsAsync(Ct)).Conversations).ConversationId;
        var card = (await mei.Client.SendMessageAsync(chat, new SendMessageRequest("card", new MiniProgramContent(appId, "", "pages/index/index")), Ct)).Seq;

        var answer = await lin.Client.GetShareTicketAsync(appId, chat, card, Ct);

        Assert.Equal(new ShareTicketInfo(null, null), answer);
    }

    [Theory, ProviderData]
    public async Task ATicket_IsForACardTheMemberCanSee_NotOneFromBeforeTheyJoined(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, _) = await ReleasedAsync(servers, provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var early = await TestUser.CreateAsync(app, "early");
        var late = await TestUser.CreateAsync(app, "late");
        await owner.BefriendAsync(early);
        await owner.BefriendAsync(late);
        var group = (await owner.Client.CreateGroupAsync("Players", [early.UserId], Ct)).ConversationId;
        var card = (await owner.Client.SendMessageAsync(group, new SendMessageRequest("card", new MiniProgramContent(appId, "", "pages/index/index")), Ct)).Seq;
        await owner.Client.AddMembersAsync(group, [late.UserId], Ct);

        await ExpectAsync(404, ErrorCodes.MessageNotFound, () => late.Client.GetShareTicketAsync(appId, group, card, Ct));
        var ticket = await early.Client.GetShareTicketAsync(appId, group, card, Ct);

        // The late member may still use a ticket of the group they are in now.
        Assert.NotNull(ticket.ExpiresAt);
        Assert.Empty((await late.Client.GetGroupCloudStorageAsync(appId, ticket.ShareTicket!, ["score"], Ct)).Data);
    }

    [Theory, ProviderData]
    public async Task ShareInfo_GivesTheGroupsOpenGIdAtTheApp_EncryptedForTheGamesServer(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, secret) = await ReleasedAsync(servers, provider);
        var (_, otherAppId, otherSecret) = await ReleasedAsync(servers, provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var ann = await TestUser.CreateAsync(app, "ann");
        var outsider = await TestUser.CreateAsync(app, "outsider");
        await owner.BefriendAsync(ann);
        var group = (await owner.Client.CreateGroupAsync("Players", [ann.UserId], Ct)).ConversationId;
        var card = (await owner.Client.SendMessageAsync(group, new SendMessageRequest("card", new MiniProgramContent(appId, "", "pages/index/index")), Ct)).Seq;
        var otherCard = (await owner.Client.SendMessageAsync(group, new SendMessageRequest("card-2", new MiniProgramContent(otherAppId, "", "pages/index/index")), Ct)).Seq;
        var ticket = (await ann.Client.GetShareTicketAsync(appId, group, card, Ct)).ShareTicket!;
        var ownersTicket = (await owner.Client.GetShareTicketAsync(appId, group, card, Ct)).ShareTicket!;
        var otherTicket = (await ann.Client.GetShareTicketAsync(otherAppId, group, otherCard, Ct)).ShareTicket!;

        // Only the game's server can read it, with the session key of the person's login.
        await ExpectAsync(409, ErrorCodes.SessionRequired, () => ann.Client.GetShareInfoAsync(appId, ticket, Ct));
        var (_, annsKey) = await LoginAsync(app, ann, appId, secret);
        var (_, ownersKey) = await LoginAsync(app, owner, appId, secret);
        var (_, annsOtherKey) = await LoginAsync(app, ann, otherAppId, otherSecret);

        var anns = Decrypt(await ann.Client.GetShareInfoAsync(appId, ticket, Ct), annsKey);
        var owners = Decrypt(await owner.Client.GetShareInfoAsync(appId, ownersTicket, Ct), ownersKey);
        var atOtherApp = Decrypt(await ann.Client.GetShareInfoAsync(otherAppId, otherTicket, Ct), annsOtherKey);

        Assert.Matches("^tG[A-Za-z0-9_-]{27}$", (string)anns["openGId"]!);
        Assert.Equal((string)anns["openGId"]!, (string)owners["openGId"]!);
        Assert.NotEqual((string)anns["openGId"]!, (string)atOtherApp["openGId"]!);
        Assert.Equal(appId, (string)anns["watermark"]!["appid"]!);
        await ExpectAsync(404, ErrorCodes.ShareTicketInvalid, () => outsider.Client.GetShareInfoAsync(appId, ticket, Ct));
        await ExpectAsync(404, ErrorCodes.ShareTicketInvalid, () => ann.Client.GetShareInfoAsync(appId, otherTicket, Ct));
    }

    private static JsonNode Decrypt(ShareInfo info, string sessionKey)
    {
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(sessionKey);
        return JsonNode.Parse(aes.DecryptCbc(Convert.FromBase64String(info.EncryptedData), Convert.FromBase64String(info.Iv), PaddingMode.PKCS7))!;
    }
}
