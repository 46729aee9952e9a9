using Hutong.Core.Errors;

namespace Hutong.OfficialAccounts.Broadcasts;

/// <summary>
/// An official account's contended state: its broadcast quota, its daily access tokens and its permanent QR codes. Every broadcast of the account, from the studio or the
/// app API, to all or to some, passes here one at a time, so two sends at once never both take the last one.
/// </summary>
public interface IOfficialAccountGrain : IGrainWithGuidKey
{
    Task<Result<BroadcastReceipt>> BroadcastAsync(BroadcastOrder order);

    /// <summary>Keeps a new access token (its hash) unless the account had its tokens for the day (false).</summary>
    Task<bool> IssueTokenAsync(string tokenHash);

    /// <summary>
    /// The ticket of the account's permanent QR code for the scene: the code it has, or a new one with
    /// <paramref name="ticket"/>; null when the account has as many permanent codes as it may.
    /// </summary>
    Task<string?> PermanentQrCodeAsync(long? sceneId, string? sceneStr, string ticket);
}

/// <summary>A broadcast ready to send: its audience resolved and its content encoded (<c>MessageContentJson</c>).</summary>
[GenerateSerializer, Immutable, Alias("hutong.oa.broadcast-order")]
public sealed record BroadcastOrder(
    [property: Id(0)] string AccountKind,
    [property: Id(1)] string ClientId,
    [property: Id(2)] string Audience,
    [property: Id(3)] int? TagId,
    [property: Id(4)] Guid[]? Recipients,
    [property: Id(5)] byte[] Content);

/// <summary>The broadcast sent (or the one sent before under the same client id: <see cref="Created"/> false).</summary>
[GenerateSerializer, Immutable, Alias("hutong.oa.broadcast-receipt")]
public sealed record BroadcastReceipt(
    [property: Id(0)] Guid BroadcastId,
    [property: Id(1)] Guid MessageId,
    [property: Id(2)] long Seq,
    [property: Id(3)] DateTimeOffset SentAt,
    [property: Id(4)] int Recipients,
    [property: Id(5)] bool Created);
