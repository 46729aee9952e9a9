using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Social;

/// <summary>That a viewer has seen a status: the viewer's own mark for the ring, never told to the author.</summary>
internal sealed class StatusSeenRow
{
    public Guid ViewerId { get; set; }

    public Guid StatusId { get; set; }

    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<StatusSeenRow>
    {
        public void Configure(EntityTypeBuilder<StatusSeenRow> row)
        {
            row.ToTable("status_seen");
            row.HasKey(s => new { s.ViewerId, s.StatusId });
            row.HasIndex(s => s.StatusId);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(s => s.ViewerId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<StatusRow>().WithMany().HasForeignKey(s => s.StatusId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
