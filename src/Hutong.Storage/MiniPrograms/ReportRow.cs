using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

/// <summary>A person's report of a mini-program's content; one per person per app (a second replaces the first).</summary>
internal sealed class ReportRow
{
    public Guid Id { get; set; }

    public Guid AppKey { get; set; }

    public Guid ReporterId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ReportRow>
    {
        public void Configure(EntityTypeBuilder<ReportRow> row)
        {
            row.ToTable("mp_reports");
            row.HasKey(r => r.Id);
            row.HasIndex(r => new { r.AppKey, r.ReporterId }).IsUnique();
            row.HasIndex(r => r.ReportedAt);
            row.Property(r => r.Reason).HasMaxLength(2000);
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(r => r.AppKey).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
