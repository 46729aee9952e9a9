using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>
/// A follower's report of an account, kept for the operators. A dismissed report stays, with when an operator dismissed
/// it: the account's history of reports is kept.
/// </summary>
internal sealed class OfficialAccountReportRow
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public Guid ReporterId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>When an operator dismissed it; null while it is open.</summary>
    public DateTimeOffset? DismissedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<OfficialAccountReportRow>
    {
        public void Configure(EntityTypeBuilder<OfficialAccountReportRow> row)
        {
            row.ToTable("oa_reports");
            row.HasKey(r => r.Id);
            row.HasIndex(r => new { r.AccountId, r.At });
            // The open reports alone, with whoever made them: the operators' list counts reporters and finds the
            // newest per account, and a dismissal finds what it closes, without reading the dismissed history.
            row.HasIndex(r => new { r.AccountId, r.At, r.ReporterId }).HasFilter("dismissed_at IS NULL");
            row.Property(r => r.Reason).HasMaxLength(2000);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
