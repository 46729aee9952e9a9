using System.ComponentModel.DataAnnotations;
using Hutong.Contracts.Wallet;

namespace Hutong.Wallet;

/// <summary><c>Hutong:Wallet</c>: money rules of docs/product.md (Wallet). Amounts are in the minor unit (fen).</summary>
public sealed record WalletOptions
{
    public const string Section = "Hutong:Wallet";

    /// <summary>ISO 4217 code of the one currency this node keeps.</summary>
    [Required, RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; init; } = "CNY";

    /// <summary>Wrong PIN attempts that lock spending.</summary>
    [Range(1, 100)]
    public int PinAttempts { get; init; } = 5;

    /// <summary>How long spending stays locked after too many wrong PINs.</summary>
    public TimeSpan PinLockout { get; init; } = TimeSpan.FromHours(3);

    /// <summary>The largest transfer to another person.</summary>
    [Range(1, long.MaxValue)]
    public long MaxTransferAmount { get; init; } = WalletLimits.Defaults.MaxTransfer;

    /// <summary>How long a transfer waits for its receiver before the money goes back.</summary>
    public TimeSpan TransferExpiry { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How often each node looks for transfers and red packets that are due.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest share of a red packet (200 CNY).</summary>
    [Range(1, 10_000_000)]
    public long MaxRedPacketShare { get; init; } = WalletLimits.Defaults.MaxRedPacketShare;

    /// <summary>The most shares a red packet has (and never more than its group's members).</summary>
    [Range(1, 500)]
    public int MaxRedPacketShares { get; init; } = WalletLimits.Defaults.MaxRedPacketShares;

    /// <summary>How long a red packet stays open before what is left goes back.</summary>
    public TimeSpan RedPacketExpiry { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The largest single top-up or withdrawal.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRailAmount { get; init; } = WalletLimits.Defaults.MaxRail;

    /// <summary>How long an unpaid order stays payable when the merchant gives no <c>time_expire</c>.</summary>
    public TimeSpan OrderExpiry { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The longest <c>time_expire</c> a merchant may give.</summary>
    public TimeSpan MaxOrderExpiry { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How long after payment an order's money moves from its escrow to the merchant (WeChat settles the next day).</summary>
    public TimeSpan SettlementDelay { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How far a signed request's timestamp may be from the node's clock.</summary>
    public TimeSpan SignatureWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a replaced platform payment key is still listed and verifies.</summary>
    public TimeSpan PaymentKeyGrace { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long a merchant's server has to answer a notification before the attempt counts as failed.</summary>
    public TimeSpan NotificationTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest order (100,000 CNY).</summary>
    [Range(1, long.MaxValue)]
    public long MaxOrderAmount { get; init; } = 10_000_000;
}
