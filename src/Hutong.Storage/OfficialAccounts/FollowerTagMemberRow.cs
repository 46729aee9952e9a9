using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>A follower carrying one of the account's tags.</summary>
internal sealed class FollowerTagMemberRow
{
    public Guid AccountId { get; set; }

    public int TagId { get; set; }

    public Guid UserId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<FollowerTagMemberRow>
    {
        public void Configure(EntityTypeBuilder<FollowerTagMemberRow> row)
        {
            row.ToTable("oa_tag_members");
            row.HasKey(m => new { m.AccountId, m.TagId, m.UserId });
            row.HasIndex(m => new { m.AccountId, m.UserId });
            row.HasOne<FollowerTagRow>().WithMany().HasForeignKey(m => new { m.AccountId, m.TagId }).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<FollowerRow>().WithMany().HasForeignKey(m => new { m.AccountId, m.UserId }).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
