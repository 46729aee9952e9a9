namespace Hutong.Wallet.Rails;

/// <summary>
/// A way money enters and leaves Hutong (a bank, a card network). Calls carry the ledger transfer's id as their
/// reference, so a rail that sees a reference twice answers as it did the first time.
/// </summary>
public interface IPaymentRail
{
    Task<bool> CollectAsync(Guid userId, long amount, string reference, CancellationToken cancellationToken);

    Task<bool> PayOutAsync(Guid userId, long amount, string reference, CancellationToken cancellationToken);
}

/// <summary>The built-in bank: it approves every collection and payout, as a test bank does.</summary>
internal sealed class SimulatedBank : IPaymentRail
{
    public Task<bool> CollectAsync(Guid userId, long amount, string reference, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> PayOutAsync(Guid userId, long amount, string reference, CancellationToken cancellationToken) => Task.FromResult(true);
}
