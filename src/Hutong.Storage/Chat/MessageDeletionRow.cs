using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Chat;

/// <summary>A message one person deleted for themselves.</summary>
internal sealed class MessageDeletionRow
{
    public Guid UserId { get; set; }

    public Guid ConversationId { get; set; }

    public long Seq { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<MessageDeletionRow>
    {
        public void Configure(EntityTypeBuilder<MessageDeletionRow> row)
        {
            row.ToTable("message_deletions");
            row.HasKey(d => new { d.UserId, d.ConversationId, d.Seq });
        }
    }
}
