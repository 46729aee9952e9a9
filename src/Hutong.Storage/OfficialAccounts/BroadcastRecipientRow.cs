using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>A follower a broadcast to some followers (a tag, a list, a preview) reached, as they were when it was sent.</summary>
internal sealed class BroadcastRecipientRow
{
    public Guid BroadcastId { get; set; }

    public Guid UserId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<BroadcastRecipientRow>
    {
        public void Configure(EntityTypeBuilder<BroadcastRecipientRow> row)
        {
            row.ToTable("oa_broadcast_recipients");
            row.HasKey(r => new { r.BroadcastId, r.UserId });
            row.HasIndex(r => r.UserId);
            row.HasOne<BroadcastRow>().WithMany().HasForeignKey(r => r.BroadcastId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
