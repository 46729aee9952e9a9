namespace Hutong.Contracts.Contacts;

/// <summary>
/// The request sent. <see cref="State"/> is <c>pending</c>, or <c>accepted</c> when the other person had already
/// asked the caller: two people asking each other become friends at once.
/// </summary>
public sealed record SendFriendRequestResponse(string RequestId, string State);
