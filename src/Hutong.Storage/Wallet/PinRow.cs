using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet;

internal sealed class PinRow
{
    public Guid UserId { get; set; }

    public required string PinHash { get; set; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<PinRow>
    {
        public void Configure(EntityTypeBuilder<PinRow> row)
        {
            row.ToTable("payment_pins");
            row.HasKey(p => p.UserId);
            row.Property(p => p.PinHash).HasMaxLength(200);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
