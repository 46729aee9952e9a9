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

    public MediaItem ToDomain() => new(Id, Sha256, ContentType, Size, FileName, UploaderId, CreatedAt);

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
        }
    }
}
