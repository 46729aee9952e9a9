using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>An upload an article shows (its cover or an image of its body), so readers of the article may fetch it.</summary>
internal sealed class ArticleMediaRow
{
    public Guid ArticleId { get; set; }

    public Guid MediaId { get; set; }

    /// <summary>Where it comes in the article (the cover first), to give the ids back in order.</summary>
    public int Position { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ArticleMediaRow>
    {
        public void Configure(EntityTypeBuilder<ArticleMediaRow> row)
        {
            row.ToTable("oa_article_media");
            row.HasKey(m => new { m.ArticleId, m.MediaId });
            row.HasIndex(m => m.MediaId);
            row.HasOne<ArticleRow>().WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
