using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Accounts;

internal sealed class AccountRow
{
    public Guid Id { get; set; }

    public required string Handle { get; set; }

    public required string DisplayName { get; set; }

    public string? AvatarUrl { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AccountRow>
    {
        public void Configure(EntityTypeBuilder<AccountRow> row)
        {
            row.ToTable("accounts");
            row.HasKey(a => a.Id);
            row.Property(a => a.Handle).HasMaxLength(32);
            row.HasIndex(a => a.Handle).IsUnique();
            // 64 text elements; an emoji sequence can take many UTF-16 units.
            row.Property(a => a.DisplayName).HasMaxLength(512);
            row.Property(a => a.AvatarUrl).HasMaxLength(2048);
            // Who may fetch an upload is also decided by whose avatar it is.
            row.HasIndex(a => a.AvatarUrl);
            row.Property(a => a.PasswordHash).HasMaxLength(256);
        }
    }
}
