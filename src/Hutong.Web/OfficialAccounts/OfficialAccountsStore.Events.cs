using Hutong.Client;
using Hutong.Contracts.Events;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.Shared;

namespace Hutong.Web.OfficialAccounts;

/// <summary>
/// What the gateway says of official accounts: a new item in a thread (logged, or a live broadcast without a seq), a
/// thread read on another device, and a follow, unfollow or mute from another device.
/// </summary>
public sealed partial class OfficialAccountsStore
{
    public void Follow(HutongGateway gateway, CancellationToken stop)
    {
        _ = Subscriptions.FollowAsync(gateway.Subscribe<AccountMessageEvent>(), e => OnMessageAsync(e.Message), stop);
        _ = Subscriptions.FollowAsync(gateway.Subscribe<AccountThreadReadEvent>(), OnReadAsync, stop);
        _ = Subscriptions.FollowAsync(gateway.Subscribe<OfficialAccountEvent>(), OnAccountEventAsync, stop);
        // Broadcasts sent while this device was away are not replayed: each connect reads the threads, and the one on
        // screen, again.
        gateway.StateChanged += state =>
        {
            if (state == GatewayState.Online && !stop.IsCancellationRequested)
            {
                _ = CatchUpAsync();
            }
        };
    }

    /// <summary>A new item in one of the person's threads, from the gateway (or a send of this device).</summary>
    internal async Task OnMessageAsync(AccountMessage message)
    {
        var accountId = message.AccountId;
        var timeline = _timelines.GetValueOrDefault(accountId);
        var fresh = timeline?.Add(message) ?? true;
        if (!_threads.TryGetValue(accountId, out var thread))
        {
            // A thread the list does not hold yet (followed on another device a moment ago): the list brings it.
            QueueRefresh();
            Changed?.Invoke();
            return;
        }

        // Only what is newer than the row's last item is news; anything else the row has counted already.
        var newer = fresh && (thread.Last is null || AccountTimeline.Compare(message, thread.Last) > 0);
        if (newer)
        {
            var counts = message.FromAccount;
            if (counts)
            {
                var before = thread;
                await notifications.OnOtherAsync((visible, hidePreviews) => AccountNotificationRule.Decide(message, before, visible, hidePreviews, texts.S));
            }

            _threads[accountId] = thread with { Last = message, Unread = thread.Unread + (counts ? 1 : 0) };
        }

        Changed?.Invoke();
        if (newer && message.FromAccount && Viewing == accountId && await browser.IsVisibleAsync())
        {
            await MarkReadAsync(accountId);
        }
    }

    private Task OnReadAsync(AccountThreadReadEvent read)
    {
        if (_threads.TryGetValue(read.AccountId, out var thread) && thread.Last?.Id == read.UpTo)
        {
            _threads[read.AccountId] = thread with { Unread = 0 };
            Changed?.Invoke();
        }
        else
        {
            // Read up to an item before the last: how many are left only the server counts.
            QueueRefresh();
        }

        return Task.CompletedTask;
    }

    private Task OnAccountEventAsync(OfficialAccountEvent change)
    {
        if (Account(change.AccountId) is { } account)
        {
            Remember(account with { Following = change.Following, Muted = change.Muted });
        }

        if (!change.Following)
        {
            _threads.Remove(change.AccountId);
            _timelines.Remove(change.AccountId);
        }

        Changed?.Invoke();
        // Followed or muted elsewhere: the list says how the row looks now.
        QueueRefresh();
        return Task.CompletedTask;
    }

    /// <summary>After a connect: the threads, and the newest page of the thread on screen; other threads load again when opened.</summary>
    private async Task CatchUpAsync()
    {
        await RefreshQuietlyAsync();
        foreach (var held in _timelines.Keys.Where(id => id != Viewing).ToList())
        {
            if (!_sends.Values.Any(s => s.AccountId == held))
            {
                _timelines.Remove(held);
            }
        }

        if (Viewing is { } viewing && _timelines.TryGetValue(viewing, out var timeline))
        {
            try
            {
                var page = await api.GetAccountThreadAsync(viewing, limit: PageSize);
                foreach (var message in page.Messages)
                {
                    timeline.Add(message);
                }

                Changed?.Invoke();
                if (await browser.IsVisibleAsync())
                {
                    await MarkReadAsync(viewing);
                }
            }
            catch (Exception e) when (e is HutongApiException or HttpRequestException)
            {
                // Offline again: the next connect tries again.
            }
        }
    }
}
