using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Accounts.Sessions;
using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Storage.Accounts;
using Hutong.Storage.Chat;
using Hutong.Storage.Media;
using Hutong.Storage.Realtime;
using Hutong.Realtime.Log;
using Hutong.Chat.Media;
using Hutong.Chat.Search;
using Hutong.Storage.Contacts;
using Hutong.Social.Moments;
using Hutong.Social.Status;
using Hutong.Storage.MiniPrograms;
using Hutong.Storage.OfficialAccounts;
using Hutong.Storage.Platform;
using Hutong.Storage.Social;
using Hutong.Core.Identity;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.AppStorage;
using Hutong.MiniPrograms.CloudStorage;
using Hutong.MiniPrograms.Login;
using Hutong.MiniPrograms.Reports;
using Hutong.MiniPrograms.Subscribe;
using Hutong.MiniPrograms.Stories;
using Hutong.MiniPrograms.Versions;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.AppApi;
using Hutong.OfficialAccounts.Broadcasts;
using Hutong.OfficialAccounts.Developer;
using Hutong.OfficialAccounts.Articles;
using Hutong.OfficialAccounts.Following;
using Hutong.OfficialAccounts.Menus;
using Hutong.OfficialAccounts.QrCodes;
using Hutong.OfficialAccounts.Replies;
using Hutong.OfficialAccounts.Threads;
using Hutong.OfficialAccounts.WebAuth;
using Hutong.Storage.Wallet;
using Hutong.Storage.Wallet.Merchants;
using Hutong.Wallet.Merchants;
using Hutong.Wallet.Merchants.Notifications;
using Hutong.Wallet.Merchants.Orders;
using Hutong.Wallet.Merchants.PayerNotices;
using Hutong.Wallet.Merchants.Platform;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Pins;
using Hutong.Wallet.Receiving;
using Hutong.Wallet.RedPackets;
using Hutong.Wallet.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hutong.Storage;

/// <summary>
/// Binds the features' storage ports to their EF Core implementations. The provider is chosen by the host. Every store
/// is a singleton over the context factory, each call on a context of its own, so grains, the gateway and background
/// writers use them directly, side by side.
/// </summary>
public static class StorageExtensions
{
    public static IServiceCollection AddHutongStores(this IServiceCollection services)
    {
        services.TryAddSingleton<WriterTurns>();
        services.TryAddSingleton<IAccountStore, AccountStore>();
        services.TryAddSingleton<ISessionStore, SessionStore>();
        services.TryAddSingleton<IContactStore, ContactStore>();
        services.TryAddSingleton<IConversationStore, ConversationStore>();
        services.TryAddSingleton<IMessageStore, MessageStore>();
        services.TryAddSingleton<IEventLogStore, EventLogStore>();
        services.TryAddSingleton<IMediaStore, MediaStore>();
        services.TryAddSingleton<IMessageSearch, MessageSearch>();
        services.TryAddSingleton<IInvitationStore, InvitationStore>();
        services.TryAddSingleton<ILedgerStore, LedgerStore>();
        services.TryAddSingleton<IPinStore, PinStore>();
        services.TryAddSingleton<ILoginFailureStore, LoginFailureStore>();
        services.TryAddSingleton<ITransferStore, TransferStore>();
        services.TryAddSingleton<IReceiveCodeStore, ReceiveCodeStore>();
        services.TryAddSingleton<IRedPacketStore, RedPacketStore>();
        services.TryAddSingleton<IMerchantStore, MerchantStore>();
        services.TryAddSingleton<IPayingApps, PayingApps>();
        services.TryAddSingleton<IPaymentKeyStore, PaymentKeyStore>();
        services.TryAddSingleton<IOrderStore, OrderStore>();
        services.TryAddSingleton<IPaymentNoticeStore, PaymentNoticeStore>();
        services.TryAddSingleton<INotificationOutbox, NotificationOutbox>();
        services.TryAddSingleton<IMomentsStore, MomentsStore>();
        services.TryAddSingleton<IStatusStore, StatusStore>();
        services.TryAddSingleton<IPlatformKeys, PlatformKeys>();
        services.TryAddSingleton<IOfficialAccountStore, OfficialAccountStore>();
        services.TryAddSingleton<IFollowerStore, FollowerStore>();
        services.TryAddSingleton<IThreadStore, ThreadStore>();
        services.TryAddSingleton<IBroadcastStore, BroadcastStore>();
        services.TryAddSingleton<IDeveloperSettingsStore, DeveloperSettingsStore>();
        services.TryAddSingleton<IAccessTokenStore, AccessTokenStore>();
        services.TryAddSingleton<IArticleStore, ArticleStore>();
        services.TryAddSingleton<IAutoReplyStore, AutoReplyStore>();
        services.TryAddSingleton<IMenuStore, MenuStore>();
        services.TryAddSingleton<IQrCodeStore, QrCodeStore>();
        services.TryAddSingleton<IWebAuthStore, WebAuthStore>();
        services.TryAddSingleton<IMiniProgramStore, MiniProgramStore>();
        services.TryAddSingleton<IVersionStore, VersionStore>();
        services.TryAddSingleton<ILoginStore, LoginStore>();
        services.TryAddSingleton<IAppStorageStore, AppStorageStore>();
        services.TryAddSingleton<ICloudStorageStore, CloudStorageStore>();
        services.TryAddSingleton<IStoryStore, StoryStore>();
        services.TryAddSingleton<IReportStore, ReportStore>();
        services.TryAddSingleton<ISubscribeStore, SubscribeStore>();
        return services;
    }

    /// <summary>
    /// The blob store the settings name (<see cref="BlobStoreOptions"/>, already checked), and for S3 a health check
    /// that the bucket answers.
    /// </summary>
    public static IServiceCollection AddHutongBlobStore(this IServiceCollection services, BlobStoreProvider provider)
    {
        if (provider == BlobStoreProvider.S3)
        {
            services.AddSingleton(s => new S3BlobStore(s.GetRequiredService<IOptions<BlobStoreOptions>>().Value));
            services.AddSingleton<IBlobStore>(s => s.GetRequiredService<S3BlobStore>());
            services.AddHealthChecks().AddCheck<S3HealthCheck>("media");
        }
        else
        {
            services.AddSingleton<IBlobStore, FileBlobStore>();
        }

        return services;
    }
}
