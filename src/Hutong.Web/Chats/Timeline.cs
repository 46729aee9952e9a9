using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;

namespace Hutong.Web.Chats;

/// <summary>
/// What this device shows of one conversation: its messages in seq order up to the newest it knows, plus its own
/// unacknowledged sends. Older history is put in front as the person scrolls up. Seqs may skip: messages deleted for
/// me and those from before I joined are not mine to see.
/// </summary>
public sealed class Timeline
{
    private readonly List<MessageInfo> _messages = [];
    private readonly List<OutgoingMessage> _outgoing = [];

    /// <summary>Messages in ascending seq.</summary>
    public IReadOnlyList<MessageInfo> Messages => _messages;

    /// <summary>Sends still waiting for their ack, oldest first.</summary>
    public IReadOnlyList<OutgoingMessage> Outgoing => _outgoing;

    /// <summary>The oldest message is the conversation's first: there is nothing more to load.</summary>
    public bool ReachedStart { get; private set; }

    public long Newest => _messages.Count == 0 ? 0 : _messages[^1].Seq;

    public long Oldest => _messages.Count == 0 ? 0 : _messages[0].Seq;

    /// <summary>Puts older messages (ascending, each older than what is held) in front.</summary>
    public void Prepend(IReadOnlyList<MessageInfo> older, bool reachedStart)
    {
        var fresh = _messages.Count == 0 ? older : older.Where(m => m.Seq < Oldest).ToList();
        _messages.InsertRange(0, fresh);
        ReachedStart = reachedStart;
        foreach (var message in fresh)
        {
            Acknowledge(message);
        }
    }

    /// <summary>
    /// Adds a newer message (the gateway hands them over in order and fills gaps). A repeat is ignored; a recall
    /// blanks its target; the device's own echo with the same client message id gives way to it.
    /// </summary>
    public void Append(MessageInfo message)
    {
        if (message.Seq <= Newest)
        {
            return;
        }

        _messages.Add(message);

        if (message.Content is NoticeContent { Type: NoticeTypes.Recalled, TargetSeq: { } target })
        {
            Recall(target);
        }

        Acknowledge(message);
    }

    public void Recall(long seq)
    {
        var index = IndexOf(seq);
        if (index >= 0 && !_messages[index].Recalled)
        {
            _messages[index] = _messages[index] with { Recalled = true, Content = null };
        }
    }

    /// <summary>Hides a message deleted for me.</summary>
    public void Remove(long seq)
    {
        var index = IndexOf(seq);
        if (index >= 0)
        {
            _messages.RemoveAt(index);
        }
    }

    public MessageInfo? Find(long seq)
    {
        var index = IndexOf(seq);
        return index >= 0 ? _messages[index] : null;
    }

    public void AddOutgoing(OutgoingMessage message) => _outgoing.Add(message);

    public OutgoingMessage? FindOutgoing(string clientMsgId) => _outgoing.Find(o => o.ClientMsgId == clientMsgId);

    public void RemoveOutgoing(string clientMsgId) => _outgoing.RemoveAll(o => o.ClientMsgId == clientMsgId);

    private void Acknowledge(MessageInfo message)
    {
        if (message.ClientMsgId is { } id)
        {
            _outgoing.RemoveAll(o => o.ClientMsgId == id);
        }
    }

    private int IndexOf(long seq)
    {
        int low = 0, high = _messages.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var at = _messages[mid].Seq;
            if (at == seq)
            {
                return mid;
            }

            if (at < seq)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return -1;
    }
}
