namespace Hutong.OfficialAccounts.Broadcasts;

/// <summary>
/// A broadcast: stored once as an item of every reached follower's thread (<see cref="Threads.ThreadMessage"/> with no
/// user), read by them (fan-out on read). <see cref="Counted"/> is false for previews, which do not use the quota.
/// </summary>
public sealed record Broadcast(
    Guid Id,
    Guid AccountId,
    string ClientId,
    DateTimeOffset SentAt,
    string Audience,
    int? TagId,
    int Recipients,
    bool Counted);
