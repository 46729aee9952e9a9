using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Accounts;

internal sealed class DeviceSessionRow
{
    public Guid DeviceId { get; set; }

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    public required byte[] TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<DeviceSessionRow>
    {
        public void Configure(EntityTypeBuilder<DeviceSessionRow> row)
        {
            row.ToTable("device_sessions");
            row.HasKey(s => s.DeviceId);
            row.Property(s => s.Name).HasMaxLength(64);
            row.Property(s => s.TokenHash).HasMaxLength(32);
            row.HasIndex(s => s.TokenHash).IsUnique();
            row.HasIndex(s => s.UserId);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
