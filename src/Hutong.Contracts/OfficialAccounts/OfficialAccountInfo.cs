namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// An official account as a person sees it. <see cref="Following"/> and <see cref="Muted"/> are the viewer's own;
/// <see cref="Admin"/> is set only for the account's admins.
/// </summary>
public sealed record OfficialAccountInfo(
    string Id,
    string Kind,
    string Name,
    string Description,
    string? AvatarUrl,
    string OriginalId,
    int Followers,
    bool Following,
    bool Muted,
    OfficialAccountAdminInfo? Admin = null);

/// <summary>What only an account's admins see: its state, app id and when it was made.</summary>
public sealed record OfficialAccountAdminInfo(string State, string AppId, DateTimeOffset CreatedAt, string? ReviewNote);

public static class OfficialAccountKinds
{
    /// <summary>One broadcast a day, folded into Subscriptions without notifications; anyone may open one.</summary>
    public const string Subscription = "subscription";

    /// <summary>Four broadcasts a month, its own thread with notifications; an operator approves it.</summary>
    public const string Service = "service";
}

public static class OfficialAccountStates
{
    public const string Active = "active";

    /// <summary>A service account waiting for an operator.</summary>
    public const string Pending = "pending";

    public const string Rejected = "rejected";
}

/// <summary>A page of accounts: search results, the accounts a person follows or administers, or a review queue.</summary>
public sealed record OfficialAccountList(IReadOnlyList<OfficialAccountInfo> Accounts);
