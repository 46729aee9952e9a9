using Hutong.Chat.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Chat;

internal sealed class UserEventRow
{
    public Guid UserId { get; set; }

    public long Seq { get; set; }

    public required string Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ConversationId { get; set; }

    public long? MessageSeq { get; set; }

    public Guid? OtherUserId { get; set; }

    public Guid? RequestId { get; set; }

    public string? State { get; set; }

    public StoredUserEvent ToDomain() => new(UserId, Seq, Kind, At, ConversationId, MessageSeq, OtherUserId, RequestId, State);

    public static UserEventRow From(StoredUserEvent e) => new()
    {
        UserId = e.UserId,
        Seq = e.Seq,
        Kind = e.Kind,
        At = e.At,
        ConversationId = e.ConversationId,
        MessageSeq = e.MessageSeq,
        OtherUserId = e.OtherUserId,
        RequestId = e.RequestId,
        State = e.State,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<UserEventRow>
    {
        public void Configure(EntityTypeBuilder<UserEventRow> row)
        {
            row.ToTable("user_events");
            row.HasKey(e => new { e.UserId, e.Seq });
            row.Property(e => e.Kind).HasMaxLength(32);
            row.Property(e => e.State).HasMaxLength(32);
        }
    }
}
