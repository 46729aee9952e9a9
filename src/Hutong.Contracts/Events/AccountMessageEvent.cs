using Hutong.Contracts.OfficialAccounts;

namespace Hutong.Contracts.Events;

/// <summary>
/// A new item in the person's thread with an official account: their own message (for their other devices), the
/// account's reply, or a broadcast. Replies and the person's own messages are in the log; a broadcast reaches only the
/// devices online when it is sent, as a live event without a seq, and the others read it with the thread.
/// </summary>
public sealed record AccountMessageEvent(AccountMessage Message) : UserEvent;

/// <summary>The person read their thread with the account up to <see cref="UpTo"/> on one of their devices.</summary>
public sealed record AccountThreadReadEvent(string AccountId, string UpTo) : UserEvent;
