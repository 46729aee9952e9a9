namespace Hutong.Contracts.OfficialAccounts;

/// <summary>A new account. A service account waits for an operator's approval before people can follow it.</summary>
public sealed record CreateOfficialAccountRequest(string Name, string Kind, string? Description = null);

/// <summary>The new account and its app secret: shown this once (a reset makes a new one).</summary>
public sealed record CreatedOfficialAccount(OfficialAccountInfo Account, string AppSecret);

/// <summary>An account's profile; absent fields stay as they are. <see cref="AvatarId"/> is an image upload of the caller.</summary>
public sealed record UpdateOfficialAccountRequest(string? Name = null, string? Description = null, string? AvatarId = null);

public sealed record AppSecretResponse(string AppSecret);

/// <summary>
/// Follow an account. <see cref="Scene"/> says where from (<see cref="FollowScenes"/>); a parameter QR code's
/// <see cref="Ticket"/> makes the scene <c>qr</c> and tells the account's developer which code it was.
/// <see cref="Language"/> is the follower's language as apps are told it (<c>zh_CN</c>, <c>en</c>).
/// </summary>
public sealed record FollowRequest(string? Scene = null, string? Ticket = null, string? Language = null);

/// <summary>A follower's own settings for an account.</summary>
public sealed record UpdateFollowRequest(bool? Muted = null);

public sealed record ReportOfficialAccountRequest(string Reason);

/// <summary>An operator's rejection of a service account, with the reason its owner is shown.</summary>
public sealed record RejectOfficialAccountRequest(string Reason);

public static class FollowScenes
{
    public const string Search = "search";
    public const string Profile = "profile";
    public const string Qr = "qr";
    public const string Article = "article";
    public const string Card = "card";

    public static IReadOnlyList<string> All { get; } = [Search, Profile, Qr, Article, Card];
}
