using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

internal sealed class FollowerTagRow
{
    public Guid AccountId { get; set; }

    public int Id { get; set; }

    public required string Name { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<FollowerTagRow>
    {
        public void Configure(EntityTypeBuilder<FollowerTagRow> row)
        {
            row.ToTable("oa_tags");
            row.HasKey(t => new { t.AccountId, t.Id });
            row.Property(t => t.Id).ValueGeneratedNever();
            row.HasIndex(t => new { t.AccountId, t.Name }).IsUnique();
            row.Property(t => t.Name).HasMaxLength(200);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
