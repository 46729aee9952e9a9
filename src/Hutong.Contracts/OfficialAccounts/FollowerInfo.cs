namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// A follower as the account sees them: by openid only (the same person has another openid at every account), never a
/// user id or a name.
/// </summary>
public sealed record FollowerInfo(
    string OpenId,
    string Remark,
    string Language,
    DateTimeOffset FollowedAt,
    string Scene,
    IReadOnlyList<int> TagIds);

public sealed record FollowerPage(IReadOnlyList<FollowerInfo> Followers, int Total, string? NextCursor);

public sealed record UpdateFollowerRequest(string? Remark = null, IReadOnlyList<int>? TagIds = null);

/// <summary>A tag an account puts on its followers, to broadcast to some of them.</summary>
public sealed record FollowerTagInfo(int Id, string Name, int Count);

public sealed record FollowerTagList(IReadOnlyList<FollowerTagInfo> Tags);

public sealed record FollowerTagRequest(string Name);
