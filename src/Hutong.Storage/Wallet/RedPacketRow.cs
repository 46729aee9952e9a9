using Hutong.Storage.Accounts;
using Hutong.Storage.Chat;
using Hutong.Wallet.RedPackets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet;

internal sealed class RedPacketRow
{
    public Guid Id { get; set; }

    public required string PacketId { get; set; }

    public Guid SenderId { get; set; }

    public Guid ConversationId { get; set; }

    public bool Lucky { get; set; }

    public long TotalAmount { get; set; }

    public int Count { get; set; }

    public string? Greeting { get; set; }

    public required string State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public long? MessageSeq { get; set; }

    public bool Settled { get; set; }

    public RedPacket ToDomain() =>
        new(Id, PacketId, SenderId, ConversationId, Lucky, TotalAmount, Count, Greeting, State, CreatedAt, ExpiresAt, MessageSeq, Settled);

    public static RedPacketRow From(RedPacket p) => new()
    {
        Id = p.Id,
        PacketId = p.PacketId,
        SenderId = p.SenderId,
        ConversationId = p.ConversationId,
        Lucky = p.Lucky,
        TotalAmount = p.TotalAmount,
        Count = p.Count,
        Greeting = p.Greeting,
        State = p.State,
        CreatedAt = p.CreatedAt,
        ExpiresAt = p.ExpiresAt,
        MessageSeq = p.MessageSeq,
        Settled = p.Settled,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<RedPacketRow>
    {
        public void Configure(EntityTypeBuilder<RedPacketRow> row)
        {
            row.ToTable("red_packets");
            row.HasKey(p => p.Id);
            row.Property(p => p.PacketId).HasMaxLength(64);
            row.Property(p => p.Greeting).HasMaxLength(30);
            row.Property(p => p.State).HasMaxLength(16);
            row.HasIndex(p => new { p.SenderId, p.PacketId }).IsUnique();
            // The sweeper's work list: packets not yet settled, by when they fall due.
            row.HasIndex(p => new { p.Settled, p.ExpiresAt });
            row.HasOne<AccountRow>().WithMany().HasForeignKey(p => p.SenderId).OnDelete(DeleteBehavior.Restrict);
            row.HasOne<ConversationRow>().WithMany().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
