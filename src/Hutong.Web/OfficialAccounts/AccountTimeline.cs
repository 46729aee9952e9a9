using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.Chats;

namespace Hutong.Web.OfficialAccounts;

/// <summary>
/// What this device shows of the person's thread with one account: its items oldest first, each once by id, and the
/// person's own sends still on their way. A thread has no sequence of its own that devices see: items are ordered by
/// when they were sent, and older pages are put in front as the person scrolls up.
/// </summary>
public sealed class AccountTimeline
{
    private readonly List<AccountMessage> _messages = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<OutgoingMessage> _outgoing = [];

    /// <summary>Items, oldest first.</summary>
    public IReadOnlyList<AccountMessage> Messages => _messages;

    /// <summary>The person's sends still on their way, oldest first.</summary>
    public IReadOnlyList<OutgoingMessage> Outgoing => _outgoing;

    /// <summary>Where the page before the oldest held starts; null once the thread's start is held.</summary>
    public string? NextCursor { get; private set; }

    /// <summary>The oldest item held is the thread's first.</summary>
    public bool ReachedStart => NextCursor is null;

    public AccountMessage? Newest => _messages.Count == 0 ? null : _messages[^1];

    /// <summary>Takes a page (newest first, as the server answers), the first or one before what is held; returns how many were new.</summary>
    public int AddPage(AccountThread page)
    {
        NextCursor = page.NextCursor;
        return page.Messages.Count(Add);
    }

    /// <summary>Puts an item in its place by time; false when it is held already (a repeat, or a send's own echo of itself).</summary>
    public bool Add(AccountMessage message)
    {
        if (!_ids.Add(message.Id))
        {
            return false;
        }

        var at = _messages.FindLastIndex(held => Compare(held, message) <= 0);
        _messages.Insert(at + 1, message);
        return true;
    }

    public bool Holds(string messageId) => _ids.Contains(messageId);

    public void AddOutgoing(OutgoingMessage echo)
    {
        if (!_outgoing.Contains(echo))
        {
            _outgoing.Add(echo);
        }
    }

    public void RemoveOutgoing(string clientId) => _outgoing.RemoveAll(o => o.ClientMsgId == clientId);

    /// <summary>By time, then by id, so two items sent in the same instant keep one order on every device.</summary>
    internal static int Compare(AccountMessage a, AccountMessage b)
    {
        var byTime = a.SentAt.CompareTo(b.SentAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    }
}
