using Hutong.Wallet.Merchants.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet.Merchants;

internal sealed class MerchantOrderRow
{
    public Guid Id { get; set; }

    public Guid MerchantId { get; set; }

    public required string TransactionId { get; set; }

    public required string OutTradeNo { get; set; }

    public required string AppId { get; set; }

    public required string TradeType { get; set; }

    public required string Description { get; set; }

    public string? Attach { get; set; }

    public required string NotifyUrl { get; set; }

    public long Amount { get; set; }

    public required string Currency { get; set; }

    public string? PayerOpenId { get; set; }

    public Guid? PayerId { get; set; }

    public required string PrepayId { get; set; }

    public DateTimeOffset PrepayIssuedAt { get; set; }

    public required string RequestHash { get; set; }

    public required string State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public bool PayPosted { get; set; }

    public long RefundedAmount { get; set; }

    public int RefundCount { get; set; }

    public DateTimeOffset? SettledAt { get; set; }

    /// <summary>Whether the sweeper still has something to do with the order: close it, move its money, or settle it.</summary>
    public bool Open { get; set; }

    public MerchantOrder ToDomain() => new(
        Id, MerchantId, TransactionId, OutTradeNo, AppId, TradeType, Description, Attach, NotifyUrl, Amount, Currency, PayerOpenId, PayerId,
        PrepayId, RequestHash, State, CreatedAt, ExpiresAt, PaidAt, PayPosted, RefundedAmount, RefundCount, SettledAt, PrepayIssuedAt);

    public static MerchantOrderRow From(MerchantOrder o) => new()
    {
        Id = o.Id, MerchantId = o.MerchantId, TransactionId = o.TransactionId, OutTradeNo = o.OutTradeNo, AppId = o.AppId, TradeType = o.TradeType,
        Description = o.Description, Attach = o.Attach, NotifyUrl = o.NotifyUrl, Amount = o.Amount, Currency = o.Currency, PayerOpenId = o.PayerOpenId,
        PayerId = o.PayerId, PrepayId = o.PrepayId, RequestHash = o.RequestHash, State = o.State, CreatedAt = o.CreatedAt, ExpiresAt = o.ExpiresAt,
        PaidAt = o.PaidAt, PayPosted = o.PayPosted, RefundedAmount = o.RefundedAmount, RefundCount = o.RefundCount, SettledAt = o.SettledAt,
        PrepayIssuedAt = o.PrepayIssuedAt, Open = true,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<MerchantOrderRow>
    {
        public void Configure(EntityTypeBuilder<MerchantOrderRow> row)
        {
            row.ToTable("merchant_orders");
            row.HasKey(o => o.Id);
            row.Property(o => o.TransactionId).HasMaxLength(32);
            row.HasIndex(o => o.TransactionId).IsUnique();
            row.Property(o => o.OutTradeNo).HasMaxLength(32);
            // The merchant's idempotency key: unique per merchant, never a way to reach another merchant's order.
            row.HasIndex(o => new { o.MerchantId, o.OutTradeNo }).IsUnique();
            row.Property(o => o.PrepayId).HasMaxLength(64);
            row.HasIndex(o => o.PrepayId).IsUnique();
            row.Property(o => o.AppId).HasMaxLength(32);
            row.Property(o => o.TradeType).HasMaxLength(16);
            row.Property(o => o.Description).HasMaxLength(127);
            row.Property(o => o.Attach).HasMaxLength(128);
            row.Property(o => o.NotifyUrl).HasMaxLength(256);
            row.Property(o => o.Currency).HasMaxLength(8);
            row.Property(o => o.PayerOpenId).HasMaxLength(64);
            row.Property(o => o.RequestHash).HasMaxLength(64);
            row.Property(o => o.State).HasMaxLength(16);
            row.HasIndex(o => new { o.MerchantId, o.CreatedAt });
            row.HasIndex(o => new { o.PayerId, o.PaidAt });
            // The sweeper's work list stays small: an order leaves it once closed, or paid and settled.
            row.HasIndex(o => new { o.Open, o.ExpiresAt });
            row.HasOne<MerchantRow>().WithMany().HasForeignKey(o => o.MerchantId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
