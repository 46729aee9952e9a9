using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet;

/// <summary>A person's receive code: one each, replaced in place by a reset, so the one before names nobody.</summary>
internal sealed class ReceiveCodeRow
{
    public Guid UserId { get; set; }

    public required string Code { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ReceiveCodeRow>
    {
        public void Configure(EntityTypeBuilder<ReceiveCodeRow> row)
        {
            row.ToTable("receive_codes");
            row.HasKey(c => c.UserId);
            row.Property(c => c.Code).HasMaxLength(32);
            row.HasIndex(c => c.Code).IsUnique();
            row.HasOne<AccountRow>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
