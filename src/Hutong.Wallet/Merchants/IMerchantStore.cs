namespace Hutong.Wallet.Merchants;

public interface IMerchantStore
{
    /// <summary>
    /// Adds the merchant unless its owner already holds <paramref name="limit"/> that are not rejected (counted and
    /// added in one transaction that holds off the owner's other additions, on any node), or its
    /// <see cref="Merchant.MchId"/> is taken (the caller draws another).
    /// </summary>
    Task<Added> AddAsync(Merchant merchant, int limit, CancellationToken cancellationToken);

    Task<Merchant?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The merchants among these ids that exist, in one query.</summary>
    Task<IReadOnlyList<Merchant>> ListAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<Merchant?> FindByMchIdAsync(string mchId, CancellationToken cancellationToken);

    /// <summary>The person's own merchants, oldest first.</summary>
    Task<IReadOnlyList<Merchant>> ListByOwnerAsync(Guid ownerId, CancellationToken cancellationToken);

    /// <summary>Merchants in a state, oldest first, for the operators' review.</summary>
    Task<IReadOnlyList<Merchant>> ListByStateAsync(string state, int limit, CancellationToken cancellationToken);

    /// <summary>Moves a pending merchant to approved or rejected; false when it was no longer pending.</summary>
    Task<bool> ReviewAsync(Guid id, string state, string? reason, DateTimeOffset at, CancellationToken cancellationToken);

    Task SetApiV3KeyAsync(Guid id, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the key unless the merchant already has <paramref name="limit"/> in use (counted and added in one
    /// transaction that holds off the merchant's other additions) or one with its serial.
    /// </summary>
    Task<Added> AddKeyAsync(MerchantKey key, int limit, CancellationToken cancellationToken);

    /// <summary>The merchant's keys that are not revoked, newest first.</summary>
    Task<IReadOnlyList<MerchantKey>> ListKeysAsync(Guid merchantId, CancellationToken cancellationToken);

    /// <summary>The keys in use of all these merchants, in one query, newest first.</summary>
    Task<IReadOnlyList<MerchantKey>> ListKeysAsync(IReadOnlyCollection<Guid> merchantIds, CancellationToken cancellationToken);

    /// <summary>Revokes a key; false when there was no such key still in use.</summary>
    Task<bool> RevokeKeyAsync(Guid merchantId, string serialNo, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Binds an app; binding one that is bound already changes nothing.</summary>
    Task BindAppAsync(MerchantApp app, CancellationToken cancellationToken);

    Task<bool> UnbindAppAsync(Guid merchantId, string appId, CancellationToken cancellationToken);

    Task<IReadOnlyList<MerchantApp>> ListAppsAsync(Guid merchantId, CancellationToken cancellationToken);

    /// <summary>The apps bound to all these merchants, in one query, oldest binding first.</summary>
    Task<IReadOnlyList<MerchantApp>> ListAppsAsync(IReadOnlyCollection<Guid> merchantIds, CancellationToken cancellationToken);

    Task<bool> IsBoundAsync(Guid merchantId, string appId, CancellationToken cancellationToken);
}

/// <summary>
/// The apps a merchant can bind: official accounts and mini-programs, answered from their own storage so the wallet
/// needs neither feature's code.
/// </summary>
public interface IPayingApps
{
    /// <summary>The app's display name when <paramref name="userId"/> administers it (owns an official account or is its admin; owns or develops a mini-program); null otherwise.</summary>
    Task<string?> AdministeredNameAsync(string appId, Guid userId, CancellationToken cancellationToken);

    /// <summary>The app's display name, or null when there is no such app.</summary>
    Task<string?> NameAsync(string appId, CancellationToken cancellationToken);

    /// <summary>The display names of those of these apps that exist, by app id, in one query a kind of app.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> appIds, CancellationToken cancellationToken);
}

/// <summary>How an addition under a limit went.</summary>
public enum Added
{
    Yes,

    /// <summary>Its unique name (a merchant id, a key's serial) is taken.</summary>
    Taken,

    /// <summary>The limit is reached.</summary>
    Full,
}
