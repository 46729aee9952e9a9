using System.Text.Json.Serialization;
using Hutong.Contracts.Chat.Content;

namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// One item of a follower's thread with an account: the follower's own message, the account's reply, or a broadcast
/// (<see cref="BroadcastId"/> set). <see cref="FromAccount"/> says who sent it; the follower is the thread's only person.
/// </summary>
public sealed record AccountMessage(
    string Id,
    string AccountId,
    bool FromAccount,
    DateTimeOffset SentAt,
    [property: JsonConverter(typeof(MessageContentConverter))] MessageContent Content,
    string? BroadcastId = null);

/// <summary>A page of a thread, newest first; <see cref="NextCursor"/> pages back into older items.</summary>
public sealed record AccountThread(IReadOnlyList<AccountMessage> Messages, string? NextCursor);

/// <summary>A thread in the follower's chat list: the account, its newest item and how many came after the follower last read.</summary>
public sealed record AccountThreadSummary(OfficialAccountInfo Account, AccountMessage? Last, int Unread);

/// <summary>
/// The follower's threads, newest first: service accounts each show as a thread of their own; subscription accounts
/// fold into one Subscriptions entry, so the client shows <see cref="Subscriptions"/> behind one row.
/// </summary>
public sealed record AccountThreadList(IReadOnlyList<AccountThreadSummary> Services, IReadOnlyList<AccountThreadSummary> Subscriptions);

/// <summary>A follower's message to an account: text, an image they uploaded, or a place.</summary>
public sealed record SendToAccountRequest(string ClientId, [property: JsonConverter(typeof(MessageContentConverter))] MessageContent? Content);

/// <summary>An account's message to one follower in the service window (the studio's customer-service reply).</summary>
public sealed record AccountReplyRequest([property: JsonConverter(typeof(MessageContentConverter))] MessageContent? Content);

/// <summary>The follower read the thread up to this item (their own mark, told to nobody).</summary>
public sealed record ReadAccountThreadRequest(string UpTo);
