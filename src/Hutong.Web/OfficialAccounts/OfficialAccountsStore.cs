using Hutong.Client;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.Chats;
using Hutong.Web.Localization;
using Hutong.Web.Notifications;
using Hutong.Web.Session;
using Hutong.Web.Shared;

namespace Hutong.Web.OfficialAccounts;

/// <summary>
/// The follower's side of official accounts on this device: their threads with the accounts they follow (service
/// accounts each a row of the chats list, subscriptions folded behind one), the threads opened, and the accounts met.
/// It loads over HTTP and lives on the chat store's gateway (<see cref="IGatewayFeature"/>): the person's own messages
/// and the accounts' replies come logged, with a seq; broadcasts come live, without one, and only while online, so
/// every reconnect reads the threads again.
/// </summary>
public sealed partial class OfficialAccountsStore(
    HutongClient api, Browser browser, Texts texts, DesktopNotifications notifications, TimeProvider clock) : IChatListRows, IGatewayFeature
{
    public const int PageSize = 30;

    /// <summary>The chats list's key of the Subscriptions row, which pages pass as its <c>Selected</c>.</summary>
    public const string SubscriptionsKey = "oa:subscriptions";

    public const string SubscriptionsRoute = "oa/subscriptions";

    private readonly Dictionary<string, AccountThreadSummary> _threads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountTimeline> _timelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OfficialAccountInfo> _accounts = new(StringComparer.Ordinal);
    private readonly NewestAnswer _lists = new();
    private bool _refreshQueued;

    /// <summary>The chats list's key of a service account's row.</summary>
    public static string RowKey(string accountId) => "oa:" + accountId;

    public static string ThreadRoute(string accountId) => $"oa/{Uri.EscapeDataString(accountId)}/thread";

    public static string ProfileRoute(string accountId) => $"oa/{Uri.EscapeDataString(accountId)}";

    /// <summary>True once the threads have loaded.</summary>
    public bool Loaded { get; private set; }

    /// <summary>The thread on screen, if the page is visible: what arrives in it counts as read.</summary>
    public string? Viewing { get; set; }

    public event Action? Changed;

    /// <summary>Service accounts' threads, the latest first.</summary>
    public IReadOnlyList<AccountThreadSummary> ServiceThreads => Newest(OfficialAccountKinds.Service);

    /// <summary>Subscription accounts' threads, the latest first: what the Subscriptions page lists.</summary>
    public IReadOnlyList<AccountThreadSummary> SubscriptionThreads => Newest(OfficialAccountKinds.Subscription);

    /// <summary>Unread items of service accounts that are not muted: what official accounts add to the Chats tab.</summary>
    public int Unread => _threads.Values.Where(t => t.Account.Kind == OfficialAccountKinds.Service && !t.Account.Muted).Sum(t => t.Unread);

    /// <summary>Something new in a subscription: the Subscriptions row's dot.</summary>
    public bool SubscriptionsUnread => _threads.Values.Any(t => t.Account.Kind != OfficialAccountKinds.Service && t.Unread > 0);

    /// <summary>
    /// The rows official accounts add to the chats list: each service account, and one Subscriptions row whose preview is
    /// the newest subscription's last item. Subscriptions never count on the tab: a dot says something is new.
    /// </summary>
    public IReadOnlyList<ChatListRow> Rows
    {
        get
        {
            var s = texts.S;
            var rows = ServiceThreads.Select(t => new ChatListRow(
                RowKey(t.Account.Id), ThreadRoute(t.Account.Id), t.Account.Name, t.Last is { } last ? AccountText.Preview(last, s) : "", t.Last?.SentAt, t.Unread)
            {
                AvatarUrl = t.Account.AvatarUrl,
                Muted = t.Account.Muted,
            }).ToList();
            if (SubscriptionThreads is [var newest, ..] subscriptions)
            {
                var preview = newest.Last is { } last ? $"{newest.Account.Name}: {AccountText.Preview(last, s)}" : newest.Account.Name;
                rows.Add(new ChatListRow(SubscriptionsKey, SubscriptionsRoute, s.OfficialAccounts.Subscriptions, preview, newest.Last?.SentAt,
                    subscriptions.Count(t => t.Unread > 0))
                {
                    Icon = "subscriptions",
                    DotOnly = true,
                    UnreadLabel = s.OfficialAccounts.NewInSubscriptions,
                });
            }

            return rows;
        }
    }

    public AccountThreadSummary? Thread(string accountId) => _threads.GetValueOrDefault(accountId);

    public AccountTimeline? Timeline(string accountId) => _timelines.GetValueOrDefault(accountId);

    /// <summary>An account as last heard of: from the threads, or from its profile once opened.</summary>
    public OfficialAccountInfo? Account(string accountId) =>
        _accounts.GetValueOrDefault(accountId) ?? _threads.GetValueOrDefault(accountId)?.Account;

    public Task StartAsync() => RefreshQuietlyAsync();

    public void Clear()
    {
        _threads.Clear();
        _timelines.Clear();
        _accounts.Clear();
        _sends.Clear();
        Loaded = false;
        Viewing = null;
    }

    /// <summary>Reads the threads again (the list of rows, each with its last item and unread count).</summary>
    public async Task RefreshAsync()
    {
        if (await _lists.LoadAsync(() => api.GetAccountThreadsAsync(), Apply))
        {
            Loaded = true;
            Changed?.Invoke();
        }
    }

    /// <summary>The account's profile, read again; kept for the thread's header and the rows.</summary>
    public async Task<OfficialAccountInfo> LoadAccountAsync(string accountId)
    {
        var account = await api.GetOfficialAccountAsync(accountId);
        Remember(account);
        Changed?.Invoke();
        return account;
    }

    /// <summary>Follows the account: from its page (<paramref name="scene"/>), with the ticket of the code scanned, if any.</summary>
    public async Task<OfficialAccountInfo> FollowAsync(string accountId, string scene, string? ticket)
    {
        var account = await api.FollowAsync(accountId, new FollowRequest(scene, ticket, FollowLanguage(texts.Language)));
        Remember(account);
        await RefreshQuietlyAsync();
        return account;
    }

    public async Task UnfollowAsync(string accountId)
    {
        await api.UnfollowAsync(accountId);
        if (Account(accountId) is { } account)
        {
            _accounts[accountId] = account with { Following = false, Muted = false, Followers = Math.Max(0, account.Followers - 1) };
        }

        _threads.Remove(accountId);
        _timelines.Remove(accountId);
        Changed?.Invoke();
    }

    public async Task<OfficialAccountInfo> SetMutedAsync(string accountId, bool muted)
    {
        var account = await api.UpdateFollowAsync(accountId, new UpdateFollowRequest(muted));
        Remember(account);
        Changed?.Invoke();
        return account;
    }

    /// <summary>The language an account's developer is told, as WeChat names it.</summary>
    internal static string FollowLanguage(string languageTag) => languageTag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh_CN" : "en";

    /// <summary>What the thread shows first: the newest page, once; later opens show what is held and what came since.</summary>
    public async Task<AccountTimeline> OpenAsync(string accountId)
    {
        if (!_timelines.TryGetValue(accountId, out var timeline))
        {
            var page = await api.GetAccountThreadAsync(accountId, limit: PageSize);
            // Items that arrived while the page was on its way found no timeline: the page holds them.
            timeline = _timelines.GetValueOrDefault(accountId) ?? new AccountTimeline();
            timeline.AddPage(page);
            foreach (var send in _sends.Values.Where(s => s.AccountId == accountId))
            {
                timeline.AddOutgoing(send.Echo);
            }

            _timelines[accountId] = timeline;
        }

        return timeline;
    }

    /// <summary>The page before what is held; false at the thread's start.</summary>
    public async Task<bool> LoadOlderAsync(string accountId)
    {
        if (!_timelines.TryGetValue(accountId, out var timeline) || timeline.NextCursor is not { } cursor)
        {
            return false;
        }

        var added = timeline.AddPage(await api.GetAccountThreadAsync(accountId, cursor, PageSize));
        Changed?.Invoke();
        return added > 0;
    }

    /// <summary>Everything in the thread is read: the mark moves to its newest item, on the server and the person's other devices.</summary>
    public async Task MarkReadAsync(string accountId)
    {
        if (!_threads.TryGetValue(accountId, out var thread) || thread.Unread == 0)
        {
            return;
        }

        var newest = Newer(thread.Last, _timelines.GetValueOrDefault(accountId)?.Newest);
        _threads[accountId] = thread with { Unread = 0 };
        Changed?.Invoke();
        if (newest is null)
        {
            return;
        }

        try
        {
            await api.ReadAccountThreadAsync(accountId, newest.Id);
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // Offline, or unfollowed meanwhile: the next read after reconnecting carries the mark.
        }
    }

    private void Apply(AccountThreadList list)
    {
        var listed = list.Services.Concat(list.Subscriptions).ToList();
        var ids = listed.Select(t => t.Account.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _threads.Keys.Where(id => !ids.Contains(id)).ToList())
        {
            _threads.Remove(gone);
        }

        foreach (var thread in listed)
        {
            _accounts[thread.Account.Id] = thread.Account;
            // The list can be older than an item the gateway already brought: the newer of the two stays.
            if (_threads.TryGetValue(thread.Account.Id, out var held) && held.Last is { } heldLast
                && (thread.Last is null || AccountTimeline.Compare(heldLast, thread.Last) > 0))
            {
                _threads[thread.Account.Id] = held with { Account = thread.Account };
                continue;
            }

            _threads[thread.Account.Id] = thread;
        }
    }

    private void Remember(OfficialAccountInfo account)
    {
        _accounts[account.Id] = account;
        if (_threads.TryGetValue(account.Id, out var thread))
        {
            _threads[account.Id] = thread with { Account = account };
        }
    }

    private List<AccountThreadSummary> Newest(string kind) =>
        [.. _threads.Values
            .Where(t => (t.Account.Kind == OfficialAccountKinds.Service) == (kind == OfficialAccountKinds.Service))
            .OrderByDescending(t => t.Last?.SentAt ?? DateTimeOffset.MinValue)];

    private static AccountMessage? Newer(AccountMessage? a, AccountMessage? b) =>
        a is null ? b : b is null ? a : AccountTimeline.Compare(a, b) >= 0 ? a : b;

    private async Task RefreshQuietlyAsync()
    {
        try
        {
            await RefreshAsync();
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // Offline: the next connect reads the threads again.
        }
    }

    /// <summary>Coalesces the reloads a burst of events asks for into one request.</summary>
    private void QueueRefresh()
    {
        if (_refreshQueued)
        {
            return;
        }

        _refreshQueued = true;
        _ = Task.Run(async () =>
        {
            await Task.Yield();
            _refreshQueued = false;
            await RefreshQuietlyAsync();
        });
    }
}
