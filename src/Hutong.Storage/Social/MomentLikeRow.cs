using Hutong.Social.Moments;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Social;

internal sealed class MomentLikeRow
{
    public Guid PostId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset At { get; set; }

    public Like ToDomain() => new(PostId, UserId, At);

    internal sealed class Configuration : IEntityTypeConfiguration<MomentLikeRow>
    {
        public void Configure(EntityTypeBuilder<MomentLikeRow> row)
        {
            row.ToTable("moment_likes");
            row.HasKey(l => new { l.PostId, l.UserId });
            row.HasIndex(l => l.UserId);
            row.HasOne<MomentPostRow>().WithMany().HasForeignKey(l => l.PostId).HasPrincipalKey(p => p.Id).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
