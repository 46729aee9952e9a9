using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

/// <summary>When a person last opened a mini-program, for their "recently used".</summary>
internal sealed class RecentRow
{
    public Guid UserId { get; set; }

    public Guid AppKey { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<RecentRow>
    {
        public void Configure(EntityTypeBuilder<RecentRow> row)
        {
            row.ToTable("mp_recent");
            row.HasKey(r => new { r.UserId, r.AppKey });
            row.HasIndex(r => new { r.UserId, r.OpenedAt });
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(r => r.AppKey).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
