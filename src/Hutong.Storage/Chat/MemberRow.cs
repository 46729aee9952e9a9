using Hutong.Chat.Conversations;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Chat;

internal sealed class MemberRow
{
    public Guid ConversationId { get; set; }

    public Guid UserId { get; set; }

    public MemberRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public long VisibleAfterSeq { get; set; }

    public long ReadSeq { get; set; }

    public bool Muted { get; set; }

    public bool Pinned { get; set; }

    public Member ToDomain() => new(ConversationId, UserId, Role, JoinedAt, VisibleAfterSeq, ReadSeq, Muted, Pinned);

    public static MemberRow From(Member m) => new()
    {
        ConversationId = m.ConversationId,
        UserId = m.UserId,
        Role = m.Role,
        JoinedAt = m.JoinedAt,
        VisibleAfterSeq = m.VisibleAfterSeq,
        ReadSeq = m.ReadSeq,
        Muted = m.Muted,
        Pinned = m.Pinned,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<MemberRow>
    {
        public void Configure(EntityTypeBuilder<MemberRow> row)
        {
            row.ToTable("conversation_members");
            row.HasKey(m => new { m.ConversationId, m.UserId });
            row.HasIndex(m => m.UserId);
            row.HasOne<ConversationRow>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
