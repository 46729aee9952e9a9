using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Chat;

internal sealed class GroupCodeRow
{
    public required string Code { get; set; }

    public Guid ConversationId { get; set; }

    public Guid CreatorId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<GroupCodeRow>
    {
        public void Configure(EntityTypeBuilder<GroupCodeRow> row)
        {
            row.ToTable("group_codes");
            row.HasKey(c => c.Code);
            row.Property(c => c.Code).HasMaxLength(32);
            row.HasIndex(c => new { c.ConversationId, c.CreatorId });
            row.HasOne<ConversationRow>().WithMany().HasForeignKey(c => c.ConversationId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
