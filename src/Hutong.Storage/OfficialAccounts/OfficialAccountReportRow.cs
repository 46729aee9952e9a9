using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>A follower's report of an account, kept for the operators.</summary>
internal sealed class OfficialAccountReportRow
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public Guid ReporterId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<OfficialAccountReportRow>
    {
        public void Configure(EntityTypeBuilder<OfficialAccountReportRow> row)
        {
            row.ToTable("oa_reports");
            row.HasKey(r => r.Id);
            row.HasIndex(r => new { r.AccountId, r.At });
            row.Property(r => r.Reason).HasMaxLength(2000);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
