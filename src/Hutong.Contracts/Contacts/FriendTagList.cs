namespace Hutong.Contracts.Contacts;

/// <summary>The caller's friend tags, by name in ordinal order.</summary>
public sealed record FriendTagList(IReadOnlyList<FriendTagInfo> Tags);
