using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

/// <summary>One item of a person's storage at a mini-program; <see cref="Size"/> is the key's and value's UTF-8 bytes.</summary>
internal sealed class StorageItemRow
{
    public Guid AppKey { get; set; }

    public Guid UserId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }

    public long Size { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<StorageItemRow>
    {
        public void Configure(EntityTypeBuilder<StorageItemRow> row)
        {
            row.ToTable("mp_storage");
            row.HasKey(i => new { i.AppKey, i.UserId, i.Key });
            row.Property(i => i.Key).HasMaxLength(1024);
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(i => i.AppKey).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
