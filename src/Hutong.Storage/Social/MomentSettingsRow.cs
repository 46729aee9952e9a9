using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Social;

/// <summary>A person's Moments settings and how far they have read their Moments messages; absent means the defaults.</summary>
internal sealed class MomentSettingsRow
{
    public Guid UserId { get; set; }

    public required string Range { get; set; }

    public Guid? CoverId { get; set; }

    public long NoticesReadUpTo { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<MomentSettingsRow>
    {
        public void Configure(EntityTypeBuilder<MomentSettingsRow> row)
        {
            row.ToTable("moment_settings");
            row.HasKey(s => s.UserId);
            row.Property(s => s.Range).HasMaxLength(16);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
