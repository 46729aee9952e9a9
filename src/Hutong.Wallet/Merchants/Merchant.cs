namespace Hutong.Wallet.Merchants;

/// <summary>
/// A business that takes payments. <see cref="MchId"/> is the ten-digit merchant id its code sends; its money lives in
/// the ledger account with the merchant's <see cref="Id"/>. Only an approved merchant can create orders.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.wallet.merchant")]
public sealed record Merchant(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string MchId,
    [property: Id(2)] Guid OwnerId,
    [property: Id(3)] string Name,
    [property: Id(4)] string ShortName,
    [property: Id(5)] string Category,
    [property: Id(6)] string State,
    [property: Id(7)] string? RejectReason,
    [property: Id(8)] string? ApiV3Key,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset? ReviewedAt)
{
    public bool IsApproved => State == MerchantStates.Approved;
}

public static class MerchantStates
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>
/// One of a merchant's API keys: the RSA public key its requests and <c>paySign</c>s are checked with, named by the
/// serial number its code puts in <c>serial_no</c>. A revoked key verifies nothing.
/// </summary>
public sealed record MerchantKey(Guid MerchantId, string SerialNo, byte[] PublicKey, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>An app (official account or mini-program) a merchant may charge through.</summary>
public sealed record MerchantApp(Guid MerchantId, string AppId, DateTimeOffset BoundAt);
