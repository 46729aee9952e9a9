namespace Hutong.OfficialAccounts.Following;

/// <summary>
/// A person's standing with an account. The row stays after an unfollow (<see cref="Following"/> false), so the
/// account's developer can still ask about the openid and a re-follow keeps remark and tags, as WeChat does.
/// </summary>
public sealed record Follower(
    Guid AccountId,
    Guid UserId,
    string OpenId,
    bool Following,
    DateTimeOffset FollowedAt,
    string Scene,
    string Language,
    string Remark,
    bool Muted,
    long? QrSceneId = null,
    string? QrSceneStr = null,
    string? QrTicket = null);

/// <summary>A follower tag: ids from 100 up, as WeChat numbers its own (0-99 are reserved there).</summary>
public sealed record FollowerTag(Guid AccountId, int Id, string Name, int Count);

/// <summary>The parameter QR code a follow came through: its integer or string scene and its ticket.</summary>
public sealed record QrScene(long? Id, string? Str, string Ticket);
