using Hutong.Chat.Messages;
using Hutong.Contracts.Chat.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Chat;

/// <summary>
/// A message at (conversation, seq); the key is the order, so reads by seq range walk the primary key. The content is
/// its JSON (<see cref="MessageContentJson"/>), so a new kind needs no new column; beside it are only the columns
/// queries read: its kind (unread counts), its words (search) and its upload (who may fetch it).
/// </summary>
internal sealed class MessageRow
{
    public Guid ConversationId { get; set; }

    public long Seq { get; set; }

    public Guid SenderId { get; set; }

    /// <summary>The content's kind, one of <c>MessageKinds</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The content's JSON; null once the message is recalled.</summary>
    public string? Content { get; set; }

    /// <summary>What search finds the message by (<see cref="MessageContent.SearchText"/>); null once recalled.</summary>
    public string? Text { get; set; }

    public long? ReplyToSeq { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public string? ClientMsgId { get; set; }

    public DateTimeOffset? RecalledAt { get; set; }

    /// <summary>The upload a media message carries; kept after a recall, when MediaStore.CanSeeAsync skips the row.</summary>
    public Guid? MediaId { get; set; }

    public ChatMessage ToDomain() => new(
        ConversationId, Seq, SenderId, Content is null ? null : MessageContentJson.Decode(Content), ReplyToSeq, SentAt, ClientMsgId, RecalledAt);

    public static MessageRow From(ChatMessage m)
    {
        var content = m.Content ?? throw new ArgumentException("A message is written with its content.", nameof(m));
        return new()
        {
            ConversationId = m.ConversationId,
            Seq = m.Seq,
            SenderId = m.SenderId,
            Kind = MessageContentJson.KindOf(content),
            Content = MessageContentJson.EncodeToString(content),
            Text = content.SearchText(),
            ReplyToSeq = m.ReplyToSeq,
            SentAt = m.SentAt,
            ClientMsgId = m.ClientMsgId,
            RecalledAt = m.RecalledAt,
            MediaId = content is MediaContent media && Guid.TryParse(media.MediaId, out var mediaId) ? mediaId : null,
        };
    }

    internal sealed class Configuration : IEntityTypeConfiguration<MessageRow>
    {
        public void Configure(EntityTypeBuilder<MessageRow> row)
        {
            row.ToTable("messages");
            row.HasKey(m => new { m.ConversationId, m.Seq });
            row.Property(m => m.Kind).HasMaxLength(32);
            row.Property(m => m.ClientMsgId).HasMaxLength(64);
            // Who may fetch an upload is decided by the messages that carry it.
            row.HasIndex(m => m.MediaId);
            // Discover's "shared in chats" reads only the mini-program cards of a person's conversations.
            row.HasIndex(m => new { m.ConversationId, m.SentAt }, "ix_messages_mini_program_cards").HasFilter("kind = 'miniProgram'");
            // The durable guard against a resend becoming a second message; system messages have no client id.
            row.HasIndex(m => new { m.ConversationId, m.SenderId, m.ClientMsgId }).IsUnique();
            row.HasOne<ConversationRow>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
