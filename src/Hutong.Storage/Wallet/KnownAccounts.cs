using Hutong.Wallet.Ledger;

namespace Hutong.Storage.Wallet;

/// <summary>
/// Accounts as the ledger's last commits left them, kept by <see cref="LedgerStore"/> on SQLite, where it is the only
/// writer of accounts. Used only within the writers' turn, so one batch at a time. Bounded: when full it starts again
/// empty, and the accounts in use come back with the next batches.
/// </summary>
internal sealed class KnownAccounts
{
    /// <summary>About 200 bytes each: some 40 MiB when full.</summary>
    private const int Capacity = 200_000;

    private readonly Dictionary<Guid, LedgerAccount> _accounts = [];

    public LedgerAccount? Find(Guid id) => _accounts.GetValueOrDefault(id);

    /// <summary>Keeps the accounts of a committed batch, as it left them.</summary>
    public void Remember(IReadOnlyCollection<LedgerAccount> accounts)
    {
        if (_accounts.Count + accounts.Count > Capacity)
        {
            _accounts.Clear();
        }

        foreach (var account in accounts)
        {
            _accounts[account.Id] = account;
        }
    }

    public void Forget() => _accounts.Clear();
}
