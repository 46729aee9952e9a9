namespace Hutong.Wallet.Merchants.Platform;

/// <summary>
/// One of the platform's payment keys: it signs responses and notifications, and merchants download its certificate
/// from <c>/v3/certificates</c>. The newest one signs; one replaced less than the grace period ago is still listed, so
/// merchants holding it keep verifying while they fetch the new one.
/// </summary>
public sealed record PaymentKey(string SerialNo, byte[] PrivateKey, byte[] Certificate, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt);

public interface IPaymentKeyStore
{
    /// <summary>Keys not retired, or retired at or after <paramref name="retiredAfter"/>; newest first.</summary>
    Task<IReadOnlyList<PaymentKey>> ListAsync(DateTimeOffset retiredAfter, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="key"/> as the one that signs, retiring the others at its creation time. When
    /// <paramref name="onlyIfNone"/>, adds it only when there is no key yet (two nodes starting at once keep one).
    /// </summary>
    Task AddAsync(PaymentKey key, bool onlyIfNone, CancellationToken cancellationToken);
}
