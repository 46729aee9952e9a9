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

internal sealed class PaymentKeyRow
{
    public required string SerialNo { get; set; }

    public required byte[] PrivateKey { get; set; }

    public required byte[] Certificate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    public Hutong.Wallet.Merchants.Platform.PaymentKey ToDomain() => new(SerialNo, PrivateKey, Certificate, CreatedAt, RetiredAt);

    internal sealed class Configuration : IEntityTypeConfiguration<PaymentKeyRow>
    {
        public void Configure(EntityTypeBuilder<PaymentKeyRow> row)
        {
            row.ToTable("payment_keys");
            row.HasKey(k => k.SerialNo);
            row.Property(k => k.SerialNo).HasMaxLength(64);
        }
    }
}
