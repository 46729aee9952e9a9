using Hutong.Contracts.Chat.Content;
using Hutong.OfficialAccounts.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>
/// An item of a thread: one follower's (<see cref="UserId"/> set) or a broadcast's (<see cref="UserId"/> null), ordered
/// by <see cref="Seq"/>, which is also the <c>MsgId</c> developers are told.
/// </summary>
internal sealed class AccountMessageRow
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public Guid? UserId { get; set; }

    public bool FromAccount { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public required string Kind { get; set; }

    public required string Content { get; set; }

    /// <summary>The upload it carries, for who may fetch it.</summary>
    public Guid? MediaId { get; set; }

    public Guid? BroadcastId { get; set; }

    public string? ClientId { get; set; }

    public static AccountMessageRow From(ThreadMessage m) => new()
    {
        Id = m.Id,
        AccountId = m.AccountId,
        UserId = m.UserId,
        FromAccount = m.FromAccount,
        SentAt = m.SentAt,
        Kind = MessageContentJson.KindOf(m.Content),
        Content = MessageContentJson.EncodeToString(m.Content),
        MediaId = m.Content is MediaContent media && Guid.TryParse(media.MediaId, out var id) ? id : null,
        BroadcastId = m.BroadcastId,
        ClientId = m.ClientId,
    };

    public ThreadMessage ToDomain() =>
        new(Id, AccountId, UserId, FromAccount, SentAt, MessageContentJson.Decode(Content), BroadcastId, ClientId, Seq);

    internal sealed class Configuration : IEntityTypeConfiguration<AccountMessageRow>
    {
        public void Configure(EntityTypeBuilder<AccountMessageRow> row)
        {
            row.ToTable("oa_messages");
            row.HasKey(m => m.Seq);
            row.Property(m => m.Seq).ValueGeneratedOnAdd();
            row.HasAlternateKey(m => m.Id);
            row.HasIndex(m => new { m.AccountId, m.UserId, m.Seq });
            row.HasIndex(m => new { m.AccountId, m.UserId, m.ClientId }).IsUnique();
            row.HasIndex(m => m.MediaId);
            row.HasIndex(m => m.BroadcastId);
            row.Property(m => m.Kind).HasMaxLength(32);
            row.Property(m => m.ClientId).HasMaxLength(64);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
