using Hutong.Chat.Media;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Media;

internal sealed class MediaRow
{
    public Guid Id { get; set; }

    public required string Sha256 { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public string? FileName { get; set; }

    public Guid UploaderId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int? DurationMs { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>A video's poster frame: an image upload of the same person.</summary>
    public Guid? PosterId { get; set; }

    public static MediaRow From(MediaItem item) => new()
    {
        Id = item.Id,
        Sha256 = item.Sha256,
        ContentType = item.ContentType,
        Size = item.Size,
        FileName = item.FileName,
        UploaderId = item.UploaderId,
        CreatedAt = item.CreatedAt,
        DurationMs = item.DurationMs,
        Width = item.Width,
        Height = item.Height,
        PosterId = item.PosterId,
    };

    public MediaItem ToDomain() => new(Id, Sha256, ContentType, Size, FileName, UploaderId, CreatedAt, DurationMs, Width, Height, PosterId);

    internal sealed class Configuration : IEntityTypeConfiguration<MediaRow>
    {
        public void Configure(EntityTypeBuilder<MediaRow> row)
        {
            row.ToTable("media");
            row.HasKey(m => m.Id);
            row.Property(m => m.Sha256).HasMaxLength(64);
            row.Property(m => m.ContentType).HasMaxLength(128);
            row.Property(m => m.FileName).HasMaxLength(255);
            row.HasIndex(m => m.Sha256);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(m => m.UploaderId).OnDelete(DeleteBehavior.Cascade);
            // Who may see a poster is asked by its id. No foreign key: a poster is its video's uploader's and leaves with
            // it, and on SQLite adding one would rebuild the table.
            row.HasIndex(m => m.PosterId);
        }
    }
}
