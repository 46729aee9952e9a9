using System.Globalization;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;

namespace Hutong.Web.Wallet;

/// <summary>
/// The red packet form as the person fills it in, checked against PRODUCT.md's rules as they type: each share 0.01 to
/// 200 CNY, up to 100 shares and no more than the group has members, a greeting up to 30 characters; a direct chat's
/// packet is one share. The server checks again. The limits are the defaults of <c>Hutong:Wallet</c>, which the API
/// does not tell the client.
/// </summary>
public sealed class RedPacketDraft
{
    public const long MaxShare = 20_000;
    public const int MaxShares = 100;
    public const int MaxGreeting = 30;

    public RedPacketDraft(bool group, int memberCount)
    {
        Group = group;
        MaxCount = group ? Math.Clamp(memberCount, 1, MaxShares) : 1;
        // One for everyone else in the group: what people send most.
        CountText = (group ? Math.Clamp(memberCount - 1, 1, MaxCount) : 1).ToString(CultureInfo.InvariantCulture);
        Kind = group ? RedPacketKinds.Lucky : RedPacketKinds.Equal;
    }

    public bool Group { get; }

    /// <summary>The most shares this conversation allows.</summary>
    public int MaxCount { get; }

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

    public bool Ready => CountFits && Money.Parse(AmountText) is > 0 and var amount && ShareFits(amount) == 0 && Greeting.Length <= MaxGreeting;

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
                > 0 => s.ShareAtMost(Money.Format(MaxShare, currency)),
                _ => null,
            };
    }

    public SendRedPacketRequest Request(string packetId, string conversationId, string pin) =>
        new(packetId, conversationId, Kind, Total ?? 0, Count ?? 0, Greeting.Trim().Length == 0 ? null : Greeting.Trim(), pin);

    /// <summary>Below zero when a share would be under 0.01, above when over the largest share, else zero.</summary>
    private int ShareFits(long amount)
    {
        var shares = Lucky ? Count ?? 1 : 1;
        return amount < shares ? -1 : amount > MaxShare * shares ? 1 : 0;
    }
}
