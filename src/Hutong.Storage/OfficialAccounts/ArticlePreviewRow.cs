using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>A draft article previewed to one follower: they may read it (and its uploads) before it is published.</summary>
internal sealed class ArticlePreviewRow
{
    public Guid ArticleId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ArticlePreviewRow>
    {
        public void Configure(EntityTypeBuilder<ArticlePreviewRow> row)
        {
            row.ToTable("oa_article_previews");
            row.HasKey(p => new { p.ArticleId, p.UserId });
            row.HasIndex(p => p.UserId);
            row.HasOne<ArticleRow>().WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
