using Hutong.Contracts.Chat.Content;

namespace Hutong.OfficialAccounts.Threads;

/// <summary>
/// An item of a follower's thread with an account. A broadcast is one item for everyone it reaches
/// (<see cref="UserId"/> null, <see cref="BroadcastId"/> set); everything else is one follower's. <see cref="Seq"/>
/// orders the account's items (given by storage) and is the <c>MsgId</c> its developer is told.
/// </summary>
public sealed record ThreadMessage(
    Guid Id,
    Guid AccountId,
    Guid? UserId,
    bool FromAccount,
    DateTimeOffset SentAt,
    MessageContent Content,
    Guid? BroadcastId = null,
    string? ClientId = null,
    long Seq = 0);

/// <summary>
/// The customer-service window a follower's action opens: after their message, <see cref="Message"/>; after a menu
/// click, a follow or a scan, <see cref="Event"/>. Each allows the account a few messages for a while.
/// </summary>
public static class WindowKinds
{
    public const string Message = "message";
    public const string Event = "event";
}
