using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Platform;

/// <summary>A named secret of the whole platform (the openid key), made once by whichever node asks first.</summary>
internal sealed class PlatformKeyRow
{
    public required string Name { get; set; }

    public required byte[] Value { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<PlatformKeyRow>
    {
        public void Configure(EntityTypeBuilder<PlatformKeyRow> row)
        {
            row.ToTable("platform_keys");
            row.HasKey(k => k.Name);
            row.Property(k => k.Name).HasMaxLength(64);
        }
    }
}
