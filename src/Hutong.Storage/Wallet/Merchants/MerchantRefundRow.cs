using Hutong.Wallet.Merchants.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet.Merchants;

internal sealed class MerchantRefundRow
{
    public Guid Id { get; set; }

    public Guid MerchantId { get; set; }

    public Guid OrderId { get; set; }

    public required string RefundId { get; set; }

    public required string OutRefundNo { get; set; }

    public long Amount { get; set; }

    public string? Reason { get; set; }

    public string? NotifyUrl { get; set; }

    public required string RequestHash { get; set; }

    public required string State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SuccessAt { get; set; }

    public MerchantRefund ToDomain() => new(Id, MerchantId, OrderId, RefundId, OutRefundNo, Amount, Reason, NotifyUrl, RequestHash, State, CreatedAt, SuccessAt);

    internal sealed class Configuration : IEntityTypeConfiguration<MerchantRefundRow>
    {
        public void Configure(EntityTypeBuilder<MerchantRefundRow> row)
        {
            row.ToTable("merchant_refunds");
            row.HasKey(r => r.Id);
            row.Property(r => r.RefundId).HasMaxLength(32);
            row.HasIndex(r => r.RefundId).IsUnique();
            row.Property(r => r.OutRefundNo).HasMaxLength(64);
            row.HasIndex(r => new { r.MerchantId, r.OutRefundNo }).IsUnique();
            row.Property(r => r.Reason).HasMaxLength(80);
            row.Property(r => r.NotifyUrl).HasMaxLength(256);
            row.Property(r => r.RequestHash).HasMaxLength(64);
            row.Property(r => r.State).HasMaxLength(16);
            row.HasIndex(r => new { r.OrderId, r.CreatedAt });
            row.HasIndex(r => new { r.State, r.CreatedAt });
            row.HasOne<MerchantOrderRow>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
