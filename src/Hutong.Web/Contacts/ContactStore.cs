using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Contacts;
using Hutong.Web.Shared;

namespace Hutong.Web.Contacts;

/// <summary>
/// My friends and the tags I gave them, the friend requests waiting for me, and group invitations; kept fresh by the
/// event log.
/// </summary>
public sealed class ContactStore(HutongClient api, People people) : IChangeSource
{
    private readonly NewestAnswer _refreshes = new();

    public IReadOnlyList<FriendInfo> Friends { get; private set; } = [];

    /// <summary>Requests to me still waiting for an answer, newest first.</summary>
    public IReadOnlyList<FriendRequestInfo> Incoming { get; private set; } = [];

    /// <summary>Requests I sent, newest first.</summary>
    public IReadOnlyList<FriendRequestInfo> Outgoing { get; private set; } = [];

    public IReadOnlyList<GroupInvitationInfo> Invitations { get; private set; } = [];

    /// <summary>My friend tags by name, each with the friends who carry it: read off the friends, so the two always agree.</summary>
    public IReadOnlyList<FriendTagInfo> Tags { get; private set; } = [];

    /// <summary>What waits for me to act: pending requests and invitations.</summary>
    public int Waiting => Incoming.Count(r => r.State == FriendRequestStates.Pending) + Invitations.Count;

    public event Action? Changed;

    public async Task RefreshAsync()
    {
        // Refreshes overlap (one at start, one per event): an older answer would hide a request a newer one had shown.
        if (await _refreshes.LoadAsync(LoadAsync, Apply))
        {
            Changed?.Invoke();
        }
    }

    private async Task<Snapshot> LoadAsync() => new(
        await api.GetAllFriendsAsync(),
        (await api.GetFriendRequestsAsync("incoming", 100)).Requests,
        (await api.GetFriendRequestsAsync("outgoing", 100)).Requests,
        (await api.GetGroupInvitationsAsync()).Invitations);

    private void Apply(Snapshot snapshot)
    {
        var (friends, incoming, outgoing, invitations) = snapshot;
        foreach (var friend in friends)
        {
            people.Remember(new PublicProfile(friend.UserId, friend.Handle, friend.DisplayName, friend.AvatarUrl));
            people.SetRemark(friend.UserId, friend.Remark);
        }

        Friends = [.. friends.OrderBy(f => SortKey(f), StringComparer.Ordinal)];
        Tags = [.. Friends
            .SelectMany(f => f.Tags.Select(tag => (Tag: tag, f.UserId)))
            .GroupBy(x => x.Tag, x => x.UserId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FriendTagInfo(g.Key, [.. g], g.Count()))];
        (Incoming, Outgoing, Invitations) = (incoming, outgoing, invitations);
        foreach (var request in Incoming.Concat(Outgoing))
        {
            people.Remember(request.From);
            people.Remember(request.To);
        }
    }

    public FriendInfo? Friend(string userId) => Friends.FirstOrDefault(f => f.UserId == userId);

    public FriendTagInfo? Tag(string name) => Tags.FirstOrDefault(t => t.Name == name);

    /// <summary>The page of a tag. The name goes in the query, where a '/' in it is only a character.</summary>
    public static string TagLink(string name) => $"contacts/tag?name={Uri.EscapeDataString(name)}";

    public static string DisplayName(FriendInfo friend) => string.IsNullOrWhiteSpace(friend.Remark) ? friend.DisplayName : friend.Remark;

    /// <summary>The letter a friend is filed under; names in other scripts go under '#'.</summary>
    public static string Initial(FriendInfo friend)
    {
        var first = char.ToUpperInvariant(DisplayName(friend).FirstOrDefault());
        return first is >= 'A' and <= 'Z' ? first.ToString() : "#";
    }

    public void Clear()
    {
        Friends = [];
        Incoming = [];
        Outgoing = [];
        Invitations = [];
        Tags = [];
    }

    private static string SortKey(FriendInfo friend) => Initial(friend) == "#" ? "~" + DisplayName(friend) : DisplayName(friend).ToUpperInvariant();

    /// <summary>Everything one refresh read, applied together.</summary>
    private sealed record Snapshot(
        IReadOnlyList<FriendInfo> Friends,
        IReadOnlyList<FriendRequestInfo> Incoming,
        IReadOnlyList<FriendRequestInfo> Outgoing,
        IReadOnlyList<GroupInvitationInfo> Invitations);
}
