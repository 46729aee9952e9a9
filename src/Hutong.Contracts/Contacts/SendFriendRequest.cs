namespace Hutong.Contracts.Contacts;

/// <summary><c>POST /api/v1/friend-requests</c>.</summary>
public sealed record SendFriendRequest(string ToUserId, string? Greeting);
