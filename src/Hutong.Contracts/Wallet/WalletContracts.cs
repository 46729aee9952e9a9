namespace Hutong.Contracts.Wallet;

/// <summary><c>GET /api/v1/wallet</c>: the caller's balance in the minor unit (fen), and whether a payment PIN is set.</summary>
public sealed record WalletInfo(long Balance, string Currency, bool PinSet, long Available);

/// <summary><c>PUT /api/v1/wallet/pin</c>: six digits; changing a PIN takes the current one.</summary>
public sealed record SetPinRequest(string Pin, string? CurrentPin);

/// <summary><c>POST /api/v1/wallet/top-ups</c>: money in from the bank rail. A retry with the same id returns the first result.</summary>
public sealed record TopUpRequest(string TransferId, long Amount);

/// <summary><c>POST /api/v1/wallet/withdrawals</c>: money out to the bank rail, authorised by the PIN.</summary>
public sealed record WithdrawalRequest(string TransferId, long Amount, string Pin);

/// <summary>A top-up or withdrawal done (now, or by the first request under the same id), and the balance after.</summary>
public sealed record WalletReceipt(string TransferId, string Kind, long Amount, long Balance, DateTimeOffset At);

/// <summary>One movement of the caller's wallet; <see cref="Amount"/> is positive in, negative out.</summary>
public sealed record WalletEntry(string Kind, long Amount, string? Reference, DateTimeOffset At);

/// <summary>The caller's movements, newest first; <c>nextCursor</c> fetches older ones, null at the end.</summary>
public sealed record WalletEntryList(IReadOnlyList<WalletEntry> Entries, string? NextCursor);

/// <summary>Kinds of wallet movement.</summary>
public static class WalletEntryKinds
{
    public const string TopUp = "topUp";
    public const string Withdrawal = "withdrawal";
    public const string Transfer = "transfer";
    public const string RedPacket = "redPacket";
}

/// <summary><c>POST /api/v1/transfers</c>: money to a friend, held until they accept. <c>transferId</c> is the sender's own id.</summary>
public sealed record SendTransferRequest(string TransferId, string ToUserId, long Amount, string? Note, string Pin);

/// <summary>A person-to-person transfer as its sender or receiver sees it.</summary>
public sealed record TransferInfo(
    string TransferId, string FromUserId, string ToUserId, long Amount, string? Note, string State, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>States of a person-to-person transfer.</summary>
public static class TransferStates
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";

    /// <summary>Not accepted within 24 hours: the money went back to the sender.</summary>
    public const string Expired = "expired";
}
