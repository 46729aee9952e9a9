using Hutong.Wallet.Merchants.Orders;
using Hutong.Wallet.RedPackets;
using Hutong.Wallet.Transfers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet;

/// <summary>
/// Every node looks for due transfers, red packets and merchant orders now and then. What is due is data (each one's expiry), claimed
/// with a conditional update, so a restart loses nothing and two nodes never return the same money twice.
/// </summary>
internal sealed partial class WalletSweeper(
    TransferService transfers, RedPacketService packets, OrderService orders, IOptions<WalletOptions> options, TimeProvider clock, ILogger<WalletSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await transfers.SweepAsync(stoppingToken);
                await packets.SweepAsync(stoppingToken);
                await orders.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage away for a moment: the next round finds the same work still due.
                SweepFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "A sweep of due transfers and red packets failed; the next one retries.")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
