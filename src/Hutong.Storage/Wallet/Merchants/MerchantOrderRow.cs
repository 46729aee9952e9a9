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
        PrepayId, RequestHash, State, CreatedAt, ExpiresAt, PaidAt, PayPosted, RefundedAmount, RefundCount, SettledAt);

    public static MerchantOrderRow From(MerchantOrder o) => new()
    {
        Id = o.Id, MerchantId = o.MerchantId, TransactionId = o.TransactionId, OutTradeNo = o.OutTradeNo, AppId = o.AppId, TradeType = o.TradeType,
        Description = o.Description, Attach = o.Attach, NotifyUrl = o.NotifyUrl, Amount = o.Amount, Currency = o.Currency, PayerOpenId = o.PayerOpenId,
        PayerId = o.PayerId, PrepayId = o.PrepayId, RequestHash = o.RequestHash, State = o.State, CreatedAt = o.CreatedAt, ExpiresAt = o.ExpiresAt,
        PaidAt = o.PaidAt, PayPosted = o.PayPosted, RefundedAmount = o.RefundedAmount, RefundCount = o.RefundCount, SettledAt = o.SettledAt,
        Open = true,
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

internal sealed class MerchantNotificationRow
{
    public Guid Id { get; set; }

    public Guid MerchantId { get; set; }

    public required string EventType { get; set; }

    public required string Url { get; set; }

    public required string Body { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the next attempt is due, or null once delivered or given up: the outbox's work list is the rows with one.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Until when a node holds the row for an attempt; no other node takes it before.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    /// <summary>Which lease holds the row: the node that took it reads back only its own.</summary>
    public Guid? LeaseToken { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public Hutong.Wallet.Merchants.Notifications.MerchantNotification ToDomain() =>
        new(Id, MerchantId, EventType, Url, Body, Attempts, NextAttemptAt ?? CreatedAt, CreatedAt, DeliveredAt, LeaseToken, LeasedUntil);

    internal sealed class Configuration : IEntityTypeConfiguration<MerchantNotificationRow>
    {
        public void Configure(EntityTypeBuilder<MerchantNotificationRow> row)
        {
            row.ToTable("merchant_notifications");
            row.HasKey(n => n.Id);
            row.Property(n => n.EventType).HasMaxLength(32);
            row.Property(n => n.Url).HasMaxLength(256);
            row.HasIndex(n => n.NextAttemptAt);
            row.HasIndex(n => new { n.MerchantId, n.CreatedAt });
            row.HasOne<MerchantRow>().WithMany().HasForeignKey(n => n.MerchantId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
