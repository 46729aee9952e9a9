using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>
/// A reader of an article on a day (a day number in the configured time zone): a person (<c>u:</c> and their id) or a
/// browser (<c>b:</c> and its random cookie). The key makes a read count once a day.
/// </summary>
internal sealed class ArticleReadRow
{
    public Guid ArticleId { get; set; }

    public required string ReaderKey { get; set; }

    public int Day { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ArticleReadRow>
    {
        public void Configure(EntityTypeBuilder<ArticleReadRow> row)
        {
            row.ToTable("oa_article_reads");
            row.HasKey(r => new { r.ArticleId, r.ReaderKey, r.Day });
            row.Property(r => r.ReaderKey).HasMaxLength(64);
            row.HasOne<ArticleRow>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
