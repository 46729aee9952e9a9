using Hutong.Storage.Accounts;
using Hutong.Wallet.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet.Merchants;

internal sealed class MerchantRow
{
    public Guid Id { get; set; }

    public required string MchId { get; set; }

    public Guid OwnerId { get; set; }

    public required string Name { get; set; }

    public required string ShortName { get; set; }

    public required string Category { get; set; }

    public required string State { get; set; }

    public string? RejectReason { get; set; }

    public string? ApiV3Key { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public Merchant ToDomain() => new(Id, MchId, OwnerId, Name, ShortName, Category, State, RejectReason, ApiV3Key, CreatedAt, ReviewedAt);

    internal sealed class Configuration : IEntityTypeConfiguration<MerchantRow>
    {
        public void Configure(EntityTypeBuilder<MerchantRow> row)
        {
            row.ToTable("merchants");
            row.HasKey(m => m.Id);
            row.Property(m => m.MchId).HasMaxLength(10);
            row.HasIndex(m => m.MchId).IsUnique();
            row.Property(m => m.Name).HasMaxLength(64);
            row.Property(m => m.ShortName).HasMaxLength(20);
            row.Property(m => m.Category).HasMaxLength(32);
            row.Property(m => m.State).HasMaxLength(16);
            row.Property(m => m.RejectReason).HasMaxLength(200);
            row.Property(m => m.ApiV3Key).HasMaxLength(32);
            row.HasIndex(m => m.OwnerId);
            row.HasIndex(m => new { m.State, m.CreatedAt });
            row.HasOne<AccountRow>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
