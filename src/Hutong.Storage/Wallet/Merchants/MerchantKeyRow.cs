using Hutong.Wallet.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet.Merchants;

internal sealed class MerchantKeyRow
{
    public Guid MerchantId { get; set; }

    public required string SerialNo { get; set; }

    public required byte[] PublicKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public MerchantKey ToDomain() => new(MerchantId, SerialNo, PublicKey, CreatedAt, RevokedAt);

    internal sealed class Configuration : IEntityTypeConfiguration<MerchantKeyRow>
    {
        public void Configure(EntityTypeBuilder<MerchantKeyRow> row)
        {
            row.ToTable("merchant_keys");
            // Serials are kept in the canonical form (uppercase hex, no leading zeros), so a lookup is one key.
            row.HasKey(k => new { k.MerchantId, k.SerialNo });
            row.Property(k => k.SerialNo).HasMaxLength(64);
            row.HasOne<MerchantRow>().WithMany().HasForeignKey(k => k.MerchantId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
