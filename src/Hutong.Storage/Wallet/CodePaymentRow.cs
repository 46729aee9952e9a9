using Hutong.Storage.Accounts;
using Hutong.Wallet.Receiving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet;

/// <summary>A payment by receive code: what the payer asked for, beside the ledger transfer that moved the money.</summary>
internal sealed class CodePaymentRow
{
    public Guid Id { get; set; }

    public Guid PayerId { get; set; }

    public required string TransferId { get; set; }

    public Guid ReceiverId { get; set; }

    public required string Code { get; set; }

    public long Amount { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public CodePayment ToDomain() => new(Id, PayerId, TransferId, ReceiverId, Code, Amount, Note, CreatedAt);

    internal sealed class Configuration : IEntityTypeConfiguration<CodePaymentRow>
    {
        public void Configure(EntityTypeBuilder<CodePaymentRow> row)
        {
            row.ToTable("code_payments");
            row.HasKey(p => p.Id);
            row.Property(p => p.TransferId).HasMaxLength(64);
            row.Property(p => p.Code).HasMaxLength(32);
            row.Property(p => p.Note).HasMaxLength(100);
            // The payer's idempotency key: unique per payer, never a way to find someone else's payment.
            row.HasIndex(p => new { p.PayerId, p.TransferId }).IsUnique();
            row.HasIndex(p => p.ReceiverId);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(p => p.PayerId).OnDelete(DeleteBehavior.Restrict);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(p => p.ReceiverId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
