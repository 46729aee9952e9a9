using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

/// <summary>A page path a limited code was made for (counted against the app's 100,000).</summary>
internal sealed class LimitedCodeRow
{
    public Guid AppKey { get; set; }

    public required string Path { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<LimitedCodeRow>
    {
        public void Configure(EntityTypeBuilder<LimitedCodeRow> row)
        {
            row.ToTable("mp_limited_codes");
            row.HasKey(c => new { c.AppKey, c.Path });
            row.Property(c => c.Path).HasMaxLength(256);
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(c => c.AppKey).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
