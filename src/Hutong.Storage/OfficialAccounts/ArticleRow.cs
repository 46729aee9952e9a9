using Hutong.OfficialAccounts.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>An article of an account; its uploads are <see cref="ArticleMediaRow"/>s.</summary>
internal sealed class ArticleRow
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public required string Title { get; set; }

    public Guid? CoverId { get; set; }

    public required string Digest { get; set; }

    public required string Author { get; set; }

    /// <summary>Sanitised HTML.</summary>
    public required string Body { get; set; }

    public string? SourceUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public static ArticleRow From(Article a) => new()
    {
        Id = a.Id,
        AccountId = a.AccountId,
        Title = a.Title,
        CoverId = a.CoverId,
        Digest = a.Digest,
        Author = a.Author,
        Body = a.Body,
        SourceUrl = a.SourceUrl,
        CreatedAt = a.CreatedAt,
        UpdatedAt = a.UpdatedAt,
        PublishedAt = a.PublishedAt,
    };

    public Article ToDomain(IReadOnlyList<Guid> mediaIds) =>
        new(Id, AccountId, Title, CoverId, Digest, Author, Body, SourceUrl, CreatedAt, UpdatedAt, PublishedAt, mediaIds);

    internal sealed class Configuration : IEntityTypeConfiguration<ArticleRow>
    {
        public void Configure(EntityTypeBuilder<ArticleRow> row)
        {
            row.ToTable("oa_articles");
            row.HasKey(a => a.Id);
            row.HasIndex(a => new { a.AccountId, a.CreatedAt });
            row.Property(a => a.Title).HasMaxLength(1000);
            row.Property(a => a.Digest).HasMaxLength(10_000);
            row.Property(a => a.Author).HasMaxLength(200);
            row.Property(a => a.SourceUrl).HasMaxLength(2048);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
