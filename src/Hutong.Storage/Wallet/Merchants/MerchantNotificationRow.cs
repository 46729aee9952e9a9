using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet.Merchants;

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
