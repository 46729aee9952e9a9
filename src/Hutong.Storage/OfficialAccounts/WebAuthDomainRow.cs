using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>One of an account's web authorization domains; <see cref="Position"/> keeps the order the owner gave.</summary>
internal sealed class WebAuthDomainRow
{
    public Guid AccountId { get; set; }

    public required string Domain { get; set; }

    public int Position { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<WebAuthDomainRow>
    {
        public void Configure(EntityTypeBuilder<WebAuthDomainRow> row)
        {
            row.ToTable("oa_web_auth_domains");
            row.HasKey(d => new { d.AccountId, d.Domain });
            row.Property(d => d.Domain).HasMaxLength(253);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
