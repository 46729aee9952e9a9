namespace Hutong.Wallet.Receiving;

/// <summary>
/// A payment by receive code: <see cref="Id"/> names it everywhere (the ledger's reference, the receiver's event);
/// <see cref="TransferId"/> is the payer's idempotency key, unique per payer only. <see cref="Code"/> is the code it was
/// made with, so a retry is told from a different request even after the code is reset.
/// </summary>
public sealed record CodePayment(
    Guid Id, Guid PayerId, string TransferId, Guid ReceiverId, string Code, long Amount, string? Note, DateTimeOffset CreatedAt);

/// <summary>People's receive codes (one each, replaced by a reset) and the payments made with them.</summary>
public interface IReceiveCodeStore
{
    /// <summary>The person's code; <paramref name="code"/> becomes it if they have none yet (a racing first ask gets the one stored first).</summary>
    Task<string> GetOrAddAsync(Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="code"/> the person's code; the one before it names nobody from then on.</summary>
    Task ResetAsync(Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whose code <paramref name="code"/> is now, if anyone's.</summary>
    Task<Guid?> FindOwnerAsync(string code, CancellationToken cancellationToken);

    /// <summary>The payment the payer made under <paramref name="transferId"/>, if any.</summary>
    Task<CodePayment?> FindPaymentAsync(Guid payerId, string transferId, CancellationToken cancellationToken);

    /// <summary>Adds the payment unless its payer already used its transfer id; returns the one stored under that id.</summary>
    Task<CodePayment> AddPaymentAsync(CodePayment payment, CancellationToken cancellationToken);
}
