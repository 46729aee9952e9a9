using Hutong.Client;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using System.Threading.Channels;

namespace Hutong.Web.Chats;

/// <summary>What the gateway delivers: messages and the person's own events, applied to the list and the open timelines.</summary>
public sealed partial class ChatStore
{
    private async Task ConnectAsync(HutongGateway gateway, long cursor)
    {
        try
        {
            await gateway.ConnectAsync(cursor);
        }
        catch (HutongApiException)
        {
            // Refused: SignedOut has fired and the session is being forgotten.
        }
        catch (OperationCanceledException)
        {
            // Stopped before it connected.
        }
    }

    private async Task PumpAsync<T>(ChannelReader<T> delivered, Func<T, Task> apply, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            while (await delivered.WaitToReadAsync(cancellationToken))
            {
                // Drain what has arrived before re-rendering once: a resume can bring hundreds of frames.
                while (delivered.TryRead(out var item))
                {
                    try
                    {
                        await apply(item);
                    }
                    catch (Exception e) when (e is HutongApiException or HttpRequestException)
                    {
                        // A load an event asked for failed (offline, signed out): the next event or reconnect loads
                        // again, and the pump must live on to apply them.
                        Console.Error.WriteLine($"Applying {item.GetType().Name} failed: {e.Message}");
                    }
                }

                Changed?.Invoke();
            }
        }
        catch (OperationCanceledException)
        {
            // Signed out.
        }
    }

    private async Task OnMessageAsync(string conversationId, MessageInfo message)
    {
        if (_timelines.TryGetValue(conversationId, out var timeline))
        {
            timeline.Append(message);
        }

        await people.EnsureAsync([message.SenderId]);
        if (session.Me is { } signedIn)
        {
            // Before the list takes the message, so the rule can tell news from what this device already had.
            await notifications.OnMessageAsync(conversationId, message, _summaries.GetValueOrDefault(conversationId), signedIn.UserId);
        }

        if (!_summaries.TryGetValue(conversationId, out var summary))
        {
            QueueRefresh();
            return;
        }

        var mine = message.SenderId == session.Me?.UserId;
        var counts = !mine && message.Content is not NoticeContent && message.Seq > summary.ReadSeq;
        var recalledLast = message.Content is NoticeContent { Type: NoticeTypes.Recalled } notice && summary.LastMessage?.Seq == notice.TargetSeq;
        _summaries[conversationId] = summary with
        {
            LastSeq = Math.Max(summary.LastSeq, message.Seq),
            LastMessage = message.Seq >= (summary.LastMessage?.Seq ?? 0) ? message : summary.LastMessage,
            Unread = summary.Unread + (counts ? 1 : 0) - (recalledLast && summary.Unread > 0 && summary.LastMessage!.SenderId != session.Me?.UserId ? 1 : 0),
        };
        if (counts && session.Me is { } me && message.Content is TextContent text && text.Mentioning(me.UserId))
        {
            _mentioned.Add(conversationId);
        }

        // A transfer's outcome changes its card (the wallet follows those), not the group or the list.
        var transferOutcome = message.Content is NoticeContent outcome && outcome.TransferId() is not null;
        if (message.Content is NoticeContent { Type: not NoticeTypes.Recalled } && !transferOutcome)
        {
            // Members, roles or the name changed: the open pane and the list show the group as it is now.
            if (_details.ContainsKey(conversationId))
            {
                _ = LoadDetailsAsync(conversationId);
            }

            QueueRefresh();
        }

        if (Viewing == conversationId && await browser.IsVisibleAsync())
        {
            await MarkReadAsync(conversationId);
        }
    }

    private async Task OnUserEventAsync(UserEvent userEvent)
    {
        switch (userEvent)
        {
            case RedPacketOpenedEvent opened:
                await OnPacketEventAsync(opened.ConversationId, opened.UserId == session.Me?.UserId ? null : new LocalNote(0, UserEventKinds.RedPacketOpened, opened.UserId, opened.Count));
                break;
            case RedPacketReturnedEvent returned:
                await OnPacketEventAsync(returned.ConversationId, new LocalNote(0, UserEventKinds.RedPacketReturned, null, returned.Amount));
                break;
            case FriendRequestEvent or GroupInvitationEvent or FriendTagEvent:
                _ = contacts.RefreshAsync();
                break;
            case FriendsEvent:
                _ = contacts.RefreshAsync();
                QueueRefresh();
                break;
            case ProfileEvent { UserId: var who }:
                // A friend's new name or photo shows at once in the list, the chat and its messages; mine on every page.
                await people.RefreshAsync(who);
                if (who == session.Me?.UserId)
                {
                    await session.RefreshMeAsync();
                }

                _ = contacts.RefreshAsync();
                QueueRefresh();
                break;
            case MessageDeletedEvent deleted:
                _timelines.GetValueOrDefault(deleted.ConversationId)?.Remove(deleted.MessageSeq);
                break;
            case ReadPositionEvent read:
                if (_summaries.TryGetValue(read.ConversationId, out var summary) && read.MessageSeq >= summary.LastSeq)
                {
                    _summaries[read.ConversationId] = summary with { Unread = 0, ReadSeq = read.MessageSeq };
                    _mentioned.Remove(read.ConversationId);
                }
                else
                {
                    QueueRefresh();
                }

                break;
            case ConversationEvent or SettingsEvent:
                // Joined, left, removed or dissolved conversations, mute and pin: the list from the server says it all.
                QueueRefresh();
                break;
        }
    }

    /// <summary>
    /// Someone opened my red packet, or what was left of it came back: a line in its chat (none for my own open of my
    /// own group packet). The wallet refreshes the packet's card on its own subscription.
    /// </summary>
    private async Task OnPacketEventAsync(string conversationId, LocalNote? note)
    {
        if (note is null)
        {
            return;
        }

        var timeline = _timelines.GetValueOrDefault(conversationId);
        var after = Math.Max(timeline?.Newest ?? 0, _summaries.GetValueOrDefault(conversationId)?.LastSeq ?? 0);
        if (!_notes.TryGetValue(conversationId, out var notes))
        {
            _notes[conversationId] = notes = [];
        }

        notes.Add(note with { AfterSeq = after });
        if (note.UserId is { } opener)
        {
            await people.EnsureAsync([opener]);
        }
    }

    /// <summary>Coalesces the list reloads that a burst of events asks for into one request.</summary>
    private void QueueRefresh()
    {
        if (_refreshQueued)
        {
            return;
        }

        _refreshQueued = true;
        _ = Task.Run(async () =>
        {
            await Task.Delay(100);
            _refreshQueued = false;
            try
            {
                await RefreshListAsync();
            }
            catch (Exception e) when (e is HutongApiException or HttpRequestException)
            {
                // Offline: the resume after reconnecting refreshes again.
            }
        });
    }
}
