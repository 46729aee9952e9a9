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
}
