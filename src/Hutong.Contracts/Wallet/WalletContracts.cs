namespace Hutong.Contracts.Wallet;

/// <summary>
/// <c>GET /api/v1/wallet</c>: the caller's balance in the minor unit (fen), whether a payment PIN is set, and this
/// node's limits, so a client checks amounts as they are typed.
/// </summary>
public sealed record WalletInfo(long Balance, string Currency, bool PinSet, long Available, WalletLimits Limits);

/// <summary>The node's money limits (<c>Hutong:Wallet</c>), in the minor unit.</summary>
/// <param name="MaxTransfer">The largest transfer to another person.</param>
/// <param name="MaxRedPacketShare">The largest share of a red packet.</param>
/// <param name="MaxRedPacketShares">The most shares of a red packet (and never more than its group's members).</param>
/// <param name="MaxRail">The largest single top-up or withdrawal.</param>
public sealed record WalletLimits(long MaxTransfer, long MaxRedPacketShare, int MaxRedPacketShares, long MaxRail)
{
    /// <summary>Every node's limits unless its operator changes them.</summary>
    public static WalletLimits Defaults { get; } = new(5_000_000, 20_000, 100, 5_000_000);
}

/// <summary><c>PUT /api/v1/wallet/pin</c>: six digits as <see cref="PaymentPins"/> allows; changing a PIN takes the current one.</summary>
public sealed record SetPinRequest(string Pin, string? CurrentPin);

/// <summary><c>POST /api/v1/wallet/top-ups</c>: money in from the bank rail. A retry with the same id returns the first result.</summary>
public sealed record TopUpRequest(string TransferId, long Amount);

/// <summary><c>POST /api/v1/wallet/withdrawals</c>: money out to the bank rail, authorised by the PIN.</summary>
public sealed record WithdrawalRequest(string TransferId, long Amount, string Pin);

/// <summary>A top-up or withdrawal done (now, or by the first request under the same id), and the balance after.</summary>
public sealed record WalletReceipt(string TransferId, string Kind, long Amount, long Balance, DateTimeOffset At);

/// <summary>
/// One movement of the caller's wallet; <see cref="Amount"/> is positive in, negative out. <see cref="Title"/> names
/// the other side where there is one to name: the merchant's short name for a payment, a refund or a payout; the other
/// person's name for a payment by receive code.
/// </summary>
public sealed record WalletEntry(string Kind, long Amount, string? Reference, DateTimeOffset At, string? Title = null);

/// <summary>The caller's movements, newest first; <c>nextCursor</c> fetches older ones, null at the end.</summary>
public sealed record WalletEntryList(IReadOnlyList<WalletEntry> Entries, string? NextCursor);

/// <summary>Kinds of wallet movement.</summary>
public static class WalletEntryKinds
{
    public const string TopUp = "topUp";
    public const string Withdrawal = "withdrawal";
    public const string Transfer = "transfer";
    public const string RedPacket = "redPacket";

    /// <summary>A merchant paid (an app's <c>wx.requestPayment</c> or a scanned code); its reference is the payment's transaction id.</summary>
    public const string Payment = "payment";

    /// <summary>Money a merchant gave back for a payment; its reference is the refund's id.</summary>
    public const string Refund = "refund";

    /// <summary>A merchant's settled money paid out to the wallet of the person who runs it.</summary>
    public const string MerchantPayout = "merchantPayout";

    /// <summary>A person paid by scanning their receive code; the title is the person paid.</summary>
    public const string PaidByCode = "paidByCode";

    /// <summary>Money a person paid by scanning the caller's receive code; the title is the person who paid.</summary>
    public const string ReceivedByCode = "receivedByCode";
}

/// <summary><c>POST /api/v1/transfers</c>: money to a friend, held until they accept. <c>transferId</c> is the sender's own id.</summary>
public sealed record SendTransferRequest(string TransferId, string ToUserId, long Amount, string? Note, string Pin);

/// <summary>
/// A person-to-person transfer as its sender or receiver sees it. <see cref="Id"/> is the node's name for it, the one
/// to get, accept or decline it by; <see cref="TransferId"/> (the sender's own id for retries) is shown to the sender only.
/// </summary>
public sealed record TransferInfo(
    string Id,
    string? TransferId, string FromUserId, string ToUserId, long Amount, string? Note, string State, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>States of a person-to-person transfer.</summary>
public static class TransferStates
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";

    /// <summary>Not accepted within 24 hours: the money went back to the sender.</summary>
    public const string Expired = "expired";
}

/// <summary>
/// <c>POST /api/v1/red-packets</c>: a packet in a conversation. <c>packetId</c> is the sender's own id for retries;
/// <c>totalAmount</c> is in fen; an equal packet's total divides evenly into <c>count</c> shares.
/// </summary>
public sealed record SendRedPacketRequest(string PacketId, string ConversationId, string Kind, long TotalAmount, int Count, string? Greeting, string Pin);

/// <summary>
/// A red packet as a member of its conversation sees it. <see cref="PacketId"/> (the sender's own id) is shown to the
/// sender only, <see cref="TotalAmount"/> to the sender and, once it is all opened, to everyone; <see cref="MyAmount"/>
/// is what the caller got, if they opened it.
/// </summary>
public sealed record RedPacketInfo(
    string Id,
    string? PacketId,
    string SenderId,
    string ConversationId,
    string Kind,
    int Count,
    string? Greeting,
    string State,
    int RemainingCount,
    long? TotalAmount,
    long? MyAmount,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<RedPacketOpen> Opens);

/// <summary>One share opened; <see cref="BestLuck"/> marks the largest once every share is opened.</summary>
public sealed record RedPacketOpen(string UserId, long Amount, DateTimeOffset OpenedAt, bool BestLuck);

/// <summary><c>POST /api/v1/red-packets/{id}/open</c>: the caller's share.</summary>
public sealed record RedPacketOpened(long Amount, RedPacketInfo Packet);

/// <summary>Kinds of red packet.</summary>
public static class RedPacketKinds
{
    /// <summary>Each share is drawn when it is opened.</summary>
    public const string Lucky = "lucky";
    public const string Equal = "equal";
}

/// <summary>States of a red packet.</summary>
public static class RedPacketStates
{
    public const string Active = "active";

    /// <summary>Every share was opened.</summary>
    public const string Finished = "finished";

    /// <summary>24 hours passed: what was not opened went back to the sender.</summary>
    public const string Expired = "expired";
}
