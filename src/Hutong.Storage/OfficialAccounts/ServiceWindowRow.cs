using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>
/// A customer-service window: until <see cref="Until"/> the account may send <see cref="Remaining"/> more messages to the
/// follower. Taking one is a conditional update, so two sends at once on two nodes never both take the last.
/// </summary>
internal sealed class ServiceWindowRow
{
    public Guid AccountId { get; set; }

    public Guid UserId { get; set; }

    public required string Kind { get; set; }

    public DateTimeOffset Until { get; set; }

    public int Remaining { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ServiceWindowRow>
    {
        public void Configure(EntityTypeBuilder<ServiceWindowRow> row)
        {
            row.ToTable("oa_service_windows");
            row.HasKey(w => new { w.AccountId, w.UserId, w.Kind });
            row.Property(w => w.Kind).HasMaxLength(16);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(w => w.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
