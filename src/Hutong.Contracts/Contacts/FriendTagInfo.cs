namespace Hutong.Contracts.Contacts;

/// <summary>One of the caller's friend tags: its name and the friends who carry it, <see cref="Count"/> of them.</summary>
public sealed record FriendTagInfo(string Name, IReadOnlyList<string> MemberIds, int Count);
