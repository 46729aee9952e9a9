using System.Globalization;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;

namespace Hutong.Web.Wallet;

/// <summary>
/// The red packet form as the person fills it in, checked against docs/product.md's rules as they type: each share 0.01 to
/// the node's largest share (200 CNY by default), no more shares than the node allows (100) or the group has members,
/// no more in all than the wallet has available, a greeting up to 30 characters; a direct chat's packet is one share.
/// The server checks again.
/// </summary>
public sealed class RedPacketDraft
{
    public const int MaxGreeting = 30;

    private readonly int _members;

    /// <summary>A new form; <paramref name="limits"/> are the node's as far as the client knows them (<see cref="Limits"/> takes newer ones).</summary>
    public RedPacketDraft(bool group, int memberCount, WalletLimits limits)
    {
        Group = group;
        _members = memberCount;
        Limits = limits;
        // One for everyone else in the group: what people send most.
        CountText = (group ? Math.Clamp(memberCount - 1, 1, MaxCount) : 1).ToString(CultureInfo.InvariantCulture);
        Kind = group ? RedPacketKinds.Lucky : RedPacketKinds.Equal;
    }

    public bool Group { get; }

    public WalletLimits Limits { get; set; }

    /// <summary>What the wallet can spend, once it has answered: a packet over it would be refused.</summary>
    public long? Available { get; set; }

    /// <summary>The most shares this conversation allows.</summary>
    public int MaxCount => Group ? Math.Clamp(_members, 1, Limits.MaxRedPacketShares) : 1;

    /// <summary>Lucky (the amount typed is the total) or equal (the amount typed is each share).</summary>
    public string Kind { get; set; }

    public string CountText { get; set; }

    public string AmountText { get; set; } = "";

    public string Greeting { get; set; } = "";

    public bool Lucky => Kind == RedPacketKinds.Lucky;

    public int? Count => int.TryParse(CountText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    /// <summary>What leaves the wallet, once the amount and the count make sense.</summary>
    public long? Total => Money.Parse(AmountText) is { } amount && Count is { } count
        ? Lucky ? amount : amount * count
        : null;

    public bool Ready => CountFits && Money.Parse(AmountText) is > 0 and var amount && ShareFits(amount) == 0 && !OverAvailable && Greeting.Length <= MaxGreeting;

    private bool OverAvailable => Total > Available;

    private bool CountFits => Count is { } count && count >= 1 && count <= MaxCount;

    public string? CountError(Strings s) => Count switch
    {
        null or < 1 => s.PacketCountAtLeastOne,
        var count when count > MaxCount => s.PacketCountAtMost(MaxCount),
        _ => null,
    };

    /// <summary>Nothing while the amount is blank: the form starts empty, not wrong.</summary>
    public string? AmountError(Strings s, string currency)
    {
        if (AmountText.Trim().Length == 0)
        {
            return null;
        }

        if (Money.Parse(AmountText) is not { } amount || amount <= 0)
        {
            return s.AmountInvalid;
        }

        // With no sensible count, the count's own error says what is wrong.
        return !CountFits ? null
            : ShareFits(amount) switch
            {
                < 0 => s.ShareAtLeast(Money.Format(1, currency)),
                > 0 => s.ShareAtMost(Money.Format(Limits.MaxRedPacketShare, currency)),
                _ when OverAvailable => s.AmountOverAvailable(Money.Format(Available!.Value, currency)),
                _ => null,
            };
    }

    public SendRedPacketRequest Request(string packetId, string conversationId, string pin) =>
        new(packetId, conversationId, Kind, Total ?? 0, Count ?? 0, Greeting.Trim().Length == 0 ? null : Greeting.Trim(), pin);

    /// <summary>Below zero when a share would be under 0.01, above when over the largest share, else zero.</summary>
    private int ShareFits(long amount)
    {
        var shares = Lucky ? Count ?? 1 : 1;
        return amount < shares ? -1 : amount > Limits.MaxRedPacketShare * shares ? 1 : 0;
    }
}
