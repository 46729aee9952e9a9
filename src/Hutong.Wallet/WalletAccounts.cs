using Hutong.Wallet.Ledger;

namespace Hutong.Wallet;

/// <summary>
/// The wallet's accounts in the ledger, and how each is opened: on first use, in the same transaction as the transfer
/// that needs it (the ledger writer's <c>opening</c>), so no request pays a round trip to create one first.
/// </summary>
public static class WalletAccounts
{
    /// <summary>The bank rail's settlement account: money from outside comes from it, and goes back to it.</summary>
    public static readonly Guid RailId = new("00000000-0000-0000-0000-00000000b0a1");

    /// <summary>A person's wallet: the account with their user id, which never goes below zero.</summary>
    public static LedgerAccount Person(Guid userId, string currency) =>
        LedgerAccount.Open(userId, AccountCode.Wallet, userId, currency, AccountLimits.DebitsMustNotExceedCredits);

    public static LedgerAccount Rail(string currency) => LedgerAccount.Open(RailId, AccountCode.Rail, null, currency, AccountLimits.None);

    /// <summary>A red packet's money until it is opened or returned; it cannot pay out more than was put in.</summary>
    public static LedgerAccount Escrow(Guid packetId, Guid senderId, string currency) =>
        LedgerAccount.Open(packetId, AccountCode.Escrow, senderId, currency, AccountLimits.DebitsMustNotExceedCredits);

    /// <summary>A merchant's settled money, owned by the person who runs it.</summary>
    public static LedgerAccount Merchant(Guid merchantId, Guid ownerId, string currency) =>
        LedgerAccount.Open(merchantId, AccountCode.Merchant, ownerId, currency, AccountLimits.DebitsMustNotExceedCredits);

    /// <summary>A paid order's money: it cannot pay out more than the payment put in.</summary>
    public static LedgerAccount OrderEscrow(Guid orderId, Guid merchantId, string currency) =>
        LedgerAccount.Open(orderId, AccountCode.OrderEscrow, merchantId, currency, AccountLimits.DebitsMustNotExceedCredits);
}
