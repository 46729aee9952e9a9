using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Chat.Conversations;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Errors;
using Hutong.Core.Identity;
using Hutong.MiniPrograms.Apps;

namespace Hutong.MiniPrograms.CloudStorage;

/// <summary>
/// What the open data context reads: the hosted data of the caller's friends who play the game
/// (<c>wx.getFriendCloudStorage</c>) and of the members of a group the game was opened from
/// (<c>wx.getGroupCloudStorage</c>). A player is someone who keeps any data at the game. Each is named by their openid
/// at this app, never their user id, so a game cannot match people across apps or to the platform.
/// </summary>
public sealed class LeaderboardService(
    ICloudStorageStore store,
    MiniProgramService apps,
    OpenIds ids,
    IContactStore contacts,
    IAccountStore accounts,
    IConversationStore conversations,
    ShareTicketService shares)
{
    /// <summary>
    /// The caller and their friends who play, by the platform's friendship rules: friends both ways, and neither has
    /// blocked the other, so a person who unfriends or blocks the caller (or whom the caller blocked) is not there.
    /// </summary>
    public async Task<Result<UserGameDataList>> FriendsAsync(Guid me, string appId, IReadOnlyList<string?>? keys, CancellationToken cancellationToken)
    {
        if (await apps.OpenableAsync(me, appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        var asked = CloudItems.KeyList("keys", keys);
        if (!asked.IsSuccess)
        {
            return asked.Error;
        }

        var friends = (await contacts.ListFriendsAsync(me, 0, int.MaxValue, cancellationToken)).Select(f => f.Card).ToList();
        var welcoming = await contacts.FriendsNotBlockingAsync(me, friends.ConvertAll(f => f.UserId), cancellationToken);
        var blockedByMe = (await contacts.ListBlocksAsync(me, cancellationToken)).Select(b => b.Card.UserId).ToHashSet();
        var people = friends.Where(f => welcoming.Contains(f.UserId) && !blockedByMe.Contains(f.UserId)).ToList();
        if (await accounts.FindAsync(me, cancellationToken) is { } self)
        {
            // WeChat lists the caller among their friends who play, so a board can show where they stand.
            people.Insert(0, new UserCard(self.Id, self.Handle, self.DisplayName, self.AvatarUrl));
        }

        return await BoardAsync(app, people, asked.Value, cancellationToken);
    }

    /// <summary>
    /// The group's current members who play, from a share ticket of the app: only a current member of the group may
    /// use it. Everyone in a group sees its members, so blocks between members do not hide them here either.
    /// </summary>
    public async Task<Result<UserGameDataList>> GroupAsync(Guid me, string appId, GroupCloudStorageRequest request, CancellationToken cancellationToken)
    {
        if (await apps.OpenableAsync(me, appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        var asked = CloudItems.KeyList("keyList", request.KeyList);
        if (!asked.IsSuccess)
        {
            return asked.Error;
        }

        if (await shares.GroupAsync(me, app, request.ShareTicket, cancellationToken) is not { } groupId)
        {
            return ShareTicketService.Invalid;
        }

        var members = await conversations.GetMemberCardsAsync(groupId, cancellationToken);
        return await BoardAsync(app, members.Select(m => m.Card).ToList(), asked.Value, cancellationToken);
    }

    private async Task<UserGameDataList> BoardAsync(MiniProgram app, IReadOnlyList<UserCard> people, string[] keys, CancellationToken cancellationToken)
    {
        var players = await store.PlayersAsync(app.Id, people.Select(p => p.UserId).ToHashSet(), keys, cancellationToken);
        var board = new List<UserGameData>();
        foreach (var person in people.DistinctBy(p => p.UserId))
        {
            if (players.TryGetValue(person.UserId, out var items))
            {
                board.Add(new UserGameData(
                    await ids.ForAsync(app.AppId, person.UserId, cancellationToken), person.DisplayName, person.AvatarUrl, CloudStorageService.InOrder(items, keys)));
            }
        }

        return new UserGameDataList(board);
    }
}
