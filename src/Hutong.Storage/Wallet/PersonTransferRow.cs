using Hutong.Storage.Accounts;
using Hutong.Wallet.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet;

internal sealed class PersonTransferRow
{
    public Guid Id { get; set; }

    public required string TransferId { get; set; }

    public Guid SenderId { get; set; }

    public Guid ReceiverId { get; set; }

    public long Amount { get; set; }

    public string? Note { get; set; }

    public required string State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public bool Settled { get; set; }

    public PersonTransfer ToDomain() => new(Id, TransferId, SenderId, ReceiverId, Amount, Note, State, CreatedAt, ExpiresAt, Settled);

    internal sealed class Configuration : IEntityTypeConfiguration<PersonTransferRow>
    {
        public void Configure(EntityTypeBuilder<PersonTransferRow> row)
        {
            row.ToTable("person_transfers");
            row.HasKey(t => t.Id);
            row.Property(t => t.TransferId).HasMaxLength(64);
            row.Property(t => t.Note).HasMaxLength(100);
            row.Property(t => t.State).HasMaxLength(16);
            // The sender's idempotency key: unique per sender, never a way to find someone else's transfer.
            row.HasIndex(t => new { t.SenderId, t.TransferId }).IsUnique();
            row.HasIndex(t => t.ReceiverId);
            // The sweeper's work list: what is still pending, or resolved but not yet carried out.
            row.HasIndex(t => new { t.Settled, t.ExpiresAt });
            row.HasOne<AccountRow>().WithMany().HasForeignKey(t => t.SenderId).OnDelete(DeleteBehavior.Restrict);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(t => t.ReceiverId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
