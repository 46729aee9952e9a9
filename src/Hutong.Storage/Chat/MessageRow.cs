using Hutong.Chat.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Chat;

/// <summary>A message at (conversation, seq); the key is the order, so reads by seq range walk the primary key.</summary>
internal sealed class MessageRow
{
    public Guid ConversationId { get; set; }

    public long Seq { get; set; }

    public Guid SenderId { get; set; }

    public MessageKind Kind { get; set; }

    public string? Text { get; set; }

    public long? ReplyToSeq { get; set; }

    public List<Guid>? Mentions { get; set; }

    public bool MentionsAll { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public string? ClientMsgId { get; set; }

    public string? NoticeType { get; set; }

    public List<Guid>? NoticeUserIds { get; set; }

    public long? NoticeTargetSeq { get; set; }

    public string? NoticeText { get; set; }

    public DateTimeOffset? RecalledAt { get; set; }

    public ChatMessage ToDomain() => new(
        ConversationId, Seq, SenderId, Kind, Text, ReplyToSeq, Mentions, MentionsAll, SentAt, ClientMsgId,
        NoticeType is null ? null : new NoticeData(NoticeType, SenderId, NoticeUserIds, NoticeTargetSeq, NoticeText),
        RecalledAt);

    public static MessageRow From(ChatMessage m) => new()
    {
        ConversationId = m.ConversationId,
        Seq = m.Seq,
        SenderId = m.SenderId,
        Kind = m.Kind,
        Text = m.Text,
        ReplyToSeq = m.ReplyToSeq,
        Mentions = m.Mentions?.ToList(),
        MentionsAll = m.MentionsAll,
        SentAt = m.SentAt,
        ClientMsgId = m.ClientMsgId,
        NoticeType = m.Notice?.Type,
        NoticeUserIds = m.Notice?.UserIds?.ToList(),
        NoticeTargetSeq = m.Notice?.TargetSeq,
        NoticeText = m.Notice?.Text,
        RecalledAt = m.RecalledAt,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<MessageRow>
    {
        public void Configure(EntityTypeBuilder<MessageRow> row)
        {
            row.ToTable("messages");
            row.HasKey(m => new { m.ConversationId, m.Seq });
            row.Property(m => m.ClientMsgId).HasMaxLength(64);
            row.Property(m => m.NoticeType).HasMaxLength(32);
            row.Property(m => m.NoticeText).HasMaxLength(10_000);
            // The durable guard against a resend becoming a second message; system messages have no client id.
            row.HasIndex(m => new { m.ConversationId, m.SenderId, m.ClientMsgId }).IsUnique();
            row.HasOne<ConversationRow>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
