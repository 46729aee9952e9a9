using System.Text;
using Hutong.Storage.Accounts;
using Hutong.Storage.Chat;
using Hutong.Storage.Media;
using Hutong.Storage.Realtime;
using Hutong.Storage.MiniPrograms;
using Hutong.Storage.OfficialAccounts;
using Hutong.Storage.Platform;
using Hutong.Storage.Social;
using Hutong.Storage.Contacts;
using Hutong.Storage.Wallet;
using Hutong.Storage.Wallet.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hutong.Storage;

/// <summary>
/// The relational model shared by both providers. Each provider keeps its own migrations (Hutong.Storage.Sqlite,
/// Hutong.Storage.Postgres); a model change ships a migration for both.
/// </summary>
public sealed class HutongDbContext(DbContextOptions<HutongDbContext> options) : DbContext(options)
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private bool? _isPostgres;

    internal DbSet<AccountRow> Accounts => Set<AccountRow>();

    internal DbSet<DeviceSessionRow> DeviceSessions => Set<DeviceSessionRow>();

    internal DbSet<FriendRequestRow> FriendRequests => Set<FriendRequestRow>();

    internal DbSet<FriendshipRow> Friendships => Set<FriendshipRow>();

    internal DbSet<BlockRow> Blocks => Set<BlockRow>();

    internal DbSet<ConversationRow> Conversations => Set<ConversationRow>();

    internal DbSet<MemberRow> Members => Set<MemberRow>();

    internal DbSet<MessageRow> Messages => Set<MessageRow>();

    internal DbSet<MessageDeletionRow> MessageDeletions => Set<MessageDeletionRow>();

    internal DbSet<EventLogRow> UserEvents => Set<EventLogRow>();

    internal DbSet<MediaRow> Media => Set<MediaRow>();

    internal DbSet<InvitationRow> Invitations => Set<InvitationRow>();

    internal DbSet<GroupCodeRow> GroupCodes => Set<GroupCodeRow>();

    internal DbSet<LedgerAccountRow> LedgerAccounts => Set<LedgerAccountRow>();

    internal DbSet<LedgerTransferRow> LedgerTransfers => Set<LedgerTransferRow>();

    internal DbSet<PinRow> Pins => Set<PinRow>();

    internal DbSet<LoginFailureRow> LoginFailures => Set<LoginFailureRow>();

    internal DbSet<PersonTransferRow> PersonTransfers => Set<PersonTransferRow>();

    internal DbSet<ReceiveCodeRow> ReceiveCodes => Set<ReceiveCodeRow>();

    internal DbSet<CodePaymentRow> CodePayments => Set<CodePaymentRow>();

    internal DbSet<RedPacketRow> RedPackets => Set<RedPacketRow>();

    internal DbSet<MerchantRow> Merchants => Set<MerchantRow>();

    internal DbSet<MerchantKeyRow> MerchantKeys => Set<MerchantKeyRow>();

    internal DbSet<MerchantAppRow> MerchantApps => Set<MerchantAppRow>();

    internal DbSet<PaymentKeyRow> PaymentKeys => Set<PaymentKeyRow>();

    internal DbSet<MerchantOrderRow> MerchantOrders => Set<MerchantOrderRow>();

    internal DbSet<MerchantRefundRow> MerchantRefunds => Set<MerchantRefundRow>();

    internal DbSet<MerchantNotificationRow> MerchantNotifications => Set<MerchantNotificationRow>();

    internal DbSet<MomentPostRow> MomentPosts => Set<MomentPostRow>();

    internal DbSet<MomentMediaRow> MomentMedia => Set<MomentMediaRow>();

    internal DbSet<MomentTimelineRow> MomentTimeline => Set<MomentTimelineRow>();

    internal DbSet<MomentLikeRow> MomentLikes => Set<MomentLikeRow>();

    internal DbSet<MomentCommentRow> MomentComments => Set<MomentCommentRow>();

    internal DbSet<MomentNoticeRow> MomentNotices => Set<MomentNoticeRow>();

    internal DbSet<MomentSettingsRow> MomentSettings => Set<MomentSettingsRow>();

    internal DbSet<StatusRow> Statuses => Set<StatusRow>();

    internal DbSet<StatusSeenRow> StatusSeen => Set<StatusSeenRow>();

    internal DbSet<StatusReactionRow> StatusReactions => Set<StatusReactionRow>();

    internal DbSet<PlatformKeyRow> PlatformKeys => Set<PlatformKeyRow>();

    internal DbSet<OfficialAccountRow> OfficialAccounts => Set<OfficialAccountRow>();

    internal DbSet<FollowerRow> Followers => Set<FollowerRow>();

    internal DbSet<FollowerTagRow> FollowerTags => Set<FollowerTagRow>();

    internal DbSet<FollowerTagMemberRow> FollowerTagMembers => Set<FollowerTagMemberRow>();

    internal DbSet<OfficialAccountReportRow> OfficialAccountReports => Set<OfficialAccountReportRow>();

    internal DbSet<AccountMessageRow> AccountMessages => Set<AccountMessageRow>();

    internal DbSet<BroadcastRow> Broadcasts => Set<BroadcastRow>();

    internal DbSet<BroadcastRecipientRow> BroadcastRecipients => Set<BroadcastRecipientRow>();

    internal DbSet<ServiceWindowRow> ServiceWindows => Set<ServiceWindowRow>();

    internal DbSet<DeveloperSettingsRow> DeveloperSettings => Set<DeveloperSettingsRow>();

    internal DbSet<AccessTokenRow> AccessTokens => Set<AccessTokenRow>();

    internal DbSet<QrCodeRow> QrCodes => Set<QrCodeRow>();

    internal DbSet<WebAuthDomainRow> WebAuthDomains => Set<WebAuthDomainRow>();

    internal DbSet<WebGrantRow> WebGrants => Set<WebGrantRow>();

    internal DbSet<ArticleRow> Articles => Set<ArticleRow>();

    internal DbSet<ArticleMediaRow> ArticleMedia => Set<ArticleMediaRow>();

    internal DbSet<ArticleReadRow> ArticleReads => Set<ArticleReadRow>();

    internal DbSet<ArticleLikeRow> ArticleLikes => Set<ArticleLikeRow>();

    internal DbSet<ArticlePreviewRow> ArticlePreviews => Set<ArticlePreviewRow>();

    internal DbSet<AutoReplyRow> AutoReplies => Set<AutoReplyRow>();

    internal DbSet<ReplyRuleRow> ReplyRules => Set<ReplyRuleRow>();

    internal DbSet<MenuRow> Menus => Set<MenuRow>();

    internal DbSet<DeveloperRow> MiniProgramDevelopers => Set<DeveloperRow>();

    internal DbSet<MiniProgramRow> MiniPrograms => Set<MiniProgramRow>();

    internal DbSet<MiniProgramMemberRow> MiniProgramMembers => Set<MiniProgramMemberRow>();

    internal DbSet<MiniProgramVersionRow> MiniProgramVersions => Set<MiniProgramVersionRow>();

    internal DbSet<LoginCodeRow> MiniProgramLoginCodes => Set<LoginCodeRow>();

    internal DbSet<SessionRow> MiniProgramSessions => Set<SessionRow>();

    internal DbSet<StorageItemRow> MiniProgramStorage => Set<StorageItemRow>();

    internal DbSet<CloudItemRow> MiniProgramCloudStorage => Set<CloudItemRow>();

    internal DbSet<StoryDraftRow> StoryDrafts => Set<StoryDraftRow>();

    internal DbSet<ReportRow> MiniProgramReports => Set<ReportRow>();

    internal DbSet<RecentRow> MiniProgramRecents => Set<RecentRow>();

    internal DbSet<LimitedCodeRow> MiniProgramLimitedCodes => Set<LimitedCodeRow>();

    internal DbSet<TemplateRow> MiniProgramTemplates => Set<TemplateRow>();

    internal DbSet<ConsentRow> MiniProgramConsents => Set<ConsentRow>();

    internal DbSet<NoticeRow> MiniProgramNotices => Set<NoticeRow>();

    // The provider's name is read from its assembly's metadata on every call: once per context is enough.
    internal bool IsPostgres => _isPostgres ??= Database.ProviderName == PostgresProvider;


    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.ProviderName == SqliteProvider)
        {
            // SQLite has no date type, and EF cannot compare or order DateTimeOffset stored as text; UTC ticks sort and
            // compare as the instants they are, and keep every digit (EF's binary converter drops below 0.1 ms).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HutongDbContext).Assembly);

        // snake_case names: the natural spelling in PostgreSQL, harmless in SQLite, and the same in both.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
