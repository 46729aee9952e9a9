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

    public Guid? MediaId { get; set; }

    public string? MediaType { get; set; }

    public long? MediaSize { get; set; }

    public string? FileName { get; set; }

    public int? DurationMs { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? PlaceName { get; set; }

    public string? PlaceAddress { get; set; }

    public Guid? CardUserId { get; set; }

    public string? MoneyRef { get; set; }

    public long? MoneyAmount { get; set; }

    public ChatMessage ToDomain() => new(
        ConversationId, Seq, SenderId, Kind, Text, ReplyToSeq, Mentions, MentionsAll, SentAt, ClientMsgId,
        NoticeType is null ? null : new NoticeData(NoticeType, SenderId, NoticeUserIds, NoticeTargetSeq, NoticeText),
        RecalledAt,
        MediaId is { } media ? new AttachmentData(media, MediaType!, MediaSize ?? 0, FileName, DurationMs) : null,
        Latitude is { } latitude ? new LocationData(latitude, Longitude ?? 0, PlaceName, PlaceAddress) : null,
        CardUserId,
        MoneyRef is { } money ? new MoneyData(money, MoneyAmount) : null);

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
        MediaId = m.Attachment?.MediaId,
        MediaType = m.Attachment?.ContentType,
        MediaSize = m.Attachment?.Size,
        FileName = m.Attachment?.FileName,
        DurationMs = m.Attachment?.DurationMs,
        Latitude = m.Location?.Latitude,
        Longitude = m.Location?.Longitude,
        PlaceName = m.Location?.Name,
        PlaceAddress = m.Location?.Address,
        CardUserId = m.CardUserId,
        MoneyRef = m.Money?.Ref,
        MoneyAmount = m.Money?.Amount,
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
            row.Property(m => m.MediaType).HasMaxLength(128);
            row.Property(m => m.FileName).HasMaxLength(255);
            row.Property(m => m.PlaceName).HasMaxLength(100);
            row.Property(m => m.PlaceAddress).HasMaxLength(200);
            row.Property(m => m.MoneyRef).HasMaxLength(100);
            // Who may fetch an upload is decided by the messages that carry it.
            row.HasIndex(m => m.MediaId);
            // The durable guard against a resend becoming a second message; system messages have no client id.
            row.HasIndex(m => new { m.ConversationId, m.SenderId, m.ClientMsgId }).IsUnique();
            row.HasOne<ConversationRow>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
