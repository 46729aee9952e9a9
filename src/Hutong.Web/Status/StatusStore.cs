using Hutong.Client;
using Hutong.Contracts.Events;
using Hutong.Contracts.Social;
using Hutong.Web.Contacts;
using Hutong.Web.Session;
using Hutong.Web.Shared;
using Microsoft.JSInterop;

namespace Hutong.Web.Status;

/// <summary>
/// The status board: my live statuses and my friends', read when the app starts, when the Status page opens and when
/// the window comes back to the front (nothing tells a device that a friend posted one). Reactions to mine come live
/// on a subscription of this store's own. A friend with a status I have not seen gets a ring on their avatar.
/// </summary>
public sealed class StatusStore(HutongClient api, People people, Browser browser) : IChangeSource
{
    private static readonly StatusBoard Empty = new(null, []);

    private readonly NewestAnswer _boards = new();
    private DotNetObjectReference<StatusStore>? _self;

    public StatusBoard Board { get; private set; } = Empty;

    /// <summary>True once the board has been read.</summary>
    public bool Loaded { get; private set; }

    public event Action? Changed;

    /// <summary>Whether this friend has a status I have not seen: their avatar wears a ring.</summary>
    public bool HasUnseen(string? userId) => userId is not null && Board.Friends.Any(f => f.UserId == userId && !f.AllSeen);

    /// <summary>A person's live statuses, oldest first: mine or a friend's.</summary>
    public PersonStatuses? Person(string userId) =>
        Board.Mine is { } mine && mine.UserId == userId ? mine : Board.Friends.FirstOrDefault(f => f.UserId == userId);

    /// <summary>Reads the board, and from now on again whenever the window comes back to the front.</summary>
    public async Task StartAsync()
    {
        if (_self is null)
        {
            _self = DotNetObjectReference.Create(this);
            await browser.OnFocusAsync(_self);
        }

        await RefreshAsync();
    }

    [JSInvokable]
    public Task OnFocus() => RefreshAsync();

    public async Task RefreshAsync()
    {
        try
        {
            StatusBoard? read = null;
            if (await _boards.LoadAsync(() => api.GetStatusBoardAsync(), board => read = board) && read is not null)
            {
                await people.EnsureAsync(read.Friends.Select(f => f.UserId)
                    .Concat(read.Mine?.Statuses.SelectMany(s => s.Reactions ?? []).Select(r => r.UserId) ?? []));
                Board = read;
                Loaded = true;
                Changed?.Invoke();
            }
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // The board stays as it was until the next look.
        }
    }

    /// <summary>Follows reactions to my statuses, and friendships that change whose statuses I see.</summary>
    public void Follow(HutongGateway gateway, CancellationToken stop)
    {
        _ = Subscriptions.FollowAsync(gateway.Subscribe<StatusReactionEvent>(), OnReactionAsync, stop);
        _ = Subscriptions.FollowAsync(gateway.Subscribe<FriendsEvent>(), _ => RefreshAsync(), stop);
    }

    public async Task<StatusInfo> PostAsync(PostStatusRequest request)
    {
        var status = await api.PostStatusAsync(request);
        var mine = Board.Mine ?? new PersonStatuses(status.AuthorId, [], true);
        if (!mine.Statuses.Any(s => s.Id == status.Id))
        {
            Board = Board with { Mine = mine with { Statuses = [.. mine.Statuses, status] } };
        }

        Changed?.Invoke();
        return status;
    }

    /// <summary>Marks a friend's status seen; the ring goes once all of theirs are.</summary>
    public async Task MarkSeenAsync(StatusInfo status)
    {
        if (status.Seen || Board.Mine?.UserId == status.AuthorId)
        {
            return;
        }

        Patch(status.AuthorId, status.Id, s => s with { Seen = true });
        try
        {
            await api.MarkStatusSeenAsync(status.Id);
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // Seen here; the next board read says whether the node took it.
        }
    }

    public Task ReactAsync(string statusId, string reaction) => api.ReactToStatusAsync(statusId, reaction);

    public async Task DeleteAsync(string statusId)
    {
        await api.DeleteStatusAsync(statusId);
        if (Board.Mine is { } mine)
        {
            var left = mine.Statuses.Where(s => s.Id != statusId).ToList();
            Board = Board with { Mine = left.Count == 0 ? null : mine with { Statuses = left } };
            Changed?.Invoke();
        }
    }

    public void Clear()
    {
        Board = Empty;
        Loaded = false;
    }

    private async Task OnReactionAsync(StatusReactionEvent reacted)
    {
        if (Board.Mine is not { } mine || !mine.Statuses.Any(s => s.Id == reacted.StatusId))
        {
            await RefreshAsync();
            return;
        }

        await people.EnsureAsync([reacted.Reaction.UserId]);
        // One reaction per person: a new one replaces theirs.
        Patch(mine.UserId, reacted.StatusId, s => s with
        {
            Reactions = [.. (s.Reactions ?? []).Where(r => r.UserId != reacted.Reaction.UserId), reacted.Reaction],
        });
    }

    private void Patch(string authorId, string statusId, Func<StatusInfo, StatusInfo> change)
    {
        PersonStatuses Updated(PersonStatuses person)
        {
            var statuses = person.Statuses.Select(s => s.Id == statusId ? change(s) : s).ToList();
            return person with { Statuses = statuses, AllSeen = statuses.TrueForAll(s => s.Seen) };
        }

        if (Board.Mine is { } mine && mine.UserId == authorId)
        {
            Board = Board with { Mine = Updated(mine) };
        }
        else
        {
            Board = Board with { Friends = [.. Board.Friends.Select(f => f.UserId == authorId ? Updated(f) : f)] };
        }

        Changed?.Invoke();
    }

}
