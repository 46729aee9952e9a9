namespace Hutong.Wallet.Ledger;

/// <summary>
/// An account of the double-entry ledger, in the style of TigerBeetle: it holds only sums of the transfers that
/// touched it, split into pending (reserved by a two-phase transfer) and posted. Balances change only by transfers.
/// </summary>
public sealed record LedgerAccount(
    Guid Id,
    AccountCode Code,
    Guid? OwnerId,
    string Currency,
    AccountLimits Limits,
    long DebitsPending,
    long DebitsPosted,
    long CreditsPending,
    long CreditsPosted)
{
    /// <summary>What the account holds, read as a person's wallet reads it (credits add, debits take away).</summary>
    public long Balance => CreditsPosted - DebitsPosted;

    /// <summary>What may still be spent: the balance less what pending transfers have reserved.</summary>
    public long Available => CreditsPosted - DebitsPosted - DebitsPending;

    public static LedgerAccount Open(Guid id, AccountCode code, Guid? ownerId, string currency, AccountLimits limits) =>
        new(id, code, ownerId, currency, limits, 0, 0, 0, 0);
}

/// <summary>What an account is for.</summary>
public enum AccountCode
{
    /// <summary>A person's wallet: it can never go below zero.</summary>
    Wallet = 1,

    /// <summary>A payment rail's settlement account: money from outside comes from here and goes back here.</summary>
    Rail = 2,

    /// <summary>Money held for a red packet until it is opened or returned.</summary>
    Escrow = 3,

    /// <summary>A merchant's settled money: it can never go below zero.</summary>
    Merchant = 4,

    /// <summary>A paid order's money until it is settled to the merchant, less what was refunded from it.</summary>
    OrderEscrow = 5,
}

/// <summary>Limits an account enforces on every transfer.</summary>
[Flags]
public enum AccountLimits
{
    None = 0,

    /// <summary>Pending and posted debits together never exceed posted credits: the account never goes negative.</summary>
    DebitsMustNotExceedCredits = 1,

    /// <summary>The mirror image, for accounts that are debit-normal.</summary>
    CreditsMustNotExceedDebits = 2,
}
