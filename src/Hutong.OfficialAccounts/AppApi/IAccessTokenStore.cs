namespace Hutong.OfficialAccounts.AppApi;

/// <summary>Access tokens of the app API, kept as hashes. Implemented by Hutong.Storage.</summary>
public interface IAccessTokenStore
{
    Task AddAsync(Guid accountId, string tokenHash, DateTimeOffset issuedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The account a token opens, while it has not expired.</summary>
    Task<Guid?> AccountOfAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many tokens the account was issued in [from, to).</summary>
    Task<int> IssuedAsync(Guid accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
