using Hutong.Accounts.Identity;
using Hutong.Core.Identity;
using Hutong.Core.Outbound;
using Hutong.Core.Telemetry;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Merchants;
using Hutong.Wallet.Merchants.Notifications;
using Hutong.Wallet.Merchants.Orders;
using Hutong.Wallet.Merchants.PayerNotices;
using Hutong.Wallet.Merchants.Platform;
using Hutong.Wallet.Rails;
using Hutong.Wallet.Receiving;
using Hutong.Wallet.RedPackets;
using Hutong.Wallet.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hutong.Wallet;

public static class WalletExtensions
{
    public static IHostApplicationBuilder AddWallet(this IHostApplicationBuilder builder)
    {
        // Merchants' notifications go out through the hardened client for developer servers.
        builder.AddOutboundHttp();
        builder.Services.AddOptions<WalletOptions>().BindConfiguration(WalletOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<IPaymentRail, SimulatedBank>();
        builder.Services.TryAddSingleton<WalletService>();
        builder.Services.TryAddSingleton<TransferService>();
        builder.Services.TryAddSingleton<RedPacketService>();
        builder.Services.TryAddSingleton<ReceiveCodeService>();
        builder.Services.TryAddSingleton<OpenIds>();
        builder.Services.TryAddSingleton<PaymentKeys>();
        builder.Services.TryAddSingleton<OrderWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OrderWriter>());
        builder.Services.TryAddSingleton<OrderService>();
        builder.Services.TryAddSingleton<NotificationDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        builder.Services.TryAddSingleton<MerchantService>();
        builder.Services.TryAddSingleton<MerchantOrders>();
        builder.Services.TryAddSingleton<PaymentNoticeService>();
        builder.Services.AddSingleton<IAccountDeletionCheck, WalletDeletionCheck>();
        builder.Services.AddSingleton<IAccountDeletionCheck, MerchantDeletionCheck>();
        builder.Services.TryAddSingleton<LedgerWriter>();
        builder.Services.TryAddSingleton<SweepMetrics>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LedgerWriter>());
        builder.Services.AddHostedService<WalletSweeper>();
        return builder;
    }
}
