using Hutong.MiniPrograms.Apps;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

internal sealed class DeveloperRow
{
    public Guid UserId { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public Developer ToDomain() => new(UserId, Name, RegisteredAt);

    internal sealed class Configuration : IEntityTypeConfiguration<DeveloperRow>
    {
        public void Configure(EntityTypeBuilder<DeveloperRow> row)
        {
            row.ToTable("mp_developers");
            row.HasKey(d => d.UserId);
            row.Property(d => d.Name).HasMaxLength(200);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
