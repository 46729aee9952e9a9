namespace Hutong.OfficialAccounts.Accounts;

/// <summary>
/// An official account. <see cref="SecretHash"/> is the SHA-256 of the app secret: the secret itself is shown once and
/// never stored. <see cref="Kind"/> and <see cref="State"/> take the values of the contracts' kinds and states.
/// </summary>
public sealed record OfficialAccount(
    Guid Id,
    string Kind,
    string State,
    string Name,
    string Description,
    Guid? AvatarId,
    string OriginalId,
    string AppId,
    string SecretHash,
    Guid OwnerId,
    DateTimeOffset CreatedAt,
    string? ReviewNote = null)
{
    public bool IsActive => State == Contracts.OfficialAccounts.OfficialAccountStates.Active;

    public bool IsService => Kind == Contracts.OfficialAccounts.OfficialAccountKinds.Service;

    /// <summary>Whoever may manage the account: its owner (admins named by the owner come with the studio's team page).</summary>
    public bool IsAdmin(Guid userId) => OwnerId == userId;
}
