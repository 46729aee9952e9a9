using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

/// <summary>One key-value of a person's hosted data at a game (<c>wx.setUserCloudStorage</c>).</summary>
internal sealed class CloudItemRow
{
    public Guid AppKey { get; set; }

    public Guid UserId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<CloudItemRow>
    {
        public void Configure(EntityTypeBuilder<CloudItemRow> row)
        {
            row.ToTable("mp_cloud_storage");
            row.HasKey(i => new { i.AppKey, i.UserId, i.Key });
            row.Property(i => i.Key).HasMaxLength(128);
            row.Property(i => i.Value).HasMaxLength(1024);

            // A deleted account's data goes at every game at once.
            row.HasIndex(i => i.UserId);
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(i => i.AppKey).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
