using Hutong.Client;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Web.Contacts;
using Hutong.Web.Moments;
using Hutong.Web.Notifications;
using Hutong.Web.Session;
using Hutong.Web.Shared;
using Hutong.Web.Status;
using Hutong.Web.Wallet;

namespace Hutong.Web.Chats;

/// <summary>
/// This device's view of the person's chats: the chats list, what it holds of each conversation, and its own sends on
/// the way. It loads over HTTP, then lives on the gateway, which resumes after every reconnect without gaps or
/// repeats. Sends go through the gateway's outbox, which keeps them in local storage until acknowledged
/// (<see cref="BrowserOutbox"/>), so a message typed offline, or before a reload, goes out once when the connection is
/// back; this store only shows them.
/// </summary>
public sealed partial class ChatStore(
    HutongClient api, AppSession session, Browser browser, People people, ContactStore contacts, MoneyStore money, DesktopNotifications notifications,
    MomentsStore moments, StatusStore statuses, IEnumerable<IGatewayFeature> features, TimeProvider clock) : IChangeSource, IAsyncDisposable
{
    private const int PageSize = 50;

    private readonly Dictionary<string, ConversationSummary> _summaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Timeline> _timelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConversationDetails> _details = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mentioned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShownSend> _sends = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingUpload> _uploads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _drafts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LocalNote>> _notes = new(StringComparer.Ordinal);
    private HutongGateway? _gateway;
    private CancellationTokenSource? _running;
    private bool _refreshQueued;
    private readonly NewestAnswer _lists = new();
    private readonly NewestAnswer<string> _detailLoads = new();
    private readonly IGatewayFeature[] _features = [.. features];

    /// <summary>The conversation on screen, if the page is visible: its messages count as read as they arrive.</summary>
    public string? Viewing { get; set; }

    public GatewayState Connection => _gateway?.State ?? GatewayState.Offline;

    /// <summary>True once the chats list has loaded.</summary>
    public bool Loaded { get; private set; }

    /// <summary>Pinned first, then by latest activity.</summary>
    public IReadOnlyList<ConversationSummary> Conversations =>
        [.. _summaries.Values.OrderByDescending(c => c.Pinned).ThenByDescending(c => c.LastMessage?.SentAt ?? DateTimeOffset.MinValue)];

    /// <summary>Unread messages in conversations that are not muted: the number on the Chats tab.</summary>
    public int Unread => _summaries.Values.Where(c => !c.Muted).Sum(c => c.Unread);

    public event Action? Changed;

    public ConversationSummary? Summary(string conversationId) => _summaries.GetValueOrDefault(conversationId);

    public ConversationDetails? Details(string conversationId) => _details.GetValueOrDefault(conversationId);

    public Timeline? Timeline(string conversationId) => _timelines.GetValueOrDefault(conversationId);

    /// <summary>What I started typing in a chat and left: kept while the page lives, shown in the list.</summary>
    public string? Draft(string conversationId) => _drafts.GetValueOrDefault(conversationId);

    /// <summary>Keeps (or, when blank, forgets) the draft of a chat.</summary>
    public void SetDraft(string conversationId, string text)
    {
        bool changed;
        if (text.Trim().Length == 0)
        {
            changed = _drafts.Remove(conversationId);
        }
        else
        {
            changed = _drafts.GetValueOrDefault(conversationId) != text;
            _drafts[conversationId] = text;
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Lines for my own events in this chat since the page loaded, oldest first.</summary>
    public IReadOnlyList<LocalNote> Notes(string conversationId) => _notes.TryGetValue(conversationId, out var notes) ? notes : [];

    /// <summary>Someone @mentioned me (or all) in this conversation since I last read it.</summary>
    public bool MentionedMe(string conversationId) => _mentioned.Contains(conversationId);

    /// <summary>Loads the chats list and opens the gateway; called once signed in.</summary>
    public async Task StartAsync()
    {
        if (_running is not null)
        {
            return;
        }

        _running = new CancellationTokenSource();
        var gateway = _gateway = new HutongGateway(api, outbox: new BrowserOutbox(browser, session.Me?.UserId ?? ""));
        // Sends left from before a reload show (in their chat, once it opens) and resolve like those made now; the
        // gateway sends them on connect.
        await gateway.RestoreAsync();
        foreach (var frame in gateway.Outbox)
        {
            _ = SendFrameAsync(frame, Echo(frame.Message));
        }

        // The cursor first: events after it are replayed on connect, so nothing between the two reads is lost.
        var cursor = (await api.GetEventsAsync(long.MaxValue - 1, 1)).LastSeq;
        await Task.WhenAll(RefreshListAsync(), contacts.RefreshAsync());
        Loaded = true;
        // Rings on avatars and the Moments badge; neither holds up the chats.
        _ = statuses.StartAsync();
        _ = moments.RefreshUnreadAsync();
        foreach (var feature in _features)
        {
            _ = feature.StartAsync();
        }
        foreach (var summary in _summaries.Values)
        {
            gateway.Track(summary.ConversationId, summary.LastSeq);
        }

        gateway.StateChanged += _ => Changed?.Invoke();
        gateway.SignedOut += () => _ = session.ForgetAsync();
        // Subscribed before connecting, so nothing the resume brings is missed. The wallet follows its own kinds.
        _ = PumpAsync(gateway.Subscribe<MessageFrame>(), m => OnMessageAsync(m.ConversationId, m.Message), _running.Token);
        _ = PumpAsync(gateway.Subscribe<UserEvent>(), OnUserEventAsync, _running.Token);
        money.Follow(gateway, _running.Token);
        moments.Follow(gateway, _running.Token);
        statuses.Follow(gateway, _running.Token);
        foreach (var feature in _features)
        {
            feature.Follow(gateway, _running.Token);
        }

        _ = ConnectAsync(gateway, cursor);
        Changed?.Invoke();
    }

    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        _running.Dispose();
        _running = null;
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
            _gateway = null;
        }

        _summaries.Clear();
        _timelines.Clear();
        _details.Clear();
        _mentioned.Clear();
        _sends.Clear();
        _drafts.Clear();
        _notes.Clear();
        money.Clear();
        moments.Clear();
        statuses.Clear();
        foreach (var feature in _features)
        {
            feature.Clear();
        }

        Loaded = false;
        Viewing = null;
        people.Clear();
        contacts.Clear();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>What the chat pane shows: the newest page on first open.</summary>
    public async Task<Timeline> OpenAsync(string conversationId)
    {
        if (!_timelines.TryGetValue(conversationId, out var timeline))
        {
            timeline = new Timeline();
            var page = await api.GetMessagesAsync(conversationId, beforeSeq: long.MaxValue, limit: PageSize);
            timeline.Prepend(page.Messages, page.Messages.Count < PageSize);
            _timelines[conversationId] = timeline;
            // Messages the gateway delivered while the page was on its way had no timeline to go to: fetch them.
            while (_summaries.TryGetValue(conversationId, out var summary) && summary.LastSeq > timeline.Newest)
            {
                var missed = await api.GetMessagesAsync(conversationId, afterSeq: timeline.Newest, limit: 200);
                if (missed.Messages.Count == 0)
                {
                    break;
                }

                foreach (var message in missed.Messages)
                {
                    timeline.Append(message);
                }
            }

            // A message whose push this device missed (it was still connecting) shows here first: the list learns it too.
            if (timeline.Messages.Count > 0 && _summaries.TryGetValue(conversationId, out var known) && timeline.Newest > (known.LastMessage?.Seq ?? 0))
            {
                _summaries[conversationId] = known with { LastSeq = Math.Max(known.LastSeq, timeline.Newest), LastMessage = timeline.Messages[^1] };
                Changed?.Invoke();
            }

            _gateway?.Track(conversationId, timeline.Newest);
            foreach (var send in _sends.Values.Where(s => s.Frame.ConversationId == conversationId))
            {
                timeline.AddOutgoing(send.Echo);
            }
        }

        await LoadDetailsAsync(conversationId);
        return timeline;
    }

    public async Task LoadDetailsAsync(string conversationId)
    {
        // Each membership change asks again; an older answer must not bring back a member who left.
        var applied = await _detailLoads.LoadAsync(conversationId, () => api.GetConversationAsync(conversationId), details =>
        {
            _details[conversationId] = details;
            foreach (var member in details.Members)
            {
                people.Remember(new Contracts.Accounts.PublicProfile(member.UserId, member.Handle, member.DisplayName, member.AvatarUrl));
            }
        });
        if (applied)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>The page before what is held; false when the start is reached.</summary>
    public async Task<bool> LoadOlderAsync(string conversationId)
    {
        if (!_timelines.TryGetValue(conversationId, out var timeline) || timeline.ReachedStart || timeline.Messages.Count == 0)
        {
            return false;
        }

        var page = await api.GetMessagesAsync(conversationId, beforeSeq: timeline.Oldest, limit: PageSize);
        timeline.Prepend(page.Messages, page.Messages.Count < PageSize);
        await people.EnsureAsync(page.Messages.Select(m => m.SenderId));
        Changed?.Invoke();
        return page.Messages.Count > 0;
    }

    public async Task RecallAsync(string conversationId, long seq)
    {
        await api.RecallAsync(conversationId, seq);
        _timelines.GetValueOrDefault(conversationId)?.Recall(seq);
        Changed?.Invoke();
    }

    public async Task DeleteForMeAsync(string conversationId, long seq)
    {
        await api.DeleteMessageForMeAsync(conversationId, seq);
        _timelines.GetValueOrDefault(conversationId)?.Remove(seq);
        Changed?.Invoke();
    }

    /// <summary>Everything in the conversation up to its newest message is read; only my own devices learn of it.</summary>
    public async Task MarkReadAsync(string conversationId)
    {
        if (_summaries.TryGetValue(conversationId, out var summary) && (summary.Unread > 0 || summary.ReadSeq < summary.LastSeq))
        {
            _summaries[conversationId] = summary with { Unread = 0, ReadSeq = summary.LastSeq };
            _mentioned.Remove(conversationId);
            Changed?.Invoke();
            try
            {
                await api.MarkReadAsync(conversationId, summary.LastSeq);
            }
            catch (HttpRequestException)
            {
                // Offline: the next read after reconnecting carries the position.
            }
        }
    }

    public async Task SetMutedAsync(string conversationId, bool muted)
    {
        await api.UpdateConversationSettingsAsync(conversationId, new ConversationSettingsRequest(muted, null));
        Patch(conversationId, c => c with { Muted = muted });
    }

    public async Task SetPinnedAsync(string conversationId, bool pinned)
    {
        await api.UpdateConversationSettingsAsync(conversationId, new ConversationSettingsRequest(null, pinned));
        Patch(conversationId, c => c with { Pinned = pinned });
    }

    public async Task RefreshListAsync()
    {
        if (await _lists.LoadAsync(() => api.GetConversationsAsync(), ApplyList))
        {
            await people.EnsureAsync(_summaries.Values.Where(c => c.LastMessage is not null).Select(c => c.LastMessage!.SenderId));
            Changed?.Invoke();
        }
    }

    private void ApplyList(ConversationList list)
    {
        var ids = list.Conversations.Select(c => c.ConversationId).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _summaries.Keys.Where(id => !ids.Contains(id)).ToList())
        {
            _summaries.Remove(gone);
        }

        foreach (var summary in list.Conversations)
        {
            // The list can be older than a message the gateway already delivered: the messages and counts come from
            // the newer of the two, while the rest (mute, pin, name, members) is the list's, which was asked for after
            // the event that changed them.
            _summaries[summary.ConversationId] = _summaries.TryGetValue(summary.ConversationId, out var held) && held.LastSeq > summary.LastSeq
                ? summary with { LastSeq = held.LastSeq, LastMessage = held.LastMessage, ReadSeq = Math.Max(held.ReadSeq, summary.ReadSeq), Unread = summary.ReadSeq >= held.LastSeq ? 0 : held.Unread }
                : summary;
        }
    }

    private void Patch(string conversationId, Func<ConversationSummary, ConversationSummary> change)
    {
        if (_summaries.TryGetValue(conversationId, out var summary))
        {
            _summaries[conversationId] = change(summary);
            Changed?.Invoke();
        }
    }
}
