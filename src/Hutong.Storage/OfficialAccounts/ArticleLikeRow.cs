using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>A person's like of an article.</summary>
internal sealed class ArticleLikeRow
{
    public Guid ArticleId { get; set; }

    public Guid UserId { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ArticleLikeRow>
    {
        public void Configure(EntityTypeBuilder<ArticleLikeRow> row)
        {
            row.ToTable("oa_article_likes");
            row.HasKey(l => new { l.ArticleId, l.UserId });
            row.HasIndex(l => l.UserId);
            row.HasOne<ArticleRow>().WithMany().HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
