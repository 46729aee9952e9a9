using Hutong.Wallet.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet.Merchants;

internal sealed class MerchantAppRow
{
    public Guid MerchantId { get; set; }

    public required string AppId { get; set; }

    public DateTimeOffset BoundAt { get; set; }

    public MerchantApp ToDomain() => new(MerchantId, AppId, BoundAt);

    internal sealed class Configuration : IEntityTypeConfiguration<MerchantAppRow>
    {
        public void Configure(EntityTypeBuilder<MerchantAppRow> row)
        {
            row.ToTable("merchant_apps");
            row.HasKey(a => new { a.MerchantId, a.AppId });
            row.Property(a => a.AppId).HasMaxLength(32);
            row.HasOne<MerchantRow>().WithMany().HasForeignKey(a => a.MerchantId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
