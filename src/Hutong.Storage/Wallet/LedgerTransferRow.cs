using Hutong.Wallet.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet;

internal sealed class LedgerTransferRow
{
    public required string Id { get; set; }

    public Guid DebitAccountId { get; set; }

    public Guid CreditAccountId { get; set; }

    public long Amount { get; set; }

    public int Code { get; set; }

    public int Kind { get; set; }

    public string? PendingId { get; set; }

    public string? Reference { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Transfer ToDomain() =>
        new(Id, DebitAccountId, CreditAccountId, Amount, (TransferCode)Code, (TransferKind)Kind, PendingId, Reference, CreatedAt);

    public static LedgerTransferRow From(Transfer transfer) => new()
    {
        Id = transfer.Id,
        DebitAccountId = transfer.DebitAccountId,
        CreditAccountId = transfer.CreditAccountId,
        Amount = transfer.Amount,
        Code = (int)transfer.Code,
        Kind = (int)transfer.Kind,
        PendingId = transfer.PendingId,
        Reference = transfer.Reference,
        CreatedAt = transfer.CreatedAt,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<LedgerTransferRow>
    {
        public void Configure(EntityTypeBuilder<LedgerTransferRow> row)
        {
            row.ToTable("ledger_transfers");
            row.HasKey(t => t.Id);
            row.Property(t => t.Id).HasMaxLength(128);
            row.Property(t => t.PendingId).HasMaxLength(128);
            row.Property(t => t.Reference).HasMaxLength(128);
            // A pending transfer is posted or voided once: the database refuses a second resolution too.
            row.HasIndex(t => t.PendingId).IsUnique().HasFilter("pending_id IS NOT NULL");
            row.HasIndex(t => new { t.DebitAccountId, t.CreatedAt });
            row.HasIndex(t => new { t.CreditAccountId, t.CreatedAt });
            row.HasOne<LedgerAccountRow>().WithMany().HasForeignKey(t => t.DebitAccountId).OnDelete(DeleteBehavior.Restrict);
            row.HasOne<LedgerAccountRow>().WithMany().HasForeignKey(t => t.CreditAccountId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
