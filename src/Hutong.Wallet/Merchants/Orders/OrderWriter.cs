using System.Diagnostics.Metrics;
using Hutong.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hutong.Wallet.Merchants.Orders;

/// <summary>
/// The node's group commit for the steps every payment takes (the order made, paid with its notification queued,
/// posted, notified), as <see cref="Ledger.LedgerWriter"/> is for money: each is a conditional change of one order's
/// row, independent of the others, so many share one transaction and each still learns whether it took effect.
/// </summary>
public sealed class OrderWriter(IOrderStore store, ILogger<OrderWriter> logger, IMeterFactory meters) : GroupCommit<OrderWrite, bool>(logger, meters)
{
    protected override int MaxBatchWeight => 1_000;

    /// <summary>Whether the write took effect, once it is durable.</summary>
    public Task<bool> WriteAsync(OrderWrite write) => EnqueueAsync(write);

    protected override Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<OrderWrite> units) => store.WriteAsync(units, CancellationToken.None);
}
