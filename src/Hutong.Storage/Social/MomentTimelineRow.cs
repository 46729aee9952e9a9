using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Social;

/// <summary>
/// A pointer from a person's timeline to a post: written by the fan-out, read newest first by the post's seq, which
/// leads the key after the owner so a page is one range of one index.
/// </summary>
internal sealed class MomentTimelineRow
{
    public Guid OwnerId { get; set; }

    public long PostSeq { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<MomentTimelineRow>
    {
        public void Configure(EntityTypeBuilder<MomentTimelineRow> row)
        {
            row.ToTable("moment_timeline");
            row.HasKey(t => new { t.OwnerId, t.PostSeq });
            row.HasIndex(t => t.PostSeq);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<MomentPostRow>().WithMany().HasForeignKey(t => t.PostSeq).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
