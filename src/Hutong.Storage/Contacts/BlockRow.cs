using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Contacts;

internal sealed class BlockRow
{
    public Guid UserId { get; set; }

    public Guid BlockedId { get; set; }

    public DateTimeOffset Since { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<BlockRow>
    {
        public void Configure(EntityTypeBuilder<BlockRow> row)
        {
            row.ToTable("blocks");
            row.HasKey(b => new { b.UserId, b.BlockedId });
            row.HasIndex(b => b.BlockedId);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
