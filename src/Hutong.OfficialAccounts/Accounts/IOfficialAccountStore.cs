namespace Hutong.OfficialAccounts.Accounts;

/// <summary>Official accounts. Implemented by Hutong.Storage.</summary>
public interface IOfficialAccountStore
{
    /// <summary>Adds the account; false when its original id or app id is taken (the caller draws new ones).</summary>
    Task<bool> TryAddAsync(OfficialAccount account, CancellationToken cancellationToken);

    Task<OfficialAccount?> FindAsync(Guid accountId, CancellationToken cancellationToken);

    Task<OfficialAccount?> FindByAppIdAsync(string appId, CancellationToken cancellationToken);

    Task<OfficialAccount?> FindByOriginalIdAsync(string originalId, CancellationToken cancellationToken);

    /// <summary>Accounts the person owns, newest first.</summary>
    Task<IReadOnlyList<OfficialAccount>> OwnedByAsync(Guid ownerId, CancellationToken cancellationToken);

    /// <summary>Active accounts whose name contains the text (case-insensitively), best matches first.</summary>
    Task<IReadOnlyList<OfficialAccount>> SearchAsync(string text, int take, CancellationToken cancellationToken);

    /// <summary>Accounts in a state, oldest first: the operators' review queue.</summary>
    Task<IReadOnlyList<OfficialAccount>> InStateAsync(string state, int take, CancellationToken cancellationToken);

    /// <summary>Writes the account's name, description, avatar, state, review note and secret hash as given.</summary>
    Task UpdateAsync(OfficialAccount account, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the account from one state to another; false when it was not in <paramref name="from"/> (another operator
    /// decided first).
    /// </summary>
    Task<bool> ReviewAsync(Guid accountId, string from, string to, string? note, CancellationToken cancellationToken);

    /// <summary>Whether the upload is the avatar of an active account (anyone signed in may see those).</summary>
    Task<bool> IsActiveAvatarAsync(Guid mediaId, CancellationToken cancellationToken);

    /// <summary>Keeps a follower's report for the operators.</summary>
    Task AddReportAsync(Guid accountId, Guid reporterId, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// The accounts with open reports, the most recently reported first, each with its <paramref name="newest"/> open
    /// reports, newest first.
    /// </summary>
    Task<IReadOnlyList<OpenReports>> OpenReportsAsync(int take, int newest, CancellationToken cancellationToken);

    /// <summary>Dismisses the account's open reports made up to <paramref name="at"/>; a later report stays open.</summary>
    Task DismissReportsAsync(Guid accountId, DateTimeOffset at, CancellationToken cancellationToken);
}
