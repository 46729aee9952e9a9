using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Social;

/// <summary>Which post shows an upload (an image, the video or its poster, a card's image): who may fetch it follows from there.</summary>
internal sealed class MomentMediaRow
{
    public Guid MediaId { get; set; }

    public Guid PostId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<MomentMediaRow>
    {
        public void Configure(EntityTypeBuilder<MomentMediaRow> row)
        {
            row.ToTable("moment_media");
            row.HasKey(m => new { m.MediaId, m.PostId });
            row.HasIndex(m => m.PostId);
            row.HasOne<MomentPostRow>().WithMany().HasForeignKey(m => m.PostId).HasPrincipalKey(p => p.Id).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
